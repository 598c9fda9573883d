"""Lists as the secretariat pastes them from Word, rewritten as the Markdown the notes parser reads.

Minutes pasted from Word lose their indentation and list formatting: an entry is a line starting
with its marker ("a)", "(a)", "a.", "1.", "1.1", "•", "-", "*", "o" before a tab ...), and the
paragraphs that belong to an entry follow it unindented, with or without blank lines, with
Windows line endings and non-breaking spaces. CommonMark would end the list at the first
unindented paragraph. Here the lines are read as an outline instead:

- a paragraph between two entries of a list belongs to the entry before it;
- a paragraph after a list's last entry belongs to it when it is indented, or when the list is
  written in paragraphs (an earlier entry has paragraphs of its own); otherwise it ends the list;
- an entry of another kind straight after an entry ("1." then "a)"), or one indented further,
  starts a list inside that entry; an entry of a kind already open goes back to that list;
- a lettered list starts at "a" and goes on only with the next letter, so "b) on its own" or
  "e.g." stays text; "1.1" numbers are kept as written, inside the entry they follow.

`to_markdown` returns the notes with every list written out in CommonMark ("- ", "1. ",
"- a) ", "- 1.1 "), so markdown-it parses the structure meant; everything else is passed on.
"""

import re
from dataclasses import dataclass, field

# Characters Word and browsers paste that mean a space, or nothing at all.
SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u200b": None,
                        "\ufeff": None, "\u00ad": None})
TAB_WIDTH = 4
# Lists nest no deeper than this; a deeper entry joins the innermost list (the parser and Word
# would not show more, and hostile input must not recurse without end).
MAX_DEPTH = 6

# Bullet glyphs by family: a different family straight after an entry is a nested list (Word
# pastes its second level as "o" and its third as a square).
BULLETS = {
    "-": "-", "*": "-", "+": "-", "–": "-", "—": "-",
    "•": "•", "·": "•", "●": "•", "\uf0b7": "•", "‣": "•", "⁃": "•",
    "◦": "o", "○": "o", "o": "o",
    "▪": "▪", "■": "▪", "□": "▪", "▫": "▪", "§": "▪", "\uf0a7": "▪", "\uf0d8": "▪", "➢": "▪",
    "►": "▪",
}
BULLET = re.compile(r"^([-*+–—•·●\uf0b7‣⁃◦○▪■□▫§\uf0a7\uf0d8➢►]|o(?=\t))\s+(?=\S)")
LETTER = re.compile(r"^(?:\(([a-z])\)|([a-z])[.)])\s+(?=\S)")
OUTLINE = re.compile(r"^(\d{1,3}(?:\.\d{1,3})+)\.?\s+(?=\S)")
NUMBER = re.compile(r"^(\d{1,3})[.)]\s+(?=\S)")


@dataclass
class Entry:
    """A line that starts a list entry: its kind, the letter or number it bears, its text."""

    kind: str  # "letter", "number", "outline" or "bullet:<family>"
    value: str
    indent: int
    lines: list[str]
    bullet: str | None = None  # the bullet in front of a letter ("- a) ..."), if any
    written: str = ""  # the line as written, for an entry that turns out to be text
    blocks: list = field(default_factory=list)  # later paragraphs and lists inside the entry


@dataclass
class Paragraph:
    indent: int
    lines: list[str]


@dataclass
class List:
    kind: str
    indent: int
    entries: list[Entry] = field(default_factory=list)

    @property
    def paragraphed(self) -> bool:
        return any(isinstance(block, Paragraph) for entry in self.entries for block in entry.blocks)

    def takes(self, entry: Entry) -> bool:
        """Whether `entry` is the next one of this list (a lettered list goes letter by letter)."""
        if entry.kind != self.kind:
            return False
        if self.kind == "letter":
            return entry.value == chr(ord(self.entries[-1].value) + 1)
        return True


def _indent(line: str) -> int:
    return len(line.expandtabs(TAB_WIDTH)) - len(line.expandtabs(TAB_WIDTH).lstrip())


def _entry(line: str) -> Entry | None:
    """The entry `line` starts, if it starts one (letters are checked against the lists later)."""
    indent, text = _indent(line), line.strip()
    bullet = BULLET.match(text)
    rest = text[bullet.end():] if bullet else text
    letter = LETTER.match(rest)
    if letter:
        value = letter.group(1) or letter.group(2)
        return Entry("letter", value, indent, [rest[letter.end():]],
                     bullet=bullet.group(1) if bullet else None, written=rest)
    if bullet:
        return Entry("bullet:" + BULLETS[bullet.group(1)], "", indent, [rest])
    outline = OUTLINE.match(text)
    if outline:
        return Entry("outline", outline.group(1), indent, [text], written=text)
    number = NUMBER.match(text)
    if number:
        return Entry("number", number.group(1), indent, [text[number.end():]])
    return None


def _units(text: str) -> list:
    """The notes as entries and paragraphs; a line right under another joins its paragraph."""
    units: list = []
    blank = True
    for raw in text.translate(SPACES).splitlines():
        if not raw.strip():
            blank = True
            continue
        entry = _entry(raw)
        if entry is not None:
            units.append(entry)
        elif not blank and units:
            units[-1].lines.append(raw.strip())
        else:
            units.append(Paragraph(_indent(raw), [raw.strip()]))
        blank = False
    return units


