"""The secretariat imports the seed minutes as a Word file in a browser: checks the review page,
gives one action to another organisation, creates the draft meeting and finds its actions. The
review page and its error pages pass axe-core and the Nu HTML checker."""

import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from tests.browser.crawl import Crawl, nu_errors
from tests.meetings.importing.seed import docx_from_text, seed_text
from tracker.actions.models import Action
from tracker.directory.models import MeetingType
from tracker.extensions import db
from tracker.meetings.models import Meeting


def _send(crawl: Crawl, label: str, button: str):
    page = crawl.page
    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        page.get_by_role("button", name=button).click()
    page.wait_for_load_state()
    crawl.check(label, posted.value)


def test_import_review_edit_owner_and_create(page, demo, sign_in, tmp_path):
    crawl = Crawl(page)
    sign_in(page, "secretariat")
    page.goto("/meetings")
    page.get_by_role("link", name="Import minutes from Word or text").click()
    meetings_before = db.session.scalar(sa.select(sa.func.count()).select_from(Meeting))

    # A file that is not Word: a clear error, and nothing saved.
    bad = tmp_path / "minutes.docx"
    bad.write_bytes(b"not a word file")
    page.get_by_label("Upload the minutes").set_input_files(str(bad))
    _send(crawl, "/meetings/import (a bad file)", "Read the minutes")
    expect(page.locator(".govuk-error-summary")).to_contain_text("not a Word document")

    seed = tmp_path / "community-outcomes-meeting-2023-10-10.docx"
    seed.write_bytes(docx_from_text(seed_text()))
    page.get_by_label("Upload the minutes").set_input_files(str(seed))
    _send(crawl, "/meetings/import (review)", "Read the minutes")
    expect(page.get_by_role("heading", name="Check the imported minutes")).to_be_visible()
    com = db.session.scalar(sa.select(MeetingType).where(MeetingType.short_name == "COM"))
    expect(page.get_by_label("Type of meeting")).to_have_value(str(com.id))  # from the title
    expect(page.locator("#items-3-title")).to_have_value("Use of Force")
    page.get_by_text("Item 4 as written").click()
    expect(page.get_by_role("group", name="Item 4").locator("pre")).to_contain_text(
        "T/ACC Galvin said in terms of recording Use of Force")

    page.locator("#time").fill("10am")
    page.locator("#actions-0-owner").select_option(label="West Yorkshire Combined Authority (WYCA)")
    page.locator("#place").fill("")
    page.locator("#items-1-title").fill("")  # a mistake, to see the page again
    _send(crawl, "/meetings/import/review (an error)", "Create draft meeting")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a title for item 2")
    expect(page.locator("#actions-0-owner option:checked")).to_have_text(re.compile(r"\(WYCA\)"))
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Meeting)) == meetings_before

    page.locator("#items-1-title").fill("Notes of the previous meeting and matters arising")
    # The demo already has this meeting: the page asks before making a second one that day.
    _send(crawl, "/meetings/import/review (the same day)", "Create draft meeting")
    expect(page.locator("#same-day")).to_contain_text("There is already a Community Outcomes Meeting")
    page.get_by_role("button", name="Create draft meeting anyway").click()

    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "has been created as a draft, with 7 actions raised")
    meeting_id = int(re.search(r"/meetings/(\d+)", page.url).group(1))
    db.session.expire_all()
    meeting = db.session.get(Meeting, meeting_id)
    assert meeting.minutes_status == "draft" and len(meeting.agenda_items) == 12
    actions = db.session.scalars(
        sa.select(Action).where(Action.meeting_id == meeting_id).order_by(Action.id)).all()
    assert [(a.agenda_item.number, a.owner.short_name) for a in actions] == [
        (4, "WYCA"), (4, "WYP"), (5, "WYP"), (7, "WYP"), (7, "WYP"), (8, "WYP"), (9, "WYP")]
    # The demo's own meeting that month has taken 04a and 04b: the next letters are given.
    assert actions[0].reference == "COM-2023-10-04c"
    expect(page.get_by_text(actions[0].reference).first).to_be_visible()

    problems = crawl.problems + nu_errors(crawl.visits, tmp_path)
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
