"""Command-line tasks: demo data, users, and (from reports) scheduled report runs."""

import click
import sqlalchemy as sa
from flask import Flask
from flask.cli import AppGroup

from tracker.extensions import db

demo_cli = AppGroup("demo", help="Demo data drawn from the real documents.")
user_cli = AppGroup("user", help="Manage sign-in accounts.")


@demo_cli.command("load")
@click.option("--if-empty", is_flag=True, help="Do nothing if the database already has users.")
def load_demo(if_empty: bool) -> None:
    """Load the demo meetings, actions and plan into the database."""
    from tracker import demo

    if demo.is_loaded():
        if if_empty:
            click.echo("Demo data already loaded; keeping the existing data.")
            return
        raise click.ClickException("The database already has data; demo data loads only into an empty one.")
    demo.load()
    click.echo("Demo data loaded.")


@demo_cli.command("logins")
def demo_logins() -> None:
    """Print the demo sign-ins."""
    from tracker import demo

    click.echo(f"Demo sign-ins (password for all: {demo.DEMO_PASSWORD}):")
    for username, role, who in demo.DEMO_USERS:
        click.echo(f"  {username:<12} {role:<12} {who}")


@user_cli.command("create")
@click.argument("username")
@click.option("--role", type=click.Choice(["admin", "secretariat", "lead", "executive", "viewer"]), required=True)
@click.password_option()
def create_user(username: str, role: str, password: str) -> None:
    """Create a sign-in account."""
    from tracker.auth.models import User

    if db.session.scalar(sa.select(User).where(User.username == username)):
        raise click.ClickException(f"A user called {username} already exists.")
    user = User(username=username, role=role)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    click.echo(f"Created {username} ({role}).")


def register(app: Flask) -> None:
    app.cli.add_command(demo_cli)
    app.cli.add_command(user_cli)
    from tracker.reports import cli as report_cli

    app.cli.add_command(report_cli.report_cli)
    from tracker.transfer.cli import data_cli

    app.cli.add_command(data_cli)
    from tracker.notifications.cli import mail_cli, reminders_cli

    app.cli.add_command(reminders_cli)
    app.cli.add_command(mail_cli)
    from tracker.actions.minutes_cli import minutes_cli

    app.cli.add_command(minutes_cli)
    from tracker.auth.tokens_cli import token_cli

    app.cli.add_command(token_cli)
