"""Minutes text into `Minutes`: the heading (title, date, time, place), attendance, numbered items
with their notes, and the actions raised under them.

The lines are read in one pass each way: the heading is everything before the first numbered item;
items follow each other in number order ("1.", "1)", "Item 1"), so a numbered paragraph inside an
item ("1.1", or a list "1." ... "3." further down) never starts one; the minutes end at the last
item, or at a heading in capitals that is not part of minutes (briefing papers are often appended).
"""

import re
from dataclasses import dataclass

from tracker.kit.lettering import letters
from tracker.meetings.importing import names, when
from tracker.meetings.importing.minutes import Action, Item, Minutes, UnreadableMinutes
from tracker.meetings.pasted import BULLET, LETTER, SPACES

ITEM = re.compile(r"^(?:#+\s*)?(?:\*\*)?(?:item\s+(\d{1,3})\b[.:)]?|(\d{1,3})[.)])\s*(.*)$",
                  re.IGNORECASE)
LONGEST_TITLE = 200  # a longer "12. ..." line is a numbered paragraph, not an item heading
ATTENDANCE = re.compile(
    r"^(present|also present|also in attendance|in attendance|apologies(?: for absence)?"
    r"(?: received)?)\b\s*([:\-–]?)\s*(.*)$",
    re.IGNORECASE,
)
GROUPS = {"present": "present", "also present": "also_present",
          "also in attendance": "also_present", "in attendance": "also_present"}
LABEL = re.compile(r"^(date|time|venue|place|location|where)\s*[:\-–]\s*(.*)$", re.IGNORECASE)
HELD_AT = re.compile(r"\bheld\b.*?\bat\s+(?![\d.:]+\s*(?:[ap]\.?m)?\b)(.+)$", re.IGNORECASE)
ACTIONS_HEADING = re.compile(r"^actions?\s*(?:[:\-–]\s*(.*))?$", re.IGNORECASE)
ACTION_LINE = re.compile(r"^ACTIONS?\b\s*[:\-–]?\s*(.+)$")
OWNER = re.compile(r"^((?:[A-Z][\w&'’./-]*)(?:\s+(?:[A-Z][\w&'’./-]*|and|of|the|for)){0,5}?)"
                   r"\s+to\s+\w")
APOLOGIES_SENTENCE = re.compile(
    r"apologies(?: for absence)? (?:were|was|had been) (?:received|given|submitted|tendered|noted)"
    r" (?:from|on behalf of|by) (.+?)(?:\.(?:\s|$)|$)",
    re.IGNORECASE,
)
CORRECT_RECORD = re.compile(
    r"\b(?:agreed|accepted|approved|confirmed|signed)\b[^.]*\bas an? (?:correct|true|accurate)"
    r" record", re.IGNORECASE)
ACCESS_LINK = re.compile(r"\s*[-–—]\s*to access the full reports?,? click HERE\.?\s*$", re.IGNORECASE)
MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
MINUTES_CAPITALS = {"RESOLVED", "ACTION", "ACTIONS", "PRESENT", "APOLOGIES", "DECISION", "NOTED",
                    "AGREED", "IN ATTENDANCE", "ALSO PRESENT"}


@dataclass
class _Start:
    """Where an item starts: its heading line, the first line of its notes, number and title."""

    line: int
    body: int
    number: int
    title: str


def read_text(text: str) -> Minutes:
    """The minutes written in `text` (as pasted, or as the Word reader gives them)."""
    lines = [line.rstrip() for line in text.translate(SPACES).splitlines()]
    if not any(lines):
        raise UnreadableMinutes("The minutes are empty.")
    ends = _ends_of_minutes(lines)
    starts = _item_starts(lines, ends)
    if not starts:
        raise UnreadableMinutes(
            "No numbered items were found. Items should start with their number, "
            "such as “1. Welcome” or “Item 1”.")
    minutes = Minutes()
    _read_heading(lines[:starts[0].line], minutes)
    for position, start in enumerate(starts):
        end = starts[position + 1].line if position + 1 < len(starts) else ends[start.line]
        _read_item(start.number, start.title, lines[start.body:end], minutes)
    return minutes


def _item_starts(lines: list[str], ends: list[int]) -> list[_Start]:
    """Each item's start, each numbered one more than the one before, until the minutes end."""
    starts: list[_Start] = []
    for index, line in enumerate(lines):
        match = ITEM.match(line.strip())
        if not match or len(line) > LONGEST_TITLE:
            continue
        number = int(match.group(1) or match.group(2))
        if starts and (number != starts[-1].number + 1 or index >= ends[starts[-1].line]):
            continue
        title, body = match.group(3), index + 1
        if not title.strip():  # "Item 1" with its title on the next line
            body = next((later for later in range(index + 1, len(lines)) if lines[later].strip()),
                        len(lines))
            title, body = (lines[body], body + 1) if body < len(lines) else ("", body)
        if _title(title):
            starts.append(_Start(index, body, number, _title(title)))
    return starts


def _ends_of_minutes(lines: list[str]) -> list[int]:
    """For each line, the first line after it where the minutes end: a heading in capitals that
    minutes do not use ("KEY INFORMATION" of an appended paper), or the end of the text."""
    ends = [len(lines)] * len(lines)
    end = len(lines)
    for index in reversed(range(len(lines))):
        ends[index] = end
        text = lines[index].strip().strip("*#: ").strip()
        if (len(text.split()) >= 2 and text.isupper() and not ITEM.match(text)
                and not any(text.startswith(word) for word in MINUTES_CAPITALS)):
            end = index
    return ends


def _title(text: str) -> str:
    text = MARKDOWN_LINK.sub(r"\1", text).replace("**", "").strip()
    text = ACCESS_LINK.sub("", text)
    return text.strip().rstrip(".:").strip()


