"""The benchmark's databases and apps: SQLite files and PostgreSQL databases of its own, built
through the migrations, and a signed-in browser (a test client) per role."""

import os
import re
import time
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import flask_migrate
import psycopg
import sqlalchemy as sa

from tests.clients import SeparateRequestsClient, sign_in
from tracker import create_app
from tracker.extensions import db

POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/tracker_bench")
ROLES = ("admin", "secretariat", "lead", "dmpc", "viewer")
SECRET_KEY = "bench-" + os.urandom(8).hex()


def settings(url: str) -> dict:
    """The app's settings on `url`: as deployed, but plain http and no sign-in limits."""
    return {
        "SQLALCHEMY_DATABASE_URI": url,
        "SECRET_KEY": SECRET_KEY,
        "SESSION_COOKIE_SECURE": False,
        "REMEMBER_COOKIE_SECURE": False,
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
    }


def _admin_url() -> str:
    return re.sub(r"^postgresql(\+psycopg)?://", "postgresql://", POSTGRES_URL)


def postgres_reachable() -> bool:
    """True if the PostgreSQL server of BENCH_POSTGRES_URL answers; a warning if not."""
    server = _admin_url().rsplit("/", 1)[0] + "/postgres"
    try:
        psycopg.connect(server, connect_timeout=3).close()
    except psycopg.OperationalError as error:
        warnings.warn(
            f"PostgreSQL at {POSTGRES_URL} is unreachable ({str(error).strip()}); "
            "the PostgreSQL half of the benchmark is skipped.",
            stacklevel=2,
        )
        return False
    return True


@contextmanager
def new_database(backend: str, label: str, folder: Path):
    """The URL of a new, empty database called after `label`; a PostgreSQL one is dropped after."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / f'bench-{label}.sqlite'}"
        return
    base, name = _admin_url().rsplit("/", 1)
    name = f"{name}_{label}_{os.getpid()}"
    server = f"{base}/postgres"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://{base.removeprefix('postgresql://')}/{name}"
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class Subject:
    """One database under test: its app, a signed-in browser per role, and the ids pages need."""

    backend: str
    size: int
    url: str
    app: object
    ids: dict
    build_seconds: float
    clients: dict = field(default_factory=dict)


def build_subject(backend: str, size: int, url: str) -> Subject:
    """Migrate the database at `url`, fill it with `size` actions, sign in one browser per role."""
    from bench.data import build

    app = create_app(settings(url))
    app.test_client_class = SeparateRequestsClient
    with app.app_context():
        flask_migrate.upgrade()
        started = time.perf_counter()
        ids = build(size)
        seconds = time.perf_counter() - started
        gather_statistics()
        subject = Subject(backend, size, url, app, ids, seconds)
        subject.clients = {role: signed_in(app, role) for role in ROLES}
        db.session.remove()
    return subject


def gather_statistics() -> None:
    """Give the planner what a deployment's database has after a day's use.

    The data is loaded in bulk, and the planner would otherwise know nothing of it: SQLite keeps
    no statistics until ANALYZE; PostgreSQL's autovacuum (off on some servers, and slow to notice
    a COPY) both gathers them and marks the pages all-visible that index-only scans rely on, which
    VACUUM ANALYZE does at once (outside a transaction, as VACUUM must run).
    """
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
    else:
        db.session.execute(sa.text("ANALYZE"))
        db.session.commit()


def signed_in(app, username: str):
    """A test client of `app` signed in as `username` (tests/clients.py's helper)."""
    from tracker.auth.models import User

    user = db.session.scalar(sa.select(User).where(User.username == username))
    return sign_in(app.test_client(), user)


def close(subject: Subject) -> None:
    """Let go of the subject's connections, so its database can be dropped."""
    with subject.app.app_context():
        db.session.remove()
        db.engine.dispose()
