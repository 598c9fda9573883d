"""Organisations: the administrator lists, adds and renames them; duplicates are refused."""

import re

from tests.factories import OrganisationFactory, PersonFactory
from tests.pages import error_summary, text_of
from tests.records import audit_entries, count
from tracker.admin import services
from tracker.directory.models import Organisation
from tracker.extensions import db


def original_of(response) -> str:
    """The hidden 'original' value a change page carries (what the page showed)."""
    found = re.search(r'name="original" type="hidden" value="([^"]*)"', text_of(response))
    assert found, "no original field on the page"
    return found.group(1).replace("&#34;", '"').replace("&quot;", '"')


def test_list_shows_each_organisation_with_how_many_people_work_there(client, admin):
    vru = OrganisationFactory(name="West Yorkshire Violence Reduction Unit", short_name="VRU")
    PersonFactory.create_batch(2, organisation=vru)
    db.session.commit()
    page = text_of(client.get("/admin/organisations"))
    assert "West Yorkshire Violence Reduction Unit" in page
    assert "2 people" in page
    assert f'href="/admin/people?organisation={vru.id}"' in page


def test_admin_adds_an_organisation_and_the_change_is_audited(client, admin):
    response = client.post(
        "/admin/organisations/new",
        data={"name": "Kirklees Council", "short_name": "KC"},
        follow_redirects=True,
    )
    assert "Organisation added: Kirklees Council" in text_of(response)
    added = db.session.scalar(db.select(Organisation).filter_by(short_name="KC"))
    assert added.name == "Kirklees Council"
    (entry,) = audit_entries("organisation")
    assert entry.user_id == admin.id and entry.entity_id == added.id and entry.event == "added"
    assert entry.detail["values"] == {"Name": "Kirklees Council", "Short name": "KC"}


def test_duplicate_short_name_is_refused_whatever_its_case_and_nothing_is_saved(client, admin):
    before = count(Organisation)
    response = client.post(
        "/admin/organisations/new", data={"name": "Another police", "short_name": "wyp"}
    )
    assert response.status_code == 200
    assert "There is already an organisation with the short name wyp" in error_summary(response)
    assert count(Organisation) == before
    assert audit_entries() == []


def test_renaming_to_another_organisations_name_is_refused(client, admin):
    wyca = db.session.scalar(db.select(Organisation).filter_by(short_name="WYCA"))
    response = client.post(
        f"/admin/organisations/{wyca.id}",
        data={"name": "West Yorkshire Police", "short_name": "WYCA"},
    )
    assert "There is already an organisation called West Yorkshire Police" in error_summary(
        response
    )
    db.session.expire_all()
    assert wyca.name == "West Yorkshire Combined Authority"


def test_empty_name_is_refused(client, admin):
    response = client.post("/admin/organisations/new", data={"name": "  ", "short_name": "X"})
    assert "Enter the organisation&#39;s name" in error_summary(response)
    assert count(Organisation, Organisation.short_name == "X") == 0


def test_admin_renames_an_organisation(client, admin):
    wyca = db.session.scalar(db.select(Organisation).filter_by(short_name="WYCA"))
    form = client.get(f"/admin/organisations/{wyca.id}")
    response = client.post(
        f"/admin/organisations/{wyca.id}",
        data={
            "name": "Mayor of West Yorkshire",
            "short_name": "MWY",
            "original": original_of(form),
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert (wyca.name, wyca.short_name) == ("Mayor of West Yorkshire", "MWY")
    (entry,) = audit_entries("organisation")
    assert entry.event == "changed"
    assert entry.detail["changes"]["Short name"] == ["WYCA", "MWY"]


def test_an_organisation_that_does_not_exist_is_not_found(client, admin):
    assert client.get("/admin/organisations/99999").status_code == 404
    assert (
        client.post("/admin/organisations/99999", data={"name": "X", "short_name": "X"}).status_code
        == 404
    )


def test_a_name_saved_by_someone_else_at_the_same_moment_gives_an_error_not_a_crash(
    client, admin, monkeypatch
):
    # The check beforehand misses the other administrator's row; the unique constraint catches it.
    monkeypatch.setattr(services, "_refuse_clash", lambda *args: None)
    response = client.post("/admin/organisations/new", data={"name": "Police", "short_name": "WYP"})
    assert response.status_code == 200
    assert "There is already an organisation with the short name WYP" in error_summary(response)
    assert count(Organisation, Organisation.name == "Police") == 0
    assert audit_entries() == []


def test_a_change_saved_by_someone_else_meanwhile_is_not_silently_undone(client, admin):
    wyca = db.session.scalar(db.select(Organisation).filter_by(short_name="WYCA"))
    form = client.get(f"/admin/organisations/{wyca.id}")
    # Another administrator renames it while this page is open.
    services.change_organisation(admin, wyca, "The Combined Authority", "WYCA")
    stale = {"name": "WY Combined Authority", "short_name": "WYCA", "original": original_of(form)}

    response = client.post(f"/admin/organisations/{wyca.id}", data=stale)
    assert response.status_code == 200
    assert "Someone else changed ‘Name’ to “The Combined Authority”" in error_summary(response)
    db.session.expire_all()
    assert wyca.name == "The Combined Authority"

    # Saving again, having seen the warning, replaces their change.
    again = client.post(
        f"/admin/organisations/{wyca.id}", data={**stale, "original": original_of(response)}
    )
    assert again.status_code == 302
    db.session.expire_all()
    assert wyca.name == "WY Combined Authority"


def test_someone_elses_change_to_a_field_left_alone_is_kept(client, admin):
    wyca = db.session.scalar(db.select(Organisation).filter_by(short_name="WYCA"))
    form = client.get(f"/admin/organisations/{wyca.id}")
    services.change_organisation(admin, wyca, wyca.name, "CA")
    response = client.post(
        f"/admin/organisations/{wyca.id}",
        data={
            "name": "The Combined Authority",
            "short_name": "WYCA",
            "original": original_of(form),
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert (wyca.name, wyca.short_name) == ("The Combined Authority", "CA")
