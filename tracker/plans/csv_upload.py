"""Reading indicator values from a CSV file: the layout, and every way a file can be wrong.

The layout (shown on the upload page, and downloadable as a template):

    indicator,period_label,period_end,district,value,note
    Total recorded crime,12 months to Dec 2020,2020-12-31,West Yorkshire,258882,Home Office counting rules
    Total recorded crime,12 months to Dec 2020,2020-12-31,Leeds,91061,

- indicator: the indicator's name exactly as the plan lists it (capitals do not matter);
- period_label: how the report names the period, e.g. "12 months to Dec 2020";
- period_end: the period's last day, as 2020-12-31 or 31/12/2020;
- district: West Yorkshire (or blank, or "Force") for the force total, or Bradford, Calderdale,
  Kirklees, Leeds or Wakefield;
- value: a number (292070, 292,070 in quotes, 77.4 or 77.4%), or "not available"; kept to four
  decimal places, below 100,000,000,000,000 (what the column holds);
- note: how it was counted (may be blank, up to 2000 characters);
- comment (optional 7th column): the comment for the Delivery Quarterly pack (up to 2000).

No cell may hold a control character other than a tab or a line break, nor U+FFFE or U+FFFF
(PostgreSQL cannot store NUL; a Word document cannot hold the others). The template we offer is written by the shared CSV writer, which puts an apostrophe before a
name that starts like a formula; such a name is read back without it.

The checks on each row are `RowChecker`'s, which the API's batch of values (tracker/api/plans.py)
goes through too: a row is refused for the same reasons, in the same words, whichever way it came.

A file is checked whole before anything is saved. Any problem refuses the whole file, naming
the line and the reason. A row for a period and district that is already stored is refused too
(a duplicate, not a silent correction): correct a stored value on the indicator's page.
"""

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import astuple, dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from tracker.kit.csv import csv_bytes, unguarded
from tracker.kit.dates import short_date
from tracker.kit.limits import EARLIEST_YEAR, LATEST_YEAR, has_forbidden_characters, sane_year
from tracker.plans.models import DISTRICTS, FORCE, Indicator

HEADER = ("indicator", "period_label", "period_end", "district", "value", "note")
OPTIONAL_COLUMN = "comment"
MAX_ROWS = 5000
MAX_PROBLEMS_SHOWN = 50
NOT_AVAILABLE = {"not available", "n/a", "na"}
NOT_AVAILABLE_TEXT = "not available"
FORCE_NAMES = {"", FORCE.lower(), "force", "west yorks", "w yorks"}
# Numeric(18, 4) holds up to 14 digits before the point (below 10**14) and 4 after it.
LARGEST_POWER = 14
PLACES = Decimal("0.0001")
LONGEST_TEXT = 2000  # as the form for one value allows, for the note and the comment
COLUMNS = (*HEADER, OPTIONAL_COLUMN)
TOO_MANY_ROWS = f"more than {MAX_ROWS} rows: split them into smaller files or batches"


@dataclass(frozen=True)
class Problem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"Line {self.line}: {self.message}" if self.line else self.message


@dataclass(frozen=True)
class Row:
    """One checked row of the file, ready to save."""

    line: int
    indicator: Indicator
    period_label: str
    period_end: date
    district: str
    value: Decimal | None
    note: str
    comment: str


