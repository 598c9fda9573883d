"""Reading a minutes file, Word or plain text, with the refusals a user sees."""

from pathlib import Path

from tracker.meetings.importing.minutes import Minutes, UnreadableMinutes
from tracker.meetings.importing.reading import read_text
from tracker.meetings.importing.word import docx_text

# Minutes with their papers rarely pass 2 MB; the limit keeps a stray large file from being read.
MAX_BYTES = 5_000_000


def read_minutes(data: bytes, filename: str) -> Minutes:
    """The minutes in a file's bytes: a .docx is read as Word, anything else as UTF-8 text."""
    return read_text(source_text(data, filename))


def source_text(data: bytes, filename: str) -> str:
    """The text the reader reads in a file's bytes (a .docx's paragraphs as lines), which the
    review page shows beside what was found."""
    if len(data) > MAX_BYTES:
        raise UnreadableMinutes(
            f"The file is larger than {MAX_BYTES // 1_000_000} MB; minutes are much smaller.")
    if not data.strip():
        raise UnreadableMinutes("The file is empty.")
    if Path(filename).suffix.lower() in {".docx", ".doc"}:
        return docx_text(data)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableMinutes(
            "This file is not plain text (UTF-8) or a Word document (.docx).") from error


def read_minutes_file(path: Path) -> Minutes:
    """The minutes in the file at `path` (its size is checked before it is read)."""
    if path.stat().st_size > MAX_BYTES:
        raise UnreadableMinutes(
            f"The file is larger than {MAX_BYTES // 1_000_000} MB; minutes are much smaller.")
    return read_minutes(path.read_bytes(), path.name)
