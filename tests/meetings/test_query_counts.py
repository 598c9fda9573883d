"""A meeting's pages run the same number of queries however big the meeting is."""

from datetime import datetime

from tests.factories import ActionFactory, PersonFactory
from tests.meetings.factories import (
    MeetingFactory,
    MeetingTypeFactory,
    com_type,
    meeting_with_items,
)
from tracker.extensions import db
from tracker.meetings.models import Attendance, FutureAgendaItem, MinutesStatus, PaperLink


def fill(meeting, items: int, actions_per_item: int, people: int) -> None:
    """Give `meeting` items with papers and actions, attendees, and open actions at the one before."""
    for n, item in enumerate(meeting.agenda_items[:items]):
        item.notes = f"a) point {n}\nb) **another** [link](https://example.org/{n})"
        item.presenter = PersonFactory()
        item.papers = [PaperLink(position=0, title="Report", url=f"https://example.org/{n}.pdf")]
        for letter in range(actions_per_item):
            ActionFactory(meeting=meeting, agenda_item=item, position=letter, lead=PersonFactory(),
                          reference=f"COM-{meeting.id}-{n:02d}{chr(97 + letter)}",
                          confidential=letter % 2 == 1)
    meeting.attendances = [Attendance(person=PersonFactory(), kind="present") for _ in range(people)]
    meeting.future_items = [FutureAgendaItem(title=f"Later {n}") for n in range(people)]
    if meeting.previous_meeting is not None:
        for n in range(actions_per_item * 2):
            ActionFactory(meeting=meeting.previous_meeting, reference=f"PREV-{meeting.id}-{n}")


def pages(meeting) -> list[str]:
    return [f"/meetings/{meeting.id}", f"/meetings/{meeting.id}/minutes",
            f"/meetings/{meeting.id}/minutes.docx", f"/public/meetings/{meeting.id}"]


def build(size: int):
    kind = com_type() if size == 1 else MeetingTypeFactory(is_public=True)
    previous = MeetingFactory(meeting_type=kind, starts_at=datetime(2023, 7, 11, 10))
    meeting = meeting_with_items(
        meeting_type=previous.meeting_type, titles=[f"Item {n}" for n in range(max(size * 6, 2))],
        minutes_status=MinutesStatus.PUBLISHED, previous_meeting=previous,
    )
    fill(meeting, items=size * 6, actions_per_item=size * 2, people=size * 5)
    db.session.commit()
    return meeting


def test_meeting_pages_do_not_grow_with_the_meeting(app, client, login_as, count_queries):
    login_as("viewer")
    small, large = build(1), build(3)
    for small_url, large_url in zip(pages(small), pages(large), strict=True):
        counts = []
        for url in (small_url, large_url):
            # A fresh application context per request, as in production: nothing cached between.
            with app.app_context(), count_queries() as counted:
                assert client.get(url).status_code == 200
            counts.append(len(counted))
        assert counts[0] == counts[1], (large_url, counts)
