"""Agenda items: add, edit, reorder, remove, papers, and two people editing the same item."""

import lxml.html
import sqlalchemy as sa

from tests.factories import ActionFactory, PersonFactory
from tests.meetings.factories import item_as_shown, meeting_with_items
from tracker.extensions import db
from tracker.meetings.models import AgendaItem, Meeting


def titles(meeting: Meeting) -> list[str]:
    db.session.expire_all()
    return [item.title for item in db.session.get(Meeting, meeting.id).agenda_items]


def item_form(item: AgendaItem, **changes) -> dict:
    form = {
        "title": item.title,
        "presenter": str(item.presenter_id or ""),
        "notes": item.notes,
        "papers-0-title": "",
        "papers-0-url": "",
        "version": str(item.version),
        "original": item_as_shown(item),
        "save": "Save item",
    }
    form.update(changes)
    return form


def test_a_new_item_goes_before_the_closing_items_by_default(client, secretariat):
    meeting = meeting_with_items(
        titles=("Welcome", "Future agenda items", "Any other business", "Next meeting")
    )
    presenter = PersonFactory(name="Damien Miller", job_title="ACC")
    db.session.commit()
    form = client.get(f"/meetings/{meeting.id}/items/new").text
    assert '<option value="1" selected>After 1. Welcome</option>' in form
    response = client.post(
        f"/meetings/{meeting.id}/items/new",
        data={
            "title": "Use of Force",
            "presenter": str(presenter.id),
            "position": "1",
            "papers-0-title": "Full report",
            "papers-0-url": "https://example.org/use-of-force.pdf",
            "notes": "T/ACC Galvin said ...",
            "save": "Add item",
        },
    )
    assert response.status_code == 302
    assert titles(meeting) == ["Welcome", "Use of Force", "Future agenda items", "Any other business", "Next meeting"]
    item = db.session.scalar(sa.select(AgendaItem).where(AgendaItem.title == "Use of Force"))
    assert item.presenter == presenter
    assert [(p.title, p.url) for p in item.papers] == [("Full report", "https://example.org/use-of-force.pdf")]
    page = client.get(f"/meetings/{meeting.id}").text
    assert "2. Use of Force" in page and "Presented by Damien Miller – ACC" in page
    assert '<a class="govuk-link" href="https://example.org/use-of-force.pdf">Full report' in page


def test_an_empty_title_is_an_error_and_nothing_is_saved(client, secretariat):
    meeting = meeting_with_items()
    db.session.commit()
    response = client.post(
        f"/meetings/{meeting.id}/items/new",
        data={"title": "  ", "position": "3", "notes": "Some notes I typed", "save": "Add item"},
    )
    assert response.status_code == 200
    assert "Enter the item&#39;s title" in response.text and 'href="#title"' in response.text
    assert "Some notes I typed" in response.text
    assert titles(meeting) == ["One", "Two", "Three"]


def test_editing_an_item_saves_its_notes_and_papers(client, secretariat):
    meeting = meeting_with_items()
    item = meeting.agenda_items[1]
    db.session.commit()
    response = client.post(
        f"/meetings/{meeting.id}/items/{item.id}/edit",
        data=item_form(
            item,
            title="Two, renamed",
            notes="a) first\nb) **second**",
            **{"papers-0-title": "Report", "papers-0-url": "https://example.org/r.pdf"},
        ),
    )
    assert response.status_code == 302
    db.session.refresh(item)
    assert item.title == "Two, renamed" and item.notes == "a) first\nb) **second**"
    assert [p.title for p in item.papers] == ["Report"]
    page = client.get(f"/meetings/{meeting.id}").text
    assert '<ol type="a" class="govuk-list govuk-list--number ca-lettered">' in page
    # Clearing a paper's title and address removes it.
    client.post(
        f"/meetings/{meeting.id}/items/{item.id}/edit",
        data=item_form(item, **{"papers-0-title": "", "papers-0-url": "", "papers-1-title": "", "papers-1-url": ""}),
    )
    db.session.refresh(item)
    assert item.papers == []


def test_a_paper_link_must_be_a_web_address(client, secretariat):
    meeting = meeting_with_items()
    item = meeting.agenda_items[0]
    db.session.commit()
    response = client.post(
        f"/meetings/{meeting.id}/items/{item.id}/edit",
        data=item_form(item, **{"papers-0-title": "Bad", "papers-0-url": "javascript:alert(1)"}),
    )
    assert "Enter a web address starting with https:// or http://" in response.text
    assert 'href="#papers-0-url"' in response.text
    db.session.refresh(item)
    assert item.papers == []


def test_an_item_of_another_meeting_is_not_found(client, secretariat):
    mine = meeting_with_items()
    other = meeting_with_items(meeting_type=mine.meeting_type, titles=("Theirs",))
    theirs = other.agenda_items[0]
    db.session.commit()
    base = f"/meetings/{mine.id}/items/{theirs.id}"
    assert client.get(f"{base}/edit").status_code == 404
    assert client.post(f"{base}/edit", data=item_form(theirs, title="Hijacked")).status_code == 404
    assert client.post(f"{base}/move", data={"direction": "up"}).status_code == 404
    assert client.post(f"{base}/remove").status_code == 404
    assert client.post(f"{base}/actions/new", data={"text": "x"}).status_code == 404
    assert titles(other) == ["Theirs"]


