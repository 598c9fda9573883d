"""Personal access tokens on /account/tokens: made, shown once, listed by their prefix, revoked,
and each person's own."""

import hashlib
import re
from datetime import timedelta

import sqlalchemy as sa

from tests.clients import sign_in
from tests.factories import UserFactory
from tests.pages import csrf_token
from tracker.auth import tokens
from tracker.auth.models import ApiToken, Role
from tracker.extensions import db
from tracker.kit.dates import utcnow

# Any API page a token of either scope may read.
API_URL = "/api/v1/meetings"
SECRET = re.compile(r"wyt_[A-Za-z0-9_-]{20,}")
NEVER_USED = 'data-label="Last used">Never<'


def create(client, name="Quarterly figures", scope="write", days="90"):
    return client.post(
        "/account/tokens", data={"name": name, "scope": scope, "expires_in_days": days}
    )


def secret_on(response) -> str:
    found = SECRET.findall(response.get_data(as_text=True))
    assert found, "no token shown on the page"
    return found[0]


def stored_tokens() -> list[ApiToken]:
    return list(db.session.scalars(sa.select(ApiToken).order_by(ApiToken.id)))


def bearer(secret: str) -> dict:
    return {"Authorization": f"Bearer {secret}"}


def test_a_new_token_is_shown_once_then_listed_by_its_prefix_and_stored_hashed(client, login_as):
    lead = login_as("lead")
    response = create(client)
    assert response.status_code == 201  # made, and shown in this answer
    assert response.headers["Cache-Control"] == "no-store"
    page = response.get_data(as_text=True)
    secret = secret_on(response)
    assert "is ready" in page and "only time the token is shown" in page
    assert f"curl -H &#34;Authorization: Bearer {secret}&#34;" in page or (
        f'curl -H "Authorization: Bearer {secret}"' in page
    )

    (token,) = stored_tokens()
    assert token.user_id == lead.id and token.name == "Quarterly figures" and token.scope == "write"
    assert token.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret.startswith(token.prefix) and token.prefix != secret
    assert (token.expires_at - token.created_at).days == 90

    listed = client.get("/account/tokens")
    assert "no-store" not in listed.headers.get("Cache-Control", "")
    listed_page = listed.get_data(as_text=True)
    assert secret not in listed_page and not SECRET.search(listed_page.replace(token.prefix, ""))
    assert "Quarterly figures" in listed_page and token.prefix in listed_page
    assert "Read and write" in listed_page and "Active" in listed_page and NEVER_USED in listed_page


def test_the_token_made_on_the_page_works_against_the_api(client, login_as, app):
    login_as("viewer")
    secret = secret_on(create(client, scope="read"))
    api = app.test_client()
    assert api.get(API_URL, headers=bearer(secret)).status_code == 200
    assert api.get(API_URL).status_code == 401
    (token,) = stored_tokens()
    assert token.last_used_at is not None
    assert NEVER_USED not in client.get("/account/tokens").get_data(as_text=True)


