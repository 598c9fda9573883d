"""Input a client can send that once caused server errors: each is now a 400, a 404 or a form error.

One test per finding of the IT health check (issue 10), on whichever database the suite runs on.
The property-based test in test_fuzz_every_route.py looks for the ones nobody has thought of.
"""

import pytest
import sqlalchemy as sa

from tests.factories import ActionFactory, MeetingFactory
from tests.pages import assert_error_page
from tracker.extensions import db
from tracker.models import Action, AuditEntry, Person

BAD_REQUEST = "There is a problem with your request"
NOT_FOUND = "Page not found"
TWENTY_DIGIT_YEAR = "12345678901234567890"


def test_a_nul_byte_in_the_sign_in_form_is_refused_before_it_reaches_the_database(client, users):
    response = client.post("/login", data={"username": "lead\x00", "password": "x\x00y"})
    page = assert_error_page(response, 400, BAD_REQUEST)
    assert "\x00" not in page and "lead" not in page


def people() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Person))


def test_control_characters_in_a_form_are_refused_and_nothing_is_saved(client, login_as, users):
    login_as("admin")
    before = people()
    organisation = str(users["admin"].person.organisation_id)
    for text in ("Ann\x00Other", "Ann\x1bOther", "Ann\x7fOther", "Ann\u0085Other"):
        response = client.post("/admin/people/new",
                               data={"name": text, "organisation_id": organisation})
        assert_error_page(response, 400, BAD_REQUEST)
    # A control character in a field's name is refused too.
    response = client.post("/admin/people/new",
                           data={"name": "Ann", "organisation_id": organisation, "x\x00": "1"})
    assert_error_page(response, 400, BAD_REQUEST)
    assert people() == before


def test_tabs_and_line_breaks_in_form_text_are_still_accepted(client, login_as, users):
    login_as("admin")
    before = people()
    response = client.post("/admin/people/new", data={
        "name": "Ann\tOther", "job_title": "Chief\r\nOfficer",
        "organisation_id": str(users["admin"].person.organisation_id),
    })
    assert response.status_code == 302
    assert people() == before + 1


def test_a_nul_byte_or_invalid_utf8_in_the_query_string_is_refused(client, login_as):
    login_as("admin")
    for query in ("q=Zed%00", "q=%FF%FE", "q=%C0%80", "q%00=Zed", "q=\x01"):
        assert_error_page(client.get(f"/admin/people?{query}"), 400, BAD_REQUEST)
    # Anonymous visitors reach the public pages and the sign-in page with the same guard.
    assert_error_page(client.get("/public/meetings?page=%00"), 400, BAD_REQUEST)
    assert_error_page(client.get("/login?next=/%00"), 400, BAD_REQUEST)


def test_invalid_utf8_in_a_form_body_is_refused(client, login_as):
    login_as("admin")
    response = client.post(
        "/admin/people/new",
        data=b"name=Ann%FFOther&job_title=Officer",
        content_type="application/x-www-form-urlencoded",
    )
    assert_error_page(response, 400, BAD_REQUEST)
    assert not db.session.scalars(sa.select(Person).where(Person.name.like("Ann%"))).all()


def test_ids_beyond_the_databases_integer_range_are_not_found(client, login_as):
    # Anonymous: the public minutes pages take a meeting id.
    for too_big in (2**31, 2**63, 2**64, 10**40):
        assert_error_page(client.get(f"/public/meetings/{too_big}"), 404, NOT_FOUND)
    login_as("admin")
    for url in ("/meetings/2147483648", "/actions/9223372036854775808/edit",
                "/meetings/1/items/99999999999999999999/edit", "/admin/users/2147483648"):
        assert_error_page(client.get(url), 404, NOT_FOUND)
    assert_error_page(client.post("/meetings/2147483648/approve"), 404, NOT_FOUND)


def test_the_largest_id_the_database_holds_is_still_looked_up(client, login_as):
    login_as("admin")
    assert_error_page(client.get(f"/meetings/{2**31 - 1}"), 404, NOT_FOUND)
    assert client.get("/meetings/0").status_code == 404


def test_an_id_in_the_query_string_beyond_the_range_is_ignored(client, login_as):
    login_as("secretariat")
    assert client.get(f"/meetings/new?after={2**63}").status_code == 200


