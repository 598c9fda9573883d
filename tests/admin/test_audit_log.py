"""The audit log page: every change, newest first, paginated, filtered by kind of record."""

from datetime import UTC, date, datetime, timedelta

from tests.factories import ActionFactory, MeetingFactory, MeetingTypeFactory
from tests.pages import text_of
from tracker.actions import services as actions
from tracker.actions.models import ActionStatus
from tracker.admin import services
from tracker.audit import AuditEntry
from tracker.extensions import db
from tracker.meetings import services as meetings
from tracker.meetings.models import AttendanceKind


def test_each_change_is_listed_newest_first_with_who_made_it(client, admin, users):
    wyp = users["lead"].person.organisation
    services.change_organisation(admin, wyp, "West Yorkshire Police Force", "WYP")
    services.change_user(admin, users["viewer"], "viewer", users["viewer"].person, False)
    page = text_of(client.get("/admin/audit"))
    assert page.index("Deactivated user viewer") < page.index(
        "Changed organisation West Yorkshire Police"
    )
    assert "Name: West Yorkshire Police → West Yorkshire Police Force" in page
    assert users["admin"].person.name in page  # who did it
    assert f'href="/admin/organisations/{wyp.id}"' in page


def test_times_are_shown_in_uk_time(client, admin):
    # 1 July 2024 13:05 UTC is 2:05pm British Summer Time.
    db.session.add(
        AuditEntry(
            at=datetime(2024, 7, 1, 13, 5, tzinfo=UTC),
            event="changed",
            entity_type="meeting",
            entity_id=1,
            summary="Moved the meeting",
        )
    )
    db.session.commit()
    assert "1 July 2024, 2:05pm" in text_of(client.get("/admin/audit"))


def test_filter_by_kind_of_record(client, admin, users):
    services.change_organisation(admin, users["lead"].person.organisation, "Police", "WYP")
    services.reset_password(admin, users["viewer"], "another-long-password")
    page = text_of(client.get("/admin/audit?entity_type=user_account"))
    assert "Reset the password of user viewer" in page
    assert "Changed organisation" not in page
    assert '<option value="user_account" selected>User</option>' in page


def test_filtering_by_a_kind_of_record_never_logged_is_not_found(client, admin):
    assert client.get("/admin/audit?entity_type=nonsense").status_code == 404


def test_the_log_is_paginated(client, admin, app):
    start = datetime(2024, 1, 1, tzinfo=UTC)
    per_page = app.config["PER_PAGE"]
    db.session.add_all(
        AuditEntry(
            at=start + timedelta(minutes=n),
            event="changed",
            entity_type="meeting",
            entity_id=n,
            summary=f"Change number {n:03d}.",
        )
        for n in range(per_page + 3)
    )
    db.session.commit()
    first, second = text_of(client.get("/admin/audit")), text_of(client.get("/admin/audit?page=2"))
    newest, oldest = f"Change number {per_page + 2:03d}.", "Change number 000."
    assert newest in first and oldest not in first
    assert oldest in second and newest not in second


def test_details_kept_by_other_parts_of_the_tracker_are_shown(client, admin):
    db.session.add(
        AuditEntry(
            event="corrected",
            entity_type="minutes_revision",
            entity_id=4,
            summary="Corrected the minutes",
            detail={"reason": "Typo in item 3"},
        )
    )
    db.session.commit()
    page = text_of(client.get("/admin/audit"))
    assert "Minutes revision 4" in page and "Reason: Typo in item 3" in page


def test_every_kind_of_record_shows_labels_words_and_readable_differences(client, admin, users):
    """Actions, meetings and attendance keep their details in their own shapes; the log shows
    each in words, never a stored value ("awaiting_sign_off") or Python's text for a dict."""
    lead, dmpc = users["lead"], users["executive"]
    action = ActionFactory(
        owner=lead.person.organisation, lead=lead.person, due_on=date(2024, 1, 31)
    )
    meeting = MeetingFactory(
        meeting_type=MeetingTypeFactory(short_name="COM"), starts_at=datetime(2023, 10, 10, 10)
    )
    db.session.commit()
    actions.add_update(action, lead, note="Done.", status=ActionStatus.AWAITING_SIGN_OFF)
    actions.send_back(action, dmpc, note="Not yet.", due_on=date(2024, 2, 29))
    meetings.record_attendance(meeting, admin, {lead.person: AttendanceKind.APOLOGIES})
    meetings.update_details(
        meeting, admin, meeting_type=meeting.meeting_type,
        starts_at=datetime(2023, 10, 17, 14, 30), place="Wellington House", theme="",
    )

    page = text_of(client.get("/admin/audit"))
    for line in (
        "Status: Open → Completed – awaiting sign-off",
        "Status: Completed – awaiting sign-off → In progress",
        "Due date: 31 January 2024 → 29 February 2024",
        "Note: Not yet.",
        f"{lead.person.name}: (none) → Apologies",
        "Date and time: 10 October 2023, 10am → 17 October 2023, 2:30pm",
    ):
        assert line in page, line
    for raw in ("awaiting_sign_off", "in_progress", "{", "[", "due_on", "Old status", "apologies<"):
        assert raw not in page.split("<main", 1)[1], raw
