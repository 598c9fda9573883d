"""The one CSV writer for every download: UTF-8 with a byte-order mark, no cell run as a formula.

A spreadsheet runs a cell that starts with =, +, - or @ (and, in some, tab or carriage return) as
a formula, so a value someone typed into the tracker could run on the reader's machine. As OWASP
advises, such a cell is written with a leading apostrophe: the spreadsheet shows it as text.
The byte-order mark makes Excel read the file as UTF-8, so dashes and accents show.
"""

import csv
import io
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value) -> str:
    """The value as text a spreadsheet will show, never run."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unguarded(text: str) -> str:
    """A cell read back from a file we wrote: the text without the apostrophe `formula_safe` added.

    Excel drops the apostrophe when it saves the file again; other spreadsheets keep it.
    """
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def csv_bytes(header: Iterable, rows: Iterable[Iterable]) -> bytes:
    """A whole CSV file: the header row, then the rows, every cell made formula-safe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(formula_safe(cell) for cell in header)
    for row in rows:
        writer.writerow(formula_safe(cell) for cell in row)
    return out.getvalue().encode("utf-8-sig")
