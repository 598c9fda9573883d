"""What a person types into the search box, read the way PostgreSQL's `websearch_to_tsquery` reads
it: bare words must all match, "a quoted phrase" matches those words in order, `or` between two
terms matches either, and `-word` (or `-"a phrase"`) leaves out what holds it.

PostgreSQL is given the text as typed. SQLite's FTS5 has a query language of its own in which
quotes, brackets, `*`, `:`, `^`, `NEAR`, `AND` and `NOT` mean something, and a stray one is a
syntax error; `fts5_query` writes each term as a quoted FTS5 string, so nothing a person types can
be read as FTS5 syntax.
"""

import re
from dataclasses import dataclass, field

# A term with no letter or digit in it holds nothing either database indexes.
_WORDY = re.compile(r"\w")


@dataclass(frozen=True)
class Term:
    text: str
    phrase: bool = False


@dataclass
class Group:
    """Terms that must all match (`include`) and none of `exclude`: one side of an `or`."""

    include: list[Term] = field(default_factory=list)
    exclude: list[Term] = field(default_factory=list)


def parse(text: str) -> list[Group]:
    """The `or`-separated groups of `text`; groups with nothing to look for are left out."""
    groups = [Group()]
    position, end = 0, len(text)
    while position < end:
        char = text[position]
        if char.isspace():
            position += 1
            continue
        negated = char == "-" and position + 1 < end and not text[position + 1].isspace()
        if negated:
            position += 1
        if text[position] == '"':
            closing = text.find('"', position + 1)
            closing = end if closing == -1 else closing  # a quote left open runs to the end
            term = Term(text[position + 1 : closing].strip(), phrase=True)
            position = closing + 1
        else:
            start = position
            while position < end and not text[position].isspace() and text[position] != '"':
                position += 1
            term = Term(text[start:position])
            if not negated and term.text.lower() == "or":
                if groups[-1].include or groups[-1].exclude:
                    groups.append(Group())
                continue
        if not _WORDY.search(term.text):
            continue
        (groups[-1].exclude if negated else groups[-1].include).append(term)
    return [group for group in groups if group.include]


def _quoted(term: Term) -> str:
    return '"' + term.text.replace('"', '""') + '"'


def fts5_query(groups: list[Group]) -> str:
    """The FTS5 MATCH expression for `groups` (from `parse`, so each has a term to include)."""
    alternatives = []
    for group in groups:
        expression = "(" + " AND ".join(_quoted(term) for term in group.include) + ")"
        if group.exclude:
            expression += " NOT (" + " OR ".join(_quoted(term) for term in group.exclude) + ")"
        alternatives.append("(" + expression + ")")
    return " OR ".join(alternatives)


def words(groups: list[Group]) -> list[str]:
    """The words a result may be matched on, for highlighting: every word of every included term."""
    found = []
    for group in groups:
        for term in group.include:
            for word in re.findall(r"\w+", term.text):
                if word.lower() not in found:
                    found.append(word.lower())
    return found
