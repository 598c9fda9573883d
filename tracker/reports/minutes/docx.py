"""Minutes in Word, in the house style of the published minutes (python-docx).

Takes `tracker.reports.minutes.data.Minutes` and returns the .docx as bytes; it does not query.
The layout follows the minutes the Policing and Crime team publish: the meeting's name and date;
Present and Also present as "Name – role, organisation", in two columns; apologies; numbered
items with their notes ("None." under an empty Any other business); under each item "Actions:"
with the lettered actions in bold; the next meeting's date. Every page carries the meeting and
its date with "Page X of Y" in the footer; minutes not yet approved say "DRAFT" in their title
and at the top of every page.

Notes are Markdown. Their token stream (from `tracker.meetings.notes.parse`, the same one the web
page renders) is walked here into Word paragraphs: bullets use Word's List Bullet styles; numbered
and lettered items carry their marker as text with a hanging indent, so each list starts at 1 or
a) without numbering definitions that Word or LibreOffice might need to repair.
"""


from docx import Document
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, RGBColor

from tracker.kit import docx as word
from tracker.kit.dates import long_date, time_of_day, weekday_date
from tracker.kit.lettering import letters
from tracker.meetings.notes import parse
from tracker.reports.minutes.data import DRAFT_NOTICE, Minutes, MinutesItem

LINK_COLOUR = RGBColor(0x1D, 0x70, 0xB8)
INDENT = Cm(0.75)
HOUSE = "West Yorkshire Combined Authority: Policing and Crime"


def _document(minutes: Minutes):
    document = Document()
    word.a4_portrait(document.sections[0])
    word.plain_font(document.styles["Normal"], 11)
    word.plain_font(document.styles["Heading 1"], 16, bold=True)
    word.plain_font(document.styles["Heading 2"], 12, bold=True)
    for name in ("List Bullet", "List Bullet 2", "List Bullet 3"):
        word.plain_font(document.styles[name], 11)
    properties = document.core_properties
    draft = "DRAFT " if minutes.is_draft else ""
    properties.title = f"{draft}Minutes: {minutes.heading}, {long_date(minutes.starts_at)}"
    properties.author = "West Yorkshire Combined Authority, Policing and Crime"
    properties.language = "en-GB"
    return document


