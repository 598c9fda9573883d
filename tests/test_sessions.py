"""Signed-in sessions are kept on the server: signing out ends them, and they expire.

Time is moved by editing a session record's timestamps, as if the clock had moved on.
"""

import html
from datetime import timedelta

import pytest
import sqlalchemy as sa

from tests.clients import PASSWORD, Auth
from tracker.audit import AuditEntry
from tracker.auth.sessions import EndReason, UserSession
from tracker.extensions import db
from tracker.kit.dates import utcnow


def signed_in(app, username: str = "lead"):
    """A browser of its own, signed in through the sign-in form."""
    client = app.test_client()
    assert Auth(client).login(username).status_code == 302
    return client


def session_cookie(client) -> str:
    return client.get_cookie("session").value


def with_cookie(app, value: str):
    """Another browser that holds a copy of a session cookie."""
    client = app.test_client()
    client.set_cookie("session", value)
    return client


def sessions_of(user) -> list[UserSession]:
    return list(
        db.session.scalars(sa.select(UserSession).where(UserSession.user_id == user.id).order_by(UserSession.id))
    )


def refused(response) -> bool:
    return response.status_code == 302 and response.headers["Location"].startswith("/login")


def notice(client) -> str:
    """The sign-in page's text as the browser that was sent there sees it."""
    return html.unescape(client.get("/login").get_data(as_text=True))


def age(record: UserSession, *, signed_in: timedelta | None = None, unused: timedelta | None = None):
    """Move the clock on for `record`: signed in `signed_in` ago, last used `unused` ago."""
    now = utcnow()
    if signed_in is not None:
        record.created_at = now - signed_in
    if unused is not None:
        record.last_seen_at = now - unused
    db.session.commit()


# Signing out ---------------------------------------------------------------------------------


def test_a_copied_cookie_is_refused_after_signing_out(app, users):
    client = signed_in(app)
    copied = session_cookie(client)
    assert with_cookie(app, copied).get("/").status_code == 200  # the copy works while signed in
    assert Auth(client).logout().status_code == 302

    replayed = with_cookie(app, copied)
    assert refused(replayed.get("/"))
    assert refused(replayed.get("/actions"))
    (record,) = sessions_of(users["lead"])
    assert record.ended_at is not None and record.end_reason == EndReason.SIGNED_OUT


def test_a_session_key_alone_is_kept_hashed_on_the_server(app, users):
    client = signed_in(app)
    with client.session_transaction() as cookie:
        key = cookie["session_key"]
    (record,) = sessions_of(users["lead"])
    assert key not in record.key_hash and len(record.key_hash) == 64


def test_a_cookie_without_a_session_record_is_refused(app, users):
    """A cookie from before sessions were kept on the server names a user but no session."""
    client = app.test_client()
    with client.session_transaction() as cookie:
        cookie["_user_id"] = users["lead"].get_id()
        cookie["_fresh"] = True
    assert refused(client.get("/"))
    assert "You were signed out. Sign in again to carry on." in notice(client)


# Expiry ----------------------------------------------------------------------------------------


def test_a_session_unused_for_30_minutes_ends(app, users):
    client = signed_in(app)
    (record,) = sessions_of(users["lead"])
    age(record, unused=timedelta(minutes=30, seconds=1))

    response = client.get("/actions?page=2")
    assert refused(response)
    assert response.headers["Location"] == "/login?next=/actions?page%3D2"
    assert "You were signed out because you had not used the tracker for 30 minutes" in notice(client)
    db.session.refresh(record)
    assert record.end_reason == EndReason.IDLE


def test_using_the_tracker_keeps_the_session_going(app, users):
    client = signed_in(app)
    (record,) = sessions_of(users["lead"])
    age(record, unused=timedelta(minutes=29))
    assert client.get("/").status_code == 200
    db.session.refresh(record)
    assert utcnow() - record.last_seen_at.replace(tzinfo=utcnow().tzinfo) < timedelta(minutes=1)
    age(record, unused=timedelta(minutes=29))
    assert client.get("/").status_code == 200  # 58 minutes after signing in, used throughout


def test_a_session_ends_12_hours_after_signing_in_however_busy(app, users):
    client = signed_in(app)
    (record,) = sessions_of(users["lead"])
    age(record, signed_in=timedelta(hours=12, seconds=1), unused=timedelta(seconds=5))

    assert refused(client.get("/"))
    assert "You were signed out because you had been signed in for 12 hours" in notice(client)
    db.session.refresh(record)
    assert record.end_reason == EndReason.LIFETIME


def test_an_expired_session_stays_ended(app, users):
    client = signed_in(app)
    copied = session_cookie(client)
    (record,) = sessions_of(users["lead"])
    age(record, unused=timedelta(hours=1))
    assert refused(client.get("/"))
    age(record, unused=timedelta(seconds=0))  # as if someone tried to revive it
    assert refused(with_cookie(app, copied).get("/"))


def test_the_lifetimes_are_settings(make_app, users):
    app = make_app(
        {
            "SESSION_IDLE_TIMEOUT": timedelta(minutes=5),
            "SESSION_MAX_LIFETIME": timedelta(hours=1),
            "SESSION_COOKIE_SECURE": False,
            "WTF_CSRF_ENABLED": False,
        }
    )
    client = signed_in(app)
    (record,) = sessions_of(users["lead"])
    age(record, unused=timedelta(minutes=5, seconds=1))
    assert refused(client.get("/"))
    assert "you had not used the tracker for 5 minutes" in notice(client)


