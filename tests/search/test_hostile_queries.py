"""Whatever is typed into a search box gives results or a clear message, never a server error,
on both search pages and both databases."""

import pytest

from tests.factories import AgendaItemFactory
from tracker.extensions import db

PAGES = ["/search", "/public/search"]


@pytest.fixture
def browser(login_as):
    login_as("viewer")
    AgendaItemFactory(title="Custody figures", notes='Use of force in custody: "50%" up.')
    db.session.commit()


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize(
    "text",
    ['"custody', 'custody"', '"', "NEAR(custody", "custody*", "title:custody", "custody AND",
     "(custody", "custody -", "ünïcödé 警察 🚓", "'; DROP TABLE action; --", "<script>x</script>",
     "COM-2099-01-01a", "\u202ecustody"],
)
def test_odd_queries_give_a_page(client, browser, url, text):
    response = client.get(url, query_string={"q": text})
    assert response.status_code == 200
    assert "<script>x</script>" not in response.get_data(as_text=True)


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("text", ["or", "-", "- or -", "!!! ??? ...", '""', "***", "-custody"])
def test_nothing_to_look_for_says_so(client, browser, url, text):
    response = client.get(url, query_string={"q": text})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "There is a problem" in html
    assert "Enter words to search for" in html


@pytest.mark.parametrize("url", PAGES)
def test_a_query_too_long_is_refused_with_a_message(client, browser, url):
    response = client.get(url, query_string={"q": "custody " * 1250})  # 10,000 characters
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "There is a problem" in html
    assert "Search for 200 characters or fewer" in html
    assert "<title>Error:" in html


@pytest.mark.parametrize("url", PAGES)
def test_a_nul_byte_is_refused_by_the_request_guard(client, browser, url):
    assert client.get(url, query_string={"q": "cust\x00ody"}).status_code == 400


def test_a_matching_query_marks_the_words_and_escapes_the_rest(client, browser):
    html = client.get("/search", query_string={"q": "custody"}).get_data(as_text=True)
    assert "<mark>Custody</mark> figures" in html
    assert "&#34;50%&#34;" in html or "&quot;50%&quot;" in html
