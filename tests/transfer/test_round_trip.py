"""Export, import into another database, export again: the two files hold the same data.

The demo data moves from the database under test to the other kind (SQLite to PostgreSQL in the
SQLite run, back the other way in the PostgreSQL run), as a team moving off the embedded default
would do it.
"""

from datetime import datetime

import sqlalchemy as sa

from tests.database import BACKEND, empty_all_tables
from tests.factories import MeetingFactory, OrganisationFactory
from tests.transfer.helpers import OTHER_BACKEND, manifest, row_counts, table_contents
from tracker.extensions import db
from tracker.models import Meeting, MeetingType, Organisation, Plan
from tracker.transfer import schema, services


def export(app, path) -> None:
    result = app.test_cli_runner().invoke(args=["data", "export", str(path)])
    assert result.exit_code == 0, result.output


def assert_next_ids_come_after_the_imported_ones() -> None:
    """On PostgreSQL each id sequence must have been moved past the imported ids."""
    if db.engine.dialect.name != "postgresql":
        return
    with db.engine.begin() as connection:
        for table in db.metadata.sorted_tables:
            column = table.autoincrement_column
            if column is None:
                continue
            largest = connection.scalar(sa.select(sa.func.max(column))) or 0
            next_id = connection.scalar(
                sa.select(sa.func.nextval(sa.func.pg_get_serial_sequence(table.name, column.name)))
            )
            assert next_id == largest + 1, table.name


def test_demo_data_moves_to_the_other_database_and_exports_the_same(app, demo, tmp_path, app_on):
    first, second = tmp_path / "first.zip", tmp_path / "second.zip"
    export(app, first)
    with app_on(OTHER_BACKEND[BACKEND]) as other:
        imported = other.test_cli_runner().invoke(args=["data", "import", str(first)])
        assert imported.exit_code == 0, imported.output
        counts = {table["name"]: table["rows"] for table in manifest(first)["tables"]}
        assert f"{sum(counts.values())} rows in {len(counts)} tables" in imported.output
        assert row_counts() == counts

        export(other, second)
        assert manifest(second)["exported_from"] == OTHER_BACKEND[BACKEND]
        assert manifest(second)["alembic_revision"] == manifest(first)["alembic_revision"]
        assert table_contents(second) == table_contents(first)

        organisation = OrganisationFactory()
        db.session.commit()
        imported_ids = [row["id"] for row in table_contents(first)["organisation"]]
        assert organisation.id == max(imported_ids) + 1
        assert_next_ids_come_after_the_imported_ones()


def test_links_to_later_rows_and_cycles_survive_a_round_trip(app, tmp_path, monkeypatch):
    # Small batches, so the rows and the links filled in afterwards span several of them.
    monkeypatch.setattr(services, "BATCH_SIZE", 2)
    meetings = MeetingFactory.create_batch(5)
    meetings[0].previous_meeting = meetings[4]  # points at a row the file holds later
    meetings[1].previous_meeting = meetings[2]  # two meetings pointing at each other
    meetings[2].previous_meeting = meetings[1]
    draft, current = Plan(title="Draft plan"), Plan(title="Current plan")
    db.session.add_all([draft, current])
    db.session.flush()
    draft.copied_from = current
    db.session.commit()
    m = [meeting.id for meeting in meetings]
    draft_id, current_id, meeting_type = draft.id, current.id, meetings[0].meeting_type_id
    first, second = tmp_path / "first.zip", tmp_path / "second.zip"
    export(app, first)
    db.session.remove()
    empty_all_tables()

    imported = app.test_cli_runner().invoke(args=["data", "import", str(first)])
    assert imported.exit_code == 0, imported.output
    export(app, second)

    assert table_contents(second) == table_contents(first)
    links = {
        meeting.id: meeting.previous_meeting_id
        for meeting in db.session.execute(sa.select(Meeting.id, Meeting.previous_meeting_id))
    }
    assert links[m[0]] == m[4]
    assert links[m[1]] == m[2] and links[m[2]] == m[1]
    assert db.session.get(Plan, draft_id).copied_from_id == current_id
    later = MeetingFactory(meeting_type=db.session.get(MeetingType, meeting_type))
    db.session.commit()
    assert later.id == max(m) + 1
    assert_next_ids_come_after_the_imported_ones()


def test_the_file_says_what_it_holds_and_writes_values_portably(app, demo, tmp_path):
    path = tmp_path / "export.zip"
    export(app, path)

    about = manifest(path)
    assert about["format"] == "governance-tracker-data"
    assert about["format_version"] == 1
    assert about["alembic_revision"] == schema.code_revision()
    assert datetime.fromisoformat(about["exported_at"]).tzinfo is not None
    assert {table["name"]: table["rows"] for table in about["tables"]} == row_counts()
    assert [table["name"] for table in about["tables"]] == [
        entry.table.name for entry in schema.tables_in_order()
    ]

    rows = table_contents(path)
    value = next(row for row in rows["indicator_value"] if row["value"] is not None)
    assert isinstance(value["value"], str) and "." in value["value"]  # Decimal, not float
    assert value["period_end"] == datetime.fromisoformat(value["period_end"]).date().isoformat()
    assert value["created_at"].endswith("+00:00")  # timezone-aware, in UTC
    meeting = rows["meeting"][0]
    assert datetime.fromisoformat(meeting["starts_at"]).tzinfo is None  # local wall-clock time
    assert {type(row["is_public"]) for row in rows["meeting_type"]} == {bool}
    assert all(isinstance(row["changes"], dict) for row in rows["action_update"])
    assert [row["id"] for row in rows["organisation"]] == sorted(
        db.session.scalars(sa.select(Organisation.id))
    )
