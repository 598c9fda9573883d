"""/meetings/import through the web: read, review, create; bad files refused; nothing saved before
"Create draft meeting"; the created meeting is an ordinary draft with its actions raised."""

import io

import lxml.html
import pytest
import sqlalchemy as sa
from werkzeug.datastructures import MultiDict

from tests.meetings.importing.directory import demo_directory
from tests.meetings.importing.seed import docx_from_text, seed_text
from tests.pages import error_summary
from tracker.actions.models import Action
from tracker.demo_data import com_2023_10_10 as demo
from tracker.extensions import db
from tracker.meetings.models import AgendaItem, Meeting
from tracker.models import Person


@pytest.fixture
def directory(app):
    found = demo_directory()
    db.session.commit()
    return found


def _counts():
    return tuple(db.session.scalar(sa.select(sa.func.count()).select_from(model))
                 for model in (Meeting, AgendaItem, Action, Person))


def form_fields(page: str) -> MultiDict:
    """What the page's review form would send as it stands (selected options, checked boxes)."""
    root = lxml.html.fromstring(page)
    form = root.xpath('//form[@action="/meetings/import/review"]')[0]
    return MultiDict(form.form_values())


def _upload(client, data: bytes, name: str, **extra):
    return client.post("/meetings/import", data={"file": (io.BytesIO(data), name), **extra},
                       content_type="multipart/form-data")


def test_upload_review_edit_and_create(client, secretariat, directory):
    before = _counts()
    review = _upload(client, docx_from_text(seed_text()), "minutes.docx")
    assert review.status_code == 200, error_summary(review)
    page = review.get_data(as_text=True)
    assert "Check the imported minutes" in page
    assert _counts() == before  # nothing saved yet
    fields = form_fields(page)
    com = directory["types"]["COM"]
    assert fields["meeting_type"] == str(com.id)  # guessed from the title
    assert fields["items-3-title"] == "Use of Force"
    assert fields["actions-0-owner"] == str(directory["organisations"]["WYP"].id)
    # Edit one action's owner and drop the last action.
    fields["actions-0-owner"] = str(directory["organisations"]["WYCA"].id)
    fields["actions-6-fate"] = "drop"
    fields["time"] = "10am"
    created = client.post("/meetings/import/review", data=fields)
    assert created.status_code == 302, error_summary(created)
    meeting = db.session.scalar(sa.select(Meeting))
    assert created.headers["Location"].endswith(f"/meetings/{meeting.id}")
    assert len(meeting.agenda_items) == 12
    actions = db.session.scalars(sa.select(Action).order_by(Action.reference)).all()
    assert [(a.reference, a.owner.short_name) for a in actions] == [
        ("COM-2023-10-04a", "WYCA"), ("COM-2023-10-04b", "WYP"), ("COM-2023-10-05a", "WYP"),
        ("COM-2023-10-07a", "WYP"), ("COM-2023-10-07b", "WYP"), ("COM-2023-10-08a", "WYP")]
    assert len(meeting.attendances) == 9
    banner = client.get(created.headers["Location"]).get_data(as_text=True)
    assert "has been created as a draft, with 6 actions raised" in banner


def test_a_validation_error_keeps_the_edits_and_saves_nothing(client, secretariat, directory):
    page = _upload(client, seed_text().encode(), "minutes.txt").get_data(as_text=True)
    fields = form_fields(page)
    fields["time"] = ""
    fields["items-3-title"] = "Use of Force, edited"
    fields["actions-1-owner"] = ""
    before = _counts()
    again = client.post("/meetings/import/review", data=fields)
    assert again.status_code == 200
    summary = error_summary(again)
    assert "Enter the time the meeting started" in summary
    again_fields = form_fields(again.get_data(as_text=True))
    assert again_fields["items-3-title"] == "Use of Force, edited"
    assert _counts() == before
    again_fields["time"] = "10:00"
    missing_owner = client.post("/meetings/import/review", data=again_fields)
    assert 'href="#actions-1-owner"' in error_summary(missing_owner)
    assert "Choose the organisation that owns the action" in error_summary(missing_owner)
    assert _counts() == before


