"""Users: the administrator adds them, changes their role, person and account, resets passwords."""

import sqlalchemy as sa

from tests.clients import Auth
from tests.pages import error_summary, text_of
from tests.records import audit_entries, count
from tracker.auth.models import Role, User
from tracker.extensions import db

NEW_PASSWORD = "a-long-enough-password"


def user_named(username: str) -> User | None:
    return db.session.scalar(sa.select(User).filter_by(username=username))


def new_user(person_id, **overrides) -> dict:
    return {
        "username": "oz.khan",
        "role": Role.LEAD,
        "person_id": person_id,
        "password": NEW_PASSWORD,
        **overrides,
    }


def change(user: User, **overrides) -> dict:
    return {
        "role": user.role,
        "person_id": user.person_id or "",
        "active": "yes" if user.active else "no",
        **overrides,
    }


def test_admin_adds_a_user_who_can_then_sign_in(browser, client, admin, users):
    person = users["viewer"].person
    response = client.post("/admin/users/new", data=new_user(person.id), follow_redirects=True)
    assert "User added: oz.khan" in text_of(response)
    user = user_named("oz.khan")
    assert (user.role, user.person, user.active) == (Role.LEAD, person, True)
    # The password is kept only as a hash, and never written to the audit log.
    assert NEW_PASSWORD not in user.password_hash
    (entry,) = audit_entries("user_account")
    assert NEW_PASSWORD not in str(entry.detail) and "password_hash" not in str(entry.detail)

    newcomer = browser()
    assert Auth(newcomer).login("oz.khan", NEW_PASSWORD).status_code == 302
    assert newcomer.get("/").status_code == 200


def test_a_short_initial_password_is_refused(client, admin, users):
    response = client.post(
        "/admin/users/new", data=new_user(users["viewer"].person.id, password="elevenchars")
    )
    assert "Initial password must be between 12 and 128 characters" in error_summary(response)
    assert user_named("oz.khan") is None


def test_a_lead_must_be_linked_to_a_person(client, admin):
    response = client.post("/admin/users/new", data=new_user(""))
    assert "Select the person this lead is" in error_summary(response)
    assert user_named("oz.khan") is None
    assert audit_entries() == []


def test_a_user_who_is_not_a_lead_need_not_be_linked(client, admin):
    response = client.post("/admin/users/new", data=new_user("", role=Role.SECRETARIAT))
    assert response.status_code == 302
    assert user_named("oz.khan").person is None


def test_a_username_already_taken_is_refused_whatever_its_case(client, admin, users):
    response = client.post(
        "/admin/users/new", data=new_user(users["viewer"].person.id, username="Viewer")
    )
    assert "There is already a user with the username Viewer" in error_summary(response)
    assert count(User) == len(tuple(Role))


def test_a_person_or_role_that_does_not_exist_is_refused(client, admin):
    response = client.post("/admin/users/new", data=new_user("99999", role="superuser"))
    summary = error_summary(response)
    assert "Select a person from the list" in summary and "Select the user&#39;s role" in summary
    assert user_named("oz.khan") is None


def test_a_deactivated_user_can_no_longer_sign_in(browser, client, admin, users):
    viewer = users["viewer"]
    response = client.post(f"/admin/users/{viewer.id}", data=change(viewer, active="no"))
    assert response.status_code == 302
    assert "Deactivated" in text_of(client.get("/admin/users"))
    refused = Auth(browser()).login("viewer")
    assert "Enter a correct username and password" in text_of(refused)
    entry, attempt = audit_entries("user_account")
    assert entry.event == "deactivated" and entry.summary == "Deactivated user viewer"
    assert attempt.event == "sign-in failed" and attempt.entity_id == viewer.id

    client.post(f"/admin/users/{viewer.id}", data=change(viewer, active="yes"))
    assert Auth(browser()).login("viewer").status_code == 302


def test_admin_changes_a_users_role(client, admin, users):
    secretariat = users["secretariat"]
    client.post(f"/admin/users/{secretariat.id}", data=change(secretariat, role=Role.VIEWER))
    db.session.expire_all()
    assert secretariat.role == Role.VIEWER
    (entry,) = audit_entries("user_account")
    assert entry.detail["changes"] == {"Role": ["secretariat", "viewer"]}


def test_making_a_user_a_lead_needs_a_person(client, admin, users):
    secretariat = users["secretariat"]
    response = client.post(
        f"/admin/users/{secretariat.id}", data=change(secretariat, role=Role.LEAD, person_id="")
    )
    assert "Select the person this lead is" in error_summary(response)
    db.session.expire_all()
    assert secretariat.role == Role.SECRETARIAT and secretariat.person is not None


def test_admin_cannot_demote_themselves(client, admin):
    response = client.post(f"/admin/users/{admin.id}", data=change(admin, role=Role.VIEWER))
    assert "You cannot remove your own administrator role" in error_summary(response)
    db.session.expire_all()
    assert admin.role == Role.ADMIN
    assert client.get("/admin").status_code == 200


def test_admin_cannot_deactivate_themselves(client, admin):
    response = client.post(f"/admin/users/{admin.id}", data=change(admin, active="no"))
    assert "You cannot deactivate your own account" in error_summary(response)
    db.session.expire_all()
    assert admin.active is True


def test_admin_can_deactivate_another_admin(client, admin, users):
    from tests.factories import UserFactory

    other = UserFactory(username="admin2", role=Role.ADMIN, person=None)
    db.session.commit()
    assert (
        client.post(f"/admin/users/{other.id}", data=change(other, active="no")).status_code == 302
    )
    db.session.expire_all()
    assert other.active is False


def test_reset_password_replaces_the_old_one(browser, client, admin, users):
    lead = users["lead"]
    response = client.post(f"/admin/users/{lead.id}/password", data={"password": NEW_PASSWORD})
    assert response.status_code == 302
    assert "Enter a correct username and password" in text_of(Auth(browser()).login("lead"))
    assert Auth(browser()).login("lead", NEW_PASSWORD).status_code == 302
    entry, attempt = audit_entries("user_account")
    assert entry.event == "password reset" and NEW_PASSWORD not in str(entry.detail)
    assert attempt.event == "sign-in failed" and NEW_PASSWORD not in str(attempt.detail)


def test_reset_password_refuses_a_short_one(client, admin, users):
    lead = users["lead"]
    before = lead.password_hash
    response = client.post(f"/admin/users/{lead.id}/password", data={"password": "short"})
    assert "New password must be between 12 and 128 characters" in error_summary(response)
    db.session.expire_all()
    assert lead.password_hash == before


def test_a_user_who_does_not_exist_is_not_found(client, admin):
    assert client.get("/admin/users/99999").status_code == 404
    assert (
        client.post("/admin/users/99999/password", data={"password": NEW_PASSWORD}).status_code
        == 404
    )


def test_the_list_shows_each_users_person_role_and_account(client, admin, users):
    page = text_of(client.get("/admin/users"))
    assert users["lead"].person.description in page
    assert "WYP lead" in page and "Deputy Mayor / executive" in page


def test_a_user_deactivated_while_signed_in_is_turned_away_at_their_next_page(
    browser, client, admin, users
):
    viewer = users["viewer"]
    viewers_browser = browser()
    Auth(viewers_browser).login("viewer")
    assert viewers_browser.get("/actions").status_code == 200
    client.post(f"/admin/users/{viewer.id}", data=change(viewer, active="no"))
    turned_away = viewers_browser.get("/actions")
    assert turned_away.status_code == 302 and "/login" in turned_away.headers["Location"]
