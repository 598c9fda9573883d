"""The database keeps the search index in step with every insert, update and delete, whoever
makes the change (a page, the CLI, an import or plain SQL): PostgreSQL's generated columns and
SQLite's FTS5 triggers (migration 0011)."""

import sqlalchemy as sa

from tests.factories import ActionFactory, AgendaItemFactory, MeetingFactory
from tracker.actions.models import ActionUpdate
from tracker.extensions import db
from tracker.meetings.models import PaperLink
from tracker.search import finding, syntax


def found(user, text: str, kind: finding.Kind) -> list[int]:
    search = finding.Search(text, user, kind=kind.value)
    return [hit.id for hit in finding.hits(search, syntax.parse(text), [kind], 50)]


def test_a_new_item_is_found_a_changed_one_by_its_new_words_a_deleted_one_not_at_all(users):
    user = users["secretariat"]
    item = AgendaItemFactory(title="Neighbourhood policing", notes="Burglaries fell in Calderdale.")
    db.session.commit()
    assert found(user, "burglary", finding.Kind.ITEMS) == [item.id]
    item.notes = "Shoplifting rose in Kirklees."
    db.session.commit()
    assert found(user, "burglary", finding.Kind.ITEMS) == []
    assert found(user, "shoplifting", finding.Kind.ITEMS) == [item.id]
    db.session.delete(item)
    db.session.commit()
    assert found(user, "shoplifting", finding.Kind.ITEMS) == []


def test_actions_updates_papers_and_meetings_are_kept_in_step(users):
    user = users["secretariat"]
    meeting = MeetingFactory(theme="Serious violence")
    item = AgendaItemFactory(meeting=meeting, title="Knife crime")
    action = ActionFactory(meeting=meeting, agenda_item=item, text="WYP to report knife arches.")
    db.session.add(ActionUpdate(action=action, kind="update", note="Arches bought for Bradford."))
    db.session.add(PaperLink(agenda_item=item, title="Violence reduction paper", url="https://x.test/p"))
    db.session.commit()
    assert found(user, "violence", finding.Kind.MEETINGS) == [meeting.id]
    assert found(user, "arches", finding.Kind.ACTIONS) == [action.id]
    assert len(found(user, "Bradford", finding.Kind.UPDATES)) == 1
    assert len(found(user, "reduction", finding.Kind.PAPERS)) == 1
    # Plain SQL, as an import or a console would: still in step.
    db.session.execute(sa.update(ActionUpdate).values(note="Arches bought for Wakefield."))
    db.session.commit()
    assert found(user, "Bradford", finding.Kind.UPDATES) == []
    assert len(found(user, "Wakefield", finding.Kind.UPDATES)) == 1


def test_what_was_recorded_before_the_migration_is_found_after_it(make_app, tmp_path):
    """Migration 0011 indexes the rows already there (PostgreSQL computes the generated column
    for each, SQLite rebuilds the FTS5 tables from them)."""
    import flask_migrate

    from tests.database import new_database
    from tracker import demo
    from tracker.auth.models import User

    with new_database(tmp_path) as url:
        app = make_app({"SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            flask_migrate.upgrade(revision="0009_report_indexes")
            demo.load()
            db.session.remove()
            flask_migrate.upgrade()
            viewer = db.session.scalar(sa.select(User).where(User.username == "viewer"))
            assert len(found(viewer, "Jossigill", finding.Kind.ITEMS)) == 1
            assert found(viewer, '"custody settings"', finding.Kind.ACTIONS)
            db.session.remove()
            db.engine.dispose()
