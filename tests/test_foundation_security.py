"""Security from the start: a strict content security policy, safe cookies, CSRF on every form."""

import re

import pytest

from tests.clients import PASSWORD
from tests.pages import csrf_token


def test_pages_carry_a_strict_content_security_policy(client):
    response = client.get("/login")
    policy = dict(
        directive.strip().split(" ", 1) for directive in response.headers["Content-Security-Policy"].split(";")
    )
    assert policy["default-src"] == "'self'"
    assert re.fullmatch(r"'self' 'nonce-[^']+'", policy["script-src"])
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["form-action"] == "'self'"


def test_the_only_inline_scripts_carry_the_policys_nonce(client):
    response = client.get("/login")
    nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"]).group(1)
    page = response.get_data(as_text=True)
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", page)
    assert inline, "expected GOV.UK's inline script that marks JavaScript as available"
    assert all(f'nonce="{nonce}"' in attributes for attributes in inline)
    # Each response has its own nonce.
    assert nonce not in client.get("/login").headers["Content-Security-Policy"]


def test_pages_cannot_be_framed_or_sniffed(client):
    headers = client.get("/login").headers
    assert headers["X-Frame-Options"] in ("SAMEORIGIN", "DENY")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"]


def test_session_cookie_is_http_only_and_same_site(client, users):
    response = client.post("/login", data={"username": "lead", "password": PASSWORD})
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_session_cookie_is_secure_by_default(make_app, monkeypatch):
    for name in ("SESSION_COOKIE_SECURE", "WTF_CSRF_ENABLED", "FORCE_HTTPS"):
        monkeypatch.delenv(name, raising=False)
    app = make_app()
    # The sign-in form keeps its CSRF token in the session, so the cookie is set here.
    response = app.test_client().get("/login")
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "Secure" in cookie and "HttpOnly" in cookie


def test_csrf_is_on_by_default(make_app, monkeypatch):
    monkeypatch.delenv("WTF_CSRF_ENABLED", raising=False)
    assert make_app().config["WTF_CSRF_ENABLED"] is True


def test_sign_in_form_works_with_its_csrf_token(csrf_app, users):
    client = csrf_app.test_client()
    token = csrf_token(client.get("/login").get_data(as_text=True))
    response = client.post("/login", data={"username": "lead", "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302 and response.headers["Location"] == "/"


@pytest.mark.parametrize("token", [None, "forged-token"])
def test_sign_out_form_refuses_a_request_without_a_good_csrf_token(csrf_app, users, token):
    client = csrf_app.test_client()
    login_token = csrf_token(client.get("/login").get_data(as_text=True))
    client.post("/login", data={"username": "lead", "password": PASSWORD, "csrf_token": login_token})
    data = {} if token is None else {"csrf_token": token}
    assert client.post("/logout", data=data).status_code == 400
    assert client.get("/").status_code == 200  # still signed in
    home = client.get("/").get_data(as_text=True)
    assert client.post("/logout", data={"csrf_token": csrf_token(home)}).status_code == 302
    assert client.get("/").headers["Location"].startswith("/login")