def test_items_move_up_and_down(client, secretariat):
    meeting = meeting_with_items()
    one, two, three = meeting.agenda_items
    db.session.commit()
    client.post(f"/meetings/{meeting.id}/items/{three.id}/move", data={"direction": "up"})
    assert titles(meeting) == ["One", "Three", "Two"]
    client.post(f"/meetings/{meeting.id}/items/{one.id}/move", data={"direction": "down"})
    assert titles(meeting) == ["Three", "One", "Two"]
    # Moving the first item up changes nothing.
    response = client.post(f"/meetings/{meeting.id}/items/{three.id}/move", data={"direction": "up"})
    assert response.status_code == 302
    assert titles(meeting) == ["Three", "One", "Two"]


def test_removing_an_item_renumbers_the_rest(client, secretariat):
    meeting = meeting_with_items()
    two = meeting.agenda_items[1]
    db.session.commit()
    assert "Remove item 2, Two?" in client.get(f"/meetings/{meeting.id}/items/{two.id}/remove").text
    client.post(f"/meetings/{meeting.id}/items/{two.id}/remove")
    assert titles(meeting) == ["One", "Three"]
    assert [i.position for i in db.session.get(Meeting, meeting.id).agenda_items] == [0, 1]


def test_an_item_with_actions_cannot_be_removed(client, secretariat):
    meeting = meeting_with_items()
    two = meeting.agenda_items[1]
    ActionFactory(meeting=meeting, agenda_item=two, reference="COM-2023-10-02a")
    db.session.commit()
    response = client.post(f"/meetings/{meeting.id}/items/{two.id}/remove")
    assert response.status_code == 200
    assert "actions have been raised under it (COM-2023-10-02a)" in response.text
    assert titles(meeting) == ["One", "Two", "Three"]


def test_a_second_editor_does_not_silently_overwrite_the_first(client, secretariat):
    meeting = meeting_with_items()
    item = meeting.agenda_items[0]
    db.session.commit()
    opened = item_form(item)  # both people open the item at this version
    first = client.post(
        f"/meetings/{meeting.id}/items/{item.id}/edit", data={**opened, "notes": "First person's notes"}
    )
    assert first.status_code == 302
    second = client.post(
        f"/meetings/{meeting.id}/items/{item.id}/edit", data={**opened, "notes": "Second person's notes"}
    )
    assert second.status_code == 200
    assert "Someone else saved this item while you were editing it" in second.text
    assert "First person&#39;s notes" in second.text  # the newer version is shown
    assert "Second person&#39;s notes</textarea>" in second.text  # and what they typed is kept
    db.session.refresh(item)
    assert item.notes == "First person's notes"
    # Having seen the newer version, saving again goes through.
    version = item.version
    assert f'name="version" type="hidden" value="{version}"' in second.text
    again = client.post(
        f"/meetings/{meeting.id}/items/{item.id}/edit",
        data={**opened, "version": str(version), "original": item_as_shown(item), "notes": "Merged notes"},
    )
    assert again.status_code == 302
    db.session.refresh(item)
    assert item.notes == "Merged notes"


def test_moving_other_items_is_not_mistaken_for_someone_elses_edit(client, secretariat):
    meeting = meeting_with_items()
    one, two, three = meeting.agenda_items
    db.session.commit()
    opened = item_form(two)
    client.post(f"/meetings/{meeting.id}/items/{three.id}/move", data={"direction": "up"})
    db.session.refresh(two)
    assert str(two.version) != opened["version"]  # renumbering bumped its version
    response = client.post(
        f"/meetings/{meeting.id}/items/{two.id}/edit", data={**opened, "notes": "Still mine"}
    )
    assert response.status_code == 302
    db.session.refresh(two)
    assert two.notes == "Still mine"


def test_save_and_raise_an_action_goes_to_the_action_form_after_saving(client, secretariat):
    meeting = meeting_with_items()
    item = meeting.agenda_items[0]
    db.session.commit()
    response = client.post(
        f"/meetings/{meeting.id}/items/{item.id}/edit",
        data={**item_form(item, notes="Notes first", save=""), "save_and_raise": "Save and raise"},
    )
    assert response.headers["Location"].endswith(f"/meetings/{meeting.id}/items/{item.id}/actions/new")
    db.session.refresh(item)
    assert item.notes == "Notes first"


def test_a_write_that_loses_a_race_is_a_clear_conflict_not_an_error(client, secretariat, monkeypatch):
    from sqlalchemy.orm.exc import StaleDataError

    from tracker.meetings import items

    def lose_the_race(*args, **kwargs):
        raise StaleDataError("UPDATE statement on table 'agenda_item' expected to update 1 row(s)")

    meeting = meeting_with_items()
    item = meeting.agenda_items[0]
    db.session.commit()
    monkeypatch.setattr(items, "update_item", lose_the_race)
    response = client.post(f"/meetings/{meeting.id}/items/{item.id}/edit", data=item_form(item, notes="x"))
    assert response.status_code == 409
    assert "Someone else changed this meeting while you were working on it" in response.text


def test_a_papers_web_address_box_is_the_full_width_of_the_form(client, secretariat):
    meeting = meeting_with_items()
    item = meeting.agenda_items[0]
    db.session.commit()
    for url in (f"/meetings/{meeting.id}/items/new", f"/meetings/{meeting.id}/items/{item.id}/edit"):
        form = lxml.html.fromstring(client.get(url).text)
        [address] = form.xpath("//input[@name='papers-0-url']")
        assert "govuk-!-width-full" in address.get("class").split(), url
        # Not squeezed into half a column beside the title.
        assert not address.xpath("ancestor::*[contains(@class, 'govuk-grid-column-one-half')]"), url
