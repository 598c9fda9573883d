"""Who may reach each route: one declarative table per domain, checked by test_access_matrix.

Each domain's module in this package defines `RULES`, a dict from endpoint name to `Rule`;
`matrix` gathers them and checks each case, and `lookup` finds the demo records and users the
checks need. The matrix test requires a rule for every endpoint the app has, so a new route
cannot ship unchecked.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

ROLES = ("admin", "secretariat", "lead", "executive", "viewer")
EVERYONE = frozenset(ROLES)
ANONYMOUS = "anonymous"


@dataclass(frozen=True)
class Rule:
    """`allowed`: the roles that get through (`anonymous` too for public pages).

    `args` builds the URL's arguments from the demo data (a callable taking the `Demo` lookup
    in tests/access/lookup.py). `method` is the HTTP method tried; for a POST, `data` is the
    form sent (it need not be valid: a refused user must get 403 whatever they send, and an
    allowed one anything but 401/403).
    """

    allowed: frozenset[str]
    args: Callable[..., dict] = field(default=lambda d: {})
    method: str = "GET"
    data: Callable[..., dict] = field(default=lambda d: {})


def roles(*names: str) -> frozenset[str]:
    return frozenset(names)
