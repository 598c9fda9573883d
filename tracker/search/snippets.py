"""A short piece of a result's text around the words searched for, with those words marked.

Everything is escaped first and only then wrapped in <mark>: the text comes from what people
typed, so it is never trusted as HTML, and neither is a database's own snippet function.
Matching is loose, as the databases stem words: "complaints" is marked for "complaint" and
"complaint" for "complaints".
"""

import re

from markupsafe import Markup, escape

# Around this many characters of context: a line or two of a result.
WIDTH = 220
_SUFFIXES = ("ing", "ed", "es", "s", "ly")
# Markdown's emphasis and heading marks, which mean nothing in a one-line snippet.
_MARKDOWN = re.compile(r"[*_#>`]+")


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def pattern(words: list[str]) -> re.Pattern | None:
    """Words that start like any of `words` (stemmed), whole words only, in any case."""
    stems = sorted({_stem(word) for word in words if word}, key=len, reverse=True)
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(stem) for stem in stems) + r")\w*", re.I)


def highlight(text: str, matcher: re.Pattern | None) -> Markup:
    """`text` escaped, with each match of `matcher` in <mark>."""
    if matcher is None:
        return escape(text)
    pieces, last = [], 0
    for match in matcher.finditer(text):
        pieces.append(escape(text[last : match.start()]))
        pieces.append(Markup("<mark>%s</mark>") % match.group(0))
        last = match.end()
    pieces.append(escape(text[last:]))
    return Markup("").join(pieces)


def snippet(text: str, matcher: re.Pattern | None, width: int = WIDTH) -> Markup:
    """About `width` characters of `text` around its first match, highlighted; the start if none."""
    text = " ".join(_MARKDOWN.sub("", text or "").split())
    first = matcher.search(text) if matcher else None
    start = 0 if first is None else max(first.start() - width // 3, 0)
    if start:
        # Begin at a word, not in the middle of one.
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < (first.start() if first else len(text)) else start
    end = min(start + width, len(text))
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    piece = highlight(text[start:end], matcher)
    return (Markup("… ") if start else Markup("")) + piece + (Markup(" …") if end < len(text) else "")
