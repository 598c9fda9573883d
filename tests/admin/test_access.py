"""Only administrators reach the administration pages, and every form needs its CSRF token."""

import pytest

from tests.factories import MeetingTypeFactory
from tests.records import audit_entries, count
from tracker.auth.models import User
from tracker.directory.models import MeetingType, Organisation, Person
from tracker.extensions import db

NOT_ADMINS = ["secretariat", "lead", "executive", "viewer"]


def changes(users) -> dict[str, dict]:
    """A valid change for every administration form, keyed by its address."""
    wyp = users["lead"].person.organisation
    viewer = users["viewer"]
    meeting_type = MeetingTypeFactory()
    db.session.commit()
    return {
        "/admin/organisations/new": {"name": "Kirklees Council", "short_name": "KC"},
        f"/admin/organisations/{wyp.id}": {"name": "Police", "short_name": "P"},
        "/admin/people/new": {"name": "Oz Khan", "organisation_id": wyp.id},
        f"/admin/people/{viewer.person.id}": {"name": "Renamed", "organisation_id": wyp.id},
        "/admin/meeting-types/new": {"name": "Panel", "short_name": "PCP", "is_public": "yes"},
        f"/admin/meeting-types/{meeting_type.id}": {
            "name": "Board",
            "short_name": "B",
            "is_public": "no",
        },
        "/admin/users/new": {
            "username": "oz",
            "role": "admin",
            "person_id": "",
            "password": "a-long-enough-password",
        },
        f"/admin/users/{viewer.id}": {"role": "admin", "person_id": "", "active": "yes"},
        f"/admin/users/{viewer.id}/password": {"password": "a-long-enough-password"},
    }


def snapshot() -> tuple:
    return (
        count(Organisation),
        count(Person),
        count(MeetingType),
        count(User),
        count(User, User.role == "admin"),
        len(audit_entries()),
    )


@pytest.mark.parametrize("role", NOT_ADMINS)
def test_only_an_administrator_may_change_anything(client, users, login_as, role):
    login_as(role)
    every = changes(users)
    before = snapshot()
    for url, data in every.items():
        assert client.get(url).status_code == 403, url
        assert client.post(url, data=data).status_code == 403, url
    assert snapshot() == before


def test_an_administrator_can_make_each_change(client, users, login_as):
    login_as("admin")
    every = changes(users)
    for url, data in every.items():
        assert client.post(url, data=data).status_code == 302, url
    assert len(audit_entries()) == len(every)


def test_signed_out_visitors_are_sent_to_sign_in(client, users):
    for url in ("/admin", "/admin/people", "/admin/audit", *changes(users)):
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response.headers["Location"], url


def test_every_form_needs_its_csrf_token(request, client, users, login_as):
    login_as("admin")
    request.getfixturevalue("csrf_app")  # on once signed in
    every = changes(users)
    before = snapshot()
    for url, data in every.items():
        response = client.post(url, data=data)
        assert response.status_code == 400, url
    assert snapshot() == before


def test_every_form_carries_a_csrf_token(request, client, users, login_as):
    login_as("admin")
    request.getfixturevalue("csrf_app")
    for url in changes(users):
        assert 'name="csrf_token"' in client.get(url).get_data(as_text=True), url
