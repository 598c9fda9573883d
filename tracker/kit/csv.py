"""The one CSV writer for every download: UTF-8 with a byte-order mark, no cell run as a formula.

A spreadsheet runs a cell that starts with =, +, - or @ (and, in some, tab or carriage return) as
a formula, so a value someone typed into the tracker could run on the reader's machine. As OWASP
advises, such a cell is written with a leading apostrophe: the spreadsheet shows it as text.
The byte-order mark makes Excel read the file as UTF-8, so dashes and accents show.

`csv_chunks` writes a file of any length a few hundred rows at a time, for a streamed download.
"""

import codecs
import csv
import io
from collections.abc import Iterable, Iterator

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
    return b"".join(csv_chunks(header, rows))


def csv_chunks(
    header: Iterable, rows: Iterable[Iterable], rows_per_chunk: int = 500
) -> Iterator[bytes]:
    """The same file in pieces: the byte-order mark and header row, then `rows_per_chunk` rows
    at a time, each piece ending at the end of a row. Rows are read as the pieces are asked for."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(formula_safe(cell) for cell in header)
    yield codecs.BOM_UTF8 + _take(out)
    for written, row in enumerate(rows, start=1):
        writer.writerow(formula_safe(cell) for cell in row)
        if written % rows_per_chunk == 0:
            yield _take(out)
    if out.tell():
        yield _take(out)


def _take(out: io.StringIO) -> bytes:
    """What has been written to `out` so far, encoded; `out` is emptied."""
    data = out.getvalue().encode("utf-8")
    out.seek(0)
    out.truncate()
    return data
