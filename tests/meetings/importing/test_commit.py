"""`flask minutes import --commit`: the seed minutes become a draft meeting shaped like the demo's,
in one transaction, with the references, history and audit entries of any other meeting."""

import sqlalchemy as sa

from tests.meetings.importing.directory import demo_directory
from tests.meetings.importing.seed import SEED
from tracker.actions.models import Action, ActionUpdate
from tracker.audit import AuditEntry
from tracker.demo_data import com_2023_10_10 as demo
from tracker.directory.models import Person
from tracker.extensions import db
from tracker.meetings.models import Meeting, MinutesStatus


def _invoke(app, *args):
    return app.test_cli_runner().invoke(args=["minutes", "import", str(SEED), "--type", "COM", *args])


def _meetings():
    return db.session.scalars(sa.select(Meeting)).all()


def test_commit_creates_the_demo_meetings_structure(app):
    demo_directory()
    db.session.commit()
    result = _invoke(app, "--commit")
    assert result.exit_code == 0, result.output
    assert "created the Community Outcomes Meeting" in result.output
    db.session.expire_all()
    [meeting] = _meetings()
    assert meeting.minutes_status == MinutesStatus.DRAFT
    # Item 2 says the previous notes were "accepted as a correct record", as the demo records.
    assert meeting.previous_minutes_outcome == demo.MEETING["previous_minutes_outcome"]
    assert meeting.starts_at.date() == demo.MEETING["starts_at"].date()
    assert len(meeting.agenda_items) == 12
    assert [item.title for item in meeting.agenda_items][3:5] == ["Use of Force", "Stop and Search"]
    by_kind = {}
    for attendance in meeting.attendances:
        by_kind.setdefault(attendance.kind, set()).add(attendance.person.name)
    assert by_kind == {"present": set(demo.MEETING["present"]),
                       "also_present": set(demo.MEETING["also_present"])}
    actions = db.session.scalars(sa.select(Action).order_by(Action.reference)).all()
    assert [(a.agenda_item.number, a.owner.short_name) for a in actions] == [
        (action["item"], action.get("owner", "WYP")) for action in demo.ACTIONS]
    assert [a.reference for a in actions][:3] == [
        "COM-2023-10-04a", "COM-2023-10-04b", "COM-2023-10-05a"]
    assert actions[0].text == demo.ACTIONS[0]["text"]
    # Raised as any action is: a history entry each, and the audit log.
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ActionUpdate)) == 7
    events = db.session.scalars(sa.select(AuditEntry.event)).all()
    assert "meeting.created" in events and events.count("action.raised") == 7


def _without_russ_hughes():
    directory = demo_directory()
    db.session.execute(sa.delete(Person).where(Person.name == "Russ Hughes"))
    db.session.commit()
    return directory


def test_unmatched_people_are_left_out_by_default(app):
    _without_russ_hughes()
    result = _invoke(app, "--commit")
    assert result.exit_code == 0, result.output
    assert "left out of the attendance: Russ Hughes" in result.output
    assert db.session.scalar(sa.select(Person).where(Person.name == "Russ Hughes")) is None
    [meeting] = _meetings()
    assert len(meeting.attendances) == 8


def test_unmatched_people_are_created_with_new_people(app):
    directory = _without_russ_hughes()
    result = _invoke(app, "--commit", "--new-people", "WYP")
    assert result.exit_code == 0, result.output
    russ = db.session.scalar(sa.select(Person).where(Person.name == "Russ Hughes"))
    assert russ.organisation == directory["organisations"]["WYP"]
    [meeting] = _meetings()
    assert russ in [attendance.person for attendance in meeting.attendances]


def test_a_meeting_already_on_that_day_saves_nothing(app):
    demo_directory()
    db.session.commit()
    assert _invoke(app, "--commit").exit_code == 0
    again = _invoke(app, "--commit")
    assert again.exit_code == 1
    assert "not created: There is already a meeting of this type on that day" in again.output
    assert len(_meetings()) == 1
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Action)) == 7


def test_without_commit_nothing_is_saved(app):
    demo_directory()
    db.session.commit()
    assert _invoke(app).exit_code == 0
    assert _meetings() == []


def test_a_refusal_halfway_saves_nothing(app, monkeypatch):
    """The meeting, a new person and two actions are made before the third action is refused."""
    from tracker.actions import imported_minutes
    from tracker.meetings.lifecycle import MinutesError

    _without_russ_hughes()
    real, raised = imported_minutes.raise_action, []

    def raise_then_refuse(*args, **kwargs):
        if len(raised) == 2:
            raise MinutesError("refused")
        raised.append(real(*args, **kwargs))

    monkeypatch.setattr(imported_minutes, "raise_action", raise_then_refuse)
    result = _invoke(app, "--commit", "--new-people", "WYP")
    assert result.exit_code == 1 and "not created: refused" in result.output
    assert len(raised) == 2
    db.session.expire_all()
    assert _meetings() == []
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Action)) == 0
    assert db.session.scalar(sa.select(Person).where(Person.name == "Russ Hughes")) is None