def _labelled(document, label: str, value: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{label}: ").bold = True
    paragraph.add_run(value)


def _hyperlink(paragraph, url: str):
    """A w:hyperlink in `paragraph` pointing at `url`; runs are moved into it."""
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    paragraph._p.append(link)
    return link


class _Notes:
    """Walks markdown-it tokens into Word paragraphs."""

    def __init__(self, document):
        self.document = document
        self.lists: list[dict] = []  # open lists: kind, count, lettered, start
        self.item_marker: str | None = None  # set when a list item opens, used by its first paragraph
        self.quote = 0
        self.paragraph = None
        self.bold = False

    def walk(self, tokens) -> None:
        for token in tokens:
            kind = token.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                start = int(token.attrGet("start") or 1)
                lettered = token.attrGet("type") == "a"
                self.lists.append({"ordered": kind == "ordered_list_open", "count": start - 1,
                                   "lettered": lettered, "plain": token.meta.get("plain", False)})
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind == "list_item_open":
                current = self.lists[-1]
                current["count"] += 1
                if current["plain"]:  # "1.1" entries carry their number in the text
                    self.item_marker = None
                elif current["ordered"]:
                    n = current["count"]
                    self.item_marker = f"{letters(n - 1)})" if current["lettered"] else f"{n}."
                else:
                    self.item_marker = "•"
            elif kind == "blockquote_open":
                self.quote += 1
            elif kind == "blockquote_close":
                self.quote -= 1
            elif kind in ("paragraph_open", "heading_open"):
                self.paragraph = self._new_paragraph(bold=kind == "heading_open")
            elif kind == "inline":
                if self.paragraph is None:  # an inline outside a paragraph (defensive)
                    self.paragraph = self._new_paragraph()
                self._inline(token.children or [])
            elif kind in ("paragraph_close", "heading_close"):
                self.paragraph = None
            elif kind == "hr":
                self.document.add_paragraph()

    def _new_paragraph(self, bold: bool = False):
        depth = len(self.lists)
        marker, self.item_marker = self.item_marker, None
        if depth and marker == "•":
            style = "List Bullet" if depth == 1 else f"List Bullet {min(depth, 3)}"
            paragraph = self.document.add_paragraph(style=style)
        else:
            paragraph = self.document.add_paragraph()
            indent = Emu(INDENT * (depth + self.quote))
            if indent:
                paragraph.paragraph_format.left_indent = indent
            if marker:
                paragraph.paragraph_format.first_line_indent = -INDENT
                paragraph.paragraph_format.tab_stops.add_tab_stop(indent)
                paragraph.add_run(f"{marker}\t")
        self.bold = bold
        return paragraph

    def _inline(self, children) -> None:
        bold, italic, link = self.bold, bool(self.quote), None
        for child in children:
            kind = child.type
            if kind == "strong_open":
                bold = True
            elif kind == "strong_close":
                bold = self.bold
            elif kind == "em_open":
                italic = True
            elif kind == "em_close":
                italic = bool(self.quote)
            elif kind == "link_open":
                link = _hyperlink(self.paragraph, child.attrGet("href"))
            elif kind == "link_close":
                link = None
            elif kind in ("softbreak", "hardbreak"):
                self.paragraph.add_run().add_break(WD_BREAK.LINE)
            elif child.content:
                run = self.paragraph.add_run(child.content)
                run.bold, run.italic = bold or None, italic or None
                if link is not None:
                    run.font.color.rgb = LINK_COLOUR
                    run.font.underline = True
                    link.append(run._r)


def _item(document, item: MinutesItem, show_references: bool) -> None:
    document.add_heading(f"{item.number}. {item.title}", level=2)
    if item.papers:
        paragraph = document.add_paragraph()
        paragraph.add_run("Papers: " if len(item.papers) > 1 else "Paper: ").bold = True
        for n, (title, url) in enumerate(item.papers):
            if n:
                paragraph.add_run("; ")
            run = paragraph.add_run(title)
            run.font.color.rgb = LINK_COLOUR
            run.font.underline = True
            _hyperlink(paragraph, url).append(run._r)
    for text in item.lead_paragraphs:
        document.add_paragraph(text)
    _Notes(document).walk(parse(item.notes))
    for bullet in item.bullets:
        document.add_paragraph(bullet, style="List Bullet")
    if item.actions:
        heading = document.add_paragraph()
        heading.add_run("Actions:" if len(item.actions) > 1 else "Action:").bold = True
        for action in item.actions:
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.left_indent = INDENT
            paragraph.paragraph_format.first_line_indent = -INDENT
            paragraph.paragraph_format.tab_stops.add_tab_stop(INDENT)
            paragraph.add_run(f"{action.letter})\t").bold = True
            paragraph.add_run(action.text).bold = True
            if show_references:
                extra = f" ({action.reference}{', confidential' if action.confidential else ''})"
                paragraph.add_run(extra)


def build_docx(minutes: Minutes) -> bytes:
    """The minutes as a Word document."""
    document = _document(minutes)
    document.add_heading(minutes.title, level=1)
    if minutes.is_draft:
        document.add_paragraph().add_run(f"{DRAFT_NOTICE}.").bold = True
    _labelled(document, "Date", weekday_date(minutes.starts_at))
    _labelled(document, "Time", time_of_day(minutes.starts_at))
    if minutes.place:
        _labelled(document, "Place", minutes.place)
    if minutes.theme:
        _labelled(document, "Theme", minutes.theme)
    if minutes.revision:
        number, at = minutes.revisions[-1] if minutes.revisions else (minutes.revision, None)
        corrected = f", corrected on {long_date(at)}" if at else ""
        _labelled(document, "Revision", f"{number}{corrected}")

    _attendance(document, minutes)

    for item in minutes.items:
        _item(document, item, minutes.show_references)

    if minutes.next_meeting_on:
        document.add_heading("Next meeting", level=2)
        document.add_paragraph(weekday_date(minutes.next_meeting_on))

    # Set last: the first section's header and footer then serve every section after it.
    first = document.sections[0]
    if minutes.is_draft:
        word.page_header(first, DRAFT_NOTICE, bold=True, size=12)
    else:
        word.page_header(first, HOUSE)
    word.page_footer(first, minutes.footer)
    return word.to_bytes(document)


def _attendance(document, minutes: Minutes) -> None:
    """Present, Also present and Apologies, each list in two columns as the minutes print them."""
    groups = (
        ("Present", minutes.present),
        ("Also present", minutes.also_present),
        ("Apologies", minutes.apologies),
    )
    for heading, people in groups:
        if not people and heading != "Apologies":
            continue
        title = document.add_heading(heading, level=2)
        if not people:
            document.add_paragraph("None.")
            continue
        word.end_section_in_columns(document, title, 1)
        for description in people:
            last = document.add_paragraph(description)
        word.end_section_in_columns(document, last, 2)
