"""The minutes of a meeting as plain data: what the printable page and the Word document show.

`minutes_for` decides what goes in (and so what a reader may see): confidential actions are left
out entirely for the public and for users who may not see them; they are not in the data at all.
Actions are lettered a), b), ... in the order they were raised under their item, counting only
the actions this reader sees, so a public reader never meets a gap in the lettering.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from tracker.kit.dates import long_date, weekday_date
from tracker.kit.lettering import letters
from tracker.meetings import agenda
from tracker.meetings.models import (
    AttendanceKind,
    Meeting,
    MinutesStatus,
    PreviousMinutesOutcome,
)

PREVIOUS_ACCEPTED = "The notes of the previous meeting were accepted as a correct record."
# What the minutes print under "Any other business" when none was raised.
NO_OTHER_BUSINESS = "None."
DRAFT_NOTICE = "DRAFT – not yet approved"
PREVIOUS_AMENDED = (
    "The notes of the previous meeting were accepted as a correct record, subject to the "
    "following amendment:"
)


@dataclass
class MinutesAction:
    letter: str
    reference: str
    text: str
    owner: str
    due_on: date | None
    confidential: bool


@dataclass
class MinutesItem:
    number: int
    title: str
    presenter: str
    papers: list[tuple[str, str]]
    # Paragraphs the tracker writes from what was recorded (item 2's outcome, the next date).
    lead_paragraphs: list[str]
    notes: str
    # Future agenda items, listed under their item when its notes are empty.
    bullets: list[str]
    actions: list[MinutesAction]


@dataclass
class Minutes:
    meeting_name: str
    short_name: str
    starts_at: datetime
    place: str
    theme: str
    status: str
    revision: int
    present: list[str]
    also_present: list[str]
    apologies: list[str]
    items: list[MinutesItem]
    next_meeting_on: date | None
    # Whether to show action references (staff copies) or just the letters (public copies).
    show_references: bool = True
    revisions: list[tuple[int, datetime]] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.meeting_name} ({self.short_name})"

    @property
    def is_draft(self) -> bool:
        """Not yet approved: every copy says so, on the page and on each printed page."""
        return self.status == MinutesStatus.DRAFT

    @property
    def draft_notice(self) -> str:
        return DRAFT_NOTICE if self.is_draft else ""

    @property
    def title(self) -> str:
        """The heading the minutes open with: 'DRAFT' on minutes not yet approved."""
        return f"DRAFT – {self.heading}" if self.is_draft else self.heading

    @property
    def footer(self) -> str:
        """What each printed page says it belongs to."""
        return f"{self.heading}, {long_date(self.starts_at)}"

    @property
    def filename(self) -> str:
        return f"{self.short_name}-{self.starts_at:%Y-%m-%d}-minutes.docx"


def _lead_paragraphs(meeting: Meeting, title: str, notes: str, has_actions: bool) -> list[str]:
    # The tracker says what was recorded unless the secretariat's notes already say it.
    paragraphs = []
    if agenda.is_any_other_business(title) and not notes.strip() and not has_actions:
        paragraphs.append(NO_OTHER_BUSINESS)
    outcome = meeting.previous_minutes_outcome
    if agenda.is_previous_minutes(title) and outcome and "correct record" not in notes.casefold():
        if outcome == PreviousMinutesOutcome.AMENDED:
            paragraphs += [PREVIOUS_AMENDED, meeting.previous_minutes_amendment]
        else:
            paragraphs.append(PREVIOUS_ACCEPTED)
    next_on = meeting.next_meeting_on
    if agenda.is_next_meeting(title) and next_on and long_date(next_on) not in notes:
        paragraphs.append(weekday_date(next_on))
    return paragraphs


def minutes_for(
    meeting: Meeting, can_see: Callable, *, show_references: bool = True
) -> Minutes:
    """The minutes of `meeting` with only the actions `can_see(action)` allows."""
    items = []
    has_next_item = False
    for number, item in enumerate(meeting.agenda_items, start=1):
        notes = item.notes or ""
        visible = [action for action in item.actions if can_see(action)]
        has_next_item = has_next_item or agenda.is_next_meeting(item.title)
        bullets = []
        if agenda.is_future_items(item.title) and not notes.strip():
            bullets = [future.title for future in meeting.future_items]
        items.append(
            MinutesItem(
                number=number,
                title=item.title,
                presenter=item.presenter.name if item.presenter else "",
                papers=[(paper.title, paper.url) for paper in item.papers],
                lead_paragraphs=_lead_paragraphs(meeting, item.title, notes, bool(visible)),
                notes=notes,
                bullets=bullets,
                actions=[
                    MinutesAction(
                        letter=letters(n),
                        reference=action.reference,
                        text=action.text,
                        owner=action.owner.short_name,
                        due_on=action.due_on,
                        confidential=action.confidential,
                    )
                    for n, action in enumerate(visible)
                ],
            )
        )
    by_kind = {
        kind: [a.person.description for a in meeting.attendances if a.kind == kind]
        for kind in AttendanceKind
    }
    return Minutes(
        meeting_name=meeting.meeting_type.name,
        short_name=meeting.meeting_type.short_name,
        starts_at=meeting.starts_at,
        place=meeting.place,
        theme=meeting.theme,
        status=meeting.minutes_status,
        revision=meeting.minutes_revision,
        present=by_kind[AttendanceKind.PRESENT],
        also_present=by_kind[AttendanceKind.ALSO_PRESENT],
        apologies=by_kind[AttendanceKind.APOLOGIES],
        items=items,
        # With no "Next meeting" item the date still closes the minutes.
        next_meeting_on=None if has_next_item else meeting.next_meeting_on,
        show_references=show_references,
        revisions=[(r.number, r.created_at) for r in meeting.revisions],
    )
