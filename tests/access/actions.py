"""The action register, updates, sign-off and the overdue review."""

from tests.access import EVERYONE, Rule, roles

RULES = {
    "actions.index": Rule(allowed=EVERYONE),
    "actions.overdue": Rule(allowed=EVERYONE),
    "actions.detail": Rule(allowed=EVERYONE, args=lambda d: {"action_id": d.action()}),
    # COM-2023-10-04a is owned by WYP, the demo lead's organisation; the secretariat may update
    # on a lead's behalf. The DMPC decides, she does not update.
    "actions.add_update": Rule(
        allowed=roles("admin", "secretariat", "lead"),
        args=lambda d: {"action_id": d.action()},
        method="POST",
        data=lambda d: {"update-note": "", "update-status": "closed"},
    ),
    "actions.sign_off": Rule(
        allowed=roles("executive"),
        args=lambda d: {"action_id": d.action("COM-2023-10-04b")},
        method="POST",
        data=lambda d: {"signoff-decision": "close"},
    ),
    "actions.decide_extension": Rule(
        allowed=roles("executive"),
        args=lambda d: {"action_id": d.action()},
        method="POST",
        data=lambda d: {"extension-decision": "refuse"},
    ),
    "actions.edit": Rule(
        allowed=roles("admin", "secretariat"), args=lambda d: {"action_id": d.action()}
    ),
    "actions.set_aside": Rule(
        allowed=roles("admin", "secretariat"), args=lambda d: {"action_id": d.action()}
    ),
}

# Per-record rules (checked in the matrix test beside the route table): a confidential action
# is visible only to these roles; the lead sees it because WYP, their organisation, owns it.
CONFIDENTIAL_ACTION_READERS = roles("admin", "secretariat", "executive", "lead")
