"""The secretariat pastes item 3 of the seed minutes into an item: the preview and then the
meeting page show four lettered entries, each with its own paragraphs."""

import re

from playwright.sync_api import expect

from tests.browser.axe import axe_violations
from tests.pages import seed_item_3_notes


def test_pasted_lettered_minutes_preview_and_save_as_four_entries(page, demo, sign_in):
    sign_in(page, "secretariat")
    page.goto("/meetings?type=COM&year=2024")
    page.get_by_role("link", name=re.compile("Community Outcomes Meeting")).first.click()
    page.get_by_role("link", name="Add an agenda item").click()
    page.get_by_label("Title", exact=True).fill("Mayor's announcements (pasted)")
    page.get_by_label("Notes").fill(seed_item_3_notes())

    page.get_by_role("button", name="Preview notes").click()
    preview = page.locator("#notes-preview")
    expect(preview).to_contain_text("Nothing has been saved yet")
    entries = preview.locator("ol.ca-lettered > li")
    expect(entries).to_have_count(4)
    expect(entries.nth(0)).to_contain_text("The deadline for submissions was midday")
    expect(entries.nth(1)).to_contain_text("Male Behavior Change Campaign")
    expect(entries.nth(3)).to_contain_text("T/ACC Galvin was the Gold Command")
    assert axe_violations(page) == [], page.url
    expect(page.get_by_label("Notes")).to_have_value(seed_item_3_notes())

    page.get_by_role("button", name="Add item", exact=True).click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("has been added")
    item = page.locator("section", has=page.get_by_role("heading", name=re.compile("Mayor's announcements \\(pasted\\)")))
    entries = item.locator("ol.ca-lettered > li")
    expect(entries).to_have_count(4)
    expect(entries.nth(0)).to_contain_text("The deadline for submissions was midday")
    expect(entries.nth(2)).to_contain_text("Bus PCSO's - Safer Travel announcement")
