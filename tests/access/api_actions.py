"""The API's actions and outstanding-actions report: the same rules as the register, the action's
page, its update and sign-off forms, and the report's page (tests/access/actions.py, reports_*)."""

from tests.access import EVERYONE, Rule, roles

RULES = {
    "api.list_actions": Rule(allowed=EVERYONE),
    "api.get_action": Rule(allowed=EVERYONE, args=lambda d: {"action_id": d.action()}),
    # COM-2023-10-04a is WYP's, the demo lead's organisation; the secretariat may update for a
    # lead; the DMPC decides, she does not update. Without If-Match those allowed get 428.
    "api.add_action_update": Rule(
        allowed=roles("admin", "secretariat", "lead"),
        args=lambda d: {"action_id": d.action()},
        method="POST",
        data=lambda d: {"note": "Checked.", "status": "in_progress"},
    ),
    "api.decide_action": Rule(
        allowed=roles("executive"),
        args=lambda d: {"action_id": d.action("COM-2023-10-04b")},
        method="POST",
        data=lambda d: {"decision": "sign-off"},
    ),
    "api.outstanding_actions_report": Rule(allowed=EVERYONE),
}
