"""Every route × every role (and anonymous visitors): allowed or refused, checked on the server."""

import importlib
import pkgutil

import pytest

import tests.access
from tests.access import ANONYMOUS, ROLES, Rule
from tests.access.actions import CONFIDENTIAL_ACTION_READERS
from tests.access.lookup import Demo
from tests.clients import sign_in_directly


def all_rules() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for module in pkgutil.iter_modules(tests.access.__path__):
        found = getattr(importlib.import_module(f"tests.access.{module.name}"), "RULES", {})
        clash = rules.keys() & found.keys()
        assert not clash, f"rules given twice: {clash}"
        rules.update(found)
    return rules


RULES = all_rules()
WHO = (*ROLES, ANONYMOUS)
GET_CASES = [(e, who) for e in sorted(RULES) if RULES[e].method == "GET" for who in WHO]
# Requests that may change data run each on a fresh copy of the demo data.
WRITE_CASES = [(e, who) for e in sorted(RULES) if RULES[e].method != "GET" for who in WHO]
USERNAMES = {"admin": "admin", "secretariat": "secretariat", "lead": "lead",
             "executive": "dmpc", "viewer": "viewer"}


def test_every_route_has_an_access_rule(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    missing = sorted(endpoints - RULES.keys())
    assert not missing, f"routes with no access rule in tests/access/: {missing}"
    unknown = sorted(RULES.keys() - endpoints)
    assert not unknown, f"access rules for routes that do not exist: {unknown}"


def client_for(app, who: str):
    """A test client signed in as the demo user of a role (the session set directly: quick)."""
    import sqlalchemy as sa

    from tracker.extensions import db
    from tracker.models import User

    client = app.test_client()
    if who != ANONYMOUS:
        user = db.session.scalar(sa.select(User).where(User.username == USERNAMES[who]))
        sign_in_directly(client, user)
    return client


@pytest.mark.read_only_demo
@pytest.mark.parametrize("endpoint,who", GET_CASES)
def test_page_access(app, read_only_demo, endpoint, who):
    check_access(app, endpoint, who)


def check_access(app, endpoint: str, who: str) -> None:
    rule = RULES[endpoint]
    lookup = Demo()
    with app.test_request_context():
        from flask import url_for

        url = url_for(endpoint, **rule.args(lookup))
    client = client_for(app, who)
    if rule.method == "GET":
        response = client.get(url)
    else:
        response = client.open(url, method=rule.method, data=rule.data(lookup))
    if who in rule.allowed:
        assert response.status_code not in (401, 403), f"{who} refused at {url}"
        assert response.status_code < 500, f"{who} got {response.status_code} at {url}"
        # A page that sends an allowed user to sign in has refused them (signing out may, though).
        if rule.method == "GET" and response.status_code in (301, 302, 303):
            assert "/login" not in response.headers["Location"], f"{who} sent to sign in at {url}"
    elif who == ANONYMOUS:
        assert response.status_code == 302 and "/login" in response.headers["Location"], url
    else:
        assert response.status_code == 403, f"{who} got {response.status_code} at {url}, not 403"


@pytest.mark.read_only_demo
@pytest.mark.parametrize("who", [*ROLES])
def test_confidential_action_is_visible_only_to_those_who_may_see_it(app, read_only_demo, who):
    response = client_for(app, who).get(f"/actions/{Demo().confidential_action()}")
    expected = 200 if who in CONFIDENTIAL_ACTION_READERS else 404
    assert response.status_code == expected
