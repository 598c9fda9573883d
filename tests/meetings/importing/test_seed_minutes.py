"""The published minutes of 10 October 2023, as text and as Word, read into the structure the
demo meeting was built from by hand (tracker/demo_data/com_2023_10_10.py)."""

import re
from datetime import date

import pytest

from tests.meetings.importing.seed import docx_from_text, seed_text
from tracker.demo_data import com_2023_10_10 as demo
from tracker.meetings import pasted
from tracker.meetings.importing.files import read_minutes


@pytest.fixture(params=["txt", "docx"])
def minutes(request):
    if request.param == "txt":
        return read_minutes(seed_text().encode(), "minutes.txt")
    return read_minutes(docx_from_text(seed_text()), "minutes.docx")


def _plain(text: str) -> str:
    """Text compared without what the demo edited: link targets, apostrophes, case, spacing."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[\[\]'’>]", "", text)
    return " ".join(text.lower().split())


def test_heading_gives_title_and_date(minutes):
    assert minutes.title == "Community Outcomes Meeting (COM)"
    assert minutes.date == date(2023, 10, 10)
    # These minutes name no place or time (the demo's "Wellington House, Leeds" is invented).
    assert minutes.place is None and minutes.time is None


def test_every_attendee_in_the_right_group(minutes):
    assert minutes.attendance.present == demo.MEETING["present"]
    assert minutes.attendance.also_present == demo.MEETING["also_present"]
    assert minutes.attendance.apologies == []


def test_twelve_items_in_order_with_their_titles(minutes):
    assert [item.number for item in minutes.items] == list(range(1, 13))
    titles = [title for title, *_ in demo.MEETING["items"]]
    assert [_plain(item.title) for item in minutes.items] == [_plain(title) for title in titles]
    assert minutes.items[3].title == "Use of Force"  # "– to access the full reports click HERE" dropped


def test_notes_are_the_demo_meetings_without_the_actions(minutes):
    demo_notes = [notes for *_, notes in demo.MEETING["items"]]
    for item, expected in zip(minutes.items, demo_notes, strict=True):
        assert _plain(pasted.to_markdown(item.notes)) == _plain(expected), item.title
    assert "Actions:" not in minutes.items[3].notes
    # The briefing papers appended after item 12 are not part of the minutes.
    assert minutes.items[-1].notes == "27 February 2024"


def test_seven_actions_lettered_under_their_items_owned_by_wyp(minutes):
    assert [(action.item, action.letter) for action in minutes.actions] == [
        (4, "a"), (4, "b"), (5, "a"), (7, "a"), (7, "b"), (8, "a"), (9, "a")]
    assert [action.text for action in minutes.actions] == [action["text"] for action in demo.ACTIONS]
    assert {action.owner for action in minutes.actions} == {"WYP"}


def test_previous_minutes_agreed_under_item_2(minutes):
    assert minutes.previous_minutes_agreed_in == 2
