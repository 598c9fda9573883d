"""Sign-in limits: counted per address and per username at an address, from an address nobody can
forge, in storage every process shares, and working still when that storage is down.

The test app allows 5 failures for one username from one address and 20 from one address.
"""

import logging

import pytest
import sqlalchemy as sa
from flask import request

from tests.clients import PASSWORD
from tracker.audit import AuditEntry
from tracker.auth.limits import client_address
from tracker.extensions import db

ATTACKER = "203.0.113.9"
OWNER = "198.51.100.7"


def attempt(client, username="lead", password="not-the-password", address=None, **headers):
    environ = {"REMOTE_ADDR": address} if address else {}
    return client.post(
        "/login",
        data={"username": username, "password": password},
        environ_base=environ,
        headers=headers,
    )


def failed(response) -> bool:
    return response.status_code == 200 and "Enter a correct username and password" in response.get_data(as_text=True)


def entries(event: str) -> list[AuditEntry]:
    return list(db.session.scalars(sa.select(AuditEntry).where(AuditEntry.event == event).order_by(AuditEntry.id)))


def limits_app(make_app, **overrides):
    return make_app(
        {
            "SESSION_COOKIE_SECURE": False,
            "WTF_CSRF_ENABLED": False,
            "LOGIN_ATTEMPTS_PER_USER": "5 per 15 minutes",
            "LOGIN_ATTEMPTS_PER_ADDRESS": "20 per 15 minutes",
            **overrides,
        }
    )


# Per username at an address, and per address ------------------------------------------------------


def test_guessing_from_one_address_does_not_lock_the_owner_out_from_another(client, users):
    for _ in range(5):
        assert failed(attempt(client, address=ATTACKER))
    assert attempt(client, address=ATTACKER).status_code == 429
    # Even the right password is refused from the attacker's address for now...
    assert attempt(client, password=PASSWORD, address=ATTACKER).status_code == 429
    # ...while the owner, elsewhere, signs in as usual.
    assert attempt(client, password=PASSWORD, address=OWNER).status_code == 302


def test_an_address_that_fails_too_often_is_refused_whatever_the_username(client, users):
    for number in range(20):
        assert failed(attempt(client, f"guess{number}", address=ATTACKER))
    assert attempt(client, "admin", PASSWORD, address=ATTACKER).status_code == 429
    assert attempt(client, "admin", PASSWORD, address=OWNER).status_code == 302


def test_only_failures_count_so_an_office_behind_one_address_is_not_locked_out(app, users):
    for _ in range(7):
        client = app.test_client()
        assert attempt(client, password=PASSWORD, address=OWNER).status_code == 302
    assert failed(attempt(app.test_client(), address=OWNER))


def test_ipv6_addresses_count_by_their_64_block(app):
    for address, counted in [
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:ffff::9", "2001:db8:1:2::/64"),
        ("::ffff:203.0.113.9", "203.0.113.9"),
        ("203.0.113.9", "203.0.113.9"),
    ]:
        with app.test_request_context(environ_base={"REMOTE_ADDR": address}):
            assert client_address() == counted


def test_guessing_across_an_ipv6_block_is_one_address(client, users):
    for host in range(5):
        assert failed(attempt(client, address=f"2001:db8:1:2::{host + 1}"))
    assert attempt(client, password=PASSWORD, address="2001:db8:1:2::99").status_code == 429
    assert attempt(client, password=PASSWORD, address="2001:db8:1:3::1").status_code == 302


# Who the client is: X-Forwarded-For only from trusted proxies --------------------------------------


def test_a_forged_x_forwarded_for_is_ignored_when_served_directly(client, users):
    for number in range(5):
        response = attempt(client, address=ATTACKER, **{"X-Forwarded-For": f"192.0.2.{number}"})
        assert failed(response)
    forged = attempt(client, password=PASSWORD, address=ATTACKER, **{"X-Forwarded-For": "192.0.2.200"})
    assert forged.status_code == 429
    assert {entry.detail["address"] for entry in entries("sign-in failed")} == {ATTACKER}


def test_by_default_no_proxy_is_trusted(tmp_path, monkeypatch):
    from tracker import config

    monkeypatch.delenv("TRUSTED_PROXIES", raising=False)
    assert config.load(str(tmp_path))["TRUSTED_PROXIES"] == 0
    monkeypatch.setenv("TRUSTED_PROXIES", "1")
    assert config.load(str(tmp_path))["TRUSTED_PROXIES"] == 1


def test_behind_one_trusted_proxy_the_address_it_forwards_counts(make_app, users):
    client = limits_app(make_app, TRUSTED_PROXIES=1).test_client()
    proxy = "10.0.0.2"
    for _ in range(5):
        assert failed(attempt(client, address=proxy, **{"X-Forwarded-For": ATTACKER}))
    assert attempt(client, password=PASSWORD, address=proxy, **{"X-Forwarded-For": ATTACKER}).status_code == 429
    # The owner, coming through the same proxy from elsewhere, is not locked out.
    assert attempt(client, password=PASSWORD, address=proxy, **{"X-Forwarded-For": OWNER}).status_code == 302
    # The proxy appends the address it saw; what the client itself claimed before that is ignored.
    forged = {"X-Forwarded-For": f"192.0.2.1, {ATTACKER}"}
    assert attempt(client, password=PASSWORD, address=proxy, **forged).status_code == 429
    assert {entry.detail["address"] for entry in entries("sign-in failed")} == {ATTACKER}


