"""The outstanding-actions report as CSV: a header row, then one row per action, most overdue first.

Dates are ISO (2024-02-27) so spreadsheets sort them. Written by the shared writer
(`tracker.kit.csv`): no cell runs as a formula, and Excel shows dashes and accents. Takes rows
(`OutstandingReport.rows`, or `Selection.rows()` as they are read); does not query.
"""

from collections.abc import Iterable, Iterator
from datetime import date

from tracker.kit.csv import csv_chunks
from tracker.reports.outstanding.data import OutstandingReport, OutstandingRow

HEADER = (
    "Reference",
    "Action",
    "Confidential",
    "Meeting",
    "Meeting date",
    "Agenda item",
    "Owner",
    "Lead",
    "Due date",
    "Status",
    "Days overdue",
    "Latest update",
    "Latest update date",
    "Latest update kind",
    "Latest update by",
    "As at",
)


def build_csv(report: OutstandingReport) -> bytes:
    return b"".join(csv_pieces(report.as_at, report.rows))


def csv_pieces(as_at: date, rows: Iterable[OutstandingRow]) -> Iterator[bytes]:
    """The file a few hundred rows at a time, reading `rows` only as each piece is asked for."""
    as_at_text = as_at.isoformat()
    return csv_chunks(
        HEADER,
        (
            (
                row.reference,
                row.text,
                "Yes" if row.confidential else "No",
                row.meeting,
                row.meeting_on.isoformat(),
                row.item,
                row.owner,
                row.lead,
                row.due_on.isoformat() if row.due_on else "",
                row.status_label,
                row.days_overdue,
                row.latest_update,
                row.latest_update_on.isoformat() if row.latest_update_on else "",
                row.latest_update_kind,
                row.latest_update_by,
                as_at_text,
            )
            for row in rows
        ),
    )
