"""The secretariat runs a meeting in the browser: create it, record attendance, add items, raise
an action, approve and publish the minutes, and download them in Word."""

import re

from docx import Document
from playwright.sync_api import expect

from tests.browser.axe import axe_violations


def no_axe_violations(page):
    assert axe_violations(page) == [], page.url


def test_secretariat_runs_a_meeting_from_creation_to_published_minutes(page, demo, sign_in):
    sign_in(page, "secretariat")
    page.get_by_role("link", name="Meetings", exact=True).first.click()
    page.get_by_role("button", name="Create a meeting").click()
    no_axe_violations(page)

    page.get_by_label("Type of meeting").select_option(label="Community Outcomes Meeting")
    page.get_by_label("Day").fill("14")
    page.get_by_label("Month").fill("5")
    page.get_by_label("Year").fill("2024")
    page.get_by_label("Time").fill("10am")
    page.get_by_label("Place").fill("Wellington House, Leeds")
    page.get_by_label("Theme").fill("Rural crime")
    page.get_by_role("button", name="Create meeting").click()
    expect(page.locator("h1")).to_contain_text("Tuesday, 14 May 2024")
    expect(page.locator("main")).to_contain_text("1. Welcome, introductions and apologies")
    # February's future item, Rural Crime, was already carried into the demo's February meeting.
    expect(page.locator("main")).to_contain_text("Community Outcomes Meeting, 27 February 2024")
    no_axe_violations(page)

    page.get_by_role("link", name="Record attendance").click()
    page.get_by_label("Attendance of Alison Lowe").select_option("present")
    page.get_by_label("Attendance of Damien Miller").select_option("present")
    page.get_by_label("Attendance of Sharon Waugh").select_option("also_present")
    no_axe_violations(page)
    # Someone not yet in the directory, added without leaving the page.
    page.get_by_label("Full name").fill("Jo Newcomer")
    page.get_by_label("Job title").fill("Rural Crime Lead")
    page.get_by_label("Organisation").select_option(label="West Yorkshire Police")
    page.get_by_role("button", name="Add this person").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Jo Newcomer has been added")
    expect(page.get_by_label("Attendance of Jo Newcomer")).to_have_value("present")
    expect(page.get_by_label("Attendance of Alison Lowe")).to_have_value("present")
    page.get_by_role("button", name="Save attendance").click()
    expect(page.locator("main")).to_contain_text("Jo Newcomer – Rural Crime Lead, WYP")
    expect(page.locator("main")).to_contain_text("Sharon Waugh – Consultation and Engagement Manager")

    for title, notes in (
        ("Rural Crime – Exception Paper", "ACC Miller introduced the paper.\n\na) **Livestock** theft\nb) Fly-tipping"),
        ("Hate Crime", "The DMPC asked about reporting."),
    ):
        page.get_by_role("link", name="Add an agenda item").click()
        page.get_by_label("Title", exact=True).fill(title)
        page.get_by_label("Presented by").select_option(label="Damien Miller – ACC, WYP")
        page.get_by_label("Notes").fill(notes)
        page.get_by_role("button", name="Add item", exact=True).click()
        expect(page.locator("main")).to_contain_text(title)
    no_axe_violations(page)
    agenda = page.locator("main section h3").all_inner_texts()
    assert agenda[3:5] == ["4. Rural Crime – Exception Paper", "5. Hate Crime"], agenda
    expect(page.locator("section ol.ca-lettered").first).to_contain_text("Livestock")

    page.get_by_role("link", name="Raise an action under item 4", exact=True).click()
    expect(page.locator("main")).to_contain_text("COM-2024-05-04a")
    no_axe_violations(page)
    page.get_by_role("button", name="Raise action").click()  # nothing filled in: errors, not saved
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose the organisation that owns the action")
    page.get_by_label("Action", exact=True).fill("WYP to provide the DMPC with rural crime figures by district.")
    page.get_by_label("Owner").select_option(label="West Yorkshire Police (WYP)")
    # The lead list now offers West Yorkshire Police's people only.
    expect(page.get_by_label("Lead").locator("option", has_text="WYCA")).to_have_count(0)
    page.get_by_label("Lead").select_option(label="Damien Miller – ACC, WYP")
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("7")
    page.get_by_label("Year").fill("2024")
    page.get_by_role("button", name="Raise action").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Action COM-2024-05-04a has been raised under item 4")
    # Back on the meeting's page at item 4, with the action under it: no link to find.
    expect(page).to_have_url(re.compile(r"/meetings/\d+#item-\d+$"))
    item_4 = page.locator(page.url[page.url.index("#"):])
    expect(item_4).to_contain_text("4. Rural Crime – Exception Paper")
    expect(item_4).to_contain_text("WYP to provide the DMPC with rural crime figures by district.")
    # Approving and publishing say first what is missing, and change nothing until confirmed.
    page.get_by_role("button", name="Approve the minutes").click()
    expect(page.locator("h1")).to_contain_text("Approve the minutes?")
    expect(page.locator("#missing")).to_contain_text("Item 1, Welcome, introductions and apologies, has no notes.")
    no_axe_violations(page)
    page.get_by_role("link", name="Cancel").click()
    expect(page.locator("main")).to_contain_text("The minutes are in draft.")
    page.get_by_role("button", name="Approve the minutes").click()
    page.get_by_role("button", name="Approve anyway").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The minutes have been approved.")
    page.get_by_role("button", name="Publish the minutes").click()
    expect(page.locator("h1")).to_contain_text("Publish the minutes?")
    page.get_by_role("button", name="Publish anyway").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The minutes have been published.")
    no_axe_violations(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the minutes (Word)").click()
    download = download_info.value
    assert download.suggested_filename == "COM-2024-05-14-minutes.docx"
    texts = [p.text for p in Document(str(download.path())).paragraphs]
    assert "Community Outcomes Meeting (COM)" in texts
    assert "Jo Newcomer – Rural Crime Lead, WYP" in texts
    assert "4. Rural Crime – Exception Paper" in texts and "5. Hate Crime" in texts
    assert "a)\tLivestock theft" in texts
    assert "a)\tWYP to provide the DMPC with rural crime figures by district. (COM-2024-05-04a)" in texts

    # The published minutes are on the public pages for anyone.
    page.get_by_role("link", name="Public minutes").click()
    expect(page.locator("h1")).to_have_text("Community Outcomes Meeting (COM)")
    expect(page.locator("main")).to_contain_text("WYP to provide the DMPC with rural crime figures")
    no_axe_violations(page)


def test_script_in_notes_is_shown_as_text_and_never_runs(page, demo, sign_in):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    sign_in(page, "secretariat")
    page.goto("/meetings?type=COM&year=2024")
    page.get_by_role("link", name=re.compile("Community Outcomes Meeting")).first.click()
    page.get_by_role("link", name=re.compile(r"^Edit\s+item 1,")).click()
    page.get_by_label("Notes").fill("<script>alert('x')</script>\n\n<img src=x onerror=\"alert('y')\">")
    page.get_by_role("button", name="Save item").click()
    expect(page.locator("main")).to_contain_text("<script>alert('x')</script>")
    expect(page.locator("main img")).to_have_count(0)
    page.get_by_role("button", name="View the minutes").click()
    expect(page.locator("main")).to_contain_text("<img src=x onerror=")
    assert dialogs == []


def test_an_action_without_an_owner_shows_the_error_and_keeps_the_text(page, demo, sign_in):
    sign_in(page, "secretariat")
    page.goto("/meetings?type=COM&year=2024")
    page.get_by_role("link", name=re.compile("Community Outcomes Meeting")).first.click()
    page.get_by_role("link", name="Raise an action under item 1", exact=True).click()
    page.get_by_label("Action", exact=True).fill("WYP to report back.")
    page.get_by_role("button", name="Raise action").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Choose the organisation that owns the action")
    expect(page.get_by_label("Action", exact=True)).to_have_value("WYP to report back.")
    no_axe_violations(page)


def test_a_second_meeting_on_a_day_the_series_already_meets_is_created_only_when_confirmed(page, demo, sign_in):
    sign_in(page, "secretariat")
    page.goto("/meetings/new")
    page.get_by_label("Type of meeting").select_option(label="Community Outcomes Meeting")
    page.get_by_label("Day").fill("10")
    page.get_by_label("Month").fill("10")
    page.get_by_label("Year").fill("2023")
    page.get_by_label("Time").fill("2pm")
    page.get_by_role("button", name="Create meeting").click()
    expect(page.locator("#same-day")).to_contain_text(
        "There is already a Community Outcomes Meeting on 10 October 2023."
    )
    expect(page.get_by_label("Time")).to_have_value("2pm")
    no_axe_violations(page)
    page.get_by_role("button", name="Create anyway").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "The Community Outcomes Meeting, 10 October 2023 has been created"
    )
