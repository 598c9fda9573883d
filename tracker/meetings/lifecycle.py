"""The minutes' lifecycle: draft → approved → published, and the record of every change.

Every change to a meeting's record goes through `note_change`, which keeps the lifecycle honest:
changing approved minutes returns them to draft (they must be approved again), and changing
published minutes is a correction that needs a reason and makes a new `MinutesRevision`. Each
change is written to the audit log, with the text before and after where text changed.
Publishing the minutes is also published as the `minutes.published` event (kit.events), in the
same transaction, for whoever tells the attendees. Approving and publishing first say what is
missing from the minutes (`readiness`): each goes ahead only once the person has confirmed.
"""

from tracker import audit
from tracker.extensions import db
from tracker.kit import events
from tracker.kit.conflicts import save
from tracker.kit.dates import utcnow
from tracker.meetings import readiness
from tracker.meetings.models import Meeting, MinutesRevision, MinutesStatus


class MinutesError(Exception):
    """A change the tracker refuses, with a message for the person who asked for it."""


class MinutesIncomplete(MinutesError):
    """Approving or publishing minutes with something missing, not yet confirmed: `gaps` say what."""

    def __init__(self, gaps: list[readiness.Gap]):
        self.gaps = gaps
        super().__init__(
            "Something is missing from these minutes: "
            + " ".join(gap.text for gap in gaps)
            + " Confirm that they should go ahead anyway."
        )


def note_change(
    meeting: Meeting, user, event: str, summary: str, reason: str = "", entity=None, **detail
) -> MinutesRevision | None:
    """Record a change to the meeting's record, keeping the minutes' lifecycle honest.

    Published minutes: the change is a correction; it needs a reason and makes a new revision.
    Approved minutes: they go back to draft. Either way the change goes in the audit log.
    """
    revision = None
    if meeting.minutes_status == MinutesStatus.PUBLISHED:
        reason = (reason or "").strip()
        if not reason:
            raise MinutesError("Say why you are correcting the published minutes.")
        meeting.minutes_revision += 1
        revision = MinutesRevision(
            number=meeting.minutes_revision, reason=reason, created_by_id=getattr(user, "id", None)
        )
        meeting.revisions.append(revision)
        detail.update(revision=revision.number, reason=reason)
        summary = f"Correction {revision.number} to the published minutes: {summary}"
    elif meeting.minutes_status == MinutesStatus.APPROVED:
        meeting.minutes_status = MinutesStatus.DRAFT
        meeting.approved_at = None
        detail["returned_to_draft"] = True
    db.session.flush()
    audit.record(user, event, entity or meeting, summary, meeting_id=meeting.id, **detail)
    return revision


def _confirmed_gaps(meeting: Meeting, confirmed: bool) -> list[str]:
    """What is missing, once the person has confirmed going ahead; refused until they have."""
    gaps = readiness.gaps(meeting)
    if gaps and not confirmed:
        raise MinutesIncomplete(gaps)
    return [gap.text for gap in gaps]


def check_can_approve(meeting: Meeting) -> None:
    if meeting.minutes_status != MinutesStatus.DRAFT:
        raise MinutesError("Only draft minutes can be approved.")


def check_can_publish(meeting: Meeting) -> None:
    if meeting.minutes_status != MinutesStatus.APPROVED:
        raise MinutesError("Minutes must be approved before they are published.")


def approve(meeting: Meeting, user, *, confirmed: bool = False) -> None:
    """The meeting has agreed the draft minutes. With anything missing (`readiness`), only once
    the person has seen what and confirmed; the audit log keeps what was missing."""
    check_can_approve(meeting)
    missing = _confirmed_gaps(meeting, confirmed)
    meeting.minutes_status = MinutesStatus.APPROVED
    meeting.approved_at = utcnow()
    audit.record(
        user, "minutes.approved", meeting, f"Approved the minutes of the {meeting.title}",
        missing=missing,
    )
    save()


def return_to_draft(meeting: Meeting, user) -> None:
    """Take approved (not yet published) minutes back to draft to change them."""
    if meeting.minutes_status != MinutesStatus.APPROVED:
        raise MinutesError("Only approved minutes that are not yet published can go back to draft.")
    meeting.minutes_status = MinutesStatus.DRAFT
    meeting.approved_at = None
    audit.record(
        user, "minutes.returned_to_draft", meeting,
        f"Returned the minutes of the {meeting.title} to draft",
    )
    save()


def publish(meeting: Meeting, user, *, confirmed: bool = False) -> None:
    """Issue approved minutes; for a public meeting they appear on the public pages. With anything
    missing, only once confirmed, as for approving."""
    check_can_publish(meeting)
    missing = _confirmed_gaps(meeting, confirmed)
    meeting.minutes_status = MinutesStatus.PUBLISHED
    meeting.published_at = utcnow()
    audit.record(
        user, "minutes.published", meeting, f"Published the minutes of the {meeting.title}",
        missing=missing,
    )
    events.publish("minutes.published", meeting=meeting, user=user)
    save()
