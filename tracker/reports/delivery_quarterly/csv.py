"""Every action of a Delivery Quarterly pack as CSV: the full list that the pack counts and lists
the first few of. One row per action and priority, priority by priority in the pack's order, each
as it stood on the as-at day. Takes lines as they are read (`actions.every`); does not query."""

from collections.abc import Iterable, Iterator
from datetime import date

from tracker.kit.csv import csv_chunks
from tracker.reports.delivery_quarterly.actions import ActionLine

HEADER = (
    "Priority",
    "Reference",
    "Action",
    "Confidential",
    "Owner",
    "Lead",
    "Due date",
    "Status",
    "Days overdue",
    "Latest update",
    "Latest update date",
    "Latest update kind",
    "As at",
)


def csv_pieces(as_at: date, titles: dict[int, str], lines: Iterable[ActionLine]) -> Iterator[bytes]:
    """The file a few hundred rows at a time; `titles` names each line's priority."""
    as_at_text = as_at.isoformat()
    return csv_chunks(
        HEADER,
        (
            (
                titles[line.priority_id],
                line.reference,
                line.text,
                "Yes" if line.confidential else "No",
                line.owner,
                line.lead,
                line.due_on.isoformat() if line.due_on else "",
                line.status_label,
                line.days_overdue,
                line.latest_update,
                line.latest_update_on.isoformat() if line.latest_update_on else "",
                line.latest_update_kind,
                as_at_text,
            )
            for line in lines
        ),
    )
