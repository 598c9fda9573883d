"""Changing your own password, and sessions ending when a password changes."""

from tests.clients import PASSWORD
from tracker.extensions import db

NEW_PASSWORD = "four unrelated words here"


def change(client, current=PASSWORD, new=NEW_PASSWORD, confirm=NEW_PASSWORD):
    return client.post(
        "/account/password",
        data={"current_password": current, "new_password": new, "confirm_password": confirm},
    )


def test_user_changes_their_password_and_signs_in_with_the_new_one(app, client, auth, users):
    auth.login("lead")
    response = change(client)
    assert response.status_code == 302
    assert client.get("/").status_code == 200  # this session carries on
    auth.logout()
    assert auth.login("lead", PASSWORD).status_code == 200  # old password refused
    assert auth.login("lead", NEW_PASSWORD).status_code == 302


def test_wrong_current_password_changes_nothing(client, auth, users):
    auth.login("lead")
    page = change(client, current="not-my-password").get_data(as_text=True)
    assert "Your current password is not correct" in page
    assert "govuk-error-summary" in page
    db.session.refresh(users["lead"])
    assert users["lead"].check_password(PASSWORD)


def test_new_passwords_must_match_and_be_long_enough(client, auth, users):
    auth.login("lead")
    assert "The new passwords do not match" in change(client, confirm="something else entirely").get_data(as_text=True)
    assert "must be between 12 and 128 characters" in change(client, new="short", confirm="short").get_data(as_text=True)
    db.session.refresh(users["lead"])
    assert users["lead"].check_password(PASSWORD)


def test_changing_the_password_signs_out_other_sessions(app, auth, users):
    elsewhere = app.test_client()
    elsewhere.post("/login", data={"username": "lead", "password": PASSWORD})
    assert elsewhere.get("/").status_code == 200
    auth.login("lead")
    change(auth.client)
    assert elsewhere.get("/").headers["Location"].startswith("/login")


def test_an_admin_reset_signs_the_user_out(app, users):
    lead = app.test_client()
    lead.post("/login", data={"username": "lead", "password": PASSWORD})
    admin = app.test_client()
    admin.post("/login", data={"username": "admin", "password": PASSWORD})
    response = admin.post(
        f"/admin/users/{users['lead'].id}/password", data={"password": "a brand new long password"}
    )
    assert response.status_code == 302
    assert lead.get("/").headers["Location"].startswith("/login")


def test_signing_in_needs_an_account_to_change_its_password(client):
    assert client.get("/account/password").headers["Location"].startswith("/login")
