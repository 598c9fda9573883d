"""In two browsers at once: the second person to save is told, sees the newer version, and keeps what they typed."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.axe import AXE, axe_violations

REFERENCE = "COM-2023-10-05a"


@pytest.fixture
def second_page(browser, browser_context_args):
    """Another person's browser, with its own cookies."""
    context = browser.new_context(**browser_context_args)
    context.add_init_script(path=str(Path(AXE)))
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def open_action(page):
    page.goto("/actions")
    page.get_by_role("link", name=REFERENCE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(REFERENCE)


def test_two_people_update_the_same_action_at_once(page, second_page, demo, sign_in):
    lead, secretariat = page, second_page
    sign_in(lead, "lead")
    sign_in(secretariat, "secretariat")
    open_action(lead)
    open_action(secretariat)

    secretariat.get_by_label("Progress update").fill(
        "Update from ACC Miller's office: session booked for 19 March."
    )
    lead.get_by_label("Progress update").fill("The school has confirmed the session.")
    lead.get_by_role("button", name="Send update").click()
    expect(lead.locator(".govuk-notification-banner")).to_contain_text("Your update was saved.")

    secretariat.get_by_role("button", name="Send update").click()

    banner = secretariat.locator(".govuk-notification-banner")
    expect(banner).to_contain_text("This action changed since you opened it")
    # The newer version: the lead's update is in the history.
    expect(secretariat.locator("main")).to_contain_text("The school has confirmed the session.")
    # Nothing typed is lost.
    expect(secretariat.get_by_label("Progress update")).to_have_value(
        "Update from ACC Miller's office: session booked for 19 March."
    )
    assert axe_violations(secretariat) == []

    secretariat.get_by_role("button", name="Send update").click()
    expect(secretariat.locator(".govuk-notification-banner")).to_contain_text(
        "Your update was saved."
    )
    history = secretariat.locator("main ol li")
    expect(history.first).to_contain_text("session booked for 19 March")
    expect(history.nth(1)).to_contain_text("The school has confirmed the session.")
