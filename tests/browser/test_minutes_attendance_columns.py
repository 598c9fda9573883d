"""Attendees as the printed minutes list them: two columns on a desktop, one on a phone (WCAG
reflow), in the order they were recorded either way."""

from tests.access.lookup import Demo


def columns_of_present(page) -> list[int]:
    """The distinct left edges of the Present list's names: one per column as laid out."""
    return page.evaluate(
        """() => {
            const heading = [...document.querySelectorAll("h2, h3")]
                .find((h) => h.textContent.trim() === "Present");
            const items = [...heading.nextElementSibling.querySelectorAll("li")];
            return [...new Set(items.map((li) => Math.round(li.getBoundingClientRect().left)))];
        }"""
    )


def test_attendees_in_two_columns_on_a_desktop_and_one_on_a_phone(page, demo, sign_in):
    com = Demo().com_meeting()
    sign_in(page, "secretariat")
    for url in (f"/meetings/{com}/minutes", f"/meetings/{com}", f"/public/meetings/{com}"):
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(url)
        assert len(columns_of_present(page)) == 2, url
        page.set_viewport_size({"width": 320, "height": 800})
        assert len(columns_of_present(page)) == 1, url
