"""The access matrix: every route's rule, the (route, role) cases to try, and the check each runs.

test_access_matrix checks the pages on one shared load of the demo data; test_access_changes
checks the routes that change data, each on a fresh load; the browser crawl finds a page each
role may not see here.
"""

import importlib
import pkgutil

from flask import url_for

import tests.access
from tests.access import ANONYMOUS, ROLES, Rule
from tests.access.lookup import Demo, client_for_endpoint, is_api


def all_rules() -> dict[str, Rule]:
    """The `RULES` of every module in tests/access/, checked to give each route once."""
    rules: dict[str, Rule] = {}
    for module in pkgutil.iter_modules(tests.access.__path__):
        found = getattr(importlib.import_module(f"tests.access.{module.name}"), "RULES", {})
        clash = rules.keys() & found.keys()
        assert not clash, f"rules given twice: {clash}"
        rules.update(found)
    return rules


# Not called RULES: all_rules() collects RULES from every module here, this one included.
ACCESS_RULES = all_rules()
WHO = (*ROLES, ANONYMOUS)
GET_CASES = [
    (e, who) for e in sorted(ACCESS_RULES) if ACCESS_RULES[e].method == "GET" for who in WHO
]
# Requests that may change data run each on a fresh copy of the demo data.
WRITE_CASES = [
    (e, who) for e in sorted(ACCESS_RULES) if ACCESS_RULES[e].method != "GET" for who in WHO
]


def check_access(app, endpoint: str, who: str) -> None:
    """Request `endpoint` as `who` and check it is let through or refused as its rule says."""
    rule = ACCESS_RULES[endpoint]
    lookup = Demo()
    with app.test_request_context():
        url = url_for(endpoint, **rule.args(lookup))
    client = client_for_endpoint(app, endpoint, who)
    if rule.method == "GET":
        response = client.get(url)
    elif is_api(endpoint):
        response = client.open(url, method=rule.method, json=rule.data(lookup))
    else:
        response = client.open(url, method=rule.method, data=rule.data(lookup))
    if who in rule.allowed:
        assert response.status_code not in (401, 403), f"{who} refused at {url}"
        assert response.status_code < 500, f"{who} got {response.status_code} at {url}"
        # A page that sends an allowed user to sign in has refused them (signing out may, though).
        if rule.method == "GET" and response.status_code in (301, 302, 303):
            assert "/login" not in response.headers["Location"], f"{who} sent to sign in at {url}"
    elif who == ANONYMOUS and is_api(endpoint):
        # A script with no token: 401, never the sign-in page.
        assert response.status_code == 401, f"{who} got {response.status_code} at {url}, not 401"
        assert response.mimetype == "application/problem+json"
    elif who == ANONYMOUS:
        assert response.status_code == 302 and "/login" in response.headers["Location"], url
    else:
        assert response.status_code == 403, f"{who} got {response.status_code} at {url}, not 403"
