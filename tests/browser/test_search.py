"""Searching from the box in the header, in a real browser: to the results and on to what was
said, on a desktop and on a phone."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.read_only_demo


def test_from_the_header_box_to_the_item_that_mentions_it(page, read_only_demo, sign_in):
    sign_in(page, "viewer")
    page.goto("/actions")
    page.get_by_label("Search meetings, minutes and actions").fill("Jossigill")
    page.get_by_role("button", name="Search", exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/search\?q=Jossigill"))
    expect(page.locator("h1")).to_have_text("Search")
    first = page.locator(".ca-search-result").first
    expect(first).to_contain_text("10 October 2023")
    expect(first.locator("mark").first).to_have_text("Jossigill")
    first.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/meetings/\d+#item-\d+$"))
    target = page.url.split("#")[1]
    expect(page.locator(f"#{target}")).to_contain_text("Jossigill")


def test_a_reference_in_the_header_box_opens_the_action(page, read_only_demo, sign_in):
    sign_in(page, "secretariat")
    page.get_by_label("Search meetings, minutes and actions").fill("COM-2023-10-04a")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/actions/\d+$"))
    expect(page.locator("main")).to_contain_text("COM-2023-10-04a")


def test_the_header_box_fits_a_phone(page, read_only_demo, sign_in):
    page.set_viewport_size({"width": 320, "height": 800})
    sign_in(page, "viewer")
    box = page.get_by_label("Search meetings, minutes and actions")
    expect(box).to_be_visible()
    button = page.locator(".ca-header__search-button")
    expect(button).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    edge = button.bounding_box()
    assert edge is not None and edge["x"] + edge["width"] <= 320
