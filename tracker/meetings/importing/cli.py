"""`flask minutes import PATH... --type COM`: what the reader finds in each file, as a short report
or as JSON. It saves nothing (creating the draft meetings, `--commit`, comes with the review page).
"""

import json
from pathlib import Path

import click
import sqlalchemy as sa
from flask.cli import AppGroup

from tracker.directory.models import MeetingType
from tracker.extensions import db
from tracker.meetings.importing.files import read_minutes_file
from tracker.meetings.importing.minutes import Minutes, UnreadableMinutes

minutes_cli = AppGroup("minutes", help="Read minutes the team already has.")


@minutes_cli.command("import")
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--type", "type_name", required=True,
              help="The meeting type's short name, e.g. COM.")
@click.option("--format", "fmt", type=click.Choice(["report", "json"]), default="report",
              show_default=True)
def import_minutes(paths: tuple[Path, ...], type_name: str, fmt: str) -> None:
    """Read each file (.docx or .txt) and say what it holds; nothing is saved."""
    known = db.session.scalars(sa.select(MeetingType.short_name).order_by(MeetingType.short_name)).all()
    if type_name.lower() not in {name.lower() for name in known}:
        raise click.BadParameter(
            f"no meeting type called {type_name!r}; known: {', '.join(known) or 'none'}",
            param_hint="--type")
    failed = False
    for path in paths:
        try:
            minutes = read_minutes_file(path)
        except UnreadableMinutes as error:
            click.echo(f"{path}: {error.message}", err=True)
            failed = True
            continue
        if fmt == "json":
            click.echo(json.dumps(minutes.as_json(str(path)), ensure_ascii=False))
        else:
            click.echo(_report(str(path), minutes))
    if failed:
        raise SystemExit(1)


def _report(file: str, minutes: Minutes) -> str:
    """A few lines a person reads to check the file was understood."""
    attendance = minutes.attendance
    lines = [
        f"{file}: {minutes.title or '(no title found)'}",
        f"  date {minutes.date.isoformat() if minutes.date else 'not found'}, "
        f"time {minutes.time or 'not found'}, place {minutes.place or 'not found'}",
        f"  {len(attendance.present)} present, {len(attendance.also_present)} also present, "
        f"{len(attendance.apologies)} apologies",
        f"  {len(minutes.items)} items, {len(minutes.actions)} actions",
    ]
    for item in minutes.items:
        letters = [action.letter for action in minutes.actions if action.item == item.number]
        raised = f" (actions {', '.join(letters)})" if letters else ""
        lines.append(f"    {item.number}. {item.title}{raised}")
    if minutes.previous_minutes_agreed_in is not None:
        lines.append(f"  previous minutes agreed as a correct record under item "
                     f"{minutes.previous_minutes_agreed_in}")
    return "\n".join(lines)
