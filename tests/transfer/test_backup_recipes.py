"""The backup and restore recipes in the README, run as written against a live database."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import flask_migrate
import pytest
import sqlalchemy as sa

from tests.transfer.helpers import row_counts
from tracker import demo as demo_data
from tracker.extensions import db
from tracker.models import Organisation
from tracker.transfer import schema

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()
PYTHON_BACKUP = (
    "import sqlite3; "
    "sqlite3.connect('instance/tracker.sqlite').backup(sqlite3.connect('backup.sqlite'))"
)
SQLITE_BACKUPS = {
    "python": [sys.executable, "-c", PYTHON_BACKUP],
    "sqlite3 tool": ["sqlite3", "instance/tracker.sqlite", ".backup 'backup.sqlite'"],
}
SQLITE_RESTORE = "cp backup.sqlite instance/tracker.sqlite"
PG_BACKUP = 'pg_dump -Fc -f backup.dump "$DATABASE_URL"'
PG_RESTORE = 'pg_restore --no-owner --single-transaction -d "$DATABASE_URL" backup.dump'


def test_the_readme_gives_these_recipes():
    assert f'.venv/bin/python -c "{PYTHON_BACKUP}"' in README
    assert """sqlite3 instance/tracker.sqlite ".backup 'backup.sqlite'\"""" in README
    for command in (SQLITE_RESTORE, PG_BACKUP, PG_RESTORE):
        assert command in README


def require_tools(*tools: str) -> None:
    """The README's recipes use these; `make test` installs them, and a missing one fails."""
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"{' and '.join(missing)} not installed (make test installs them)")


@pytest.mark.parametrize("backup", SQLITE_BACKUPS.values(), ids=SQLITE_BACKUPS.keys())
def test_sqlite_online_backup_of_a_live_database_restores_by_copying_into_place(
    make_app, tmp_path, backup
):
    require_tools(backup[0])
    live = tmp_path / "instance" / "tracker.sqlite"
    live.parent.mkdir()
    url = f"sqlite:///{live}"
    with make_app({"SQLALCHEMY_DATABASE_URI": url}).app_context():
        flask_migrate.upgrade()
        demo_data.load()
        db.session.remove()
        backed_up = row_counts()
        # The tracker is part-way through a write when the backup runs: the backup holds what
        # was committed, and the write goes on to commit afterwards.
        with db.engine.connect() as writer:
            writer.execute(
                sa.insert(Organisation).values(name="Written meanwhile", short_name="NEW")
            )
            subprocess.run(backup, cwd=tmp_path, check=True, timeout=120)
            writer.commit()
        assert row_counts()["organisation"] == backed_up["organisation"] + 1
        db.engine.dispose()  # the tracker stops

    subprocess.run(SQLITE_RESTORE, shell=True, cwd=tmp_path, check=True)

    with make_app({"SQLALCHEMY_DATABASE_URI": url}).app_context():
        assert row_counts() == backed_up
        assert db.session.scalar(sa.select(Organisation).filter_by(short_name="NEW")) is None
        with db.engine.connect() as connection:
            assert schema.database_revision(connection) == schema.code_revision()
        db.session.remove()
        db.engine.dispose()


def test_postgresql_dump_restores_into_a_new_database(app_on, tmp_path):
    require_tools("pg_dump", "pg_restore")

    def run(command: str) -> None:
        url = db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        environment = os.environ | {"DATABASE_URL": url}
        subprocess.run(command, shell=True, cwd=tmp_path, env=environment, check=True, timeout=120)

    with app_on("postgresql"):
        demo_data.load()
        db.session.remove()
        backed_up = row_counts()
        run(PG_BACKUP)
    with app_on("postgresql", upgrade=False):  # a new, empty database
        run(PG_RESTORE)
        assert row_counts() == backed_up
        with db.engine.connect() as connection:
            assert schema.database_revision(connection) == schema.code_revision()
