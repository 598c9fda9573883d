"""Every page each role reaches by links answers without a server error on this run's database,
and no link on them leads to a page that is not there.

The browser's crawl (tests/browser/test_accessibility_crawl.py) checks the pages' markup, which
is the same whatever the database, in the SQLite run. What a page answers is the database's to
decide (a query PostgreSQL turns down and SQLite accepts fails on one of them only), so this crawl
follows the same links by the same rules (`Frontier`) with the test client, in both runs, from
the same starting points (tests/crawl_plan.py).
"""

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from tests import crawl_plan as plan
from tests.access import ANONYMOUS
from tests.access.lookup import client_for
from tests.browser.crawl import Frontier

SITE = "localhost"  # the test client's host


class LinkFinder(HTMLParser):
    """The targets of a page's links, as a browser would follow them (not downloads)."""

    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href") and "download" not in attributes:
            self.hrefs.append(attributes["href"])


def site_links(html: str, url: str) -> list[str]:
    """The path and query of each link on the page at `url` that stays on this site."""
    finder = LinkFinder()
    finder.feed(html)
    targets = []
    for href in finder.hrefs:
        link = urlsplit(urljoin(f"http://{SITE}{url}", href))
        if link.scheme in ("http", "https") and link.hostname == SITE:
            targets.append(link.path + (f"?{link.query}" if link.query else ""))
    return targets


class ClientCrawl:
    """One person's crawl with a test client: the URLs it opened and what it found."""

    def __init__(self, client):
        self.client = client
        self.frontier = Frontier()
        self.opened: list[str] = []
        self.problems: list[str] = []

    def visit(self, url: str, *, method: str = "GET", expect: int | None = None,
              linked_from: str | None = None, **options):
        response = self.client.open(url, method=method, follow_redirects=True, **options)
        final = response.request.path + (
            f"?{response.request.query_string.decode()}" if response.request.query_string else ""
        )
        self.frontier.seen.add(final)
        self.opened.append(final)
        if response.status_code >= 500:
            source = f" (linked from {linked_from})" if linked_from else ""
            self.problems.append(f"{method} {url}: HTTP {response.status_code}{source}")
        elif expect is not None and response.status_code != expect:
            self.problems.append(f"{method} {url}: expected HTTP {expect}, got {response.status_code}")
        elif linked_from is not None and 400 <= response.status_code < 500:
            self.problems.append(f"{url}: the link on {linked_from} gives HTTP {response.status_code}")
        return response, final

    def follow_links(self, start: str) -> None:
        for url, linked_from in self.frontier.starting_at(start):
            response, final = self.visit(url, linked_from=linked_from)
            if response.mimetype == "text/html":
                for target in site_links(response.get_data(as_text=True), final):
                    self.frontier.offer(target, final)


# The crawl only reads, but for the sign-in errors (which change no data): the roles share one
# load of the demo data.
@pytest.mark.read_only_demo
@pytest.mark.parametrize("username", list(plan.WHO))
def test_every_linked_page_answers_without_a_server_error(app, read_only_demo, username):
    role = plan.WHO[username]
    crawl = ClientCrawl(client_for(app, role))
    if role == ANONYMOUS:
        for _, sign_in_as, password in plan.SIGN_IN_ERRORS:
            crawl.visit("/login", method="POST", data={"username": sign_in_as, "password": password},
                        expect=200)
        crawl.visit(plan.unsubscribe_page(), expect=200)
    else:
        forbidden = plan.forbidden_page(app, role)
        if forbidden:
            crawl.visit(forbidden, expect=403)
    crawl.visit("/no-such-page", expect=404)
    for url in plan.search_pages(role):
        crawl.visit(url, expect=200)
    crawl.follow_links("/")

    assert plan.first_section(role) in {url.split("?")[0] for url in crawl.opened}, crawl.opened
    assert not crawl.problems, (
        f"{len(crawl.problems)} problems on the {len(crawl.opened)} pages opened as {username}:\n"
        + "\n".join(crawl.problems)
    )
