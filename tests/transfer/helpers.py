"""Reading, altering and comparing export files in tests, and what the database holds."""

import json
import zipfile
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa

from tests.database import POSTGRES_URL, postgres_admin_url
from tracker.extensions import db

OTHER_BACKEND = {"sqlite": "postgresql", "postgresql": "sqlite"}


def require_postgres() -> None:
    """Go on only if PostgreSQL answers; the machines run one, so its absence fails the test."""
    try:
        psycopg.connect(postgres_admin_url(), connect_timeout=3).close()
    except psycopg.OperationalError as error:
        pytest.fail(f"PostgreSQL at {POSTGRES_URL} is unreachable: {error}")


def manifest(path: Path) -> dict:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("manifest.json"))


def table_contents(path: Path) -> dict[str, list[dict]]:
    """Every table's rows in an export file, by table name."""
    with zipfile.ZipFile(path) as archive:
        return {
            name: [json.loads(line) for line in archive.read(member).decode().splitlines()]
            for name, member in _members(archive)
        }


def _members(archive: zipfile.ZipFile):
    for table in json.loads(archive.read("manifest.json"))["tables"]:
        yield table["name"], f"tables/{table['name']}.jsonl"


def rewrite_export(source: Path, target: Path, manifest_changes=None, table_changes=None) -> Path:
    """A copy of an export with manifest fields changed and tables' lines passed through functions.

    `table_changes` maps a table name to a function from its list of lines to new lines.
    """
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for member in old.namelist():
            data = old.read(member)
            if member == "manifest.json":
                data = json.dumps(json.loads(data) | (manifest_changes or {})).encode()
            for table, change in (table_changes or {}).items():
                if member == f"tables/{table}.jsonl":
                    data = "".join(change(data.decode().splitlines(keepends=True))).encode()
            new.writestr(member, data)
    return target


def row_counts() -> dict[str, int]:
    """How many rows each table of the current app's database holds."""
    with db.engine.connect() as connection:
        return {
            table.name: connection.scalar(sa.select(sa.func.count()).select_from(table))
            for table in db.metadata.sorted_tables
        }


def is_empty() -> bool:
    return not any(row_counts().values())
