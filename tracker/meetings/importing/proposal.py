"""What the tracker proposes for minutes it has read: the meeting type, the directory's people for
the names in the attendance, and an organisation for each action's owner. The review page shows
these as its first choices; `flask minutes import --commit` takes them as they are."""

from dataclasses import dataclass

from tracker.directory.models import MeetingType, Organisation, Person
from tracker.meetings.importing.matching import (
    NameMatch,
    guess_meeting_type,
    match_organisation,
    match_people,
)
from tracker.meetings.importing.minutes import Minutes
from tracker.meetings.models import AttendanceKind


@dataclass
class Proposal:
    minutes: Minutes
    meeting_type: MeetingType | None
    attendance: list[tuple[str, NameMatch]]  # (AttendanceKind value, the name matched)
    owners: list[Organisation | None]  # one for each of minutes.actions, in order


def propose(minutes: Minutes, types: list[MeetingType], people: list[Person],
            organisations: list[Organisation]) -> Proposal:
    """Match the minutes against the directory, read once by the caller (`directory.people()`
    and so on: three queries, whatever the minutes hold)."""
    groups = [
        (AttendanceKind.PRESENT, minutes.attendance.present),
        (AttendanceKind.ALSO_PRESENT, minutes.attendance.also_present),
        (AttendanceKind.APOLOGIES, minutes.attendance.apologies),
    ]
    attendance = [
        (kind.value, match) for kind, names in groups for match in match_people(names, people)
    ]
    return Proposal(
        minutes=minutes,
        meeting_type=guess_meeting_type(minutes.title, types),
        attendance=attendance,
        owners=[match_organisation(action.owner, organisations) for action in minutes.actions],
    )