def test_the_lifetimes_come_from_the_environment(tmp_path, monkeypatch):
    from tracker import config

    monkeypatch.setenv("SESSION_IDLE_MINUTES", "15")
    monkeypatch.setenv("SESSION_MAX_HOURS", "8")
    settings = config.load(str(tmp_path))
    assert settings["SESSION_IDLE_TIMEOUT"] == timedelta(minutes=15)
    assert settings["SESSION_MAX_LIFETIME"] == timedelta(hours=8)


def test_the_default_lifetimes_are_30_minutes_idle_and_12_hours(tmp_path, monkeypatch):
    from tracker import config

    monkeypatch.delenv("SESSION_IDLE_MINUTES", raising=False)
    monkeypatch.delenv("SESSION_MAX_HOURS", raising=False)
    settings = config.load(str(tmp_path))
    assert settings["SESSION_IDLE_TIMEOUT"] == timedelta(minutes=30)
    assert settings["SESSION_MAX_LIFETIME"] == timedelta(hours=12)


def test_sessions_long_over_are_forgotten_at_the_next_sign_in(app, users):
    old = signed_in(app)
    (record,) = sessions_of(users["lead"])
    age(record, signed_in=timedelta(days=2), unused=timedelta(days=2))
    Auth(old).logout()
    signed_in(app)
    (left,) = sessions_of(users["lead"])
    assert utcnow() - left.created_at.replace(tzinfo=utcnow().tzinfo) < timedelta(minutes=1)


# Other sessions --------------------------------------------------------------------------------


def test_signing_out_of_all_other_sessions_keeps_only_this_one(app, users):
    here = signed_in(app)
    laptop = signed_in(app)
    phone = signed_in(app)
    someone_else = signed_in(app, "viewer")
    page = html.unescape(here.get("/account").get_data(as_text=True))
    assert "Signed in 2 other times" in page

    response = here.post("/account/sessions/sign-out-others")
    assert response.status_code == 302 and response.headers["Location"] == "/account"
    assert "You have signed out of all your other sessions" in here.get("/account").get_data(as_text=True)
    assert here.get("/").status_code == 200
    assert refused(laptop.get("/")) and refused(phone.get("/"))
    assert "because you chose to sign out of your other sessions" in notice(laptop)
    assert someone_else.get("/").status_code == 200
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.event == "signed out other sessions"))
    assert entry.user_id == users["lead"].id and entry.detail == {"sessions_ended": 2}


def test_signing_out_of_other_sessions_needs_the_forms_csrf_token(csrf_app, users):
    from tests.pages import csrf_token

    here = csrf_app.test_client()
    other = csrf_app.test_client()
    for client in (here, other):
        token = csrf_token(client.get("/login").get_data(as_text=True))
        client.post("/login", data={"username": "lead", "password": PASSWORD, "csrf_token": token})
    assert here.post("/account/sessions/sign-out-others").status_code == 400
    assert other.get("/").status_code == 200
    token = csrf_token(here.get("/account").get_data(as_text=True))
    assert here.post("/account/sessions/sign-out-others", data={"csrf_token": token}).status_code == 302
    assert refused(other.get("/"))


def test_the_account_page_says_where_you_are_signed_in(app, users):
    client = signed_in(app)
    page = html.unescape(client.get("/account").get_data(as_text=True))
    assert "Your account" in page and "lead" in page
    assert "In this browser since" in page
    assert "You are not signed in anywhere else" in page
    assert "You are signed out after 30 minutes without using the tracker, and 12 hours after signing in" in page
    assert 'href="/account/password"' in page


def test_a_changed_password_signs_out_other_sessions_and_says_why(app, users):
    here = signed_in(app)
    other = signed_in(app)
    here.post(
        "/account/password",
        data={"current_password": PASSWORD, "new_password": "a new long password", "confirm_password": "a new long password"},
    )
    assert here.get("/").status_code == 200
    assert refused(other.get("/"))
    assert "because your password was changed" in notice(other)


def test_an_administrators_reset_ends_the_users_sessions(app, users):
    lead = signed_in(app)
    admin = signed_in(app, "admin")
    admin.post(f"/admin/users/{users['lead'].id}/password", data={"password": "a brand new long password"})
    assert refused(lead.get("/"))
    assert "because your password was changed" in notice(lead)
    assert all(record.ended_at for record in sessions_of(users["lead"]))


@pytest.mark.parametrize("path", ["/", "/account"])
def test_signed_out_visitors_are_sent_to_sign_in_without_a_notice(client, path):
    response = client.get(path)
    assert refused(response)
    assert "You were signed out" not in notice(client)


def test_a_form_sent_after_the_session_expired_goes_to_sign_in_and_says_why(app, users):
    client = signed_in(app)
    (record,) = sessions_of(users["lead"])
    age(record, unused=timedelta(minutes=45))
    response = client.post("/account/sessions/sign-out-others")
    assert response.status_code == 302 and response.headers["Location"] == "/login"
    assert "you had not used the tracker for 30 minutes" in notice(client)
