"""`flask token create|list|revoke`: a token for scripts, printed once, that works with the API."""

import sqlalchemy as sa

from tracker.auth.models import ApiToken
from tracker.extensions import db


def test_created_token_is_printed_alone_on_the_last_line_and_reads_the_api(app, users, api_client):
    result = app.test_cli_runner().invoke(args=["token", "create", "viewer", "--scope", "read"])

    assert result.exit_code == 0, result.output
    secret = result.output.strip().splitlines()[-1]
    assert secret.startswith("wyt_") and " " not in secret
    response = api_client.get("/api/v1/meetings", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 200
    token = db.session.scalar(sa.select(ApiToken))
    assert token.scope == "read" and token.user.username == "viewer"
    assert secret not in (token.token_hash, token.prefix)  # only the hash is kept


def test_expiry_and_name_can_be_chosen(app, users):
    result = app.test_cli_runner().invoke(
        args=["token", "create", "lead", "--scope", "write", "--expires-in-days", "7",
              "--name", "Warehouse load"]
    )
    assert result.exit_code == 0, result.output
    token = db.session.scalar(sa.select(ApiToken))
    assert token.name == "Warehouse load" and token.scope == "write"
    assert (token.expires_at - token.created_at).days == 7


def test_an_unknown_username_fails_with_a_clear_message(app, users):
    result = app.test_cli_runner().invoke(args=["token", "create", "nobody", "--scope", "read"])
    assert result.exit_code != 0
    assert "There is no user called 'nobody'" in result.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ApiToken)) == 0


def test_an_unknown_scope_or_expiry_fails_with_a_clear_message(app, users):
    runner = app.test_cli_runner()
    bad_scope = runner.invoke(args=["token", "create", "viewer", "--scope", "admin"])
    assert bad_scope.exit_code != 0
    assert "Invalid value for '--scope'" in bad_scope.output
    too_long = runner.invoke(
        args=["token", "create", "viewer", "--scope", "read", "--expires-in-days", "400"]
    )
    assert too_long.exit_code != 0
    assert "--expires-in-days" in too_long.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ApiToken)) == 0


def test_list_and_revoke(app, users, api_client):
    runner = app.test_cli_runner()
    secret = runner.invoke(args=["token", "create", "viewer", "--scope", "read"]).output.split()[-1]
    token = db.session.scalar(sa.select(ApiToken))

    listed = runner.invoke(args=["token", "list", "viewer"])
    assert listed.exit_code == 0
    assert token.prefix in listed.output and "Active" in listed.output

    revoked = runner.invoke(args=["token", "revoke", str(token.id)])
    assert revoked.exit_code == 0, revoked.output
    assert "Revoked" in runner.invoke(args=["token", "list", "viewer"]).output
    response = api_client.get("/api/v1/meetings", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 401

    missing = runner.invoke(args=["token", "revoke", "999999"])
    assert missing.exit_code != 0 and "There is no token 999999" in missing.output
