"""`flask report ...`: reports for scheduled runs."""

from pathlib import Path

import click
import sqlalchemy as sa
from flask.cli import AppGroup

from tracker.directory.models import MeetingType, Organisation
from tracker.extensions import db
from tracker.kit.dates import today
from tracker.plans.models import Priority

report_cli = AppGroup("report", help="Produce reports for meeting packs.")


def _find(model, column, value: str, what: str) -> int:
    record_id = db.session.scalar(sa.select(model.id).where(sa.func.lower(column) == value.lower()))
    if record_id is None:
        known = ", ".join(db.session.scalars(sa.select(column).order_by(column)))
        raise click.BadParameter(f"no {what} called {value!r}; known: {known or 'none'}")
    return record_id


@report_cli.command("outstanding")
@click.option(
    "--as-at",
    "as_at",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Count days overdue to this date (YYYY-MM-DD); actions raised after it are left out. Default: today.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["docx", "csv"]), default="docx", show_default=True
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    required=True,
    help="The file to write.",
)
@click.option(
    "--meeting-type", help="Only actions raised at this kind of meeting (short name, e.g. COM)."
)
@click.option("--owner", help="Only actions this organisation owns (short name, e.g. WYP).")
@click.option("--priority", type=int, help="Only actions serving this plan priority (its id).")
@click.option(
    "--include-confidential",
    is_flag=True,
    help="Include confidential actions. Leave off for a pack that may be made public.",
)
def outstanding_report(
    as_at, fmt, output, meeting_type, owner, priority, include_confidential
) -> None:
    """Write the outstanding-actions report, most overdue first, as Word or CSV."""
    from tracker.reports.outstanding.csv import csv_pieces
    from tracker.reports.outstanding.data import confidential_condition, select_outstanding
    from tracker.reports.outstanding.docx import build_docx

    if priority is not None and db.session.get(Priority, priority) is None:
        raise click.BadParameter(f"no plan priority with id {priority}", param_hint="--priority")
    selection = select_outstanding(
        as_at.date() if as_at else today(),
        visibility=confidential_condition(include_confidential),
        meeting_type_id=_find(MeetingType, MeetingType.short_name, meeting_type, "meeting type")
        if meeting_type
        else None,
        owner_id=_find(Organisation, Organisation.short_name, owner, "owner") if owner else None,
        priority_id=priority,
    )
    if fmt == "docx":
        report = selection.report()
        output.write_bytes(build_docx(report))
        total, overdue = len(report.rows), report.overdue
    else:  # written as the rows are read, counting them on the way
        total = overdue = 0

        def counted(rows):
            nonlocal total, overdue
            for row in rows:
                total += 1
                overdue += bool(row.days_overdue)
                yield row

        with output.open("wb") as file:
            for piece in csv_pieces(selection.as_at, counted(selection.rows())):
                file.write(piece)
    click.echo(
        f"{selection.title}: {total} action(s), "
        f"{overdue} overdue. Written to {output}."
    )
