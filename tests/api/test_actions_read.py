"""Reading actions through the API: the register's filters and pages, and one action with its
history, for exactly the actions the token's user may see."""

from datetime import date, timedelta

import pytest

from tests.actions.helpers import make_action, meeting_type
from tests.api.actions_helpers import etag, next_url, walk
from tests.factories import OrganisationFactory, PersonFactory
from tests.plans.factories import IndicatorFactory, PriorityFactory
from tracker.actions import services
from tracker.actions.models import ActionStatus
from tracker.kit.dates import today


@pytest.fixture
def register(users):
    """Seven actions of WYP and another organisation, dated, undated and overdue; one
    confidential (WYP's, so the lead sees it), one confidential of the other organisation."""
    other = OrganisationFactory(name="Kirklees Council", short_name="KC")
    now = today()
    made = {
        "overdue": make_action(due_on=now - timedelta(days=30), status=ActionStatus.OPEN),
        "soon": make_action(due_on=now + timedelta(days=3), status=ActionStatus.IN_PROGRESS),
        "later": make_action(due_on=now + timedelta(days=100), status=ActionStatus.OPEN),
        "undated": make_action(due_on=None, status=ActionStatus.OPEN),
        "closed": make_action(due_on=now - timedelta(days=60), status=ActionStatus.CLOSED),
        "wyp_secret": make_action(due_on=now + timedelta(days=5), confidential=True),
        "kc_secret": make_action(other, due_on=now + timedelta(days=6), confidential=True),
        "kc": make_action(other, due_on=now - timedelta(days=2), text="Kirklees to report back."),
    }
    return made


def references(items) -> list[str]:
    return [item["reference"] for item in items]


@pytest.mark.parametrize("sort", ["due", "overdue", "reference"])
def test_pages_walk_every_action_once_in_the_registers_order(app, users, api_token, register, sort):
    headers = api_token("secretariat", "read")
    client = app.test_client()

    walked = walk(client, f"/api/v1/actions?sort={sort}&limit=2", headers)

    whole = client.get(f"/api/v1/actions?sort={sort}&limit=200", headers=headers).json["items"]
    assert references(walked) == references(whole)
    assert sorted(references(walked)) == sorted(action.reference for action in register.values())


def test_the_due_order_is_soonest_first_and_undated_last(app, api_token, register):
    items = app.test_client().get("/api/v1/actions", headers=api_token("viewer", "read")).json[
        "items"
    ]

    assert references(items) == [
        register[name].reference
        for name in ("closed", "overdue", "kc", "soon", "later", "undated")
    ]


def test_a_page_links_to_the_next_and_the_last_page_does_not(app, api_token, register):
    client = app.test_client()
    headers = api_token("viewer", "read")

    first = client.get("/api/v1/actions?limit=4&status=outstanding", headers=headers)
    second = client.get(next_url(first), headers=headers)

    assert first.json["next_cursor"] and "status=outstanding" in next_url(first)
    assert "limit=4" in next_url(first)
    assert second.status_code == 200
    assert second.json["next_cursor"] is None and next_url(second) is None
    assert len(first.json["items"]) + len(second.json["items"]) == 5


@pytest.mark.parametrize(
    ("role", "sees"),
    [("viewer", set()), ("lead", {"wyp_secret"}), ("executive", {"wyp_secret", "kc_secret"})],
)
def test_confidential_actions_only_for_those_who_may_see_them(
    app, api_token, register, role, sees
):
    client = app.test_client()
    headers = api_token(role, "read")

    listed = references(walk(client, "/api/v1/actions?limit=3", headers))
    found = {name: client.get(f"/api/v1/actions/{register[name].id}", headers=headers)
             for name in ("wyp_secret", "kc_secret")}

    for name in ("wyp_secret", "kc_secret"):
        assert (register[name].reference in listed) == (name in sees)
        # As the web: an action you may not see does not exist for you.
        assert found[name].status_code == (200 if name in sees else 404)


def test_a_confidential_action_is_a_404_problem_for_a_viewer(app, api_token, register):
    response = app.test_client().get(
        f"/api/v1/actions/{register['kc_secret'].id}", headers=api_token("viewer", "read")
    )

    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"
    assert register["kc_secret"].reference not in response.get_data(as_text=True)


