"""Reading what a page says, as the tests check it: its text, the GOV.UK error summary, the action
references it lists and the version a form carries."""

import re
from pathlib import Path


def text_of(response) -> str:
    return response.get_data(as_text=True)


def error_summary(response) -> str:
    """The GOV.UK error summary's text, or '' when the page has none."""
    page = text_of(response)
    start = page.find('class="govuk-error-summary"')
    return "" if start == -1 else page[start : page.find("</ul>", start)]


def references_in(response) -> list[str]:
    """The action references linked from a page, in the order the page lists them."""
    return re.findall(r'href="/actions/\d+">([A-Z]+-[\w-]+)</a>', text_of(response))


def hidden_version(response, prefix: str = "update") -> str:
    """The action version a form on the page carries (what the person saw)."""
    found = re.search(rf'name="{prefix}-version" type="hidden" value="(\d+)"', text_of(response))
    assert found, f"no {prefix}-version field on the page"
    return found.group(1)


def csrf_token(page: str) -> str:
    """The CSRF token a page's form carries."""
    field = re.search(r'<input[^>]*name="csrf_token"[^>]*>', page)
    assert field, "no CSRF token field on the page"
    return re.search(r'value="([^"]+)"', field.group(0)).group(1)


def assert_error_page(response, code: int, heading: str) -> str:
    """The error page in the service's design, saying what happened; never a stack trace."""
    page = response.get_data(as_text=True)
    assert response.status_code == code
    assert response.mimetype == "text/html"
    assert f'<h1 class="govuk-heading-l">{heading}</h1>' in page
    # The service's own layout: its header, skip link and footer, not a bare error.
    assert 'class="govuk-template__header ca-header"' in page
    assert "Skip to main content" in page
    assert "Accessibility statement" in page
    assert f"Error code {code}" in page
    assert "Traceback" not in page and "Werkzeug" not in page
    return page


def seed_item_3_notes() -> str:
    """Item 3 of the seed minutes (COM, 10 October 2023) as the secretariat pastes it: lettered
    a)-d), with unindented paragraphs under a), b) and d). Copied verbatim from
    seeds/community-outcomes-meeting-2023-10-10.txt."""
    return (Path(__file__).parent / "data" / "com-2023-10-10-item-3.txt").read_text(encoding="utf-8")


def options_of(response, name: str) -> list[str]:
    """The labels a form on the page offers for the field `name`: a select's options (the empty
    "Any"/"All" one left out) or a group of checkboxes' labels, in the page's order."""
    import lxml.html

    root = lxml.html.fromstring(text_of(response))
    labels = [
        " ".join(option.text_content().split())
        for option in root.xpath(f'//select[@name="{name}"]/option[@value!=""]')
    ]
    for box in root.xpath(f'//input[@type="checkbox"][@name="{name}"]'):
        label = root.xpath(f'//label[@for="{box.get("id")}"]')
        labels.append(" ".join(label[0].text_content().split()))
    return labels
