"""Finding the directory's people and meeting types in what minutes write.

Minutes name people with titles and ranks ("Cllr", "T/ACC", "Ch. Supt."), by initials
("J. Smith") and with slips ("Carl Galvin" for Carl Glavin). A name is compared without its titles:
the same words, the same surname with matching initials, or a close spelling (difflib's ratio),
in that order of trust. Two people scoring the same leave the choice to the secretariat; a name
that matches no one is proposed as a new person.
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from tracker.directory.models import MeetingType, Organisation, Person
from tracker.meetings.importing.names import TITLES

# Ranks as minutes abbreviate them, beyond the titles the attendance reader knows.
RANKS = TITLES | {"ch", "chief", "supt", "superintendent", "det", "insp", "inspector", "sgt",
                  "pc", "pcso", "dc", "t/supt", "t/ch", "t/dcc", "t/cc", "a/acc", "cst", "baroness"}
WORD = re.compile(r"[^\W\d_]+(?:[/'’-][^\W\d_]+)*")
# How close two spellings must be (difflib's ratio) to count as the same name.
CLOSE = 0.85


@dataclass(frozen=True)
class NameMatch:
    """A name as written, the person it was matched to (or None) and the name proposed for a new
    person: the written name without titles and ranks."""

    written: str
    person: Person | None
    proposed_name: str
    proposed_title: str  # the titles and ranks written, e.g. "T/ACC", as a job title


def words_of(name: str) -> tuple[list[str], list[str]]:
    """(titles and ranks, the other words) of a written name, lower-cased."""
    titles, words = [], []
    for word in WORD.findall(name.replace(".", ". ")):
        (titles if word.lower() in RANKS and not words else words).append(word)
    return titles, words


def _similar(a: str, b: str) -> float:
    """difflib's ratio of two spellings, or 0 when its cheap upper bounds already fall short (most
    pairs: this keeps matching a list against a large directory quick)."""
    matcher = SequenceMatcher(None, a, b)
    if matcher.real_quick_ratio() < CLOSE or matcher.quick_ratio() < CLOSE:
        return 0.0
    return matcher.ratio()


def _score(written: list[str], known: list[str]) -> float:
    """How surely the written words name the person (both lower-cased, titles left out): 1 the
    same, 0.95 or 0.9 by initials, else the spelling's closeness."""
    if not written or not known:
        return 0.0
    if written == known:
        return 1.0
    forenames = written[:-1]
    if forenames and all(len(w) == 1 for w in forenames) and _similar(written[-1], known[-1]):
        initials = [w[0] for w in known[:-1]]
        if forenames == initials[: len(forenames)]:
            return 0.95 if written[-1] == known[-1] else 0.9
    if len(written) == 1:
        return 0.0  # a surname alone could be anyone
    return _similar(" ".join(written), " ".join(known))


def _lowered_words(name: str) -> list[str]:
    return [word.lower() for word in words_of(name)[1]]


def match_person(name: str, people: list[Person], known: list[list[str]] | None = None) -> NameMatch:
    """The one person `name` most surely names, or None (no one close, or two equally close).
    `known`, each person's name as `_lowered_words` gives it, saves working it out again."""
    titles, words = words_of(name)
    written = [word.lower() for word in words]
    known = known if known is not None else [_lowered_words(person.name) for person in people]
    scored = sorted(
        ((_score(written, person_words), person) for person, person_words in zip(people, known, strict=True)),
        key=lambda pair: -pair[0],
    )
    best = None
    if scored and scored[0][0] >= CLOSE:
        tied = len(scored) > 1 and scored[1][0] == scored[0][0]
        best = None if tied else scored[0][1]
    return NameMatch(name, best, " ".join(words) or name.strip(), " ".join(titles))


def match_people(names: list[str], people: list[Person]) -> list[NameMatch]:
    """`match_person` for each name, against one list of people read once by the caller."""
    known = [_lowered_words(person.name) for person in people]
    return [match_person(name, people, known) for name in names]


def guess_meeting_type(title: str | None, types: list[MeetingType]) -> MeetingType | None:
    """The meeting type a minutes title names: its short name as a word ("(COM)"), its name
    within the title, or a close spelling of its name; None when no one type fits."""
    if not title:
        return None
    lowered = " ".join(WORD.findall(title.lower()))
    by_short = [t for t in types if re.search(rf"\b{re.escape(t.short_name.lower())}\b", lowered)]
    by_name = [t for t in types if " ".join(WORD.findall(t.name.lower())) in lowered]
    for found in (by_name, by_short):
        if len(found) == 1:
            return found[0]
    close = [
        (SequenceMatcher(None, " ".join(WORD.findall(t.name.lower())), lowered).ratio(), t)
        for t in types
    ]
    close = sorted((pair for pair in close if pair[0] >= 0.8), key=lambda pair: -pair[0])
    if close and (len(close) == 1 or close[1][0] < close[0][0]):
        return close[0][1]
    return None


def match_organisation(written: str | None, organisations: list[Organisation]) -> Organisation | None:
    """The organisation an action's owner names, by short name ("WYP") or full name."""
    if not written:
        return None
    wanted = " ".join(WORD.findall(written.lower()))
    for organisation in organisations:
        if wanted in {organisation.short_name.lower(), " ".join(WORD.findall(organisation.name.lower()))}:
            return organisation
    return None
