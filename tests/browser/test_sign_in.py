"""Signing in and out in a real browser, as each demo user."""

import re

import pytest
from playwright.sync_api import expect

HOMES = {
    "admin": "Welcome",
    "secretariat": "Upcoming meetings",
    "lead": "Actions for West Yorkshire Police",
    "dmpc": "overdue",
    "viewer": "Welcome",
}


@pytest.mark.parametrize("username", list(HOMES))
def test_demo_user_signs_in_lands_on_their_home_and_signs_out(page, demo, sign_in, username):
    sign_in(page, username)
    expect(page.locator("main")).to_contain_text(HOMES[username])
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/login$"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text("You have signed out")
    page.goto("/actions")
    expect(page).to_have_url(re.compile(r"/login\?next="))


def test_wrong_password_shows_the_error_summary(page, demo, sign_in):
    page.goto("/login")
    page.get_by_label("Username").fill("lead")
    page.get_by_label("Password", exact=True).fill("wrong")
    page.get_by_role("button", name="Sign in").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Enter a correct username and password")
    expect(summary).to_be_focused()
