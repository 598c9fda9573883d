"""Helpers for the API's actions and outstanding-report tests: walking a list page by page."""


def next_url(response) -> str | None:
    """The address in the `Link: <...>; rel="next"` header, if there is one."""
    link = response.headers.get("Link")
    if not link:
        return None
    assert link.endswith('rel="next"'), link
    return link[link.index("<") + 1 : link.index(">")]


def walk(client, url: str, headers: dict) -> list[dict]:
    """Every item of a list, following its `Link` headers from `url` to the last page."""
    items = []
    pages = 0
    while url:
        response = client.get(url, headers=headers)
        assert response.status_code == 200, response.json
        body = response.json
        items += body["items"]
        # The body and the header agree on whether there is a next page.
        assert (body["next_cursor"] is None) == (next_url(response) is None)
        url = next_url(response)
        pages += 1
        assert pages < 1000
    return items


def etag(action) -> str:
    return f'"action-{action.id}-v{action.version}"'
