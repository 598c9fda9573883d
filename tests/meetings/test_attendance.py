"""Attendance from the people directory, and adding someone new without leaving the page."""

import sqlalchemy as sa

from tests.meetings.factories import (
    MeetingFactory,
    OrganisationFactory,
    PersonFactory,
    com_type,
    organisation,
)
from tracker.directory.models import Person
from tracker.extensions import db
from tracker.meetings.models import AttendanceKind, Meeting


def kinds(meeting: Meeting) -> dict[str, str]:
    db.session.expire_all()
    return {a.person.name: a.kind for a in db.session.get(Meeting, meeting.id).attendances}


def test_attendance_is_recorded_present_also_present_and_apologies(client, secretariat):
    meeting = MeetingFactory(meeting_type=com_type())
    wyp = organisation("WYP")
    lowe = PersonFactory(name="Alison Lowe", job_title="DMPC")
    miller = PersonFactory(name="Damien Miller", job_title="ACC", organisation=wyp)
    waugh = PersonFactory(name="Sharon Waugh")
    absent = PersonFactory(name="Tom Ashworth")
    db.session.commit()
    page = client.get(f"/meetings/{meeting.id}/attendance").text
    assert "Attendance of Alison Lowe" in page
    response = client.post(
        f"/meetings/{meeting.id}/attendance",
        data={
            f"person_{lowe.id}": AttendanceKind.PRESENT,
            f"person_{miller.id}": AttendanceKind.PRESENT,
            f"person_{waugh.id}": AttendanceKind.ALSO_PRESENT,
            f"person_{absent.id}": AttendanceKind.APOLOGIES,
            "save": "Save attendance",
        },
    )
    assert response.status_code == 302
    assert kinds(meeting) == {
        "Alison Lowe": "present",
        "Damien Miller": "present",
        "Sharon Waugh": "also_present",
        "Tom Ashworth": "apologies",
    }
    detail = client.get(f"/meetings/{meeting.id}").text
    assert "Damien Miller – ACC, WYP" in detail
    # Choosing "Not recorded" takes someone off the list.
    client.post(f"/meetings/{meeting.id}/attendance", data={f"person_{absent.id}": "", "save": "Save"})
    assert "Tom Ashworth" not in kinds(meeting)


def test_someone_not_in_the_directory_is_added_from_the_attendance_page(client, secretariat):
    meeting = MeetingFactory(meeting_type=com_type())
    wyp = organisation("WYP")
    lowe = PersonFactory(name="Alison Lowe")
    db.session.commit()
    response = client.post(
        f"/meetings/{meeting.id}/attendance",
        data={
            f"person_{lowe.id}": AttendanceKind.PRESENT,  # chosen before adding: kept
            "new_person-name": "Russ Hughes",
            "new_person-job_title": "Ch. Supt.",
            "new_person-organisation": str(wyp.id),
            "new_person-kind": AttendanceKind.PRESENT,
            "add": "Add this person",
        },
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/meetings/{meeting.id}/attendance")
    hughes = db.session.scalar(sa.select(Person).where(Person.name == "Russ Hughes"))
    assert hughes.job_title == "Ch. Supt." and hughes.organisation == wyp
    assert kinds(meeting) == {"Alison Lowe": "present", "Russ Hughes": "present"}
    page = client.get(f"/meetings/{meeting.id}/attendance").text
    assert "Russ Hughes has been added to the directory and to this meeting." in page
    assert "Attendance of Russ Hughes" in page


def test_pressing_enter_in_the_name_box_still_adds_the_person(client, secretariat):
    meeting = MeetingFactory(meeting_type=com_type())
    org = OrganisationFactory()
    db.session.commit()
    client.post(
        f"/meetings/{meeting.id}/attendance",
        data={"new_person-name": "Dave Iveson", "new_person-organisation": str(org.id),
              "new_person-kind": AttendanceKind.ALSO_PRESENT, "save": "Save attendance"},
    )
    assert kinds(meeting) == {"Dave Iveson": "also_present"}


def test_a_new_person_needs_a_name_and_organisation(client, secretariat):
    meeting = MeetingFactory(meeting_type=com_type())
    db.session.commit()
    response = client.post(
        f"/meetings/{meeting.id}/attendance",
        data={"new_person-name": "", "new_person-organisation": "", "add": "Add this person"},
    )
    assert response.status_code == 200
    assert "Enter the person&#39;s full name" in response.text
    assert "Choose their organisation" in response.text
    assert 'href="#new_person-name"' in response.text
    assert db.session.scalar(sa.select(Person).where(Person.name == "")) is None


def test_adding_someone_already_in_the_directory_does_not_duplicate_them(client, secretariat):
    meeting = MeetingFactory(meeting_type=com_type())
    org = OrganisationFactory()
    PersonFactory(name="Julie Reid", organisation=org)
    db.session.commit()
    client.post(
        f"/meetings/{meeting.id}/attendance",
        data={"new_person-name": "julie reid", "new_person-organisation": str(org.id),
              "new_person-kind": AttendanceKind.PRESENT, "add": "Add this person"},
    )
    named = sa.select(sa.func.count()).where(sa.func.lower(Person.name) == "julie reid")
    assert db.session.scalar(named) == 1
    assert kinds(meeting) == {"Julie Reid": "present"}


def test_a_made_up_attendance_kind_is_refused(client, secretariat):
    meeting = MeetingFactory(meeting_type=com_type())
    person = PersonFactory()
    db.session.commit()
    response = client.post(
        f"/meetings/{meeting.id}/attendance", data={f"person_{person.id}": "chairing", "save": "Save"}
    )
    assert response.status_code == 200 and "Not a valid choice" in response.text
    assert kinds(meeting) == {}
