"""Your account: every signed-in user has one, may sign out of their other sessions, and may
make and revoke their own API tokens (someone else's token is not found)."""

from tests.access import EVERYONE, Rule

# No demo user has a token with this id: every signed-in role gets the same 404.
NO_SUCH_TOKEN = 999_999

RULES = {
    "auth.account": Rule(allowed=EVERYONE),
    "auth.sign_out_other_sessions": Rule(allowed=EVERYONE, method="POST"),
    "auth.api_tokens": Rule(allowed=EVERYONE),
    "auth.create_api_token": Rule(
        allowed=EVERYONE,
        method="POST",
        data=lambda d: {"name": "Access matrix", "scope": "read", "expires_in_days": "30"},
    ),
    "auth.revoke_api_token": Rule(allowed=EVERYONE, args=lambda d: {"token_id": NO_SUCH_TOKEN}),
}
