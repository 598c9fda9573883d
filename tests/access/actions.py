"""The action register, updates, sign-off and the overdue review."""

from tests.access import EVERYONE, Rule, roles

RULES = {
    "actions.index": Rule(allowed=EVERYONE),
    "actions.overdue": Rule(allowed=EVERYONE),
    "actions.detail": Rule(allowed=EVERYONE, args=lambda d: {"action_id": d.action()}),
}

# Per-record rules (checked in the matrix test beside the route table): a confidential action
# is visible only to these roles; the lead sees it because WYP, their organisation, owns it.
CONFIDENTIAL_ACTION_READERS = roles("admin", "secretariat", "executive", "lead")