@pytest.mark.parametrize("url", [
    "/reports/outstanding-actions?priority={id}",
    "/reports/outstanding-actions.csv?priority={id}",
    "/reports/outstanding-actions.docx?priority={id}",
    "/actions?priority={id}&indicator={id}&owner={id}&lead={id}&meeting={id}",
])
def test_a_filter_naming_an_id_beyond_the_range_is_refused_or_ignored(client, login_as, url):
    # 2**31 fits a 64-bit parameter but not PostgreSQL's INTEGER column: looked up, it was a 500.
    login_as("admin")
    response = client.get(url.format(id=2**31))
    assert response.status_code in (200, 400), response.status_code


def test_a_page_number_beyond_any_page_there_could_be_is_not_found(client, login_as):
    for page in (2**31, 2**63, 10**30):
        assert_error_page(client.get(f"/public/meetings?page={page}"), 404, NOT_FOUND)
    login_as("viewer")
    for url in ("/actions", "/meetings"):
        assert_error_page(client.get(f"{url}?page={2**63}"), 404, NOT_FOUND)
    # Ordinary nonsense is still shown as the first page, as before.
    assert client.get("/meetings?page=x").status_code == 200
    assert client.get("/actions?page=-3").status_code == 200


def test_a_date_with_a_twenty_digit_year_is_a_form_error(client, login_as):
    login_as("viewer")
    response = client.get(f"/reports/outstanding-actions?as_at={TWENTY_DIGIT_YEAR}-01-01")
    assert response.status_code == 400
    assert "must be a real date" in response.get_data(as_text=True)


def test_a_due_date_with_an_absurd_year_is_a_form_error_and_nothing_is_saved(client, login_as):
    login_as("secretariat")
    action = ActionFactory()
    db.session.commit()
    form = {"text": "Changed", "owner": str(action.owner_id), "lead": "",
            "version": str(action.version)}
    for year in (TWENTY_DIGIT_YEAR, "0001", "9999"):
        response = client.post(
            f"/actions/{action.id}/edit", data={**form, "due_on": ["1", "2", year]}
        )
        assert response.status_code == 400
        assert "Due date" in response.get_data(as_text=True)
    assert db.session.get(Action, action.id).text != "Changed"


def audit_entries() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry))


def test_meeting_and_plan_dates_outside_sane_years_are_form_errors(client, login_as):
    login_as("admin")
    meeting = MeetingFactory()
    db.session.commit()
    before = audit_entries()
    for year in ("0001", "1899", "2101", "9999"):
        response = client.post("/plans/new", data={"title": "Plan", "starts_on": ["1", "4", year]})
        assert response.status_code == 200
        assert "Enter a year between 1900 and 2100" in response.get_data(as_text=True)
        response = client.post(f"/meetings/{meeting.id}/next", data={
            "form": "date", "date-next_meeting_on": ["1", "4", year]})
        assert response.status_code in (200, 400)
        assert "Enter a year between 1900 and 2100" in response.get_data(as_text=True)
    assert audit_entries() == before


def test_a_quarter_in_year_zero_or_one_is_a_bad_request(client, login_as):
    login_as("viewer")
    for quarter in ("0000-Q1", "0001-Q1", "9999-Q4"):
        response = client.get(f"/reports/delivery-quarterly?quarter={quarter}")
        assert_error_page(response, 400, BAD_REQUEST)
        assert "Choose a quarter, written like 2020-Q4." in response.get_data(as_text=True)


def test_characters_a_word_document_cannot_hold_are_refused(client, login_as):
    # U+FFFE and U+FFFF are valid UTF-8 but not XML: stored, they broke the Word reports.
    login_as("secretariat")
    action = ActionFactory()
    db.session.commit()
    form = {"owner": str(action.owner_id), "lead": "", "version": str(action.version),
            "due_on": ["31", "1", "2024"]}
    for text in ("Do \uffff things", "Do \ufffe things"):
        response = client.post(f"/actions/{action.id}/edit", data={**form, "text": text})
        assert_error_page(response, 400, BAD_REQUEST)
    assert db.session.get(Action, action.id).text.isprintable()


def test_a_deeply_nested_hidden_field_is_a_clash_check_not_a_crash(client, login_as, users):
    login_as("admin")
    person = users["viewer"].person
    response = client.post(f"/admin/people/{person.id}", data={
        "name": "Renamed", "organisation_id": str(person.organisation_id),
        "original": "[" * 100_000,
    })
    assert response.status_code == 302
    assert db.session.get(Person, person.id).name == "Renamed"