class _Outline:
    """Builds the tree of paragraphs and lists from the units, one at a time."""

    def __init__(self):
        self.root: list = []
        self.open: list[List] = []  # the lists open now, outermost first

    def _nest(self, entry: Entry) -> None:
        if len(self.open) >= MAX_DEPTH:
            self.open[-1].entries.append(entry)
            return
        inner = List(entry.kind, entry.indent, [entry])
        self.open[-1].entries[-1].blocks.append(inner)
        self.open.append(inner)

    def _start(self, entry: Entry) -> None:
        self.open = [List(entry.kind, entry.indent, [entry])]
        self.root.append(self.open[0])

    def _starts_list(self, entry: Entry) -> bool:
        if entry.kind == "letter":
            return entry.value == "a"
        if entry.kind == "outline":
            return bool(self.open)
        return True

    def _fits(self, entry: Entry) -> int | None:
        """The depth of the open list `entry` continues, innermost first, by kind and indent."""
        for depth in reversed(range(len(self.open))):
            level = self.open[depth]
            if level.takes(entry) and abs(entry.indent - level.indent) <= 1:
                return depth
        return None

    def _as_text(self, entry: Entry) -> None:
        self.paragraph(Paragraph(entry.indent, [entry.written, *entry.lines[1:]]), None)

    def entry(self, entry: Entry, after_paragraph: bool) -> None:
        if entry.kind == "letter" and self._fits(entry) is None and not self._starts_list(entry):
            # "- b) text" that continues no lettered list is a bullet whose text starts "b)".
            if entry.bullet is None:
                self._as_text(entry)
                return
            entry = Entry("bullet:" + BULLETS[entry.bullet], "", entry.indent,
                          [entry.written, *entry.lines[1:]])
        if self.open and entry.indent > self.open[-1].indent + 1 and self._starts_list(entry):
            self._nest(entry)
            return
        depth = self._fits(entry)
        if depth is not None:
            del self.open[depth + 1:]
            self.open[depth].entries.append(entry)
            return
        kinds = {level.kind for level in self.open}
        if (self.open and not after_paragraph and entry.kind not in kinds
                and self._starts_list(entry)):
            self._nest(entry)
        elif self._starts_list(entry):
            self._start(entry)
        else:
            self._as_text(entry)

    def paragraph(self, paragraph: Paragraph, following: Entry | None) -> None:
        """Attach a paragraph to the entry it belongs to, or end the lists and put it at the top."""
        if not self.open:
            self.root.append(paragraph)
            return
        depth = None
        if following is not None:
            depth = self._fits(following)
        if depth is None and paragraph.indent > self.open[-1].indent:
            depth = len(self.open) - 1
        if depth is None:
            depth = next((d for d in reversed(range(len(self.open))) if self.open[d].paragraphed),
                         None)
        if depth is None:
            self.open = []
            self.root.append(paragraph)
            return
        del self.open[depth + 1:]
        self.open[depth].entries[-1].blocks.append(paragraph)


def outline(text: str) -> list:
    """The notes as a tree: paragraphs, and lists whose entries hold their own paragraphs."""
    units = _units(text)
    # The entry after each unit, found in one pass from the end (notes can be long).
    following: list[Entry | None] = [None] * len(units)
    upcoming = None
    for index in reversed(range(len(units))):
        following[index] = upcoming
        if isinstance(units[index], Entry):
            upcoming = units[index]
    builder = _Outline()
    after_paragraph = False
    for index, unit in enumerate(units):
        if isinstance(unit, Entry):
            builder.entry(unit, after_paragraph)
            after_paragraph = False
        else:
            builder.paragraph(unit, following[index])
            after_paragraph = True
    return builder.root


def _marker(kind: str, entry: Entry) -> tuple[str, str]:
    """The CommonMark marker of an entry and the text that starts its first line."""
    if kind == "number":
        return f"{entry.value}. ", ""
    if kind == "letter":
        return "- ", f"{entry.value}) "
    if kind == "outline":
        return "- ", ""  # "1.1" stays in the text; the parser shows such lists without bullets
    return "- ", ""


def _write(blocks: list, indent: str, out: list[str], loose: bool = True) -> None:
    for number, block in enumerate(blocks):
        if number and loose:
            out.append("")
        if isinstance(block, Paragraph):
            out.extend(indent + line for line in block.lines)
            continue
        inner_loose = block.paragraphed
        for position, entry in enumerate(block.entries):
            if position and inner_loose:
                out.append("")
            marker, lead = _marker(block.kind, entry)
            out.append(indent + marker + lead + entry.lines[0])
            inside = indent + " " * len(marker)
            out.extend(inside + line for line in entry.lines[1:])
            if entry.blocks:
                if inner_loose:
                    out.append("")
                _write(entry.blocks, inside, out, inner_loose)


def to_markdown(text: str) -> str:
    """The notes with their lists written out as CommonMark, everything else as it was."""
    out: list[str] = []
    _write(outline(text), "", out)
    return "\n".join(out)
