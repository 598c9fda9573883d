"""Opening the tracker's Word documents as a reader would: LibreOffice converts them to PDF and
poppler's pdftotext reads the text back.

Where text lands on the page depends on the fonts. The documents ask for Arial; the tests assume
Liberation Sans stands in for it (metric-compatible), which `make test` installs as Debian's
`fonts-liberation`. `pdf_text` refuses to run without it rather than measure another font.
"""

import subprocess
import uuid
from pathlib import Path


def arial_stand_in() -> str:
    """The font family fontconfig draws for Arial on this machine."""
    return subprocess.run(
        ["fc-match", "--format=%{family}", "Arial"], check=True, capture_output=True, text=True
    ).stdout


def pdf_text(document: bytes, folder: Path, name: str = "document", *, layout: bool = False) -> str:
    """The text of the Word document once LibreOffice has laid it out as a PDF; with `layout`,
    text side by side on the page stays side by side on one line (columns, footers)."""
    family = arial_stand_in()
    assert "Liberation Sans" in family, (
        f"Arial is drawn in {family!r} here; the layout checks assume Liberation Sans "
        "(Debian's fonts-liberation, which `make test` installs)"
    )
    source = folder / f"{name}.docx"
    source.write_bytes(document)
    # A profile of its own, so that runs in parallel do not share LibreOffice's lock.
    profile = f"file:///tmp/lo-profile-{uuid.uuid4().hex}"
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    return subprocess.run(
        ["pdftotext", *(["-layout"] if layout else []), str(folder / f"{name}.pdf"), "-"],
        check=True, capture_output=True, text=True,
    ).stdout
