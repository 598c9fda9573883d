"""Who is calling the API: `Authorization: Bearer <token>`, and nothing else.

Before each API request the token is checked (tracker/auth/tokens.py) and its user becomes
`current_user`, so `permission_required`, the `can_*` checks, `queries.visible(user)` and every
service apply exactly as on the web. A cookie session is never accepted here (and the API never
sets one: tracker/api/__init__.py keeps sessions away from /api/). A read token may only read.
Each token may make API_RATE_LIMIT requests ("300 per minute"); then 429 with Retry-After.
"""

import math
import time

from flask import current_app, g, request
from limits import parse

from tracker.api.problems import abort_problem
from tracker.auth import tokens
from tracker.auth.models import ApiToken
from tracker.extensions import limiter

READING = frozenset({"GET", "HEAD", "OPTIONS"})


def current_token() -> ApiToken:
    """The token this API request came with."""
    return g.api_token


def authenticate_request() -> None:
    """Before every request to the API's resources: a valid token, within its scope and rate."""
    scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        abort_problem(401, "Send a personal access token as 'Authorization: Bearer <token>'. "
                      "Create one on your account's 'API tokens' page.")
    token = tokens.authenticate(secret.strip())
    if token is None:
        abort_problem(401, "This token is not valid: it may be mistyped, expired or revoked, "
                      "or its account may no longer be active.")
    # Flask-Login reads the user from here: the token's user is current_user for this request.
    g._login_user = token.user
    g.api_token = token
    _count_against_limit(token)
    if request.method not in READING and not token.can_write:
        abort_problem(403, "This token may only read. Create a read and write token to make changes.")


def _count_against_limit(token: ApiToken) -> None:
    if not limiter.enabled:
        return
    limit = parse(current_app.config["API_RATE_LIMIT"])
    key = (current_app.config["RATELIMIT_KEY_PREFIX"], "api-token", str(token.id))
    try:
        strategy = limiter.limiter
        if strategy.hit(limit, *key):
            return
        reset_at, _remaining = strategy.get_window_stats(limit, *key)
    except Exception:  # the counters' storage failed: serve rather than refuse everyone
        current_app.logger.warning("Could not count an API request against its limit", exc_info=True)
        return
    wait = max(1, math.ceil(reset_at - time.time()))
    abort_problem(
        429,
        f"This token has made more than {limit.amount} requests in "
        f"{limit.multiples} {limit.GRANULARITY.name}(s). Try again in {wait} seconds.",
        headers={"Retry-After": str(wait)},
    )
