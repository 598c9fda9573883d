"""The crawler behind the accessibility crawl finds problems, and keeps to its bounds."""

from tests.browser.crawl import Crawl, is_page_link, nu_errors, url_pattern


def test_urls_that_differ_only_in_numbers_or_query_values_share_a_pattern():
    assert url_pattern("/meetings/12/items/3") == url_pattern("/meetings/4/items/10")
    assert url_pattern("/actions/COM-2023-10-04a") == "/actions/N"
    assert url_pattern("/actions?status=open&page=2") == url_pattern("/actions?page=1&status=closed")
    assert url_pattern("/actions?status=open") != url_pattern("/actions")
    assert url_pattern("/meetings") != url_pattern("/actions")


def test_downloads_and_sign_out_are_not_crawled():
    assert not is_page_link("/reports/outstanding.docx")
    assert not is_page_link("/reports/actions.CSV")
    assert not is_page_link("/logout")
    assert not is_page_link("/static/dist/tracker.css")
    assert is_page_link("/reports/outstanding")


BROKEN_PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Broken</title></head>
<body><main><h1>Broken</h1>
<img src="/static/images/favicon.svg">
<p style="color: red">Styled inline</p>
<a href="/crawl-test/1">1</a> <a href="/crawl-test/2">2</a> <a href="/crawl-test/3">3</a>
<a href="/crawl-test/4">4</a> <a href="/crawl-test/1#top">1 again</a>
<a href="/logout">Sign out</a> <a href="/crawl-test/report.docx">Report</a>
<a href="https://example.org/">Elsewhere</a>
</main></body></html>"""
WIDE_PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Wide</title></head><body><main><h1>Wide</h1>
<p>ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ</p>
</main></body></html>"""
SQUEEZED_PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Squeezed</title></head><body><main><h1>Squeezed</h1>
<table><tr><th style="width: 2em; overflow-wrap: anywhere">Overdue</th><th>Owner</th></tr></table>
</main></body></html>"""
GOOD_PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Good</title></head><body><main><h1>Good</h1></main></body></html>"""


def test_the_crawl_reports_each_kind_of_problem_and_keeps_to_its_bounds(page, tmp_path):
    # Pages served by the browser's router, not the app: the crawler is what is under test.
    requested = []

    def serve(route):
        requested.append(route.request.url)
        body = BROKEN_PAGE if route.request.url.endswith("/broken") else GOOD_PAGE
        body = WIDE_PAGE if route.request.url.endswith("/2") else body
        body = SQUEEZED_PAGE if route.request.url.endswith("/3") else body
        # The squeezed page's inline style is what it tests: no policy to block it.
        headers = {} if body is SQUEEZED_PAGE else {"Content-Security-Policy": "default-src 'self'"}
        route.fulfill(status=200, content_type="text/html", body=body, headers=headers)

    page.route("**/crawl-test/**", serve)
    crawl = Crawl(page)
    crawl.follow_links("/crawl-test/broken")

    assert [visit.url for visit in crawl.visits] == [
        "/crawl-test/broken", "/crawl-test/1", "/crawl-test/2", "/crawl-test/3"
    ]
    assert not any(url.endswith(("/4", ".docx")) for url in requested)
    assert any(problem.startswith("/crawl-test/broken: axe image-alt") for problem in crawl.problems)
    assert any("Content Security Policy" in problem for problem in crawl.problems)
    # A word too long for a phone's screen makes the page scroll sideways; the others reflow.
    sideways = [problem for problem in crawl.problems if "scrolls sideways" in problem]
    assert len(sideways) == 1 and sideways[0].startswith("/crawl-test/2: scrolls sideways at 320 px")
    assert page.viewport_size == {"width": 1280, "height": 900}
    # A heading squeezed narrower than its word breaks inside it, even on a wide page.
    broken = [problem for problem in crawl.problems if "broken inside a word" in problem]
    assert broken == ["/crawl-test/3: table headings broken inside a word: Overdue"]
    nu = nu_errors(crawl.visits, tmp_path)
    assert len(nu) == 1 and nu[0].startswith("/crawl-test/broken (page-000.html) line 4: error: An “img” element must have an “alt”")


SIGNED_IN_PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Signed in</title><script nonce="{nonce}"></script></head>
<body><header><div class="ca-header__user">
  <span>{name}</span></div></header>
<main><h1>Signed in</h1><img src="/static/images/favicon.svg"><p>{text}</p>
<a href="/crawl-test/same">Same</a> <a href="/crawl-test/other">Other</a></main></body></html>"""


def test_a_page_the_same_as_one_checked_before_takes_its_findings_and_others_are_checked(page, tmp_path):
    # Two people's crawls, as in the accessibility crawl: their pages differ in the CSP nonce and
    # the name in the header, and one also in its text.
    def serve(name, nonce):
        def fulfil(route):
            text = "Another page" if route.request.url.endswith("/other") else "The same page"
            body = SIGNED_IN_PAGE.format(nonce=nonce, name=name, text=text)
            route.fulfill(status=200, content_type="text/html", body=body)

        return fulfil

    page.route("**/crawl-test/**", serve("Ann (Lead)", "nonce-1"))
    first = Crawl(page)
    first.follow_links("/crawl-test/same")
    assert [(visit.url, visit.shared) for visit in first.visits] == [
        ("/crawl-test/same", False), ("/crawl-test/other", False)
    ]
    first_nu = nu_errors(first.visits, tmp_path)

    page.unroute("**/crawl-test/**")
    page.route("**/crawl-test/**", serve("Bob Jones (Viewer)", "nonce-2"))
    second = Crawl(page)
    second.visit("/crawl-test/start")  # a crawl's first page is always checked in full
    second.follow_links("/crawl-test/same")
    assert [(visit.url, visit.shared) for visit in second.visits] == [
        ("/crawl-test/start", False), ("/crawl-test/same", True), ("/crawl-test/other", True)
    ]
    # Found again under its own URL: axe's missing alt text and the Nu checker's.
    assert any(problem.startswith("/crawl-test/same: axe image-alt") for problem in second.problems)
    second_nu = nu_errors(second.visits, tmp_path)
    assert [error.split(" ", 2)[2] for error in second_nu[1:]] == [
        error.split(" ", 2)[2] for error in first_nu
    ]
    assert second_nu[1].startswith("/crawl-test/same (page-001.html) line 5: error: An “img”")

    # A page that differs in anything else is checked.
    def changed(route):
        text = "Start" if route.request.url.endswith("/start") else "Changed"
        body = SIGNED_IN_PAGE.format(nonce="n", name="Ann (Lead)", text=text)
        body = body.replace('<img src="/static/images/favicon.svg">', "")
        route.fulfill(status=200, content_type="text/html", body=body)

    page.unroute("**/crawl-test/**")
    page.route("**/crawl-test/**", changed)
    third = Crawl(page)
    third.visit("/crawl-test/start")
    third.visit("/crawl-test/same")
    assert [visit.shared for visit in third.visits] == [False, False]
    assert not any("image-alt" in problem for problem in third.problems)
    assert nu_errors(third.visits, tmp_path) == []
