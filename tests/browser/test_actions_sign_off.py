"""In a browser: the lead completes an action, the Deputy Mayor signs it off, and it is no longer outstanding."""

import re

from playwright.sync_api import expect

from tests.browser.axe import axe_violations

REFERENCE = "COM-2023-10-07b"  # open, owned by WYP, long overdue


def test_lead_completes_and_dmpc_signs_off_then_it_is_no_longer_outstanding(page, demo, sign_in):
    # The lead finds the action on their home page and sends an update that it is complete.
    sign_in(page, "lead")
    page.get_by_role("link", name=REFERENCE).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(REFERENCE)
    assert axe_violations(page) == []
    page.get_by_label("Progress update").fill(
        "The framework was sent to the DMPC on 26 February 2024."
    )
    page.get_by_label("Completed – awaiting sign-off").check()
    page.get_by_role("button", name="Send update").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Your update was saved.")
    expect(page.locator("main")).to_contain_text(
        "The framework was sent to the DMPC on 26 February 2024."
    )
    expect(page.locator("main .govuk-tag").first).to_have_text("Completed – awaiting sign-off")
    page.get_by_role("button", name="Sign out").click()

    # The DMPC sees it awaiting her sign-off on her home page, and closes it.
    sign_in(page, "dmpc")
    waiting = page.locator("table", has_text="Completed, awaiting your sign-off")
    expect(waiting).to_contain_text(REFERENCE)
    assert axe_violations(page) == []
    waiting.get_by_role("link", name=REFERENCE).click()
    assert axe_violations(page) == []
    page.get_by_label("Sign off and close the action").check()
    page.get_by_role("button", name="Save decision").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        f"Action {REFERENCE} is signed off and closed."
    )
    expect(page.locator("main .govuk-tag").first).to_have_text("Closed")
    expect(page.locator("main")).to_contain_text("Signed off")

    # Neither the register's outstanding actions nor the report list it any more.
    page.goto("/actions?status=outstanding")
    expect(page.locator("main")).to_contain_text("COM-2023-10-04a")
    expect(page.get_by_role("link", name=REFERENCE)).to_have_count(0)
    assert axe_violations(page) == []
    page.goto("/reports/outstanding-actions")
    expect(page.locator("#outstanding-actions")).to_contain_text("COM-2023-10-04a")
    expect(page.get_by_role("link", name=REFERENCE)).to_have_count(0)
    assert axe_violations(page) == []
    page.goto("/actions/overdue")
    expect(page.get_by_role("link", name=REFERENCE)).to_have_count(0)
    assert axe_violations(page) == []


def test_register_filters_are_kept_in_the_url(page, demo, sign_in):
    sign_in(page, "viewer")
    page.goto("/actions")
    page.get_by_label("Status").select_option(label="Completed – awaiting sign-off")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"status=awaiting_sign_off"))
    expect(page.locator("#register-count")).to_contain_text("1 action matches your filters")
    expect(page.get_by_role("link", name="COM-2023-10-04b")).to_be_visible()
    assert axe_violations(page) == []
    page.reload()
    expect(page.get_by_label("Status")).to_have_value("awaiting_sign_off")


def test_lead_error_messages_link_to_the_fields(page, demo, sign_in):
    sign_in(page, "lead")
    page.goto("/actions")
    page.get_by_role("link", name="COM-2023-10-05a").click()
    page.get_by_role("button", name="Send update").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Enter a progress update")
    assert axe_violations(page) == []
    summary.get_by_role("link", name="Enter a progress update").click()
    expect(page.get_by_label("Progress update")).to_be_focused()
