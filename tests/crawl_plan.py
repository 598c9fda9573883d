"""Where the crawls of the tracker start, for each demo user and for anonymous visitors.

Two crawls follow every link a role can reach from the home page, by the same rules
(`tests/browser/crawl.py`): the browser's, which checks each page's markup (axe-core, the Nu HTML
checker, reflow), and the test client's, which checks what the database decides (no server
error, no link to a page that is not there). Besides the links, both open the pages a role reaches
another way: a page it may not see (403), one that does not exist (404), search results (a form,
not a link), and for anonymous visitors an email's unsubscribe page and the sign-in page's errors.
"""

from flask import url_for

from tests.access import ANONYMOUS
from tests.access.lookup import Demo
from tests.access.matrix import all_rules

# Demo username -> the role the permission matrix knows them by.
WHO = {
    "admin": "admin",
    "secretariat": "secretariat",
    "lead": "lead",
    "dmpc": "executive",
    "viewer": "viewer",
    "anonymous": ANONYMOUS,
}

# Search pages are reached by a form, not a link: results of each kind, one kind's page, none
# found, and the errors of an empty query and one too long.
SEARCHES = [
    "?q=custody", "?q=force&kind=items", '?q="use of force" -training&type=1&since=2023-01-01',
    "?q=zzzyx", "?q=or", "?q=" + "custody+" * 40,
]

# The sign-in form sent empty and with a wrong password: (label, username, password).
SIGN_IN_ERRORS = [("form sent empty", "", ""), ("wrong password", "lead", "not-the-password")]


def forbidden_page(app, role: str) -> str | None:
    """A page the role may not see, from the permission matrix's rules; None if it sees them all."""
    routes = {rule.endpoint for rule in app.url_map.iter_rules()}
    for endpoint, rule in sorted(all_rules().items()):
        if rule.method == "GET" and role not in rule.allowed and endpoint in routes:
            with app.test_request_context():
                return url_for(endpoint, **rule.args(Demo()))
    return None


def unsubscribe_page() -> str:
    """The page an email's unsubscribe link opens, for a demo person."""
    from tracker.notifications.links import unsubscribe_token

    return f"/unsubscribe/{unsubscribe_token(Demo().person(), 'reminder')}"


def search_pages(role: str) -> list[str]:
    path = "/public/search" if role == ANONYMOUS else "/search"
    return [path, *(path + query for query in SEARCHES)]


def first_section(role: str) -> str:
    """A page every crawl of `role` must reach: it guards the crawler itself, which must get past
    the first page into the sections."""
    return "/public/meetings" if role == ANONYMOUS else "/actions"
