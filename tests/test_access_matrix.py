"""Every route × every role (and anonymous visitors): allowed or refused, checked on the server."""

import pytest

from tests.access import ROLES
from tests.access.actions import CONFIDENTIAL_ACTION_READERS
from tests.access.lookup import Demo, client_for
from tests.access.matrix import ACCESS_RULES, GET_CASES, check_access


def test_every_route_has_an_access_rule(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    missing = sorted(endpoints - ACCESS_RULES.keys())
    assert not missing, f"routes with no access rule in tests/access/: {missing}"
    unknown = sorted(ACCESS_RULES.keys() - endpoints)
    assert not unknown, f"access rules for routes that do not exist: {unknown}"


@pytest.mark.read_only_demo
@pytest.mark.parametrize("endpoint,who", GET_CASES)
def test_page_access(app, read_only_demo, endpoint, who):
    check_access(app, endpoint, who)


@pytest.mark.read_only_demo
@pytest.mark.parametrize("who", [*ROLES])
def test_confidential_action_is_visible_only_to_those_who_may_see_it(app, read_only_demo, who):
    response = client_for(app, who).get(f"/actions/{Demo().confidential_action()}")
    expected = 200 if who in CONFIDENTIAL_ACTION_READERS else 404
    assert response.status_code == expected
