"""A search page makes the same few queries for 10 actions as for 5,000, and stays small: the
counts stop at a cap and each kind shows a page of results, however many match."""

from tests.bulk import add_actions
from tests.clients import sign_in
from tests.queries import page_queries
from tests.test_pages_at_size import remove_actions
from tracker.search.finding import MOST_COUNTED

PAGES = [
    "/search?q=thing",  # every action matches
    "/search?q=thing&kind=actions",
    "/search?q=thing&kind=actions&page=2",
    "/search?q=update&kind=updates&since=2022-01-01&until=2030-12-31",
    '/search?q="do thing" -nothing or update',
]
MOST_QUERIES = 10
LARGEST_PAGE = 150_000  # bytes


def measure(app, user) -> dict[str, tuple[int, int]]:
    browser = sign_in(app.test_client(), user)
    return {
        url: (page_queries(browser, url), len(browser.get(url).data)) for url in PAGES
    }


def test_search_makes_the_same_few_queries_at_any_size(app, users):
    # Each role at each size; the 5,000 actions are inserted once for all of them.
    roles = ["viewer", "lead", "secretariat"]
    add_actions(10)
    few = {role: measure(app, users[role]) for role in roles}
    remove_actions()
    add_actions(5_000)
    many = {role: measure(app, users[role]) for role in roles}
    queries = {role: {url: counts[0] for url, counts in many[role].items()} for role in roles}
    assert queries == {role: {url: counts[0] for url, counts in few[role].items()} for role in roles}
    assert max(max(urls.values()) for urls in queries.values()) <= MOST_QUERIES, many
    assert max(counts[1] for urls in many.values() for counts in urls.values()) <= LARGEST_PAGE, many


def test_counts_stop_at_the_cap(app, users):
    add_actions(5_000)
    browser = sign_in(app.test_client(), users["secretariat"])
    html = browser.get("/search?q=thing").get_data(as_text=True)
    assert f"Actions: more than {MOST_COUNTED}" in html


def test_the_public_search_makes_the_same_few_queries_at_any_size(app):
    add_actions(10)
    few = page_queries(app.test_client(), "/public/search?q=thing")
    remove_actions()
    add_actions(5_000)
    assert page_queries(app.test_client(), "/public/search?q=thing") == few <= MOST_QUERIES
