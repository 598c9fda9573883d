"""Dates and times as minutes write them: "10 October 2023", "6th February 2015", "12/06/2020"
(UK day/month/year), "10.00am", "Time: 14:00"."""

import calendar
import re
from datetime import date

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
LONG_DATE = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")\.?,?\s+(\d{4})\b",
    re.IGNORECASE,
)
SHORT_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")
CLOCK = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?m\b\.?", re.IGNORECASE)
TWENTY_FOUR = re.compile(r"\b([01]?\d|2[0-3])[:.]([0-5]\d)\b")


def find_date(text: str) -> date | None:
    """The first real date written in `text`, if any (31 February is not one)."""
    for match in LONG_DATE.finditer(text):
        day, month, year = match.groups()
        found = _date(int(year), MONTHS[month.lower()], int(day))
        if found:
            return found
    for match in SHORT_DATE.finditer(text):
        day, month, year = match.groups()
        year = int(year) + (2000 if len(year) == 2 else 0)
        found = _date(year, int(month), int(day))
        if found:
            return found
    return None


def find_time(text: str, labelled: bool = False) -> str | None:
    """The time in `text` as "HH:MM"; a bare "14:00" counts only on a line labelled Time."""
    match = CLOCK.search(text)
    if match:
        hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3).lower()
        if 1 <= hour <= 12 and minute < 60:
            hour = hour % 12 + (12 if half == "p" else 0)
            return f"{hour:02d}:{minute:02d}"
    if labelled:
        match = TWENTY_FOUR.search(text)
        if match:
            return f"{int(match.group(1)):02d}:{match.group(2)}"
    return None


def without_dates_and_times(text: str) -> str:
    for pattern in (LONG_DATE, SHORT_DATE, CLOCK):
        text = pattern.sub(" ", text)
    return text


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
