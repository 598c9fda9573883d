"""`flask demo load` fills an empty database once; `flask demo logins` lists the demo sign-ins."""

import sqlalchemy as sa

from tracker.extensions import db
from tracker.models import Action, User

DEMO_USERNAMES = ["admin", "secretariat", "lead", "dmpc", "viewer"]


def count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_demo_load_fills_an_empty_database(app):
    result = app.test_cli_runner().invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    assert "Demo data loaded" in result.output
    assert sorted(db.session.scalars(sa.select(User.username))) == sorted(DEMO_USERNAMES)
    assert count(Action) > 0


def test_demo_load_refuses_to_load_a_second_time(app):
    runner = app.test_cli_runner()
    runner.invoke(args=["demo", "load"])
    actions = count(Action)
    again = runner.invoke(args=["demo", "load"])
    assert again.exit_code != 0
    assert "already has data" in again.output
    assert count(Action) == actions


def test_demo_load_if_empty_keeps_the_existing_data(app):
    runner = app.test_cli_runner()
    runner.invoke(args=["demo", "load"])
    actions = count(Action)
    kept = runner.invoke(args=["demo", "load", "--if-empty"])
    assert kept.exit_code == 0, kept.output
    assert "keeping the existing data" in kept.output
    assert count(Action) == actions


def test_demo_load_if_empty_loads_into_an_empty_database(app):
    result = app.test_cli_runner().invoke(args=["demo", "load", "--if-empty"])
    assert result.exit_code == 0, result.output
    assert count(User) == len(DEMO_USERNAMES)


def test_demo_sign_ins_work_with_the_printed_password(app, client):
    app.test_cli_runner().invoke(args=["demo", "load"])
    logins = app.test_cli_runner().invoke(args=["demo", "logins"])
    assert logins.exit_code == 0
    assert "demo-password" in logins.output
    for username in DEMO_USERNAMES:
        assert username in logins.output
        response = client.post("/login", data={"username": username, "password": "demo-password"})
        assert response.status_code == 302, f"{username} could not sign in"
        client.post("/logout")
