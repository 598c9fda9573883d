"""Fixtures for the export, import and backup tests: apps on new databases of either kind."""

import uuid
from contextlib import contextmanager

import flask_migrate
import pytest

from tests.database import new_database
from tests.transfer.helpers import require_postgres
from tracker.extensions import db


@pytest.fixture
def app_on(make_app, tmp_path):
    """Make an app on a new database of a backend, with the schema unless `upgrade=False`.

    Used as `with app_on("postgresql") as other:`, inside that app's context; the database is
    dropped afterwards. PostgreSQL unreachable fails under CI and skips elsewhere.
    """

    @contextmanager
    def build(backend: str, upgrade: bool = True):
        if backend == "postgresql":
            require_postgres()
        folder = tmp_path / f"{backend}-{uuid.uuid4().hex[:8]}"
        folder.mkdir()
        with new_database(folder, backend) as url:
            app = make_app({"SQLALCHEMY_DATABASE_URI": url})
            with app.app_context():
                if upgrade:
                    flask_migrate.upgrade()
                try:
                    yield app
                finally:
                    db.session.remove()
                    db.engine.dispose()

    return build
