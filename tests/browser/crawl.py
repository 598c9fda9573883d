"""Crawling the tracker as one person would, checking every page for accessibility and valid HTML.

`Crawl(page)` follows every same-site link breadth-first from a start page, with GET only, and on
each page runs axe-core, watches the browser's console, checks the page reflows at 320 CSS px
wide (WCAG 2.2 1.4.10: no scrolling sideways) and keeps the HTML the server sent.
`nu_errors(visits, folder)` then checks all of that HTML with the Nu HTML checker in one run of
Java (each start costs a second or two). Problems are sentences naming the page's URL.

The crawl stays bounded as data grows: URLs that differ only in their numbers (or query values)
share a pattern, and at most `PER_PATTERN` URLs of each pattern are visited.

A page a crawl reaches by a link whose HTML is the same as a page already checked (in any crawl
of the test run, at the same window size), apart from what `page_key` leaves out, is not checked
again: its findings are the earlier page's, reported again under its own URL. The roles see many
of the same pages, so the accessibility crawl checks each once.
"""

import hashlib
import json
import re
import subprocess
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, Response

from tests.browser.axe import ROOT, axe_violations

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Java's quick compiler only (C1), with the simplest collector: a run of the checker is short, and
# the start-up the full compiler spends measured twice the CPU time of the whole run without it.
# C1's larger frames need a bigger stack than the default for the checker's schema.
NU_CHECKER = ["java", "-Xss2m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(VNU)]
PER_PATTERN = 3
# A safety net: if the pattern cap stops bounding the crawl, fail rather than run for ever.
MAX_PAGES = 400
# Files to download, not pages to check; sign-out is a POST and would end the crawl.
FILE_SUFFIXES = (".docx", ".csv", ".ics", ".pdf", ".xlsx", ".zip", ".json", ".txt")
NOT_PAGES = ("/logout", "/static/")
# WCAG 2.2 reflow: content readable at 320 CSS px wide (1280 px at 400% zoom) with no scrolling
# sideways, apart from parts that need two dimensions (data tables in a scrollable region).
REFLOW_WIDTH = 320
# A table heading's word drawn over two lines ("Overd" / "ue"): the table squeezed a column below
# its longest word. Each word of each heading is measured as a DOM range: one line, one rectangle.
BROKEN_HEADINGS = """() => {
  const broken = [];
  for (const heading of document.querySelectorAll("th")) {
    const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""


# What differs between two sendings of the same page and cannot change what a check finds: the
# CSP nonce (new for every response) and the signed-in person's name and role in the header.
# The header with each person's name is still checked: a crawl's first page always is, in full.
# If the header's markup changes so that this no longer matches, pages just stop being shared.
PER_RESPONSE = (
    (re.compile(r'nonce="[^"]*"'), 'nonce=""'),
    (re.compile(r'(<div class="ca-header__user">\s*<span>)[^<]*'), r"\1"),
)
# What was found on each page checked in this test run, by page_key: axe-core's violations and
# the other problems (without the URL); and the Nu checker's errors (`line N: ...`).
_CHECKED: dict[str, tuple[list[dict], list[str]]] = {}
_NU_CHECKED: dict[str, list[str]] = {}


def page_key(html: str, viewport: dict | None) -> str:
    """The same for two pages only if every check must find the same on both."""
    for pattern, replacement in PER_RESPONSE:
        html = pattern.sub(replacement, html)
    return hashlib.sha256(f"{viewport}\n{html}".encode()).hexdigest()


def url_pattern(url: str) -> str:
    """`/meetings/12/items/3?page=2` -> `/meetings/N/items/N?page`: records of one kind, one pattern."""
    parts = urlsplit(url)
    path = "/".join(
        "N" if any(c.isdigit() for c in segment) else segment for segment in parts.path.split("/")
    )
    keys = sorted({key for key, _ in parse_qsl(parts.query, keep_blank_values=True)})
    return path + ("?" + "&".join(keys) if keys else "")


def is_page_link(path: str) -> bool:
    """False for sign-out, static files and downloads: the crawl opens pages, nothing else."""
    return not path.startswith(NOT_PAGES) and not path.lower().endswith(FILE_SUFFIXES)


@dataclass
class Frontier:
    """The pages a crawl is yet to open: each URL once, breadth-first, at most PER_PATTERN of a
    pattern and MAX_PAGES in all. The browser's crawl and the test client's
    (tests/test_every_linked_page.py) follow links by these same rules."""

    seen: set[str] = field(default_factory=set)
    patterns: Counter = field(default_factory=Counter)
    queue: deque[tuple[str, str | None]] = field(default_factory=deque)
    opened: int = 0

    def starting_at(self, start: str) -> Iterator[tuple[str, str | None]]:
        """(URL, the page that linked to it) to open next, from `start` on, while any are left."""
        self.seen.add(start)
        self.queue.append((start, None))
        while self.queue:
            assert self.opened < MAX_PAGES, (
                f"the crawl passed {MAX_PAGES} pages; URL patterns so far: {dict(self.patterns)}"
            )
            self.opened += 1
            yield self.queue.popleft()

    def offer(self, target: str, linked_from: str) -> None:
        """A link to `target` (a path and query on this site), found on `linked_from`."""
        if target in self.seen or not is_page_link(urlsplit(target).path):
            return
        self.seen.add(target)
        pattern = url_pattern(target)
        if self.patterns[pattern] < PER_PATTERN:
            self.patterns[pattern] += 1
            self.queue.append((target, linked_from))


@dataclass
class Visit:
    """One page as the crawl saw it."""

    url: str
    status: int
    html: str | None = None
    violations: list[dict] = field(default_factory=list)
    linked_from: str | None = None
    key: str | None = None
    # True when its findings were an earlier page's, the same but for what page_key leaves out.
    shared: bool = False


@dataclass
class Crawl:
    """One person's crawl in one browser page: what it saw (`visits`) and found (`problems`)."""

    page: Page
    visits: list[Visit] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    frontier: Frontier = field(default_factory=Frontier)
    _console: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # The browser's console shows what axe cannot: styles or scripts the CSP blocked,
        # JavaScript errors, assets that failed to load.
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self._console.append(f"JavaScript error: {error}"))

    def _on_console(self, message) -> None:
        if message.type != "error":
            return
        source = message.location.get("url")
        if message.text.startswith("Failed to load resource"):
            # The document's own 4xx status is logged too; that is the page under test, not a fault.
            if source == self.page.url:
                return
            self._console.append(f"console: {message.text}: {source}")
        else:
            self._console.append(f"console: {message.text}")

    def site_url(self, href: str) -> str | None:
        """The path and query of a link on this site, or None for another site or a fragment."""
        base = urlsplit(self.page.url)
        link = urlsplit(href)
        if link.scheme not in ("http", "https") or link.netloc != base.netloc:
            return None
        return link.path + (f"?{link.query}" if link.query else "")

    def follow_links(self, start: str) -> None:
        """Visit `start` and every page reachable from it by links, breadth-first."""
        for url, linked_from in self.frontier.starting_at(start):
            visit = self.visit(url, linked_from=linked_from)
            if visit is None or visit.html is None:
                continue
            if 400 <= visit.status < 500 and linked_from is not None:
                self.problems.append(f"{url}: the link on {linked_from} gives HTTP {visit.status}")
            for href in self.links():
                target = self.site_url(href)
                if target is not None:
                    self.frontier.offer(target, visit.url)

    def reflow_overflow(self) -> int | None:
        """The page's width when the viewport is REFLOW_WIDTH wide, if wider; then back to its size."""
        size = self.page.viewport_size
        assert size is not None
        self.page.set_viewport_size({"width": REFLOW_WIDTH, "height": size["height"]})
        try:
            width = self.page.evaluate("document.documentElement.scrollWidth")
        finally:
            self.page.set_viewport_size(size)
        return width if width > REFLOW_WIDTH else None

    def links(self) -> list[str]:
        return self.page.eval_on_selector_all(
            "a[href]:not([download])", "links => links.map(link => link.href)"
        )

    def visit(self, url: str, *, linked_from: str | None = None, expect: int | None = None) -> Visit | None:
        """Open `url` and check it; None when it turns out to be a file download.

        Unless it is the crawl's first page, a page the same as one already checked (`page_key`)
        takes that page's findings.
        """
        try:
            response = self.page.goto(url)
        except PlaywrightError as error:
            if "Download is starting" in str(error):
                return None
            raise
        assert response is not None, f"no response for {url}"
        final = self.site_url(self.page.url) or url
        self.frontier.seen.add(final)
        if expect is not None and response.status != expect:
            self.problems.append(f"{url}: expected HTTP {expect}, got {response.status}")
        return self.check(final, response, linked_from, share=bool(self.visits))

    def check(
        self, url: str, response: Response, linked_from: str | None = None, *, share: bool = False
    ) -> Visit:
        """Run axe-core on the page now shown and keep the HTML `response` carried.

        With `share`, a page the same as one checked before (`page_key`) takes its findings.
        """
        visit = Visit(url=url, status=response.status, linked_from=linked_from)
        if response.status >= 500:
            source = f" (linked from {linked_from})" if linked_from else ""
            self.problems.append(f"{url}: HTTP {response.status}{source}")
        if "text/html" not in response.headers.get("content-type", ""):
            return visit
        visit.html = response.text()
        visit.key = page_key(visit.html, self.page.viewport_size)
        if share and visit.key in _CHECKED:
            visit.shared = True
            visit.violations, found = _CHECKED[visit.key]
        else:
            visit.violations, found = self.findings()
            _CHECKED[visit.key] = (visit.violations, found)
        # Watched on every page, shared or not: the console is not part of the page's HTML.
        self.problems.extend(f"{url}: {message}" for message in dict.fromkeys(self._console))
        self._console.clear()
        self.problems.extend(f"{url}: {problem}" for problem in found)
        for violation in visit.violations:
            self.problems.append(
                f"{url}: axe {violation['id']} ({violation['impact']}): {violation['help']}; "
                f"nodes: {', '.join(violation['nodes'])}"
            )
        self.visits.append(visit)
        return visit

    def findings(self) -> tuple[list[dict], list[str]]:
        """axe-core's violations on the page now shown, and what the layout checks find."""
        violations = axe_violations(self.page)
        found = []
        broken = self.page.evaluate(BROKEN_HEADINGS)
        if broken:
            found.append(f"table headings broken inside a word: {', '.join(broken)}")
        overflow = self.reflow_overflow()
        if overflow:
            found.append(f"scrolls sideways at {REFLOW_WIDTH} px wide: the page is {overflow} px wide")
        return violations, found


