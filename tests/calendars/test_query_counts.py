"""A feed runs the same few queries however many meetings and actions it holds."""

from tests.calendars.helpers import calendar_of, feed_url, meeting, meeting_type
from tests.factories import ActionFactory, PersonFactory
from tracker.actions.models import ActionStatus
from tracker.extensions import db
from tracker.meetings.models import AttendanceKind, MinutesStatus


def build(users, size: int) -> None:
    """`size` meetings of each kind the lead attends and actions of every sort they lead."""
    lead = users["lead"].person
    wyp = lead.organisation
    public, private = meeting_type(f"P{size}", public=True), meeting_type(f"Q{size}")
    for n in range(size):
        meeting(public, -n * 7 - 1, attended_by=[lead, PersonFactory()],
                minutes_status=MinutesStatus.PUBLISHED, theme=f"Theme {n}")
        meeting(public, n * 7 + 1)
        meeting(private, n * 3 + 2, attended_by=[lead], kind_of_attendance=AttendanceKind.APOLOGIES)
        ActionFactory(owner=wyp, lead=lead, confidential=n % 2 == 1)
        ActionFactory(owner=wyp, lead=lead, status=ActionStatus.CLOSED)
        ActionFactory(owner=wyp, lead=PersonFactory(organisation=wyp))
    db.session.commit()


def queries_for(app, client, url: str, count_queries) -> int:
    # A fresh application context, as in production: nothing cached from the request before.
    with app.app_context(), count_queries() as statements:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(statements)


def test_feeds_do_not_grow_with_the_data(app, users, count_queries):
    calendar_app = app.test_client(use_cookies=False)
    urls = {
        "lead's feed": feed_url(users["lead"]),
        "secretariat's feed": feed_url(users["secretariat"]),
        "public feed": "/public/meetings.ics",
    }
    db.session.commit()
    counts = {}
    for size in (1, 8):
        build(users, size)
        counts[size] = {name: queries_for(app, calendar_app, url, count_queries)
                        for name, url in urls.items()}
    assert counts[1] == counts[8]
    # Size 8 added 24 meetings the lead attends and 8 outstanding actions they lead.
    lead_feed = calendar_of(calendar_app.get(urls["lead's feed"]))
    assert len(lead_feed.events) == (1 + 8) * 4
    # The link with its user, person and organisation; the meetings; the actions.
    assert counts[8] == {"lead's feed": 3, "secretariat's feed": 3, "public feed": 1}
