"""What the tracker accepts from a request: ids the database holds, page numbers, years, characters.

One place for each bound, so the URL converter, the request guard, the forms and the CSV reader
refuse the same things and nothing out of range reaches the database (where it would be a 500).
"""

import re

# Every id column is an INTEGER: PostgreSQL's 32-bit signed range (SQLite's is wider).
LARGEST_ID = 2**31 - 1
# Far beyond any list the tracker shows, and small enough that the offset is a sane number.
LARGEST_PAGE = 100_000
# Meetings, due dates, plans and indicator periods all fall well inside these years; a date
# outside them is a typing slip, and years near 1 or 9999 overflow date arithmetic.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100
YEAR_MESSAGE = f"Enter a year between {EARLIEST_YEAR} and {LATEST_YEAR}"

# C0 and C1 control characters, DEL, and the non-characters U+FFFE and U+FFFF. PostgreSQL cannot
# store NUL, a Word document (XML) cannot hold C0 controls or U+FFFE/U+FFFF, and none of them
# belongs in anything a person types.
_FORBIDDEN = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffe\uffff]")
# Text typed into a form (and a CSV cell) may hold tabs and line breaks.
_FORBIDDEN_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def has_forbidden_characters(text: str, *, text_layout_allowed: bool = False) -> bool:
    """Whether `text` holds a control character, or U+FFFE or U+FFFF.

    Tab, CR and LF are allowed when `text_layout_allowed` (form text, CSV cells).
    """
    pattern = _FORBIDDEN_IN_TEXT if text_layout_allowed else _FORBIDDEN
    return pattern.search(text) is not None


def database_id(text: str) -> int:
    """A record id from text, or ValueError if it is not one the database could hold.

    For `request.args.get(name, type=database_id)`, which gives None on a ValueError.
    """
    text = text.strip()
    if not text.isascii() or not text.isdigit() or len(text) > len(str(LARGEST_ID)):
        raise ValueError(f"not a record id: {text[:20]!r}")
    number = int(text)
    if not 1 <= number <= LARGEST_ID:
        raise ValueError(f"not a record id: {number}")
    return number


def sane_year(year: int) -> bool:
    return EARLIEST_YEAR <= year <= LATEST_YEAR
