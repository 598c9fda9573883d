"""Every page each role can reach by links passes axe-core and the Nu HTML checker.

One test per demo user, and one for anonymous visitors, on the demo data. New pages are checked as
soon as some page links to them. Each test also checks the error pages (404, and 403 for a page
the role may not see) and, for anonymous visitors, the sign-in page showing its errors. The
crawler itself is tested in test_crawler.py.
"""

import pytest
from playwright.sync_api import expect

from tests.access import ANONYMOUS
from tests.browser.crawl import Crawl, nu_errors
from tests.crawl_plan import (
    SIGN_IN_ERRORS,
    WHO,
    first_section,
    forbidden_page,
    search_pages,
    unsubscribe_page,
)

# The HTML a page is made of does not depend on the database, so `make test` checks it in the
# SQLite run only (each crawl takes minutes of a CI machine's two cores); the PostgreSQL run
# crawls the same links with the test client for what the database decides
# (tests/test_every_linked_page.py).
pytestmark = pytest.mark.same_on_every_database


def check_sign_in_errors(crawl: Crawl, label: str, username: str, password: str) -> None:
    """Send the sign-in form and check the page that shows its errors."""
    page = crawl.page
    page.goto("/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    page.wait_for_load_state()
    crawl.check(f"/login ({label})", posted.value)


# The crawl only reads (GET), so the roles share one load of the demo data.
@pytest.mark.read_only_demo
@pytest.mark.parametrize("username", list(WHO))
def test_every_page_passes_axe_and_the_nu_html_checker(
    app, page, read_only_demo, sign_in, tmp_path, username
):
    crawl = Crawl(page)
    if WHO[username] == ANONYMOUS:
        for label, sign_in_as, password in SIGN_IN_ERRORS:
            check_sign_in_errors(crawl, label, sign_in_as, password)
        # Reached from an email, not by a link on the site.
        crawl.visit(unsubscribe_page(), expect=200)
    else:
        sign_in(page, username)
        forbidden = forbidden_page(app, WHO[username])
        if forbidden:
            crawl.visit(forbidden, expect=403)
    crawl.visit("/no-such-page", expect=404)
    for url in search_pages(WHO[username]):
        crawl.visit(url, expect=200)
    crawl.follow_links("/")
    reached = {visit.url.split("?")[0] for visit in crawl.visits}
    assert first_section(WHO[username]) in reached, reached

    problems = crawl.problems + nu_errors(crawl.visits, tmp_path)
    if problems:
        pytest.fail(
            f"{len(problems)} problems on the {len(crawl.visits)} pages seen as {username}:\n"
            + "\n".join(problems)
            + f"\nThe HTML of each page is in {tmp_path}",
            pytrace=False,
        )


@pytest.mark.read_only_demo
def test_the_register_uses_the_full_width_of_a_desktop_and_stacks_its_rows_on_a_phone(
    page, read_only_demo, sign_in
):
    sign_in(page, "secretariat")
    page.goto("/actions")
    table = page.locator("table.govuk-table").first
    # 1280 px wide: the table takes the page's width, well past GOV.UK's usual 960 px column.
    box = table.bounding_box()
    assert box is not None and box["width"] >= 1100, box
    assert page.evaluate("document.documentElement.scrollWidth") == 1280
    # 320 px wide: each action a card, its cells labelled; nothing scrolls sideways.
    page.set_viewport_size({"width": 320, "height": 900})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    reference = table.locator("tbody td").first
    label = reference.evaluate("cell => getComputedStyle(cell, '::before').content")
    assert label == '"Reference"'
    assert reference.evaluate("cell => getComputedStyle(cell).display") == "block"
