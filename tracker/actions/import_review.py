"""Between the review form and the meeting: the form filled from what was read, the source carried
signed between the steps, and the checked form turned into `CheckedMinutes`.

Items and actions keep one row each on the form whatever the person chooses, so a page shown
again after an error lines up with its source; dropping, merging and splitting happen only here,
when the meeting is made.
"""

from datetime import datetime

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

from tracker.actions.import_forms import DROP, MERGE, SPLIT, ReviewForm
from tracker.actions.imported_minutes import CheckedAction, CheckedMinutes, NewPerson
from tracker.directory.models import MeetingType, Organisation, Person
from tracker.kit.forms import choices
from tracker.meetings.importing.minutes import Minutes
from tracker.meetings.importing.proposal import Proposal
from tracker.meetings.models import AttendanceKind

NEW, LEAVE_OUT = "", "-"


def _signer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key, salt="minutes-import")


def sign_source(text: str, minutes: Minutes) -> str:
    """The source and what was read from it, for the review page to show beside the fields."""
    return _signer().dumps({
        "text": text,
        "items": [[item.number, item.title, item.notes] for item in minutes.items],
        "actions": [[action.item, action.letter, action.text] for action in minutes.actions],
    })


def read_source(signed: str) -> dict | None:
    """The source a review form carries; None if it is missing or was altered."""
    try:
        source = _signer().loads(signed or "")
    except BadSignature:
        return None
    return source if isinstance(source, dict) else None


def review_data(proposal: Proposal, meeting_type: MeetingType | None) -> dict:
    """The review form's first values: what was read, with the directory's matches chosen."""
    minutes = proposal.minutes
    chosen = meeting_type or proposal.meeting_type
    return {
        "meeting_type": str(chosen.id) if chosen else "",
        "date": minutes.date,
        "time": minutes.time or "",
        "place": minutes.place or "",
        "previous_minutes_agreed": minutes.previous_minutes_agreed_in is not None,
        "attendance": [
            {"written": match.written, "kind": kind,
             "person": str(match.person.id) if match.person else NEW,
             "new_name": match.proposed_name, "new_job_title": match.proposed_title}
            for kind, match in proposal.attendance
        ],
        "items": [{"title": item.title, "notes": item.notes} for item in minutes.items],
        "actions": [
            {"item": str(next(i for i, item in enumerate(minutes.items)
                              if item.number == action.item)),
             "text": action.text, "owner": str(owner.id) if owner else ""}
            for action, owner in zip(minutes.actions, proposal.owners, strict=True)
        ],
    }


def offer_choices(form: ReviewForm, types, people, organisations) -> None:
    """The directory's records as each select's choices (and the items as the actions' items)."""
    form.meeting_type.choices = choices(((t.id, t.name) for t in types),
                                        blank="Choose the type of meeting")
    people_choices = choices([(NEW, "Add as a new person"), (LEAVE_OUT, "Leave out of the attendance")]
                             + [(p.id, f"{p.name} ({p.organisation.short_name})") for p in people])
    organisation_choices = choices(((o.id, f"{o.name} ({o.short_name})") for o in organisations),
                                   blank="Choose an organisation")
    for row in form.attendance:
        row.person.choices = people_choices
        row.new_organisation.choices = organisation_choices
    item_choices = choices((n, f"{n + 1}. {row.title.data or '(no title)'}")
                           for n, row in enumerate(form.items))
    for row in form.actions:
        row.item.choices = item_choices
        row.owner.choices = organisation_choices


def _error(field, message: str) -> bool:
    """Show `message` on `field`; False, for `ok = _error(...)`."""
    field.errors = [*field.errors, message]
    return False


def _id(text: str | None) -> int | None:
    """A number as a select sends it (a record's id, a row's index); None for anything else."""
    text = text or ""
    return int(text) if text.isascii() and text.isdigit() and len(text) < 10 else None


