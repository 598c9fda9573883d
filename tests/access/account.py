"""Your account: every signed-in user has one, and may sign out of their other sessions."""

from tests.access import EVERYONE, Rule

RULES = {
    "auth.account": Rule(allowed=EVERYONE),
    "auth.sign_out_other_sessions": Rule(allowed=EVERYONE, method="POST"),
}
