"""Signing out of every other session from the account page, in two real browsers; both pages it
leads to pass axe-core and the Nu HTML checker."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.crawl import Crawl, nu_errors


@pytest.fixture
def laptop(browser, browser_context_args):
    """The same person's other browser, with its own cookies."""
    context = browser.new_context(**browser_context_args)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_signing_out_of_all_other_sessions_from_the_account_page(page, laptop, demo, sign_in, tmp_path):
    sign_in(laptop, "lead")
    sign_in(page, "lead")
    crawl = Crawl(page)

    page.get_by_role("link", name="Your account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    expect(page.locator("main")).to_contain_text("Signed in 1 other time")
    crawl.check("/account", page.reload())

    page.get_by_role("button", name="Sign out of all other sessions").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "You have signed out of all your other sessions"
    )
    expect(page.locator("main")).to_contain_text("You are not signed in anywhere else")

    laptop_crawl = Crawl(laptop)
    response = laptop.goto("/actions")
    expect(laptop).to_have_url(re.compile(r"/login\?next=/actions$"))
    expect(laptop.locator(".govuk-notification-banner")).to_contain_text(
        "You were signed out because you chose to sign out of your other sessions"
    )
    laptop_crawl.check("/login (signed out elsewhere)", response)

    # This browser carries on.
    page.goto("/actions")
    expect(page).to_have_url(re.compile(r"/actions$"))

    problems = crawl.problems + laptop_crawl.problems
    problems += nu_errors(crawl.visits + laptop_crawl.visits, tmp_path)
    assert problems == [], "\n".join(problems)