def _read_heading(lines: list[str], minutes: Minutes) -> None:
    """Title, date, time, place and the attendance lists written before the first item."""
    group, block = None, []
    for line in lines + [""]:
        text = line.strip().replace("**", "").strip("#").strip()
        heading = ATTENDANCE.match(text)
        if heading and (heading.group(2) or not heading.group(3) or heading.group(1).isupper()):
            _add_attendance(minutes, group, block)
            group, block = _group(heading.group(1)), [heading.group(3)]
            continue
        label = LABEL.match(text)
        if label:
            _add_attendance(minutes, group, block)
            group, block = None, []
            _read_label(label.group(1).lower(), label.group(2), minutes)
            continue
        if group:
            block.append(text)
        elif text and minutes.title is None:
            minutes.title = re.split(r"\s+held\s+(?:on|at)\b", text, flags=re.IGNORECASE)[0]
            _read_held(text, minutes)
        elif text:
            _read_held(text, minutes)
    _add_attendance(minutes, group, block)


def _read_label(label: str, value: str, minutes: Minutes) -> None:
    if label == "date":
        minutes.date = minutes.date or when.find_date(value)
        minutes.time = minutes.time or when.find_time(value)
    elif label == "time":
        minutes.time = minutes.time or when.find_time(value, labelled=True)
    elif value.strip():
        minutes.place = minutes.place or value.strip()


def _read_held(text: str, minutes: Minutes) -> None:
    """A line such as "... held on 6th February 2015 at 10.00 am at Wakefield Town Hall"."""
    minutes.date = minutes.date or when.find_date(text)
    minutes.time = minutes.time or when.find_time(text)
    held = HELD_AT.search(when.without_dates_and_times(text))
    if held and not minutes.place:
        place = re.sub(r"^(?:at\s+)+", "", held.group(1).strip(" ,."), flags=re.IGNORECASE).strip()
        minutes.place = place or None


def _group(heading: str) -> str:
    heading = heading.lower()
    return "apologies" if heading.startswith("apologies") else GROUPS[heading]


def _add_attendance(minutes: Minutes, group: str | None, block: list[str]) -> None:
    if group is None:
        return
    found = getattr(minutes.attendance, group)
    for entry in names.entries(block):
        found.extend(name for name in names.names_in(entry) if name not in found)


def _read_item(number: int, title: str, body: list[str], minutes: Minutes) -> None:
    """An item's notes, with its actions taken out and apologies recorded in it noted."""
    notes: list[str] = []
    actions: list[str] = []
    index = 0
    while index < len(body):
        text = body[index].strip().replace("**", "")  # Word's bold "**Actions:**" is a heading
        inline = ACTION_LINE.match(text)
        heading = ACTIONS_HEADING.match(text)
        if heading and not heading.group(1):
            index = _read_action_block(body, index + 1, actions)
            continue
        if heading or inline:
            actions.append((heading.group(1) if heading else inline.group(1)).strip())
            index += 1
            continue
        notes.append(body[index])
        index += 1
    item_notes = re.sub(r"\n{3,}", "\n\n", "\n".join(notes)).strip()
    minutes.items.append(Item(number, title, item_notes))
    for position, text in enumerate(actions):
        minutes.actions.append(_action(number, position, text))
    _read_apologies(title, item_notes, minutes)
    if minutes.previous_minutes_agreed_in is None and CORRECT_RECORD.search(item_notes):
        minutes.previous_minutes_agreed_in = number


def _read_action_block(body: list[str], index: int, actions: list[str]) -> int:
    """The actions listed after "Actions:": lettered or bulleted entries, or plain paragraphs that
    name an owner first. Returns the index of the first line that is notes again."""
    found: list[str] = []
    blank = False
    while index < len(body):
        text = body[index].strip().replace("**", "")
        if not text:
            blank = True
            index += 1
            continue
        entry = _list_entry(text)
        if entry is not None:
            found.append(entry)
        elif not found or (blank and OWNER.match(text)):
            found.append(text)
        elif not blank:
            found[-1] += " " + text
        else:
            break
        blank = False
        index += 1
    actions.extend(found)
    return index


def _list_entry(text: str) -> str | None:
    """The text of a lettered or bulleted line ("- a) ...", "(b) ...", "• ..."), else None."""
    bullet = BULLET.match(text)
    rest = text[bullet.end():] if bullet else text
    letter = LETTER.match(rest)
    if letter:
        return rest[letter.end():]
    return rest if bullet else None


def _action(item: int, position: int, text: str) -> Action:
    text = re.sub(r"\s+", " ", text.replace("**", "")).strip()
    owner = OWNER.match(text)
    return Action(item=item, letter=letters(position), text=text,
                  owner=owner.group(1) if owner else None)


def _read_apologies(title: str, notes: str, minutes: Minutes) -> None:
    """Apologies recorded in an item: "Apologies were received from Cllr ...", or, under an
    "Apologies" item, names one a line."""
    found = minutes.attendance.apologies
    for match in APOLOGIES_SENTENCE.finditer(notes.replace("\n", " ")):
        found.extend(name for name in names.names_in_sentence(match.group(1)) if name not in found)
    for line in notes.splitlines():
        heading = ATTENDANCE.match(line.strip())
        if heading and heading.group(2) and _group(heading.group(1)) == "apologies":
            # "Apologies: Cllr A Smith, Cllr B Jones" written inside an item
            found.extend(name for name in names.names_in_sentence(heading.group(3))
                         if name not in found)
    if title.lower().startswith("apologies"):
        for entry in names.entries(notes.splitlines()):
            found.extend(name for name in names.names_in(entry) if name not in found)
