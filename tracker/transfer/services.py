"""Export every table to one portable file, and import such a file into an empty database.

The file is a zip: `manifest.json` (format, format version, the schema's migration revision, when
it was exported, and each table's columns and row count) and one `tables/<name>.jsonl` per table,
a JSON object per row in primary-key order. Rows are streamed both ways, so a large database is
never held in memory. An import runs in one transaction: any refusal or fault leaves the
database as it was.
"""

import io
import json
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from tracker.extensions import db
from tracker.transfer import schema, values
from tracker.transfer.schema import TableOrder

FORMAT = "governance-tracker-data"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
BATCH_SIZE = 1000
UPGRADE = "flask --app tracker db upgrade"


class TransferError(Exception):
    """An export or import refused or failed, with a message for the person running it."""


@dataclass(frozen=True)
class TableCount:
    name: str
    rows: int


@dataclass(frozen=True)
class Summary:
    """What an export wrote or an import loaded."""

    revision: str
    tables: list[TableCount]

    @property
    def rows(self) -> int:
        return sum(table.rows for table in self.tables)


def _member(table: sa.Table) -> str:
    return f"tables/{table.name}.jsonl"


# Export


def export_data(path: Path) -> Summary:
    """Write every table, with the schema's revision, to a new export file at `path`.

    The file appears only when complete, so a failed export never leaves a file that looks whole.
    """
    order = schema.tables_in_order()
    encoders = {entry.table.name: _encoders(entry.table) for entry in order}
    partial = path.with_name(f".{path.name}.partial")
    try:
        with (
            db.engine.connect() as connection,
            zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        ):
            _begin_snapshot(connection)
            revision = _database_at_code_revision(connection)
            counts = [
                TableCount(
                    entry.table.name,
                    _write_table(connection, archive, entry.table, encoders[entry.table.name]),
                )
                for entry in order
            ]
            archive.writestr(MANIFEST, json.dumps(_manifest(revision, order, counts), indent=2))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return Summary(revision, counts)


def _encoders(table: sa.Table) -> list[tuple[str, values.Convert]]:
    try:
        return [(column.name, values.codec(column)[0]) for column in table.columns]
    except values.UnsupportedColumn as error:
        raise TransferError(f"Cannot export: {error}.") from None


def _begin_snapshot(connection: sa.Connection) -> None:
    # Every table read as of one moment, so the file is consistent while the tracker runs.
    if connection.dialect.name == "postgresql":
        connection.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
    elif connection.dialect.name == "sqlite":
        # The sqlite3 module opens a transaction only before a write; reads need it asked for.
        connection.exec_driver_sql("BEGIN")


def _database_at_code_revision(connection: sa.Connection) -> str:
    revision = schema.database_revision(connection)
    if revision is None:
        raise TransferError(f"The database has no schema yet: run `{UPGRADE}` first.")
    if revision != schema.code_revision():
        raise TransferError(
            f"The database's schema is at revision {revision}, but this version of the tracker "
            f"expects {schema.code_revision()}: run `{UPGRADE}` first."
        )
    return revision


def _write_table(
    connection: sa.Connection,
    archive: zipfile.ZipFile,
    table: sa.Table,
    columns: list[tuple[str, values.Convert]],
) -> int:
    query = sa.select(table).order_by(*table.primary_key.columns)
    rows = 0
    member = zipfile.ZipInfo(_member(table), date_time=datetime.now().timetuple()[:6])
    member.compress_type = zipfile.ZIP_DEFLATED
    # force_zip64: a table's file may pass 2 GiB, and its size is not known when it starts.
    with io.TextIOWrapper(
        archive.open(member, "w", force_zip64=True), encoding="utf-8", newline="\n"
    ) as out:
        for row in connection.execute(query.execution_options(yield_per=BATCH_SIZE)):
            record = {
                name: None if value is None else encode(value)
                for (name, encode), value in zip(columns, row, strict=True)
            }
            out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
            rows += 1
    return rows


def _manifest(revision: str, order: list[TableOrder], counts: list[TableCount]) -> dict:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "alembic_revision": revision,
        "exported_at": datetime.now(UTC).isoformat(),
        "exported_from": db.engine.dialect.name,
        "tables": [
            {
                "name": entry.table.name,
                "columns": list(entry.table.columns.keys()),
                "rows": count.rows,
            }
            for entry, count in zip(order, counts, strict=True)
        ],
    }


