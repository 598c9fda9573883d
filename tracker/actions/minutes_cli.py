"""`flask minutes import PATH... --type COM`: what the reader finds in each file, as a short report
or as JSON; with `--commit`, each file also becomes a draft meeting (one transaction a file).

It lives with the actions because committing raises the minutes' actions. Names are matched to the
directory as the review page proposes; a name that matches no one is created as a new person
only with `--new-people ORG` (there is no one to ask which organisation they belong to), and is
otherwise left out of the attendance and named in the output.
"""

import json
from datetime import datetime, time
from pathlib import Path

import click
import sqlalchemy as sa
from flask.cli import AppGroup

from tracker.actions.imported_minutes import (
    CheckedAction,
    CheckedMinutes,
    NewPerson,
    create_draft_meeting,
)
from tracker.directory import queries as directory
from tracker.directory.models import MeetingType, Organisation
from tracker.extensions import db
from tracker.meetings.importing.files import read_minutes_file
from tracker.meetings.importing.minutes import Minutes, UnreadableMinutes
from tracker.meetings.importing.proposal import propose
from tracker.meetings.lifecycle import MinutesError

minutes_cli = AppGroup("minutes", help="Read minutes the team already has.")


@minutes_cli.command("import")
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--type", "type_name", required=True,
              help="The meeting type's short name, e.g. COM.")
@click.option("--format", "fmt", type=click.Choice(["report", "json"]), default="report",
              show_default=True)
@click.option("--commit", is_flag=True,
              help="Create each file's draft meeting, with its attendance and actions.")
@click.option("--new-people", "new_people_org", metavar="ORG",
              help="With --commit: add names the directory lacks as people of this organisation "
                   "(short name); without it they are left out of the attendance.")
@click.option("--time", "default_time", default="10:00", show_default=True,
              help="With --commit: the time of meetings whose minutes give none (HH:MM).")
def import_minutes(paths: tuple[Path, ...], type_name: str, fmt: str, commit: bool,
                   new_people_org: str | None, default_time: str) -> None:
    """Read each file (.docx or .txt) and say what it holds; save only with --commit."""
    meeting_type = db.session.scalar(
        sa.select(MeetingType).where(sa.func.lower(MeetingType.short_name) == type_name.lower()))
    if meeting_type is None:
        known = db.session.scalars(
            sa.select(MeetingType.short_name).order_by(MeetingType.short_name)).all()
        raise click.BadParameter(
            f"no meeting type called {type_name!r}; known: {', '.join(known) or 'none'}",
            param_hint="--type")
    new_people = None
    if new_people_org:
        new_people = db.session.scalar(
            sa.select(Organisation).where(
                sa.func.lower(Organisation.short_name) == new_people_org.lower()))
        if new_people is None:
            raise click.BadParameter(f"no organisation called {new_people_org!r}",
                                     param_hint="--new-people")
    try:
        at = datetime.strptime(default_time, "%H:%M").time()
    except ValueError:
        raise click.BadParameter("write the time as HH:MM, e.g. 10:00", param_hint="--time") from None
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
        if commit:
            failed = not _commit(path, minutes, meeting_type, new_people, at) or failed
    if failed:
        raise SystemExit(1)


def _commit(path: Path, minutes: Minutes, meeting_type: MeetingType,
            new_people: Organisation | None, at: time) -> bool:
    """Create the draft meeting for one file; say what was made, or why nothing was."""
    proposal = propose(minutes, [meeting_type], directory.people(), directory.organisations())
    problems = []
    if minutes.date is None:
        problems.append("no date found")
    unowned = [f"{a.item}{a.letter}" for a, owner in zip(minutes.actions, proposal.owners, strict=True)
               if owner is None]
    if unowned:
        problems.append(f"no organisation in the directory owns actions {', '.join(unowned)}")
    if problems:
        click.echo(f"{path}: not created: {'; '.join(problems)}", err=True)
        return False
    attendance, left_out = [], []
    for kind, match in proposal.attendance:
        if match.person is not None:
            attendance.append((match.person, kind))
        elif new_people is not None:
            attendance.append((NewPerson(match.proposed_name, match.proposed_title, new_people), kind))
        else:
            left_out.append(match.written)
    index = {item.number: position for position, item in enumerate(minutes.items)}
    hour, minute = (int(part) for part in minutes.time.split(":")) if minutes.time else (at.hour, at.minute)
    checked = CheckedMinutes(
        meeting_type=meeting_type,
        starts_at=datetime.combine(minutes.date, time(hour, minute)),
        place=minutes.place or "",
        attendance=attendance,
        items=[(item.title, item.notes) for item in minutes.items],
        actions=[CheckedAction(index[a.item], a.text, owner)
                 for a, owner in zip(minutes.actions, proposal.owners, strict=True)],
        previous_minutes_agreed=minutes.previous_minutes_agreed_in is not None,
    )
    try:
        meeting = create_draft_meeting(None, checked)
    except MinutesError as error:  # SameDay among them: the series has a meeting that day
        click.echo(f"{path}: not created: {error}", err=True)
        return False
    click.echo(f"{path}: created the {meeting.title} (meeting {meeting.id}, draft) with "
               f"{len(meeting.agenda_items)} items and {len(checked.actions)} actions")
    if left_out:
        click.echo(f"  not in the directory, left out of the attendance: {', '.join(left_out)}")
    return True


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
