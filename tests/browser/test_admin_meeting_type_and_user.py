"""The administrator adds a meeting type with its standing agenda and a user, who then signs in."""

import re

from playwright.sync_api import expect

from tests.browser.axe import axe_violations

PASSWORD = "clerk-to-the-committee"


def save(page, button: str) -> None:
    page.get_by_role("button", name=button).click()


def test_admin_adds_a_meeting_type_and_a_user_who_signs_in(page, demo, sign_in):
    sign_in(page, "admin")
    page.get_by_role("link", name="Administration").first.click()
    page.get_by_role("main").get_by_role("link", name="Meeting types").click()
    page.get_by_role("button", name="Add a meeting type").click()

    # Nothing filled in: the error summary says what to fix, and takes the focus.
    save(page, "Save meeting type")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Enter the name of the meeting type")
    expect(page).to_have_title(re.compile(r"^Error: "))
    assert axe_violations(page) == []

    page.get_by_label("Name", exact=True).fill("Audit and Ethics Committee")
    page.get_by_label("Short name").fill("AEC")
    page.get_by_label("How often it meets").fill("Quarterly")
    page.get_by_role("radio", name="Yes").check()
    page.get_by_label("Standing agenda").fill(
        "Welcome and apologies\nDeclarations of interest\n\nAny other business"
    )
    save(page, "Save meeting type")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Meeting type added: Audit and Ethics Committee"
    )
    row = page.get_by_role("row").filter(has_text="Audit and Ethics Committee")
    expect(row).to_contain_text("AEC")
    expect(row).to_contain_text("Public")
    expect(row).to_contain_text("3 items")
    assert axe_violations(page) == []

    page.get_by_role("link", name="Administration").first.click()
    page.get_by_role("main").get_by_role("link", name="Users").click()
    page.get_by_role("button", name="Add a user").click()
    page.get_by_label("Username").fill("aec.clerk")
    page.get_by_role("radio", name="Secretariat", exact=True).check()
    page.get_by_label("Person").select_option(
        label="Paige Cowling – Consultation and Engagement Officer, Policing and Crime, WYCA"
    )
    page.get_by_label("Initial password", exact=True).fill(PASSWORD)
    assert axe_violations(page) == []
    save(page, "Add user")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("User added: aec.clerk")
    expect(page.get_by_role("row").filter(has_text="aec.clerk")).to_contain_text("Paige Cowling")

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "aec.clerk", PASSWORD)
    expect(page.locator(".ca-header__user")).to_contain_text("Paige Cowling (Secretariat)")
    # The new type is there to choose when the clerk sets up a meeting.
    page.goto("/meetings/new")
    expect(page.locator("option", has_text="Audit and Ethics Committee")).to_have_count(1)