def nu_errors(visits: list[Visit], folder: Path) -> list[str]:
    """The Nu HTML checker's errors for the pages' HTML, as `URL (file) line N: message (extract)`.

    Each page's HTML is saved in `folder` under the file name given, to look at when it fails.
    A shared page (`Visit.shared`) whose twin the checker has already read takes its errors.
    """
    files: dict[str, Visit] = {}
    for number, visit in enumerate(visits):
        if visit.html is None:
            continue
        name = f"page-{number:03d}.html"
        (folder / name).write_text(visit.html, encoding="utf-8")
        files[name] = visit
    to_check = sorted(
        name for name, visit in files.items() if not (visit.shared and visit.key in _NU_CHECKED)
    )
    found: dict[str, list[str]] = {name: [] for name in to_check}
    elsewhere = []
    if to_check:
        for message in run_nu_checker(to_check, folder):
            # Each message names its file as a URL, "file:/tmp/.../page-003.html".
            source = message.get("url", "")
            name = source.rsplit("/", 1)[-1]
            where = f" line {message['lastLine']}" if "lastLine" in message else ""
            extract = f" ({' '.join(message['extract'].split())})" if message.get("extract") else ""
            error = f"{where}: {message['type']}: {message['message']}{extract}"
            if name in found:
                found[name].append(error)
            else:
                elsewhere.append(source + error)
        for name in to_check:
            if files[name].key is not None:
                _NU_CHECKED[files[name].key] = found[name]
    errors = []
    for name, visit in sorted(files.items()):
        for error in found[name] if name in found else _NU_CHECKED[visit.key]:
            errors.append(f"{visit.url} ({name}){error}")
    return errors + elsewhere


def run_nu_checker(names: list[str], folder: Path) -> list[dict]:
    """The Nu HTML checker's error messages for the files `names` in `folder`: one run of Java."""
    result = subprocess.run(
        [*NU_CHECKER, "--errors-only", "--format", "json", *names],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    # The checker writes its report to stderr and exits 1 when it finds errors.
    try:
        return json.loads(result.stderr)["messages"]
    except json.JSONDecodeError as error:
        raise AssertionError(f"the Nu HTML checker failed to run: {result.stderr[:2000]}") from error
