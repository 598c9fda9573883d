"""An import refuses, with a clear message, a nonzero exit and nothing written: a database that
is not empty or has no schema, a file from another schema or format, and a damaged file, even
when the damage is found half-way through loading it."""

import json
import zipfile

import pytest

from tests.database import BACKEND, empty_all_tables
from tests.factories import OrganisationFactory
from tests.transfer.helpers import is_empty, rewrite_export, row_counts
from tracker import demo as demo_data
from tracker.extensions import db
from tracker.transfer import schema
from tracker.transfer.services import export_data


@pytest.fixture(scope="module")
def demo_export(app, tmp_path_factory):
    """An export of the demo data; the database is emptied again for the tests."""
    path = tmp_path_factory.mktemp("export") / "demo.zip"
    with app.app_context():
        demo_data.load()
        db.session.remove()
        export_data(path)
        empty_all_tables()
    return path


def import_file(app, path):
    return app.test_cli_runner().invoke(args=["data", "import", str(path)])


def assert_refused(result, *phrases) -> None:
    assert result.exit_code != 0
    assert "Nothing was imported." in result.output
    for phrase in phrases:
        assert phrase in result.output


def test_import_refuses_a_database_that_is_not_empty(app, demo_export):
    OrganisationFactory()
    db.session.commit()
    before = row_counts()

    result = import_file(app, demo_export)

    assert_refused(result, "The database is not empty", "organisation 1")
    assert row_counts() == before


def test_import_refuses_a_file_from_a_newer_schema(app, demo_export, tmp_path):
    newer = rewrite_export(demo_export, tmp_path / "newer.zip", {"alembic_revision": "f00d_later"})
    result = import_file(app, newer)
    assert_refused(result, "revision f00d_later", "newer version", "Upgrade the tracker")
    assert is_empty()


def test_import_refuses_a_file_from_an_older_schema_and_says_how_to_load_it(
    app, demo_export, tmp_path
):
    # A file exported before the latest migration: at the first revision.
    older = rewrite_export(demo_export, tmp_path / "older.zip", {"alembic_revision": "0001"})
    result = import_file(app, older)
    assert_refused(
        result, f"older than this tracker's {schema.code_revision()}",
        "flask --app tracker db upgrade 0001",
    )
    assert is_empty()


def test_import_refuses_an_unknown_format_version(app, demo_export, tmp_path):
    future = rewrite_export(demo_export, tmp_path / "v2.zip", {"format_version": 2})
    assert_refused(import_file(app, future), "export format version 2", "reads version 1")
    assert is_empty()


def test_import_refuses_a_database_without_a_schema(demo_export, app_on):
    with app_on(BACKEND, upgrade=False) as bare:
        result = import_file(bare, demo_export)
        assert_refused(result, "no schema yet", "flask --app tracker db upgrade")
        assert db.inspect(db.engine).get_table_names() == []


def test_export_refuses_a_database_without_a_schema(app_on, tmp_path):
    path = tmp_path / "export.zip"
    with app_on(BACKEND, upgrade=False) as bare:
        result = bare.test_cli_runner().invoke(args=["data", "export", str(path)])
    assert result.exit_code != 0
    assert "no schema yet" in result.output and "No file was written." in result.output
    assert list(tmp_path.glob("*.zip*")) == []


def _middle(change):
    """Apply `change` to the line half-way down a table's file."""

    def apply(lines):
        middle = len(lines) // 2
        return lines[:middle] + [change(lines[middle])] + lines[middle + 1 :]

    return apply


def _with(**fields):
    return _middle(lambda line: json.dumps(json.loads(line) | fields) + "\n")


# action_update is the last table loaded, so every table before it has been written when the
# damage is found: the database must still end up empty.
DAMAGED = {
    "garbled line": ({"action_update": _middle(lambda line: line[:25] + "\n")}, "damaged"),
    "missing reference": ({"action_update": _with(action_id=999_999)}, "refused the file's data"),
    "wrong type": ({"action_update": _with(created_at="yesterday")}, "action_update, row"),
    "naive moment": ({"action_update": _with(created_at="2024-01-01T10:00:00")}, "no time zone"),
    "lost rows": ({"action_update": lambda lines: lines[:-1]}, "the manifest says"),
    "extra column": (
        {"action_update": _with(mood="cheerful")},
        "does not have the table's columns",
    ),
}


@pytest.mark.parametrize("damage", DAMAGED.values(), ids=DAMAGED.keys())
def test_import_of_a_file_damaged_half_way_writes_nothing(app, demo_export, tmp_path, damage):
    changes, phrase = damage
    damaged = rewrite_export(demo_export, tmp_path / "damaged.zip", table_changes=changes)
    assert_refused(import_file(app, damaged), phrase)
    assert is_empty()


def test_import_refuses_a_file_cut_short_or_not_an_export(app, demo_export, tmp_path):
    cut = tmp_path / "cut.zip"
    cut.write_bytes(demo_export.read_bytes()[: demo_export.stat().st_size // 2])
    assert_refused(import_file(app, cut), "is not a tracker export file")
    text = tmp_path / "notes.txt"
    text.write_text("minutes of the meeting\n")
    assert_refused(import_file(app, text), "is not a tracker export file")
    no_manifest = tmp_path / "other.zip"
    with zipfile.ZipFile(no_manifest, "w") as archive:
        archive.writestr("readme.txt", "not an export")
    assert_refused(import_file(app, no_manifest), "it has no manifest.json")
    assert is_empty()


def test_sqlite_not_enforcing_foreign_keys_still_refuses_a_missing_reference(
    demo_export, tmp_path, app_on
):
    # The tracker's own SQLite connections do not turn foreign keys on; the import checks them.
    damaged = rewrite_export(
        demo_export, tmp_path / "damaged.zip", table_changes={"action": _with(meeting_id=999_999)}
    )
    with app_on("sqlite") as other:
        result = import_file(other, damaged)
        assert_refused(result, "refers to a row of meeting it does not hold")
        assert is_empty()
