"""Minutes laid out as other bodies write them: what the reader finds in each."""

from datetime import date

from tracker.meetings.importing.reading import read_text

PANEL = """\
MINUTES OF THE MEETING OF THE POLICE AND CRIME PANEL HELD ON FRIDAY, 6TH FEBRUARY 2015 AT 10.00 AM AT WAKEFIELD TOWN HALL

PRESENT: Cllr A Hussain (Chair), Cllr M Pervaiz, Mr R Taylor

IN ATTENDANCE: Mark Burns-Williamson - Police and Crime Commissioner, Fraser Sampson - Chief Executive

1. Apologies for absence

1.1 Apologies for absence were received from Cllr J Lewis and Cllr S Baines.

2) Minutes of the meeting held on 12/12/2014

2.1 The minutes of the meeting held on 12 December 2014 were agreed as a correct record.

Item 3 Police and Crime Plan

3.1 The Commissioner introduced the refreshed plan.
3.2 Members asked about the precept:
a) the level of the increase;
b) how the public had been consulted.

ACTION: OPCC to circulate the consultation results to members.
"""

APOLOGIES_ITEM = """\
Joint Executive Meeting
Date: 12/06/2020
Time: 14:00
Venue: Wellington House, Leeds

Present
Alison Lowe, Julie Reid, Damien Miller

1. Apologies for Absence

Cllr Tracy Brabin
Catherine Hankinson

2. Finance update

Julie Reid presented the budget.

Actions:
a) WYP to share the overtime figures.
b) Policing and Crime Team to book the next workshop.

3. Any other business

None.
"""

RESOLVED = """\
Community Safety Committee, 10th October 2023, 2pm, held at Bradford City Hall

Apologies
Cllr Ann Smith - Leeds City Council
Cllr Bob Jones - Kirklees Council

1. Minutes of the last meeting

RESOLVED - That the minutes of the meeting held on 11 July 2023 be approved as a correct record.

2. Safer Streets funding

The committee considered the bid.

RESOLVED:
(a) That the bid be supported.
(b) That the Chair write to the Home Office.

Action: WYCA to submit the bid by 31 October.
"""


def test_panel_style_with_numbered_paragraphs_and_attendance_on_one_line():
    minutes = read_text(PANEL)
    assert minutes.title == "MINUTES OF THE MEETING OF THE POLICE AND CRIME PANEL"
    assert minutes.date == date(2015, 2, 6)
    assert minutes.time == "10:00"
    assert minutes.place == "WAKEFIELD TOWN HALL"
    assert minutes.attendance.present == ["Cllr A Hussain", "Cllr M Pervaiz", "Mr R Taylor"]
    assert minutes.attendance.also_present == ["Mark Burns-Williamson", "Fraser Sampson"]
    assert minutes.attendance.apologies == ["Cllr J Lewis", "Cllr S Baines"]
    assert [(item.number, item.title) for item in minutes.items] == [
        (1, "Apologies for absence"),
        (2, "Minutes of the meeting held on 12/12/2014"),
        (3, "Police and Crime Plan"),
    ]
    assert "3.2 Members asked about the precept:\na) the level" in minutes.items[2].notes
    assert [(a.item, a.letter, a.text, a.owner) for a in minutes.actions] == [
        (3, "a", "OPCC to circulate the consultation results to members.", "OPCC")]
    assert minutes.previous_minutes_agreed_in == 2


def test_apologies_for_absence_as_an_item():
    minutes = read_text(APOLOGIES_ITEM)
    assert (minutes.title, minutes.date, minutes.time, minutes.place) == (
        "Joint Executive Meeting", date(2020, 6, 12), "14:00", "Wellington House, Leeds")
    assert minutes.attendance.present == ["Alison Lowe", "Julie Reid", "Damien Miller"]
    assert minutes.attendance.apologies == ["Cllr Tracy Brabin", "Catherine Hankinson"]
    assert [item.title for item in minutes.items] == [
        "Apologies for Absence", "Finance update", "Any other business"]
    assert [(a.item, a.letter, a.owner) for a in minutes.actions] == [
        (2, "a", "WYP"), (2, "b", "Policing and Crime Team")]
    assert minutes.items[1].notes == "Julie Reid presented the budget."


def test_resolved_decisions_stay_in_the_notes_and_are_not_actions():
    minutes = read_text(RESOLVED)
    assert minutes.date == date(2023, 10, 10)
    assert minutes.time == "14:00"
    assert minutes.place == "Bradford City Hall"
    assert minutes.attendance.apologies == ["Cllr Ann Smith", "Cllr Bob Jones"]
    assert minutes.previous_minutes_agreed_in == 1
    assert "RESOLVED:\n(a) That the bid be supported.\n(b) That the Chair" in minutes.items[1].notes
    assert [(a.item, a.letter, a.text, a.owner) for a in minutes.actions] == [
        (2, "a", "WYCA to submit the bid by 31 October.", "WYCA")]
    assert "Action:" not in minutes.items[1].notes


ITEM_WORDS = """\
Delivery Quarterly
Thursday 6th February 2015

Item 1
Welcome and apologies

Apologies: Cllr Jane Doe, Mr John Roe

Item 2
Performance

Discussed.
"""


def test_item_headings_with_the_title_on_the_next_line_and_apologies_inside_an_item():
    minutes = read_text(ITEM_WORDS)
    assert minutes.date == date(2015, 2, 6)
    assert [(item.number, item.title) for item in minutes.items] == [
        (1, "Welcome and apologies"), (2, "Performance")]
    assert minutes.items[1].notes == "Discussed."
    assert minutes.attendance.apologies == ["Cllr Jane Doe", "Mr John Roe"]
