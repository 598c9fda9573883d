"""Notes pasted from Word come out as they were written: lettered, numbered and bulleted lists,
their entries' later paragraphs, with or without indentation or blank lines."""

import lxml.html
import pytest

from tests.pages import seed_item_3_notes
from tracker.meetings.notes import to_html


def shape(notes: str) -> list:
    """What the page shows, reduced to its structure: ("p", first words) or (list kind, entries),
    each entry the shapes inside it."""

    def of(element):
        if element.tag in ("ol", "ul"):
            kind = {"a": "a)"}.get(element.get("type"), "1." if element.tag == "ol" else "•")
            if "ca-outline" in (element.get("class") or ""):
                kind = "plain"
            return (kind, [entry(li) for li in element.findall("li")])
        return ("p", " ".join(element.text_content().split()[:3]))

    def entry(li):
        inside = [of(child) for child in li if child.tag in ("p", "ol", "ul")]
        own = " ".join((li.text or "").split()[:3])
        return ([("p", own)] if own else []) + inside

    html = str(to_html(notes))
    return [of(element) for element in lxml.html.fragments_fromstring(html)] if html else []


def test_the_seed_minutes_item_3_is_four_lettered_entries_with_their_paragraphs():
    [(kind, entries)] = shape(seed_item_3_notes())
    assert kind == "a)"
    assert [entry[0] for entry in entries] == [
        ("p", "Mayor's Safer Communities"), ("p", "Male Behavior Change"),
        ("p", "Bus PCSO's -"), ("p", "Israel and Gaza"),
    ]
    assert entries[0][1] == ("p", "The deadline for")
    assert len(entries[1]) == 3 and len(entries[2]) == 1
    assert entries[3][1] == ("p", "T/ACC Galvin was")


@pytest.mark.parametrize("marker", ["a)", "(a)", "a.", "- a)", "• a)"])
def test_every_way_of_lettering_is_a_lettered_list(marker):
    letters = [marker.replace("a", letter) for letter in "abc"]
    notes = "The DMPC asked for:\n" + "\n".join(f"{m} point {n}" for n, m in enumerate(letters))
    html = to_html(notes)
    assert shape(notes) == [("p", "The DMPC asked"),
                            ("a)", [[("p", "point 0")], [("p", "point 1")], [("p", "point 2")]])]
    assert "b)" not in html and "(b" not in html


@pytest.mark.parametrize("separator", ["\n\n", "\n\n\n", "\r\n\r\n"])
@pytest.mark.parametrize("continuation", ["", "\t", "   ", " "])
def test_a_continuation_stays_in_its_entry_however_it_is_indented_or_spaced(separator, continuation):
    notes = separator.join(
        ["a)\tFunding announced.", f"{continuation}The deadline was November.", "b)\tCampaign.",
         "c)\tPCSOs."]
    )
    assert shape(notes) == [("a)", [[("p", "Funding announced."), ("p", "The deadline was")],
                                    [("p", "Campaign.")], [("p", "PCSOs.")]])]


@pytest.mark.parametrize("bullet", ["•", "-", "*", "·", "\uf0b7"])
def test_bullets_as_word_pastes_them_are_a_bulleted_list(bullet):
    notes = f"{bullet}\tCalls for service up\r\n{bullet}\tRepeat victims down\r\n"
    assert shape(notes) == [("•", [[("p", "Calls for service")], [("p", "Repeat victims down")]])]


def test_non_breaking_spaces_after_markers_are_spaces():
    notes = "a)\u00a0Funding\nb)\u00a0\u00a0Campaign"
    assert shape(notes) == [("a)", [[("p", "Funding")], [("p", "Campaign")]])]
    assert "\u00a0" not in to_html(notes)


def test_letters_under_a_number_are_a_list_inside_that_entry():
    notes = "1. Stop and search\na) the figures by district\nb) the framework\n2. Use of force"
    assert shape(notes) == [("1.", [
        [("p", "Stop and search"), ("a)", [[("p", "the figures by")], [("p", "the framework")]])],
        [("p", "Use of force")],
    ])]


def test_numbers_like_1_1_stay_as_written_inside_their_entry():
    notes = "1. Finance\n1.1 Budget agreed\n1.2 Precept noted\n2. Estates"
    [(kind, entries)] = shape(notes)
    assert kind == "1."
    assert entries[0] == [("p", "Finance"), ("plain", [[("p", "1.1 Budget agreed")],
                                                        [("p", "1.2 Precept noted")]])]
    assert entries[1] == [("p", "Estates")]


def test_word_second_level_bullets_are_nested():
    notes = "•\tNeighbourhoods\no\tLeeds\no\tBradford\n•\tRoads"
    assert shape(notes) == [("•", [
        [("p", "Neighbourhoods"), ("•", [[("p", "Leeds")], [("p", "Bradford")]])],
        [("p", "Roads")],
    ])]
    # Typed by hand, indentation says the same.
    notes = "- one\n  - one point one\n- two"
    assert shape(notes) == [("•", [[("p", "one"), ("•", [[("p", "one point one")]])],
                                   [("p", "two")]])]
