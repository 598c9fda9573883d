"""Names as minutes write them matched to the directory, and the meeting type guessed from a title."""

import pytest

import tracker.models  # noqa: F401  (every mapper, to build plain records without a database)
from tracker.directory.models import MeetingType, Person
from tracker.meetings.importing.matching import guess_meeting_type, match_person

PEOPLE = [Person(name=name) for name in (
    "Alison Lowe", "Catherine Hankinson", "Damien Miller", "Carl Glavin", "Russ Hughes",
    "John Smith", "Jane Smith", "Paige Cowling",
)]


def _matched(name):
    found = match_person(name, PEOPLE).person
    return found.name if found else None


@pytest.mark.parametrize(("written", "person"), [
    ("Alison Lowe", "Alison Lowe"),
    ("Cllr Alison Lowe", "Alison Lowe"),
    ("Councillor Alison Lowe", "Alison Lowe"),
    ("DCC Catherine Hankinson", "Catherine Hankinson"),
    ("ACC Damien Miller", "Damien Miller"),
    ("T/ACC Carl Glavin", "Carl Glavin"),
    ("T/ACC Carl Galvin", "Carl Glavin"),  # the seed minutes' own slip
    ("Ch. Supt. Russ Hughes", "Russ Hughes"),
    ("Supt Russ Hughes", "Russ Hughes"),
    ("Mrs P. Cowling", "Paige Cowling"),
    ("Dr D Miller", "Damien Miller"),
    ("alison  lowe", "Alison Lowe"),
    ("Paige Cowlin", "Paige Cowling"),
])
def test_titles_ranks_initials_and_slips_are_tolerated(written, person):
    assert _matched(written) == person


@pytest.mark.parametrize("written", [
    "J. Smith",  # John or Jane: the secretariat chooses
    "Smith",  # a surname alone could be anyone
    "Mr Peter Smith",
    "Cllr Mohammed Iqbal",
])
def test_ambiguous_or_unknown_names_match_no_one(written):
    assert _matched(written) is None


def test_an_unmatched_name_is_proposed_without_its_titles():
    match = match_person("Cllr Mohammed Iqbal", PEOPLE)
    assert (match.person, match.proposed_name, match.proposed_title) == (
        None, "Mohammed Iqbal", "Cllr")
    assert match_person("T/ACC Carl Galvin", PEOPLE).proposed_title == "T/ACC"


TYPES = [
    MeetingType(name="Community Outcomes Meeting", short_name="COM"),
    MeetingType(name="Joint Executive Meeting", short_name="JEM"),
    MeetingType(name="Delivery Quarterly", short_name="DQ"),
]


@pytest.mark.parametrize(("title", "short_name"), [
    ("Community Outcomes Meeting (COM)", "COM"),
    ("Minutes of the Community Outcomes Meeting held on 10 October 2023", "COM"),
    ("COMMUNITY OUTCOMES MEETING", "COM"),
    ("Community Outcome Meeting", "COM"),
    ("JEM - 14 November 2023", "JEM"),
    ("Joint Executive Meeting", "JEM"),
    ("Delivery Quarterly: January 2024", "DQ"),
    ("Police and Crime Panel", None),
    (None, None),
    ("", None),
])
def test_meeting_type_guessed_from_the_title(title, short_name):
    guessed = guess_meeting_type(title, TYPES)
    assert (guessed.short_name if guessed else None) == short_name
