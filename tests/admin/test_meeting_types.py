"""Meeting types are data: the administrator adds and changes them, with their standing agenda."""

import sqlalchemy as sa

from tests.factories import MeetingTypeFactory
from tests.pages import error_summary, text_of
from tests.records import audit_entries, count
from tracker.directory.models import MeetingType
from tracker.extensions import db

AUDIT_AND_ETHICS = {
    "name": "Audit and Ethics Committee",
    "short_name": "AEC",
    "cadence": "Quarterly",
    "is_public": "yes",
    "standing_agenda": "  Welcome and apologies \r\n\r\nDeclarations of interest\r\n  \r\nAny other business\r\n",
}


def saved(short_name: str) -> MeetingType | None:
    return db.session.scalar(sa.select(MeetingType).filter_by(short_name=short_name))


def test_admin_adds_a_meeting_type_with_its_standing_agenda(client, admin):
    response = client.post("/admin/meeting-types/new", data=AUDIT_AND_ETHICS, follow_redirects=True)
    assert "Meeting type added: Audit and Ethics Committee" in text_of(response)
    meeting_type = saved("AEC")
    assert meeting_type.is_public is True
    # Stored one title per line, without the blank lines and padding typed into the box.
    assert meeting_type.standing_agenda == (
        "Welcome and apologies\nDeclarations of interest\nAny other business"
    )
    assert meeting_type.standing_items == [
        "Welcome and apologies",
        "Declarations of interest",
        "Any other business",
    ]
    assert "3 items" in text_of(client.get("/admin/meeting-types"))
    (entry,) = audit_entries("meeting_type")
    assert entry.detail["values"]["Public"] is True


def test_the_change_page_shows_the_standing_agenda_one_item_per_line(client, admin):
    meeting_type = MeetingTypeFactory(standing_agenda="Welcome\nFinance and resources")
    db.session.commit()
    page = text_of(client.get(f"/admin/meeting-types/{meeting_type.id}"))
    assert ">Welcome\nFinance and resources</textarea>" in page


def test_a_duplicate_short_name_is_refused_and_nothing_is_saved(client, admin):
    MeetingTypeFactory(name="Community Outcomes Meeting", short_name="COM")
    db.session.commit()
    response = client.post(
        "/admin/meeting-types/new", data={**AUDIT_AND_ETHICS, "short_name": "com"}
    )
    assert "There is already a meeting type with the short name com" in error_summary(response)
    assert count(MeetingType) == 1
    assert audit_entries() == []


def test_short_name_must_fit_an_action_reference(client, admin):
    response = client.post(
        "/admin/meeting-types/new", data={**AUDIT_AND_ETHICS, "short_name": "A&E C"}
    )
    assert "Short name must only include letters and numbers" in error_summary(response)
    assert count(MeetingType) == 0


def test_public_or_not_must_be_answered(client, admin):
    for answer in (None, "perhaps"):
        data = (
            {**AUDIT_AND_ETHICS, "is_public": answer}
            if answer
            else {k: v for k, v in AUDIT_AND_ETHICS.items() if k != "is_public"}
        )
        response = client.post("/admin/meeting-types/new", data=data)
        assert "Select yes if the minutes are public" in error_summary(response)
    assert count(MeetingType) == 0


def test_an_agenda_item_too_long_for_an_agenda_is_refused(client, admin):
    data = {**AUDIT_AND_ETHICS, "standing_agenda": "Welcome\n" + "x" * 301}
    response = client.post("/admin/meeting-types/new", data=data)
    assert "Agenda item 2 must be 300 characters or fewer" in error_summary(response)
    assert count(MeetingType) == 0


def test_admin_changes_a_meeting_type(client, admin):
    meeting_type = MeetingTypeFactory(short_name="JEM", is_public=False, standing_agenda="Welcome")
    db.session.commit()
    response = client.post(
        f"/admin/meeting-types/{meeting_type.id}",
        data={
            "name": "Joint Executive Meeting",
            "short_name": "JEM",
            "cadence": "Bi-monthly",
            "is_public": "no",
            "standing_agenda": "Welcome\nFinance",
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert meeting_type.standing_items == ["Welcome", "Finance"]
    (entry,) = audit_entries("meeting_type")
    assert entry.summary.startswith("Changed meeting type")
    assert entry.detail["changes"]["Standing agenda"] == ["Welcome", "Welcome\nFinance"]


def test_a_meeting_type_that_does_not_exist_is_not_found(client, admin):
    assert client.get("/admin/meeting-types/99999").status_code == 404
