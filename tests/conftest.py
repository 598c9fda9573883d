"""Fixtures shared by every test: the app on SQLite or PostgreSQL, a clean database, sign-in, and
a count of the SQL statements a page runs.

`TEST_DATABASE=postgresql` runs the suite on a database of its own, made on the server at
`TEST_POSTGRES_URL` and dropped at the end; the default is a SQLite file in a temporary folder.
The schema is built by the migrations, as in production.
"""

import uuid

import flask_migrate
import pytest
import sqlalchemy as sa

from tests.clients import Auth, SeparateRequestsClient, sign_in
from tests.database import BACKEND, empty_all_tables, load_demo, new_database
from tests.queries import counting_queries
from tracker import create_app
from tracker.extensions import db, limiter, talisman


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    with new_database(tmp_path_factory.mktemp("db")) as url:
        yield url


@pytest.fixture(scope="session")
def app(database_url, tmp_path_factory):
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": database_url,
            "SECRET_KEY": "test-" + uuid.uuid4().hex,
            "SESSION_COOKIE_SECURE": False,
            "REMEMBER_COOKIE_SECURE": False,
            "WTF_CSRF_ENABLED": False,
            "LOGIN_ATTEMPTS_PER_USER": "5 per 15 minutes",
            "LOGIN_ATTEMPTS_PER_ADDRESS": "20 per 15 minutes",
        }
    )
    app.test_client_class = SeparateRequestsClient
    with app.app_context():
        flask_migrate.upgrade()
        if BACKEND == "sqlite":
            # SQLite enforces foreign keys only when asked, per connection.
            sa.event.listen(db.engine, "connect", lambda conn, _: conn.execute("PRAGMA foreign_keys=ON"))
            # A test database is thrown away at the end: commits need not wait for the disk.
            sa.event.listen(db.engine, "connect", lambda conn, _: conn.execute("PRAGMA synchronous=OFF"))
            db.engine.dispose()
    yield app


@pytest.fixture(autouse=True)
def clean_state(request, app):
    """Each test starts with an empty database, fresh rate limits and no session left over.

    Tests marked `read_only_demo` share one load of the demo data across their module instead
    (see `read_only_demo`); they must not change it.
    """
    limiter.reset()
    ctx = app.app_context()
    ctx.push()
    yield
    db.session.rollback()
    db.session.remove()
    if request.node.get_closest_marker("read_only_demo") is None:
        empty_all_tables()
    ctx.pop()


@pytest.fixture(scope="module")
def own_demo(app):
    """A module's own load of the demo data, which its tests may change (they are marked
    `read_only_demo` so that nothing empties it between them); emptied afterwards."""
    from tracker import demo as demo_data

    with app.app_context():
        empty_all_tables()
        load_demo()
    yield demo_data
    with app.app_context():
        empty_all_tables()


@pytest.fixture(scope="module")
def read_only_demo(app):
    """The demo data, loaded once for a module of tests that only read it; emptied afterwards."""
    from tracker import demo as demo_data

    with app.app_context():
        load_demo()
    yield demo_data
    with app.app_context():
        empty_all_tables()


@pytest.fixture
def make_app(database_url):
    """Build another app with `create_app`, for tests of start-up, settings and error handling.

    It runs on the test database unless told otherwise, with the settings a deployment gets from
    its environment. Talisman and the limiter keep per-app settings on the one extension object,
    so theirs are put back afterwards for the shared `app`.
    """
    saved = {extension: dict(vars(extension)) for extension in (talisman, limiter)}

    def make(overrides: dict | None = None):
        return create_app(
            {
                "SQLALCHEMY_DATABASE_URI": database_url,
                "SECRET_KEY": "test-" + uuid.uuid4().hex,
                **(overrides or {}),
            }
        )

    yield make
    for extension, state in saved.items():
        vars(extension).clear()
        vars(extension).update(state)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def csrf_app(app):
    """The same app with CSRF checks on, as in production."""
    app.config["WTF_CSRF_ENABLED"] = True
    yield app
    app.config["WTF_CSRF_ENABLED"] = False


@pytest.fixture
def demo():
    from tracker import demo as demo_data

    load_demo()
    return demo_data


@pytest.fixture
def auth(client):
    return Auth(client)


@pytest.fixture
def users():
    """One user of each role (the lead works for WYP), all with PASSWORD."""
    from tests.factories import make_users

    return make_users()


@pytest.fixture
def login_as(client, users):
    """Sign `client` in as the user of a role: directly, so quick, and with no sign-in in the audit
    log for tests that read it (tests/test_auth.py signs in through the form)."""

    def login(role: str):
        sign_in(client, users[role])
        return users[role]

    return login


@pytest.fixture
def count_queries():
    """`with count_queries() as statements:` ... `len(statements)` is the number of SQL queries run."""
    return counting_queries