@pytest.mark.parametrize("proxies,scheme", [(0, "http"), (1, "https")])
def test_x_forwarded_proto_is_believed_only_from_a_trusted_proxy(make_app, proxies, scheme):
    app = limits_app(make_app, TRUSTED_PROXIES=proxies)
    app.add_url_rule("/scheme", "scheme", lambda: request.scheme)
    response = app.test_client().get("/scheme", headers={"X-Forwarded-Proto": "https"})
    assert response.get_data(as_text=True) == scheme


# The audit log ---------------------------------------------------------------------------------


def test_a_sign_in_is_audited(client, users):
    attempt(client, password=PASSWORD, address=OWNER)
    (entry,) = entries("signed in")
    assert entry.user_id == users["lead"].id
    assert entry.entity_type == "user_session" and entry.summary == f"Signed in from {OWNER}"


def test_a_sign_out_is_audited(client, auth, users):
    auth.login("lead")
    auth.logout()
    (entry,) = entries("signed out")
    assert entry.user_id == users["lead"].id and entry.entity_type == "user_session"


def test_a_failed_sign_in_is_audited_without_what_was_typed(client, users):
    attempt(client, address=ATTACKER)
    attempt(client, "lead's password perhaps", address=ATTACKER)
    known, unknown = entries("sign-in failed")
    assert (known.entity_type, known.entity_id, known.user_id) == ("user_account", users["lead"].id, None)
    assert known.summary == f"Failed sign-in as lead from {ATTACKER}"
    assert (unknown.entity_type, unknown.entity_id) == ("user_account", None)
    assert unknown.summary == f"Failed sign-in as an unknown username from {ATTACKER}"
    assert "perhaps" not in str(unknown.detail) and "not-the-password" not in str(known.detail)


def test_a_lock_out_is_audited_once(client, users):
    for _ in range(8):
        attempt(client, address=ATTACKER)
    (entry,) = entries("sign-in locked")
    assert entry.entity_id == users["lead"].id
    assert entry.summary == f"Sign-ins as lead from {ATTACKER} refused after 5 failures in 15 minutes"
    assert len(entries("sign-in failed")) == 5  # the refused attempts were not even tried


def test_an_address_lock_out_is_audited(client, users):
    for number in range(22):
        attempt(client, f"guess{number}", address=ATTACKER)
    (entry,) = entries("sign-in locked")
    assert entry.summary == f"Sign-ins from {ATTACKER} refused after 20 failures in 15 minutes"


def test_a_password_change_is_audited(client, auth, users):
    auth.login("lead")
    client.post(
        "/account/password",
        data={"current_password": PASSWORD, "new_password": "a new long password", "confirm_password": "a new long password"},
    )
    (entry,) = entries("password changed")
    assert entry.user_id == entry.entity_id == users["lead"].id


def test_a_role_change_is_audited(client, login_as, users):
    admin = login_as("admin")
    viewer = users["viewer"]
    client.post(f"/admin/users/{viewer.id}", data={"role": "secretariat", "person_id": viewer.person_id, "active": "yes"})
    (entry,) = entries("changed")
    assert (entry.user_id, entry.entity_type, entry.entity_id) == (admin.id, "user_account", viewer.id)
    assert entry.detail["changes"]["Role"] == ["viewer", "secretariat"]


# When Redis is down ------------------------------------------------------------------------------


UNREACHABLE = "redis://127.0.0.1:1/7"  # nothing listens on port 1


def test_with_redis_unreachable_the_app_starts_and_says_so(make_app, caplog):
    with caplog.at_level(logging.WARNING):
        limits_app(make_app, RATELIMIT_STORAGE_URI=UNREACHABLE)
    assert "cannot be reached" in caplog.text


def test_with_redis_unreachable_sign_in_works_on_counters_in_memory(make_app, users, caplog):
    app = limits_app(make_app, RATELIMIT_STORAGE_URI=UNREACHABLE)
    with caplog.at_level(logging.WARNING):
        assert attempt(app.test_client(), password=PASSWORD, address=OWNER).status_code == 302
    assert "falling back to in-memory storage" in caplog.text
    client = app.test_client()
    for _ in range(5):
        assert failed(attempt(client, address=ATTACKER))
    assert attempt(client, password=PASSWORD, address=ATTACKER).status_code == 429
    assert len(entries("sign-in locked")) == 1


def test_a_limit_setting_that_is_not_a_limit_stops_the_app_starting(make_app):
    with pytest.raises(RuntimeError, match="LOGIN_ATTEMPTS_PER_USER"):
        limits_app(make_app, LOGIN_ATTEMPTS_PER_USER="ten a minute")


def test_the_audit_log_shows_sign_ins_and_failures(app, client, users):
    attempt(client, "nobody", address=ATTACKER)
    attempt(client, password=PASSWORD, address=OWNER)
    admin = app.test_client()
    attempt(admin, "admin", PASSWORD, address=OWNER)
    page = admin.get("/admin/audit").get_data(as_text=True)
    assert f"Failed sign-in as an unknown username from {ATTACKER}" in page
    assert f"Signed in from {OWNER}" in page
