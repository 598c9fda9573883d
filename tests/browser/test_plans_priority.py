"""The DMPC reads the performance picture in a real browser: a priority, its overdue actions, an
indicator's chart, and the Delivery Quarterly pack; each page passes axe-core."""

import re

from playwright.sync_api import expect

from tests.browser.axe import axe_violations

PRIORITY = "Safer Places and Thriving Communities"


def test_dmpc_opens_a_priority_follows_an_overdue_action_and_comes_back(page, demo, sign_in):
    sign_in(page, "dmpc")
    page.get_by_role("link", name="Plans", exact=True).first.click()
    page.get_by_role("link", name=PRIORITY).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(PRIORITY)
    assert axe_violations(page) == []

    overdue = page.locator("table", has=page.locator("caption", has_text="Overdue"))
    first = overdue.locator("tbody tr").first
    expect(first).to_contain_text("days overdue")
    reference = first.get_by_role("link").inner_text()
    first.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/actions/\d+$"))
    expect(page.locator("main")).to_contain_text(reference)

    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_contain_text(PRIORITY)
    expect(overdue.locator("tbody tr").first).to_contain_text(reference)


def test_indicator_chart_and_pack_pages_pass_axe(page, demo, sign_in):
    sign_in(page, "dmpc")
    page.goto("/plans")
    page.get_by_role("link", name=PRIORITY).first.click()
    page.get_by_role("link", name="Total recorded crime").click()
    expect(page.get_by_role("img", name="Total recorded crime, West Yorkshire")).to_be_visible()
    expect(page.get_by_role("table", name=re.compile("Leeds: the chart's figures"))).to_be_visible()
    assert axe_violations(page) == []

    page.goto("/reports/delivery-quarterly?quarter=2020-Q4")
    expect(page.get_by_role("heading", level=1)).to_contain_text("October to December 2020")
    # Only quarters with figures are offered.
    page.get_by_label("Quarter").select_option("2019-Q4")
    page.get_by_role("button", name="Show quarter").click()
    expect(page).to_have_url(re.compile(r"quarter=2019-Q4"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("October to December 2019")
    page.get_by_role("textbox", name="Day").fill("15")
    page.get_by_role("textbox", name="Month").fill("1")
    page.get_by_role("textbox", name="Year").fill("2020")
    page.get_by_role("button", name="Show quarter").click()
    expect(page.locator("#as-at")).to_contain_text("as they stood on 15 January 2020")
    page.goto("/reports/delivery-quarterly?quarter=2020-Q4")
    assert axe_violations(page) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as Word (.docx)").click()
    assert download.value.suggested_filename == "delivery-quarterly-2020-Q4.docx"


def test_secretariat_enters_a_value_with_the_gov_uk_date_input(page, demo, sign_in):
    sign_in(page, "secretariat")
    page.goto("/plans")
    page.get_by_role("link", name=PRIORITY).first.click()
    page.get_by_role("link", name="Knife crime").click()
    page.get_by_role("link", name="Enter a value").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Enter a value")
    assert axe_violations(page) == []
    page.get_by_label("Period", exact=True).fill("12 months to Dec 2021")
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("12")
    page.get_by_label("Year").fill("2021")
    page.get_by_label("Area", exact=True).select_option("Leeds")
    page.get_by_label("Value (optional if not available)").fill("900")
    page.get_by_role("button", name="Save value").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Value saved for 12 months to Dec 2021, Leeds")
    expect(page.get_by_role("img", name="Knife crime, Leeds")).to_be_visible()
