"""`flask token`: issue, list and revoke API tokens from the command line (an administrator's
tool, for scripts and for the performance team's warehouse loads). The same service as the
account page: tracker/auth/tokens.py."""

import click
import sqlalchemy as sa
from flask.cli import AppGroup

from tracker.auth import tokens
from tracker.auth.models import TokenScope, User
from tracker.extensions import db
from tracker.kit.dates import utcnow

token_cli = AppGroup("token", help="Personal access tokens for the API.")


def _user(username: str) -> User:
    user = db.session.scalar(sa.select(User).where(User.username == username))
    if user is None:
        raise click.ClickException(f"There is no user called {username!r}.")
    return user


@token_cli.command("create")
@click.argument("username")
@click.option(
    "--scope", type=click.Choice([s.value for s in TokenScope]), required=True,
    help="read: GET only; write: read and make changes.",
)
@click.option(
    "--expires-in-days", type=click.IntRange(1, tokens.MAX_EXPIRY_DAYS),
    default=tokens.DEFAULT_EXPIRY_DAYS, show_default=True,
)
@click.option("--name", default="Command line", show_default=True, help="What the token is for.")
def create_token(username: str, scope: str, expires_in_days: int, name: str) -> None:
    """Issue a token for USERNAME; the token is printed alone on the last line, once."""
    user = _user(username)
    try:
        token, secret = tokens.issue(user, name=name, scope=scope, expires_in_days=expires_in_days)
    except tokens.TokenError as error:
        raise click.ClickException(str(error)) from None
    click.echo(
        f"Issued token {token.id} “{token.name}” for {username} ({token.scope_label.lower()}), "
        f"expiring {token.expires_at:%Y-%m-%d}. It is shown only this once:"
    )
    click.echo(secret)


@token_cli.command("list")
@click.argument("username")
def list_tokens(username: str) -> None:
    """List USERNAME's tokens, newest first."""
    now = utcnow()
    found = tokens.tokens_of(_user(username))
    if not found:
        click.echo(f"{username} has no tokens.")
    for token in found:
        used = f"{token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "never"
        click.echo(
            f"{token.id:>6}  {token.prefix}…  {token.scope:<5}  {token.status(now):<7}  "
            f"expires {token.expires_at:%Y-%m-%d}  last used {used}  {token.name}"
        )


@token_cli.command("revoke")
@click.argument("token_id", type=click.IntRange(1, 2**31 - 1))
def revoke_token(token_id: int) -> None:
    """Revoke the token with this id (as listed): it stops working at once."""
    token = tokens.token_by_id(token_id)
    if token is None:
        raise click.ClickException(f"There is no token {token_id}.")
    # At the command line, as its owner: whoever runs `flask` already holds the database.
    tokens.revoke(token, token.user)
    click.echo(f"Revoked token {token_id} “{token.name}” of {token.user.username}.")
