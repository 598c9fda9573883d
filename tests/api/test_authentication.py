"""Only a valid bearer token opens the API: never a cookie, never a revoked, expired or
mistyped token, nor one whose user is no longer active. Read tokens cannot write."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from tests.api.conftest import bearer
from tests.clients import sign_in
from tracker.audit import AuditEntry
from tracker.auth import tokens
from tracker.auth.models import ApiToken
from tracker.extensions import db
from tracker.kit.dates import utcnow

MEETINGS = "/api/v1/meetings"


def assert_unauthorized(response):
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert response.get_json()["status"] == 401


def test_no_token_is_401(api_client):
    assert_unauthorized(api_client.get(MEETINGS))


@pytest.mark.parametrize("header", [
    "Bearer wyt_not-a-real-token", "Bearer ", "Basic dmlld2VyOnBhc3N3b3Jk", "wyt_abc", "Bearer x\x00",
])
def test_a_wrong_or_malformed_token_is_401(api_client, users, header):
    assert_unauthorized(api_client.get(MEETINGS, headers={"Authorization": header}))


def test_a_revoked_token_is_401(api_client, users):
    token, secret = tokens.issue(users["viewer"], name="script", scope="read")
    assert api_client.get(MEETINGS, headers=bearer(secret)).status_code == 200

    tokens.revoke(token, users["viewer"])

    assert_unauthorized(api_client.get(MEETINGS, headers=bearer(secret)))
    assert db.session.scalar(sa.select(AuditEntry.event).order_by(AuditEntry.id.desc())) == (
        "revoked API token"
    )


def test_an_expired_token_is_401(api_client, users):
    token, secret = tokens.issue(users["viewer"], name="script", scope="read", expires_in_days=1)
    token.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert_unauthorized(api_client.get(MEETINGS, headers=bearer(secret)))


def test_the_token_of_an_inactive_user_is_401(api_client, users):
    _, secret = tokens.issue(users["lead"], name="script", scope="write")
    users["lead"].active = False
    db.session.commit()
    assert_unauthorized(api_client.get(MEETINGS, headers=bearer(secret)))


def test_a_signed_in_browser_session_alone_is_401_and_no_cookie_is_set(app, users):
    browser = sign_in(app.test_client(), users["admin"])
    response = browser.get(MEETINGS)
    assert_unauthorized(response)
    assert "Set-Cookie" not in response.headers


def test_a_read_token_cannot_write(api_client, api_token):
    response = api_client.post(MEETINGS, json={}, headers=api_token("admin", "read"))
    assert response.status_code == 403
    assert response.mimetype == "application/problem+json"
    assert "may only read" in response.get_json()["detail"]


def test_the_secret_is_kept_only_as_its_hash_and_shown_by_its_prefix(users):
    token, secret = tokens.issue(users["viewer"], name="script", scope="read")
    assert secret.startswith("wyt_") and len(secret) > 40
    assert token.prefix == secret[:10]
    assert secret not in {token.token_hash, token.name}
    assert tokens.authenticate(secret).id == token.id


def test_last_used_is_recorded(api_client, users):
    token, secret = tokens.issue(users["viewer"], name="script", scope="read")
    assert token.last_used_at is None
    api_client.get(MEETINGS, headers=bearer(secret))
    assert db.session.get(ApiToken, token.id).last_used_at is not None


@pytest.mark.parametrize("options, field", [
    ({"name": " ", "scope": "read"}, "name"),
    ({"name": "x" * 101, "scope": "read"}, "name"),
    ({"name": "script", "scope": "admin"}, "scope"),
    ({"name": "script", "scope": "read", "expires_in_days": 0}, "expires_in_days"),
    ({"name": "script", "scope": "read", "expires_in_days": 367}, "expires_in_days"),
])
def test_issuing_refuses_what_a_token_cannot_be(users, options, field):
    with pytest.raises(tokens.TokenError) as refused:
        tokens.issue(users["viewer"], **options)
    assert refused.value.field == field
    assert tokens.tokens_of(users["viewer"]) == []


def test_only_the_owner_or_an_administrator_may_revoke(users):
    token, _ = tokens.issue(users["lead"], name="script", scope="write")
    with pytest.raises(tokens.NotAllowed):
        tokens.revoke(token, users["secretariat"])
    tokens.revoke(token, users["admin"])
    assert token.revoked_at is not None
    assert token.status(utcnow()) == "Revoked"


def test_tokens_of_lists_newest_first(users):
    first, _ = tokens.issue(users["viewer"], name="first", scope="read")
    second, _ = tokens.issue(users["viewer"], name="second", scope="write")
    assert [t.name for t in tokens.tokens_of(users["viewer"])] == ["second", "first"]


@pytest.mark.parametrize("body", [
    b'{"note": "a\\u0000b"}', b"[" * 50_000, b'{"n": 1e999}', b'{"n": NaN}',
    b'{"n": 99999999999999999999}', b'{"x\\u0007": 1}',
])
def test_a_json_body_the_tracker_cannot_store_is_a_400_problem(api_client, api_token, body):
    response = api_client.post(MEETINGS, data=body, content_type="application/json",
                               headers=api_token("admin", "write"))
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
