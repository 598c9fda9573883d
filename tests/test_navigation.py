"""The service navigation: the sections a role may see, with the page's own section marked. Its
links and HTML are kept per role and marking (tracker/templating.py), so these check that what one
role or page was shown never carries over to another."""

import re

from tests.actions.helpers import make_action
from tests.clients import sign_in


def sections(response) -> list[tuple[str, str | None]]:
    """(section, aria-current) for each link of the service navigation."""
    page = response.get_data(as_text=True)
    found = re.findall(
        r'<a class="govuk-service-navigation__link" href="[^"]+"(?: aria-current="(\w+)")?>\s*'
        r"(?:<strong[^>]*>)?([^<]+?)\s*<",
        page,
    )
    return [(text, current or None) for current, text in found]


def test_each_role_sees_only_its_own_sections_whoever_came_first(app, users):
    admin = sign_in(app.test_client(), users["admin"])
    viewer = sign_in(app.test_client(), users["viewer"])
    assert "Administration" in dict(sections(admin.get("/actions")))
    assert "Administration" not in dict(sections(viewer.get("/actions")))
    assert "Administration" in dict(sections(admin.get("/actions")))


def test_the_page_marks_its_own_section(app, users):
    action = make_action(reference="COM-2024-01-01a")
    viewer = sign_in(app.test_client(), users["viewer"])
    register = dict(sections(viewer.get("/actions")))
    assert register["Actions"] == "page" and register["Home"] is None
    review = dict(sections(viewer.get("/actions/overdue")))
    assert review["Overdue"] == "page" and review["Actions"] is None
    detail = dict(sections(viewer.get(f"/actions/{action.id}")))
    assert detail["Actions"] == "true" and detail["Overdue"] is None
    home = dict(sections(viewer.get("/")))
    assert home["Home"] == "page" and home["Actions"] is None
