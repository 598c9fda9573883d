"""The outstanding-actions report as CSV: a header row, then one row per action, most overdue first.

Dates are ISO (2024-02-27) so spreadsheets sort them. A cell that a spreadsheet would run as a
formula (starting =, +, -, @, or a tab or carriage return) is prefixed with a quote. UTF-8 with a
byte-order mark, so Excel shows dashes and accents. Takes an `OutstandingReport`; does not query.
"""

import csv
from io import StringIO

from tracker.reports.outstanding.data import OutstandingReport

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
    "As at",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe(value) -> str:
    """The value as text a spreadsheet will show, never run."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def build_csv(report: OutstandingReport) -> bytes:
    out = StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in report.rows:
        writer.writerow(
            safe(value)
            for value in (
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
                report.as_at.isoformat(),
            )
        )
    return out.getvalue().encode("utf-8-sig")
