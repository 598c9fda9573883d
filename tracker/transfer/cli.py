"""`flask data export PATH` and `flask data import PATH`: backup files and moving databases."""

from pathlib import Path

import click
from flask.cli import AppGroup

from tracker.transfer.services import Summary, TransferError, export_data, import_data

data_cli = AppGroup(
    "data", help="Export all the data to one portable file, or import one into an empty database."
)


@data_cli.command("export")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def export_command(path: Path) -> None:
    """Write every table, with the schema's revision, to one portable file at PATH."""
    try:
        summary = export_data(path)
    except (TransferError, OSError) as error:
        raise click.ClickException(f"{error} No file was written.") from None
    _echo(f"Exported to {path}", summary)


@data_cli.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_command(path: Path) -> None:
    """Load an export file into this database, which must be empty and at the file's revision."""
    try:
        summary = import_data(path)
    except TransferError as error:
        raise click.ClickException(f"{error} Nothing was imported.") from None
    _echo(f"Imported {path}", summary)


def _echo(what: str, summary: Summary) -> None:
    click.echo(
        f"{what}: {summary.rows} rows in {len(summary.tables)} tables "
        f"(schema revision {summary.revision})."
    )
    width = max(len(table.name) for table in summary.tables)
    for table in summary.tables:
        click.echo(f"  {table.name:<{width}}  {table.rows:>8}")
