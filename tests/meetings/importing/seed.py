"""The seed minutes (a copy of seeds/community-outcomes-meeting-2023-10-10.txt, with the briefing
papers that follow them) and a Word document built from them as the secretariat's would be."""

import io
import re
from pathlib import Path

import docx

SEED = Path(__file__).parents[2] / "data" / "community-outcomes-meeting-2023-10-10.txt"


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def docx_from_text(text: str) -> bytes:
    """A .docx with a paragraph per block of lines (lines within a block as line breaks) and
    **bold** written as bold runs."""
    document = docx.Document()
    for block in re.split(r"\n\s*\n", text.strip()):
        paragraph = document.add_paragraph()
        for number, line in enumerate(block.splitlines()):
            if number:
                paragraph.add_run().add_break()
            for position, piece in enumerate(line.split("**")):
                if piece:
                    paragraph.add_run(piece).bold = position % 2 == 1
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
