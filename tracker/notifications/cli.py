"""The commands a schedule runs: queue the day's reminders and digests, and send the outbox."""

import time
from datetime import date

import click
from flask.cli import AppGroup

from tracker.kit.dates import today
from tracker.notifications import outbox, reminders

reminders_cli = AppGroup("reminders", help="Reminders to leads and the weekly digest.")
mail_cli = AppGroup("mail", help="Send the messages waiting in the outbox.")


@reminders_cli.command("queue")
@click.option(
    "--as-at",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The day to queue for (YYYY-MM-DD); today if not given.",
)
def queue_reminders(as_at) -> None:
    """Queue the reminders and digests due on a day. Running it twice queues nothing new."""
    day: date = as_at.date() if as_at else today()
    queued = reminders.queue_for(day)
    click.echo(
        f"Queued {queued.reminders} reminder{'s' if queued.reminders != 1 else ''} and "
        f"{queued.digests} digest{'s' if queued.digests != 1 else ''} for {day.isoformat()}."
    )


@mail_cli.command("send")
@click.option("--loop", is_flag=True, help="Keep running, sending what is queued as it comes.")
@click.option(
    "--interval", default=30, show_default=True, type=click.IntRange(min=1),
    help="With --loop: seconds to wait when the outbox is empty.",
)
def send(loop: bool, interval: int) -> None:
    """Send what is due in the outbox, once or (--loop) until stopped."""
    while True:
        result = outbox.deliver_all()
        if result.held:
            click.echo(
                f"MAIL_SERVER is not set: {result.held} message{'s' if result.held != 1 else ''} "
                "kept in the outbox (Administration → Outbox)."
            )
        elif result.claimed or not loop:
            click.echo(
                f"Sent {result.sent}; {result.retrying} to try again later; "
                f"{result.failed} failed."
            )
        if not loop:
            return
        time.sleep(interval)
