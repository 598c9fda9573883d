"""People's names out of attendance lists as minutes write them.

A person is one line ("Alison Lowe – Deputy Mayor for Policing and Crime (DMPC)"), often wrapped
onto the next ("Policing and Crime (DMPC)"), or several share a line: "Cllr A Smith, Cllr B Jones"
or "Cllr A Smith - Leeds City Council, Cllr B Jones - Kirklees Council". Names are kept as written,
titles included: matching them to the directory is the review page's job.
"""

import re

TITLES = {
    "cllr", "councillor", "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof",
    "professor", "rev", "acc", "t/acc", "dcc", "cc", "supt", "ch", "insp", "ds", "di", "dci",
}
# Words that make a phrase a role or an organisation rather than a person.
ROLE_WORDS = {
    "officer", "manager", "head", "director", "chief", "deputy", "mayor", "superintendent",
    "inspector", "constable", "council", "police", "policing", "crime", "authority", "team",
    "chair", "commissioner", "secretary", "clerk", "partnership", "service", "services", "unit",
    "assistant", "adviser", "advisor", "analyst", "lead", "coordinator", "communications",
    "engagement", "office", "board", "panel", "member", "consultation", "policy", "wyp", "wyca",
}
# Words a wrapped line ends on when the role goes on to the next line.
OPEN_ENDINGS = {"and", "for", "of", "the", "to", "in", "&", "-", "–", ",", "on", "at"}
DASH = re.compile(r"\s+[-–—]\s+")
SEVERAL_DASHED = re.compile(r"\s+(?=(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s)")
PARENTHESES = re.compile(r"\s*\([^)]*\)")
CONJUNCTION = re.compile(r",\s*|\s+and\s+|\s*&\s*|;\s*")


def entries(lines: list[str]) -> list[str]:
    """The attendance lines joined where one person's line was wrapped onto the next."""
    joined: list[str] = []
    previous_blank = True
    for line in lines:
        text = line.strip()
        if not text:
            previous_blank = True
            continue
        last_word = joined[-1].split()[-1].lower() if joined else ""
        wrapped = not previous_blank and (last_word in OPEN_ENDINGS or joined[-1].endswith(","))
        if joined and (wrapped or not looks_like_name(_first_part(text))):
            joined[-1] += " " + text
        else:
            joined.append(text)
        previous_blank = False
    return joined


def names_in(entry: str) -> list[str]:
    """The people one attendance entry names: one, or several separated by commas or dashes."""
    entry = PARENTHESES.sub("", entry).strip().strip("*").strip()
    if len(DASH.findall(entry)) > 1 and "," not in entry:
        parts = SEVERAL_DASHED.split(entry)
    else:
        parts = [part for part in re.split(r"\s*[,;]\s*", entry) if part]
    if DASH.search(entry):
        names = [DASH.split(part)[0] for part in parts if DASH.search(part)]
        return [name for name in names if looks_like_name(name)]
    if all(looks_like_name(part) for part in parts):
        return parts
    return [parts[0]] if parts and looks_like_name(parts[0]) else []


def names_in_sentence(text: str) -> list[str]:
    """The names in "Cllr A Smith, Cllr B Jones and Mr C Brown" (organisations after a dash or
    in brackets dropped)."""
    text = PARENTHESES.sub("", text)
    names = []
    for part in CONJUNCTION.split(text):
        name = DASH.split(part.strip())[0].strip(" .")
        if looks_like_name(name):
            names.append(name)
    return names


def looks_like_name(text: str) -> bool:
    """Whether `text` reads as a person: capitalised words, a title or two, no role words."""
    words = text.replace("*", "").split()
    if not words or len(words) > 6 or any(char.isdigit() for char in text):
        return False
    bare = [word for word in words if word.lower().strip(".") not in TITLES]
    if not bare or any(word.lower().strip(".,") in ROLE_WORDS for word in bare):
        return False
    if len(bare) == 1 and len(bare) == len(words):
        return False  # one word alone ("Crime") is a wrapped role, not a person
    return all(word[0].isupper() or word[0] in "'’" for word in bare)


def _first_part(text: str) -> str:
    return re.split(r"\s+[-–—]\s+|,|\(", text, maxsplit=1)[0].strip()
