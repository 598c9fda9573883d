"""The list of meetings: newest first, filtered by type and year, paginated, few queries."""

import re
from datetime import datetime, timedelta

from tests.meetings.factories import MeetingFactory, MeetingTypeFactory, com_type
from tracker.extensions import db


def titles_on(response) -> list[str]:
    return re.findall(r'<span class="govuk-visually-hidden">, ([^<]+)</span></a>', response.text)


def test_meetings_are_listed_newest_first(client, login_as):
    login_as("viewer")
    kind = com_type()
    for day in (datetime(2023, 7, 11, 10), datetime(2024, 2, 27, 10), datetime(2023, 10, 10, 10)):
        MeetingFactory(meeting_type=kind, starts_at=day)
    db.session.commit()
    response = client.get("/meetings")
    assert titles_on(response) == ["27 February 2024", "10 October 2023", "11 July 2023"]


def test_filter_by_type_and_year_from_the_address(client, login_as):
    login_as("viewer")
    com, jem = com_type(), MeetingTypeFactory(name="Joint Executive Meeting", short_name="JEM")
    MeetingFactory(meeting_type=com, starts_at=datetime(2023, 10, 10, 10))
    MeetingFactory(meeting_type=com, starts_at=datetime(2024, 2, 27, 10))
    MeetingFactory(meeting_type=jem, starts_at=datetime(2023, 11, 1, 14))
    db.session.commit()

    by_type = client.get("/meetings?type=COM")
    assert titles_on(by_type) == ["27 February 2024", "10 October 2023"]
    assert '<option value="COM" selected>' in by_type.text

    by_both = client.get("/meetings?type=COM&year=2023")
    assert titles_on(by_both) == ["10 October 2023"]
    assert "Joint Executive Meeting</a>" not in by_both.text
    assert "Clear filters" in by_both.text

    by_year = client.get("/meetings?year=2023")
    assert titles_on(by_year) == ["1 November 2023", "10 October 2023"]


def test_nonsense_filters_show_everything_rather_than_failing(client, login_as):
    login_as("viewer")
    MeetingFactory(meeting_type=com_type())
    db.session.commit()
    response = client.get("/meetings?type=NOPE&year=abc&page=x")
    assert response.status_code == 200
    assert len(titles_on(response)) == 1


def test_the_list_is_paginated_and_keeps_the_filters(client, login_as, app):
    login_as("viewer")
    kind = com_type()
    start = datetime(2023, 1, 2, 10)
    for n in range(app.config["PER_PAGE"] + 3):
        MeetingFactory(meeting_type=kind, starts_at=start + timedelta(days=n))
    db.session.commit()
    first = client.get("/meetings?type=COM")
    assert len(titles_on(first)) == app.config["PER_PAGE"]
    assert "/meetings?type=COM&amp;page=2" in first.text
    second = client.get("/meetings?type=COM&page=2")
    assert titles_on(second) == ["4 January 2023", "3 January 2023", "2 January 2023"]


def test_the_number_of_queries_does_not_grow_with_the_number_of_meetings(
    client, login_as, count_queries
):
    login_as("viewer")
    kinds = [com_type(), MeetingTypeFactory()]
    MeetingFactory(meeting_type=kinds[0])
    db.session.commit()
    with count_queries() as few:
        assert client.get("/meetings").status_code == 200
    for n in range(30):
        MeetingFactory(meeting_type=kinds[n % 2], starts_at=datetime(2020 + n % 4, 1 + n % 12, 1, 10))
    db.session.commit()
    with count_queries() as many:
        assert client.get("/meetings").status_code == 200
    assert len(many) == len(few)


def test_editors_see_the_create_button_and_readers_do_not(client, login_as):
    login_as("viewer")
    assert "Create a meeting" not in client.get("/meetings").text
    client.post("/logout")
    login_as("secretariat")
    assert "Create a meeting" in client.get("/meetings").text
