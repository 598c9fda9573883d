"""The people directory: paginated, searchable by name, filtered by organisation; add and change."""

import sqlalchemy as sa

from tests.factories import OrganisationFactory, PersonFactory
from tests.pages import error_summary, text_of
from tests.records import audit_entries, count
from tracker.directory.models import Organisation, Person
from tracker.extensions import db


def organisation(short_name: str) -> Organisation:
    return db.session.scalar(sa.select(Organisation).filter_by(short_name=short_name))


def test_admin_adds_a_person_to_the_directory(client, admin):
    wyp = organisation("WYP")
    response = client.post(
        "/admin/people/new",
        data={"name": "Oz Khan", "job_title": "Chief Superintendent", "organisation_id": wyp.id},
        follow_redirects=True,
    )
    assert "Person added: Oz Khan – Chief Superintendent, WYP" in text_of(response)
    person = db.session.scalar(sa.select(Person).filter_by(name="Oz Khan"))
    assert person.organisation == wyp
    (entry,) = audit_entries("person")
    assert entry.event == "added" and entry.detail["values"]["Organisation"] == "WYP"


def test_a_person_needs_a_name_and_an_organisation(client, admin):
    response = client.post("/admin/people/new", data={"name": "", "organisation_id": ""})
    summary = error_summary(response)
    assert "Enter the person&#39;s name" in summary
    assert "Select the organisation the person works for" in summary
    assert count(Person, Person.name == "") == 0


def test_an_organisation_that_does_not_exist_is_refused_and_nothing_saved(client, admin):
    for tampered in ("99999", "not-a-number"):
        response = client.post(
            "/admin/people/new", data={"name": "Sam Tampered", "organisation_id": tampered}
        )
        assert response.status_code == 200
        assert "Select the organisation the person works for" in error_summary(response)
    assert count(Person, Person.name == "Sam Tampered") == 0


def test_admin_moves_a_person_to_another_organisation(client, admin, users):
    person = users["lead"].person
    wyca = organisation("WYCA")
    response = client.post(
        f"/admin/people/{person.id}",
        data={"name": person.name, "job_title": "Secondee", "organisation_id": wyca.id},
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert (person.job_title, person.organisation) == ("Secondee", wyca)
    (entry,) = audit_entries("person")
    assert entry.detail["changes"] == {
        "Job title": ["Officer", "Secondee"],
        "Organisation": ["WYP", "WYCA"],
    }
    # The lead's organisation comes from their person: they now act for WYCA.
    assert users["lead"].organisation == wyca


def test_search_finds_people_by_part_of_their_name_in_any_case(client, admin):
    wyp = organisation("WYP")
    PersonFactory(name="Catherine Hankinson", organisation=wyp)
    PersonFactory(name="Damien Miller", organisation=wyp)
    db.session.commit()
    page = text_of(client.get("/admin/people?q=HANKIN"))
    assert "Catherine Hankinson" in page and "Damien Miller" not in page
    assert "1 person found" in page


def test_search_treats_wildcards_as_ordinary_characters(client, admin):
    PersonFactory(name="Alison Lowe")
    db.session.commit()
    page = text_of(client.get("/admin/people?q=%25"))
    assert "Alison Lowe" not in page
    assert "No people match your search" in page


def test_filter_by_organisation(client, admin):
    vru = OrganisationFactory(short_name="VRU")
    PersonFactory(name="Only At VRU", organisation=vru)
    PersonFactory(name="Elsewhere", organisation=organisation("WYP"))
    db.session.commit()
    page = text_of(client.get(f"/admin/people?organisation={vru.id}"))
    assert "Only At VRU" in page and "Elsewhere" not in page


def test_filtering_by_an_organisation_that_does_not_exist_is_not_found(client, admin):
    assert client.get("/admin/people?organisation=99999").status_code == 404


def test_the_list_is_paginated(client, admin, app):
    wyp = organisation("WYP")
    for number in range(app.config["PER_PAGE"] + 5):
        PersonFactory(name=f"Zed {number:02d}", organisation=wyp)
    db.session.commit()
    first = text_of(client.get("/admin/people?q=Zed"))
    second = text_of(client.get("/admin/people?q=Zed&page=2"))
    assert "Zed 00" in first and "Zed 29" not in first
    assert "Zed 29" in second and "Zed 00" not in second
    assert 'href="/admin/people?q=Zed&amp;page=2"' in first  # the search is kept
    assert client.get("/admin/people?q=Zed&page=9").status_code == 404


def test_a_person_who_does_not_exist_is_not_found(client, admin):
    assert client.get("/admin/people/99999").status_code == 404