def _pieces(text: str) -> list[str]:
    """Text cut at each line holding only the split mark."""
    pieces, current = [], []
    for line in (text or "").splitlines():
        if line.strip() == SPLIT:
            pieces.append("\n".join(current))
            current = []
        else:
            current.append(line)
    pieces.append("\n".join(current))
    return [piece.strip("\n") for piece in pieces]


def checked_minutes(form: ReviewForm, people: dict[int, Person],
                    organisations: dict[int, Organisation],
                    types: dict[int, MeetingType]) -> CheckedMinutes | None:
    """The meeting the form describes, or None with the errors put on the form's fields."""
    ok = True
    attendance: list = []
    for row in form.attendance:
        kind, choice = row.kind.data, row.person.data or ""
        if choice == LEAVE_OUT:
            continue
        if kind not in tuple(AttendanceKind):
            ok = _error(row.person, "Choose how they attended")
            continue
        if choice != NEW:
            person = people.get(_id(choice))
            if person is None:
                ok = _error(row.person, "Choose a person from the list")
            else:
                attendance.append((person, kind))
            continue
        organisation = organisations.get(_id(row.new_organisation.data))
        if not (row.new_name.data or "").strip():
            ok = _error(row.new_name, f"Enter the name of the new person for “{row.written.data}”")
        if organisation is None:
            ok = _error(row.new_organisation,
                        f"Choose the organisation of “{row.written.data}”")
        if ok:
            attendance.append((NewPerson(row.new_name.data.strip(),
                                         (row.new_job_title.data or "").strip(), organisation), kind))

    items: list[list[str]] = []  # [title, notes] of the meeting's items
    made_from: dict[int, int] = {}  # a row's index -> the meeting's item its actions go under
    for n, row in enumerate(form.items):
        if row.fate.data == DROP:
            continue
        title, notes = (row.title.data or "").strip(), row.notes.data or ""
        if row.fate.data == MERGE:
            if not items:
                ok = _error(row.fate, "The first item has no item before it to merge into")
                continue
            items[-1][1] = "\n\n".join(part for part in (items[-1][1], title, notes) if part)
            made_from[n] = len(items) - 1
            continue
        if not title:
            ok = _error(row.title, f"Enter a title for item {n + 1}")
        first, *rest = _pieces(notes)
        made_from[n] = len(items)
        items.append([title, first])
        for piece in rest:
            new_title, _, new_notes = piece.strip().partition("\n")
            items.append([new_title.strip() or title, new_notes.strip()])
    if not items and form.items:
        ok = _error(form.items[0].fate, "Keep at least one item")

    actions: list[CheckedAction] = []
    for row in form.actions:
        if row.fate.data == DROP:
            continue
        text = (row.text.data or "").strip()
        if row.fate.data == MERGE:
            if not actions:
                ok = _error(row.fate, "The first action has no action before it to merge into")
            else:
                actions[-1].text = f"{actions[-1].text} {text}".strip()
            continue
        owner = organisations.get(_id(row.owner.data))
        under = made_from.get(_id(row.item.data))
        if not text:
            ok = _error(row.text, "Enter the action, or drop it")
        if owner is None:
            ok = _error(row.owner, "Choose the organisation that owns the action")
        if under is None:
            ok = _error(row.item, "Choose an item that is kept for the action")
        if ok:
            actions.extend(CheckedAction(under, piece.strip(), owner)
                           for piece in _pieces(text) if piece.strip())

    meeting_type = types.get(_id(form.meeting_type.data))
    if meeting_type is None:
        ok = _error(form.meeting_type, "Choose the type of meeting")
    if not ok:
        # A list's errors are gathered when it validates; gather them again for the summary.
        for rows in (form.attendance, form.items, form.actions):
            rows.errors = [row.errors for row in rows] if any(row.errors for row in rows) else []
        return None
    return CheckedMinutes(
        meeting_type=meeting_type,
        starts_at=datetime.combine(form.date.data, form.starts_time),
        place=(form.place.data or "").strip(),
        theme=(form.theme.data or "").strip(),
        attendance=attendance,
        items=[(title, notes) for title, notes in items],
        actions=actions,
        previous_minutes_agreed=bool(form.previous_minutes_agreed.data),
    )