def test_revoking_asks_first_then_the_token_stops_working(client, login_as, app):
    login_as("lead")
    secret = secret_on(create(client))
    (token,) = stored_tokens()
    revoke_url = f"/account/tokens/{token.id}/revoke"
    assert revoke_url in client.get("/account/tokens").get_data(as_text=True)

    confirm = client.get(revoke_url).get_data(as_text=True)
    assert "Are you sure you want to revoke this token?" in confirm and "Quarterly figures" in confirm
    db.session.refresh(token)
    assert token.revoked_at is None  # asking changes nothing

    response = client.post(revoke_url, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "has been revoked" in page and "govuk-notification-banner" in page
    assert "Revoked" in page and revoke_url not in page
    db.session.refresh(token)
    assert token.revoked_at is not None
    assert app.test_client().get(API_URL, headers=bearer(secret)).status_code == 401


def test_an_expired_token_is_listed_as_expired_with_nothing_to_revoke(client, login_as):
    lead = login_as("lead")
    token, _ = tokens.issue(lead, name="Old script", scope="read", expires_in_days=1)
    token.expires_at = utcnow() - timedelta(days=1)
    db.session.commit()
    page = client.get("/account/tokens").get_data(as_text=True)
    assert "Old script" in page and "Expired" in page and "Read only" in page
    assert f"/account/tokens/{token.id}/revoke" not in page


def test_another_persons_token_is_not_found_and_stays_working(client, login_as, users):
    token, _ = tokens.issue(users["viewer"], name="Viewer's script", scope="read", expires_in_days=30)
    login_as("admin")
    assert "Viewer&#39;s script" not in client.get("/account/tokens").get_data(as_text=True)
    assert client.get(f"/account/tokens/{token.id}/revoke").status_code == 404
    assert client.post(f"/account/tokens/{token.id}/revoke").status_code == 404
    db.session.refresh(token)
    assert token.revoked_at is None


def test_each_person_sees_only_their_own_tokens(app, users):
    other = UserFactory(username="other-lead", role=Role.LEAD)
    db.session.commit()
    tokens.issue(users["lead"], name="Mine", scope="read", expires_in_days=30)
    tokens.issue(other, name="Theirs", scope="read", expires_in_days=30)
    page = sign_in(app.test_client(), users["lead"]).get("/account/tokens").get_data(as_text=True)
    assert "Mine" in page and "Theirs" not in page


def test_the_form_shows_its_errors_and_makes_nothing(client, login_as):
    login_as("secretariat")
    between = f"The token must expire in between 1 and {tokens.MAX_EXPIRY_DAYS} days"
    cases = {
        ("", "read", "90"): "Enter a name for the token",
        ("   ", "read", "90"): "Enter a name for the token",
        ("x" * 101, "read", "90"): "The token&#39;s name must be 100 characters or fewer",
        ("Script", "", "90"): "Choose whether the token may only read, or read and write",
        ("Script", "admin", "90"): "Choose whether the token may only read, or read and write",
        ("Script", "read", ""): "Enter how many days the token lasts",
        ("Script", "read", "0"): between,
        ("Script", "read", "367"): between,
        ("Script", "read", "9" * 20): between,
        ("Script", "read", "9" * 5000): "Expires after must be a whole number, like 90",
        ("Script", "read", "ninety"): "Expires after must be a whole number, like 90",
    }
    for (name, scope, days), message in cases.items():
        response = create(client, name=name, scope=scope, days=days)
        page = response.get_data(as_text=True)
        assert response.status_code == 200, (name, scope, days)
        assert "govuk-error-summary" in page and message in page, (name, scope, days, message)
        assert "<title>Error:" in page
        assert not SECRET.search(page)
    assert stored_tokens() == []


def test_the_page_offers_sensible_defaults_and_links_to_the_documentation(client, login_as):
    login_as("executive")
    page = client.get("/account/tokens").get_data(as_text=True)
    assert "You have no tokens yet" in page
    assert 'name="expires_in_days"' in page and 'value="90"' in page
    assert "Read only" in page and "Read and write" in page
    assert 'href="/api/v1/docs"' in page
    assert 'href="/account/tokens"' in client.get("/account").get_data(as_text=True)


def test_making_and_revoking_need_the_forms_csrf_token(request, client, login_as):
    lead = login_as("lead")
    token, _ = tokens.issue(lead, name="Kept", scope="read", expires_in_days=30)
    request.getfixturevalue("csrf_app")
    assert create(client).status_code == 400
    assert client.post(f"/account/tokens/{token.id}/revoke").status_code == 400
    assert len(stored_tokens()) == 1
    db.session.refresh(token)
    assert token.revoked_at is None

    page = client.get("/account/tokens").get_data(as_text=True)
    response = client.post(
        "/account/tokens",
        data={"name": "With token", "scope": "read", "expires_in_days": "7",
              "csrf_token": csrf_token(page)},
    )
    assert response.status_code == 201 and SECRET.search(response.get_data(as_text=True))
