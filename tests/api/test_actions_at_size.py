"""The API's lists of actions make the same few SQL queries for 10 actions as for 5,000: the
register (with its filters, on any page), one action, and the outstanding-actions report."""

import pytest

from tests.bulk import add_actions
from tests.queries import counting_queries
from tests.test_pages_at_size import remove_actions
from tracker.extensions import db

# Pages of 3, so that 10 actions have a second page too.
LISTS = [
    "/api/v1/actions?limit=3",
    "/api/v1/actions?limit=3&sort=overdue&status=outstanding",
    "/api/v1/actions?limit=3&owner={owner}&priority={priority}&sort=reference",
    "/api/v1/actions?limit=3&lead={lead}&meeting={meeting}&due=overdue",
    "/api/v1/reports/outstanding-actions?limit=3",
    "/api/v1/reports/outstanding-actions?limit=3&owner={owner}&priority={priority}",
]
MOST_QUERIES = 12


def queries_of(client, url: str, headers: dict) -> int:
    """The statements `url` runs, and those of its second page, asked for again from an empty
    identity map (as page_queries in tests/queries.py)."""
    client.get(url, headers=headers)
    db.session.remove()
    with counting_queries() as statements:
        response = client.get(url, headers=headers)
    assert response.status_code == 200, response.json
    # A token notes when it was last used at most once a minute: not a query of the list's.
    return len([s for s in statements if not s.lstrip().upper().startswith("UPDATE API_TOKEN")])


def measure(client, headers, ids) -> dict[str, int]:
    found = {}
    for page in LISTS:
        url = page.format(**ids)
        found[page] = queries_of(client, url, headers)
        # The second page costs what the first does.
        cursor = client.get(url, headers=headers).json["next_cursor"]
        if cursor:
            found[page + " (page 2)"] = queries_of(client, f"{url}&cursor={cursor}", headers)
    return found


@pytest.mark.parametrize("role", ["viewer", "lead", "executive"])
def test_the_api_lists_make_the_same_few_queries_at_any_size(app, api_token, role):
    client = app.test_client()
    headers = api_token(role, "read")
    few = measure(client, headers, add_actions(10))
    remove_actions()
    many = measure(client, headers, add_actions(5_000))

    # Ten actions may fit on one page; the second pages are compared where both have them.
    assert {page: count for page, count in many.items() if page in few} == few
    assert max(many.values()) <= MOST_QUERIES, many
