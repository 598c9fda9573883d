"""A feed stays a valid iCalendar file whatever text the forms accepted."""

from datetime import date

from icalendar import Calendar

from tracker.calendars import feeds


def test_a_line_break_in_the_calendars_name_is_no_broken_file():
    feed = feeds.Feed(key="k", name="Community\nOutcomes, 10 October 2023", description="a\r\nb",
                      as_at=date(2024, 1, 1))
    parsed = Calendar.from_ical(feeds.to_ical(feed, "tracker.example"))
    assert str(parsed["X-WR-CALNAME"]) == "Community Outcomes, 10 October 2023"