class UploadRefused(Exception):
    """The file cannot be saved; `problems` says where and why."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the file")
        self.problems = problems


def parse_date(text: str) -> date:
    """2020-12-31 or 31/12/2020; ValueError with a message a person can act on."""
    text = text.strip()
    for layout in ("%Y-%m-%d", "%d/%m/%Y"):
        parts = text.split("-" if "-" in layout else "/")
        if len(parts) == 3 and all(p.isdigit() for p in parts):
            try:
                day = datetime.strptime(text, layout).date()
            except ValueError:
                raise ValueError(f"period_end {text!r} is not a real date") from None
            if not sane_year(day.year):
                raise ValueError(
                    f"period_end {text!r} is not between {EARLIEST_YEAR} and {LATEST_YEAR}")
            return day
    raise ValueError(f"period_end {text!r} is not a date: write it like 2020-12-31")


def parse_value(text: str) -> Decimal | None:
    """A number, or None for "not available"; ValueError otherwise.

    Rounded to the four decimal places the column keeps, and refused if it is then too large
    for the column (PostgreSQL would refuse it with an error; SQLite would silently lose it).
    """
    cleaned = text.strip()
    if cleaned.lower() in NOT_AVAILABLE:
        return None
    if not cleaned:
        raise ValueError('value is empty: enter a number, or "not available"')
    number_text = cleaned.replace(",", "").removesuffix("%").strip()
    try:
        number = Decimal(number_text)
    except InvalidOperation:
        raise ValueError(f'value {cleaned!r} is not a number (or "not available")') from None
    # adjusted() is the power of ten of the leading digit. Unlike abs() or a comparison it needs
    # no arithmetic, which overflows for an exponent like 1e999999999999999999.
    if not number.is_finite() or number.adjusted() >= LARGEST_POWER:
        raise ValueError(f"value {cleaned!r} is not a number the tracker can store")
    number = number.quantize(PLACES, rounding=ROUND_HALF_UP)  # as PostgreSQL rounds
    if number.adjusted() >= LARGEST_POWER:  # 99999999999999.99995 rounds up to 1e14
        raise ValueError(f"value {cleaned!r} is not a number the tracker can store")
    return number


def parse_district(text: str) -> str:
    name = text.strip().lower()
    if name in FORCE_NAMES:
        return FORCE
    for district in DISTRICTS:
        if name == district.lower():
            return district
    raise ValueError(
        f"district {text.strip()!r} is not one of West Yorkshire, {', '.join(DISTRICTS)}"
    )


def read(
    data: bytes,
    indicators: list[Indicator],
    stored: dict[tuple[int, date, str], str],
) -> list[Row]:
    """Check a whole file against a plan's indicators and the values already stored.

    `stored` maps (indicator id, period end, district) to the value's text, for the keys
    already in the database. Returns the rows, or raises UploadRefused with every problem.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UploadRefused(
            [Problem(0, "The file is not UTF-8 text: save it from your spreadsheet as 'CSV UTF-8'")]
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    problems: list[Problem] = []
    records = _records(reader, problems)
    header = next(records, None)
    if header is None:
        raise UploadRefused(problems or [Problem(0, "The file is empty")])
    names = tuple(cell.strip().lower() for cell in header)
    if names not in (HEADER, (*HEADER, OPTIONAL_COLUMN)):
        raise UploadRefused(
            [Problem(1, f"the header row must be {','.join(HEADER)} (optionally ,{OPTIONAL_COLUMN}); "
                        f"this file has {','.join(cell.strip() for cell in header)}")]
        )
    width = len(names)

    by_name: dict[str, list[Indicator]] = {}
    for indicator in indicators:
        by_name.setdefault(indicator.name.strip().lower(), []).append(indicator)

    def find(name: str) -> Indicator | str:
        matches = by_name.get(unguarded(name.strip()).lower(), [])
        if not matches:
            return f"unknown indicator {name.strip()!r}"
        if len(matches) > 1:
            return f"more than one indicator is called {name.strip()!r}"
        return matches[0]

    check = RowChecker(stored, find)
    rows: list[Row] = []
    for cells in records:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue  # spreadsheets often leave blank lines at the end
        if len(rows) + len(problems) >= MAX_ROWS:
            problems.append(Problem(line, TOO_MANY_ROWS))
            break
        if len(cells) != width:
            problems.append(Problem(line, f"expected {width} columns, found {len(cells)}"))
            continue
        checked = check(line, f"on line {line}", RowText(*cells))
        if isinstance(checked, Row):
            rows.append(checked)
        else:
            problems.extend(Problem(line, message) for message in checked)
    if problems:
        raise UploadRefused(problems)
    if not rows:
        raise UploadRefused([Problem(0, "The file has a header row but no values")])
    return rows


@dataclass(frozen=True)
class RowText:
    """One row's fields as written, before any check: a CSV line's cells, or an API batch item
    (its indicator id written as text)."""

    indicator: str
    period_label: str
    period_end: str
    district: str
    value: str
    note: str
    comment: str = ""


class RowChecker:
    """The checks every row of values gets, however it came: a CSV line or an item of an API
    batch. One checker per file or batch: it remembers the rows it has passed, to find a row
    given twice.

    `stored` maps (indicator id, period end, district) to the stored value's text (see `read`);
    `find` turns the indicator's text into the indicator, or the reason there is none: the CSV
    names indicators, the API gives their ids.
    """

    def __init__(self, stored: dict[tuple[int, date, str], str],
                 find: Callable[[str], Indicator | str]):
        self.stored = stored
        self.find = find
        self.seen: dict[tuple[int, date, str], str] = {}

    def __call__(self, line: int, place: str, text: RowText) -> Row | list[str]:
        """The checked row, or every problem with it. `place` says where the row is, as the
        message about a row given twice names the first ("on line 2", "at index 0")."""
        cells = astuple(text)
        problems = [
            f"{column} contains a control character or a non-character (U+FFFE, U+FFFF): "
            "only text, tabs and line breaks are allowed"
            for column, cell in zip(COLUMNS, cells, strict=True)
            if has_forbidden_characters(cell, text_layout_allowed=True)
        ]
        if problems:
            return problems
        problems.extend(
            f"{column} is longer than {LONGEST_TEXT} characters"
            for column, cell in (("note", text.note), ("comment", text.comment))
            if len(cell.strip()) > LONGEST_TEXT
        )
        found = self.find(text.indicator)
        if isinstance(found, str):
            problems.append(found)
        label = text.period_label.strip()
        if not label:
            problems.append("period_label is empty: e.g. 12 months to Dec 2020")
        elif len(label) > 100:
            problems.append("period_label is longer than 100 characters")
        parsed = {}
        for key, parse, raw in (
            ("period_end", parse_date, text.period_end),
            ("district", parse_district, text.district),
            ("value", parse_value, text.value),
        ):
            try:
                parsed[key] = parse(raw)
            except ValueError as error:
                problems.append(str(error))
        if problems:
            return problems
        key = (found.id, parsed["period_end"], parsed["district"])
        when = short_date(parsed["period_end"])
        if key in self.seen:
            return [f"duplicate row: {found.name}, {parsed['district']}, {when} "
                    f"is already {self.seen[key]}"]
        self.seen[key] = place
        if key in self.stored:
            return [f"duplicate row: {found.name}, {parsed['district']}, {when} is already "
                    f"stored ({self.stored[key]}); correct it on the indicator's page"]
        return Row(
            line=line,
            indicator=found,
            period_label=label,
            period_end=parsed["period_end"],
            district=parsed["district"],
            value=parsed["value"],
            note=text.note.strip(),
            comment=text.comment.strip(),
        )


def _records(reader, problems: list[Problem]) -> Iterator[list[str]]:
    """The reader's records, stopping at the first the csv module cannot read (noted as a problem)."""
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            if "field larger than field limit" in str(error):
                message = f"a cell is longer than {csv.field_size_limit():,} characters"
            else:
                message = f"the line cannot be read as CSV ({error})"
            problems.append(Problem(reader.line_num, f"{message}; the file was read no further"))
            return


def template(indicators: list[Indicator]) -> bytes:
    """A CSV with the header and one example row per indicator, to fill in."""
    return csv_bytes(
        HEADER,
        ([indicator.name, "12 months to Dec 2020", "2020-12-31", FORCE, "", ""]
         for indicator in indicators),
    )