# Import


def import_data(path: Path) -> Summary:
    """Load an export file into this empty database, in one transaction.

    Refuses, with nothing written, a file that is not an export, is in an unknown format version
    or at a schema revision other than this tracker's, and a database that has no schema, is at
    another revision or holds any rows. A fault part-way through rolls everything back.
    """
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise TransferError(f"{path} is not a tracker export file ({error}).") from None
    with archive:
        manifest = _read_manifest(archive)
        revision = _check_file_revision(manifest["alembic_revision"])
        order = schema.tables_in_order()
        expected_rows = _check_tables(manifest, order)
        with db.engine.connect() as connection:
            _begin_write(connection)
            _database_at_code_revision(connection)
            _check_empty(connection, order)
            try:
                counts = _load(connection, archive, order, expected_rows)
            except (
                ValueError,  # includes bad JSON and bad UTF-8
                KeyError,  # a table's file missing from the zip
                zipfile.BadZipFile,
                zlib.error,
                EOFError,
            ) as error:
                raise TransferError(f"The file is damaged: {error}.") from None
            except sa.exc.StatementError as error:
                reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
                raise TransferError(f"The database refused the file's data: {reason}.") from None
            connection.commit()
    return Summary(revision, counts)


def _read_manifest(archive: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError:
        raise TransferError(f"This is not a tracker export file: it has no {MANIFEST}.") from None
    except (ValueError, zipfile.BadZipFile, zlib.error) as error:
        raise TransferError(f"The file's {MANIFEST} cannot be read ({error}).") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise TransferError("This is not a tracker export file.")
    version = manifest.get("format_version")
    if version != FORMAT_VERSION:
        raise TransferError(
            f"The file is in export format version {version!r}, which this version of the tracker "
            f"cannot read (it reads version {FORMAT_VERSION}). Import it with the version of the "
            "tracker that exported it, or a newer one."
        )
    if not isinstance(manifest.get("alembic_revision"), str) or not isinstance(
        manifest.get("tables"), list
    ):
        raise TransferError(f"The file's {MANIFEST} is incomplete.")
    return manifest


def _check_file_revision(revision: str) -> str:
    current = schema.code_revision()
    if revision == current:
        return revision
    if revision not in schema.known_revisions():
        raise TransferError(
            f"The file was exported at schema revision {revision}, which this version of the "
            "tracker does not know: it comes from a newer version. Upgrade the tracker (then run "
            f"`{UPGRADE}`) before importing it."
        )
    raise TransferError(
        f"The file was exported at schema revision {revision}, older than this tracker's "
        f"{current}. Import it with the version of the tracker that exported it, into an empty "
        f"database at revision {revision} (`flask --app tracker db upgrade {revision}`); then "
        f"upgrade the tracker and run `{UPGRADE}`."
    )


def _check_tables(manifest: dict, order: list[TableOrder]) -> dict[str, int]:
    try:
        listed = {entry["name"]: entry for entry in manifest["tables"]}
        expected = {name: entry["rows"] for name, entry in listed.items()}
    except (KeyError, TypeError):
        raise TransferError(f"The file's {MANIFEST} is malformed.") from None
    tables = {entry.table.name: entry.table for entry in order}
    if listed.keys() != tables.keys():
        missing = sorted(tables.keys() - listed.keys())
        extra = sorted(listed.keys() - tables.keys())
        raise TransferError(
            f"The file's tables do not match the schema (missing: {', '.join(missing) or 'none'};"
            f" not in the schema: {', '.join(extra) or 'none'})."
        )
    for name, table in tables.items():
        if listed[name].get("columns") != list(table.columns.keys()):
            raise TransferError(f"The file's columns of table {name} do not match the schema.")
    return expected


def _begin_write(connection: sa.Connection) -> None:
    if connection.dialect.name == "sqlite":
        # Take the write lock now, so nothing is written between the emptiness check and the load.
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _check_empty(connection: sa.Connection, order: list[TableOrder]) -> None:
    counts = {
        entry.table.name: connection.scalar(sa.select(sa.func.count()).select_from(entry.table))
        for entry in order
    }
    holding = [f"{name} {rows}" for name, rows in counts.items() if rows]
    if holding:
        shown = ", ".join(holding[:3]) + (", ..." if len(holding) > 3 else "")
        raise TransferError(
            f"The database is not empty: {len(holding)} tables hold rows ({shown}). Import only "
            f"into a new, empty database (create it, run `{UPGRADE}`, then import)."
        )


def _load(connection, archive, order: list[TableOrder], expected_rows) -> list[TableCount]:
    counts, links = [], []
    for entry in order:
        table = entry.table
        held: list[dict[str, Any]] = []
        rows = 0
        for batch in _batches(_read_rows(archive, entry, held)):
            connection.execute(table.insert(), batch)
            rows += len(batch)
        if rows != expected_rows[table.name]:
            raise TransferError(
                f"Table {table.name} holds {rows} rows, but the manifest says "
                f"{expected_rows[table.name]}: the file is incomplete or was altered."
            )
        counts.append(TableCount(table.name, rows))
        links.append((entry, held))
    for entry, held in links:
        _fill_held_back(connection, entry, held)
    _check_references(connection)
    _restart_id_sequences(connection, order)
    return counts


def _read_rows(archive, entry: TableOrder, held: list[dict[str, Any]]) -> Iterator[dict]:
    """The table's rows, decoded; the held-back links are set aside into `held`."""
    table = entry.table
    decoders = {column.name: values.codec(column)[1] for column in table.columns}
    keys = [column.name for column in table.primary_key.columns]
    with io.TextIOWrapper(archive.open(_member(table)), encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            where = f"table {table.name}, row {number}"
            record = json.loads(line)
            if not isinstance(record, dict) or record.keys() != decoders.keys():
                raise ValueError(f"{where} does not have the table's columns")
            try:
                row = {
                    name: None if value is None else decoders[name](value)
                    for name, value in record.items()
                }
            except ValueError as error:
                raise ValueError(f"{where}: {error}") from None
            links = {f"link_{name}": row[name] for name in entry.held_back}
            if any(link is not None for link in links.values()):
                held.append({f"key_{key}": row[key] for key in keys} | links)
                row.update(dict.fromkeys(entry.held_back))
            yield row


def _batches(rows: Iterator[dict]) -> Iterator[list[dict]]:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH_SIZE:
            yield batch
            batch = []
    if batch:
        yield batch


def _fill_held_back(connection, entry: TableOrder, held: list[dict[str, Any]]) -> None:
    if not held:
        return
    table = entry.table
    statement = (
        sa.update(table)
        .where(*(column == sa.bindparam(f"key_{column.name}") for column in table.primary_key))
        .values(
            # Setting a column to itself keeps an `onupdate` (updated_at) from changing it.
            {column.name: column for column in table.columns if column.onupdate is not None}
            | {name: sa.bindparam(f"link_{name}") for name in entry.held_back}
        )
    )
    for start in range(0, len(held), BATCH_SIZE):
        connection.execute(statement, held[start : start + BATCH_SIZE])


def _check_references(connection: sa.Connection) -> None:
    # SQLite checks foreign keys only where the connection asked it to; check them all here.
    if connection.dialect.name != "sqlite":
        return
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
    if broken is not None:
        table, rowid, parent, _ = broken
        raise TransferError(
            f"The file's row {rowid} of table {table} refers to a row of {parent} it does not hold."
        )


def _restart_id_sequences(connection: sa.Connection, order: list[TableOrder]) -> None:
    # PostgreSQL's id sequences do not see ids inserted explicitly: restart each after the
    # largest, or the next row added would collide. SQLite takes max(id) + 1 by itself.
    if connection.dialect.name != "postgresql":
        return
    quote = connection.dialect.identifier_preparer.format_table
    for entry in order:
        column = entry.table.autoincrement_column
        if column is None:
            continue
        sequence = sa.func.pg_get_serial_sequence(quote(entry.table), column.name)
        connection.execute(
            sa.select(sa.func.setval(sequence, sa.func.coalesce(sa.func.max(column), 0) + 1, False))
        )
