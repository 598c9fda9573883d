"""The notes of an agenda item: Markdown as the secretariat writes it, rendered safely.

Notes keep the structure the minutes use: paragraphs, bullet lists, numbered lists, lettered
lists (a), b) ...), bold, links and quotations. They are stored exactly as written and parsed with
markdown-it (CommonMark) each time they are shown:

- raw HTML is never passed through: `<script>` is shown as text;
- links are made only for http, https and mailto addresses (`javascript:` stays plain text);
- what is pasted from Word is read as the outline it was (`tracker.meetings.pasted`): entries
  marked a) (a) a. 1. 1.1 • - * with their paragraphs unindented, blank lines or none, Windows
  line endings and non-breaking spaces;
- CommonMark knows only numbered lists, so lettered items are recognised here: bullets whose
  text starts "a)", "a." or "(a)" in sequence (as the published minutes write them:
  "- a) **Title** - ...") become an ordered list of type "a"; bullets numbered "1.1", "1.2" keep
  their numbers and lose the bullet.

`parse` gives the token stream that both the web page (`to_html`) and the Word document
(`tracker.reports.minutes.docx`) walk, so the two always agree on the structure.
"""

import re
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markupsafe import Markup

from tracker.meetings import pasted

SAFE_SCHEMES = ("http://", "https://", "mailto:")
# "a) ", "a. " or "(a) " at the start of a line or of a list item's text.
LETTER_MARKER = re.compile(r"^\(?([a-z])[.)][ \t]+")
# "1.1 ", "2.3.1 ": numbers written out, kept as written in a list without bullets.
OUTLINE_MARKER = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?[ \t]")


def next_letter(letter: str) -> str:
    return chr(ord(letter) + 1)


def is_safe_link(url: str) -> bool:
    """Only web and email addresses become links; anything else stays as text."""
    return url.strip().lower().startswith(SAFE_SCHEMES)


def _first_inline(tokens: list[Token], start: int) -> Token | None:
    """The inline token of a list item's first paragraph (the item opens at `start`)."""
    for position in range(start + 1, len(tokens)):  # by index: a slice would copy every time
        token = tokens[position]
        if token.type == "inline":
            return token
        if token.type in ("list_item_close", "bullet_list_open", "ordered_list_open"):
            return None
    return None


def _lettered_lists(state: StateCore) -> None:
    """Bullet lists whose items are lettered a), b), ... in order become lists of type "a"."""
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "bullet_list_open":
            continue
        items = []
        depth = 0
        close = None
        for position in range(index, len(tokens)):
            kind = tokens[position].type
            if kind in ("bullet_list_open", "ordered_list_open"):
                depth += 1
            elif kind in ("bullet_list_close", "ordered_list_close"):
                depth -= 1
                if depth == 0:
                    close = tokens[position]
                    break
            elif kind == "list_item_open" and depth == 1:
                items.append(_first_inline(tokens, position))
        if close is None or not items or any(item is None for item in items):
            continue
        if all(OUTLINE_MARKER.match(inline.content) for inline in items):
            token.meta["plain"] = True
            continue
        expected = "a"
        for inline in items:
            match = LETTER_MARKER.match(inline.content)
            if not match or match.group(1) != expected:
                break
            expected = next_letter(expected)
        else:
            for inline in items:
                _strip_marker(inline)
            token.type, token.tag = "ordered_list_open", "ol"
            token.attrSet("type", "a")
            close.type, close.tag = "ordered_list_close", "ol"


def _strip_marker(inline: Token) -> None:
    inline.content = LETTER_MARKER.sub("", inline.content, count=1)
    children = inline.children or []
    if children and children[0].type == "text":
        children[0].content = LETTER_MARKER.sub("", children[0].content, count=1)


@cache
def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "breaks": True})
    # Indented text is a paragraph someone indented, not code; images would load from elsewhere.
    md.disable(["code", "fence", "image"])
    md.validateLink = is_safe_link  # type: ignore[method-assign]
    md.core.ruler.push("lettered_lists", _lettered_lists)
    return md


def parse(notes: str) -> list[Token]:
    return parser().parse(pasted.to_markdown(notes or ""))


# GOV.UK classes for the elements notes can contain; headings are shown as bold paragraphs so
# they never break the page's own heading order.
HTML_CLASSES = {
    "paragraph_open": "govuk-body",
    "heading_open": "govuk-body govuk-!-font-weight-bold",
    "bullet_list_open": "govuk-list govuk-list--bullet",
    "ordered_list_open": "govuk-list govuk-list--number",
    "link_open": "govuk-link",
    "blockquote_open": "govuk-inset-text",
    "hr": "govuk-section-break govuk-section-break--m govuk-section-break--visible",
}


def _decorate(tokens: list[Token]) -> None:
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = "p"
        css = HTML_CLASSES.get(token.type)
        if css:
            if token.type == "ordered_list_open" and token.attrGet("type") == "a":
                css += " ca-lettered"
            if token.meta.get("plain"):
                css = "govuk-list ca-outline"
            token.attrSet("class", css)
        if token.children:
            _decorate(token.children)


def to_html(notes: str) -> Markup:
    """The notes as safe HTML for a page (raw HTML in them is escaped, never passed through)."""
    if not (notes or "").strip():
        return Markup("")
    md = parser()
    tokens = parse(notes)
    _decorate(tokens)
    return Markup(md.renderer.render(tokens, md.options, {}))
