"""Signing in and out, and what each role lands on."""

import pytest

from tests.clients import PASSWORD


def test_sign_in_page_has_labelled_fields(client):
    page = client.get("/login").get_data(as_text=True)
    assert '<label class="govuk-label" for="username">' in page
    assert "Username" in page and "Password" in page
    assert ">Sign in<" in page or 'value="Sign in"' in page


@pytest.mark.parametrize("role", ["admin", "secretariat", "lead", "executive", "viewer"])
def test_each_role_signs_in_and_out(client, auth, users, role):
    response = auth.login(role)
    assert response.status_code == 302 and response.headers["Location"] == "/"
    home = client.get("/")
    assert home.status_code == 200
    assert users[role].person.name in home.get_data(as_text=True)
    assert auth.logout().status_code == 302
    assert client.get("/").headers["Location"].startswith("/login")


def test_wrong_password_gives_the_same_error_as_unknown_user(client, auth, users):
    wrong = auth.login("lead", "not-the-password").get_data(as_text=True)
    unknown = auth.login("nobody", PASSWORD).get_data(as_text=True)
    assert "Enter a correct username and password" in wrong
    assert "Enter a correct username and password" in unknown
    assert "govuk-error-summary" in wrong


def test_password_is_stored_hashed(users):
    assert PASSWORD not in users["lead"].password_hash
    assert users["lead"].check_password(PASSWORD)


def test_sign_out_needs_a_post(client, auth, users):
    auth.login("lead")
    assert client.get("/logout").status_code == 405
    assert client.get("/").status_code == 200  # still signed in


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example"])
def test_no_open_redirect_after_sign_in(client, users, target):
    response = client.post(
        "/login?next=" + target, data={"username": "lead", "password": PASSWORD}
    )
    assert response.headers["Location"] == "/"


def test_sign_in_returns_to_the_page_asked_for(client, users):
    response = client.post("/login?next=/actions", data={"username": "lead", "password": PASSWORD})
    assert response.headers["Location"] == "/actions"


def test_sign_in_attempts_are_limited_per_username(client, users):
    for _ in range(5):
        assert client.post("/login", data={"username": "lead", "password": "x"}).status_code == 200
    refused = client.post("/login", data={"username": "lead", "password": PASSWORD})
    assert refused.status_code == 429
    assert "Too many attempts" in refused.get_data(as_text=True)


def test_disabled_account_cannot_sign_in(client, auth, users):
    from tracker.extensions import db

    users["lead"].active = False
    db.session.commit()
    assert "Enter a correct username and password" in auth.login("lead").get_data(as_text=True)


def test_sign_in_form_needs_csrf_token(csrf_app, users):
    response = csrf_app.test_client().post("/login", data={"username": "lead", "password": PASSWORD})
    assert response.status_code == 400
    assert "There is a problem with your request" in response.get_data(as_text=True)


def test_sign_in_attempts_are_limited_per_address_whatever_the_username(client, users):
    # The test app allows 20 attempts from one address in 15 minutes.
    for attempt in range(20):
        response = client.post("/login", data={"username": f"guess{attempt}", "password": "x"})
        assert response.status_code == 200
    refused = client.post("/login", data={"username": "lead", "password": PASSWORD})
    assert refused.status_code == 429
    assert "Too many attempts" in refused.get_data(as_text=True)