def test_merge_split_and_new_person(client, secretariat, directory):
    page = _upload(client, seed_text().encode(), "minutes.txt").get_data(as_text=True)
    fields = form_fields(page)
    fields["time"] = "10:00"
    fields["items-2-fate"] = "merge"  # item 3 into item 2
    fields["actions-1-fate"] = "merge"  # action 4b into 4a
    fields["actions-2-text"] += "\n---\nWYP to report back at the next meeting."
    fields["attendance-0-person"] = ""  # Alison Lowe, added as a new person instead
    fields["attendance-0-new_name"] = "Alison Lowe-Smith"
    fields["attendance-0-new_organisation"] = str(directory["organisations"]["WYCA"].id)
    created = client.post("/meetings/import/review", data=fields)
    assert created.status_code == 302, error_summary(created)
    meeting = db.session.scalar(sa.select(Meeting))
    assert len(meeting.agenda_items) == 11
    assert "Mayors Announcements" in meeting.agenda_items[1].notes
    actions = db.session.scalars(sa.select(Action).order_by(Action.reference)).all()
    # Item 3 merged into item 2: the items after it are numbered one less.
    assert [a.reference for a in actions][:4] == [
        "COM-2023-10-03a", "COM-2023-10-04a", "COM-2023-10-04b", "COM-2023-10-06a"]
    assert actions[2].text == "WYP to report back at the next meeting."
    assert actions[0].text == f"{demo.ACTIONS[0]['text']} {demo.ACTIONS[1]['text']}"
    assert "Alison Lowe-Smith" in {a.person.name for a in meeting.attendances}


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"PK\x03\x04 not really", "minutes.docx", "not a word document"),
    (b"", "minutes.docx", "empty"),
    (b"Just a letter with no items at all.", "minutes.txt", "item"),
    ("Minutes\n1. Welcome\n".encode("utf-16"), "minutes.txt", "not plain text"),
])
def test_bad_files_are_refused_clearly_and_nothing_saved(client, secretariat, directory, data,
                                                         name, message):
    before = _counts()
    response = _upload(client, data, name)
    assert response.status_code == 200
    summary = error_summary(response)
    assert 'href="#file"' in summary and message in summary.lower()
    assert "Check the imported minutes" not in response.get_data(as_text=True)
    assert _counts() == before


def test_a_file_over_the_limit_is_refused(client, secretariat, directory):
    before = _counts()
    response = _upload(client, b"x" * 5_000_001, "minutes.txt")
    assert response.status_code == 413
    assert "too large" in response.get_data(as_text=True).lower()
    assert _counts() == before


def test_neither_file_nor_text_is_an_error(client, secretariat, directory):
    response = client.post("/meetings/import", data={"text": ""})
    assert "Upload a Word document or paste the minutes" in error_summary(response)


def test_an_altered_source_is_refused(client, secretariat, directory):
    page = _upload(client, seed_text().encode(), "minutes.txt").get_data(as_text=True)
    fields = form_fields(page)
    fields["source"] = fields["source"][:-3] + "abc"
    assert client.post("/meetings/import/review", data=fields).status_code == 400


def test_both_steps_need_their_csrf_token(csrf_app, users, directory):
    from tests.clients import sign_in

    client = sign_in(csrf_app.test_client(), users["secretariat"])
    before = _counts()
    assert 'name="csrf_token"' in client.get("/meetings/import").get_data(as_text=True)
    assert client.post("/meetings/import", data={"text": seed_text()}).status_code == 400
    assert client.post("/meetings/import/review", data={"time": "10am"}).status_code == 400
    assert _counts() == before


def test_choices_that_are_not_on_the_page_are_errors_not_failures(client, secretariat, directory):
    page = _upload(client, seed_text().encode(), "minutes.txt").get_data(as_text=True)
    fields = form_fields(page)
    fields["time"] = "10:00"
    fields["attendance-0-person"] = "²"
    fields["actions-0-owner"] = "99999999999"
    fields["actions-1-item"] = "-1"
    before = _counts()
    response = client.post("/meetings/import/review", data=fields)
    assert response.status_code == 200
    summary = error_summary(response)
    assert "Choose a person from the list" in summary
    assert "Choose the organisation that owns the action" in summary
    assert "Choose an item that is kept for the action" in summary
    assert _counts() == before


def test_reading_runs_the_same_few_queries_however_large_the_directory(
        client, secretariat, directory, count_queries):
    from tests.factories import PersonFactory

    data = docx_from_text(seed_text())
    _upload(client, data, "minutes.docx")  # the first request after signing in does one-off work
    db.session.expire_all()
    with count_queries() as small:
        assert _upload(client, data, "minutes.docx").status_code == 200
    PersonFactory.create_batch(300, organisation=directory["organisations"]["WYP"])
    db.session.commit()
    db.session.expire_all()
    with count_queries() as large:
        assert _upload(client, data, "minutes.docx").status_code == 200
    assert len(small) == len(large) <= 10, large