def test_filters_narrow_the_list_as_the_register_does(app, api_token, users, register):
    client = app.test_client()
    headers = api_token("secretariat", "read")
    kc = register["kc"].owner
    priority = PriorityFactory()
    indicator = IndicatorFactory(priority=priority)
    register["soon"].priorities.append(priority)
    register["later"].indicators.append(indicator)
    from tracker.extensions import db

    db.session.commit()

    def found(query: str) -> set[str]:
        response = client.get(f"/api/v1/actions?{query}", headers=headers)
        assert response.status_code == 200, response.json
        return {name for name, action in register.items()
                if action.reference in references(response.json["items"])}

    assert found(f"status=outstanding&owner={kc.id}") == {"kc", "kc_secret"}
    assert found("status=closed") == {"closed"}
    assert found("due=overdue") == {"overdue", "kc"}
    assert found("due=within&within_days=5") == {"soon", "wyp_secret"}
    assert found("text=kirklees") == {"kc"}
    assert found(f"priority={priority.id}") == {"soon"}
    assert found(f"indicator={indicator.id}") == {"later"}
    assert found(f"lead={register['later'].lead_id}") == {"later"}
    assert found(f"meeting={register['undated'].meeting_id}") == {"undated"}
    assert found(f"meeting_type={meeting_type('COM').id}") == set(register)


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("status=finished", "status", "Must be one of"),
        ("sort=newest", "sort", "Must be one of"),
        ("owner=999999", "owner", "Not a valid choice"),
        ("priority=999999", "priority", "Not a valid choice"),
        ("lead=abc", "lead", "Not a valid integer"),
        ("owner=99999999999999999999", "owner", ""),
        ("due=within&within_days=0", "within_days", "Number of days must be between 1 and 3650"),
        ("limit=500", "limit", ""),
        ("cursor=not-a-cursor", "cursor", "Not a valid cursor"),
        ("cursor=WyJ2IiwiIl0", "cursor", ""),
    ],
)
def test_values_the_register_would_not_offer_are_422_problems_naming_the_field(
    app, api_token, register, query, field, message
):
    response = app.test_client().get(
        f"/api/v1/actions?{query}", headers=api_token("viewer", "read")
    )

    assert response.status_code == 422, response.json
    assert response.mimetype == "application/problem+json"
    assert field in response.json["errors"], response.json
    assert message in " ".join(response.json["errors"][field])


def test_one_action_with_its_plan_links_history_and_etag(app, api_token, users):
    lead = PersonFactory(name="Sam Pearson")
    action = make_action(lead=lead, due_on=date(2030, 1, 31), status=ActionStatus.OPEN)
    priority = PriorityFactory(title="Keeping people safe")
    action.priorities.append(priority)
    from tracker.extensions import db

    db.session.commit()
    services.add_update(
        action, users["lead"], note="Work has started.", status=ActionStatus.IN_PROGRESS,
        seen_version=action.version,
    )

    response = app.test_client().get(
        f"/api/v1/actions/{action.id}", headers=api_token("viewer", "read")
    )

    assert response.status_code == 200
    assert response.headers["ETag"] == etag(action)
    body = response.json
    assert body["reference"] == action.reference
    assert body["status"] == "in_progress"
    assert body["due_on"] == "2030-01-31"
    assert body["lead"] == {"id": lead.id, "name": "Sam Pearson"}
    assert body["owner"]["short_name"] == "WYP"
    assert body["meeting"]["starts_at"].endswith(("+00:00", "+01:00"))
    assert [p["title"] for p in body["priorities"]] == ["Keeping people safe"]
    [entry] = body["history"]
    assert entry["kind"] == "update"
    assert entry["note"] == "Work has started."
    assert entry["author"] == users["lead"].display_name
    assert entry["author_id"] == users["lead"].id
    assert (entry["old_status"], entry["new_status"]) == ("open", "in_progress")
    assert entry["created_at"].endswith("+00:00")


def test_a_get_with_the_current_etag_is_304(app, api_token):
    action = make_action()
    client = app.test_client()
    headers = api_token("viewer", "read")

    response = client.get(f"/api/v1/actions/{action.id}", headers={
        **headers, "If-None-Match": etag(action)
    })

    assert response.status_code == 304


def test_without_a_token_the_actions_are_401(app, register):
    client = app.test_client()

    assert client.get("/api/v1/actions").status_code == 401
    assert client.get(f"/api/v1/actions/{register['soon'].id}").status_code == 401
