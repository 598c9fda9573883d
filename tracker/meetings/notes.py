"""The notes of an agenda item: Markdown as the secretariat writes it, rendered safely.

Notes keep the structure the minutes use: paragraphs, bullet lists, numbered lists, lettered
lists (a), b) ...), bold, links and quotations. They are stored exactly as written and parsed with
markdown-it (CommonMark) each time they are shown:

- raw HTML is never passed through: `<script>` is shown as text;
- links are made only for http, https and mailto addresses (`javascript:` stays plain text);
- CommonMark knows only numbered lists, so lettered items are recognised here: lines starting
  "a)", "a." or "(a)" in sequence, or bullets whose text starts that way (as the published minutes
  write them: "- a) **Title** - ..."), become an ordered list of type "a".

`parse` gives the token stream that both the web page (`to_html`) and the Word document
(`tracker.reports.minutes.docx`) walk, so the two always agree on the structure.
"""

import re
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markupsafe import Markup

SAFE_SCHEMES = ("http://", "https://", "mailto:")
# "a) ", "a. " or "(a) " at the start of a line or of a list item's text.
LETTER_MARKER = re.compile(r"^\(?([a-z])[.)][ \t]+")
FENCE = re.compile(r"^\s*(```|~~~)")


def next_letter(letter: str) -> str:
    return chr(ord(letter) + 1)


def is_safe_link(url: str) -> bool:
    """Only web and email addresses become links; anything else stays as text."""
    return url.strip().lower().startswith(SAFE_SCHEMES)


def mark_lettered_lines(text: str) -> str:
    """Turn runs of lines starting a), b), c) ... into bullet items for the parser.

    A run starts at "a" and continues while each marker is the next letter; blank lines and
    indented lines (an item's later paragraphs) do not break it. The bullets become a lettered
    list in `_lettered_lists`.
    """
    lines = []
    expected = None
    previous_blank = True
    in_fence = False
    for line in text.splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
            expected = None
        if in_fence:
            lines.append(line)
            continue
        match = LETTER_MARKER.match(line)
        if match and match.group(1) in ("a", expected):
            lines.append("- " + line)
            expected = next_letter(match.group(1))
        else:
            lines.append(line)
            blank = not line.strip()
            # A new unindented paragraph ends the run; a lazy continuation line does not.
            if not blank and previous_blank and not line[:1].isspace():
                expected = None
            previous_blank = blank
            continue
        previous_blank = False
    return "\n".join(lines)


def _first_inline(tokens: list[Token], start: int) -> Token | None:
    """The inline token of a list item's first paragraph (the item opens at `start`)."""
    for token in tokens[start + 1 :]:
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
    return parser().parse(mark_lettered_lines(notes or ""))


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
