"""CSV in and out: an upload no file can break, and downloads no cell of which runs as a formula."""

import csv
import io

import pytest
import sqlalchemy as sa

from tests.plans.factories import IndicatorFactory, PriorityFactory
from tracker.extensions import db
from tracker.kit.csv import csv_bytes, formula_safe
from tracker.plans.models import IndicatorValue

HEADER = "indicator,period_label,period_end,district,value,note\n"
GOOD = "Total recorded crime,12 months to Dec 2020,2020-12-31,,258882,\n"


@pytest.fixture
def plan(app):
    priority = PriorityFactory()
    IndicatorFactory(priority=priority, name="Total recorded crime")
    db.session.commit()
    return priority.plan


def upload(client, plan, data: bytes):
    return client.post(
        f"/plans/{plan.id}/values/upload",
        data={"file": (io.BytesIO(data), "values.csv")},
        content_type="multipart/form-data",
    )


def stored() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(IndicatorValue))


def refused_with(response, message: str) -> None:
    page = response.get_data(as_text=True).replace("&#39;", "'")
    assert response.status_code == 200
    assert "Nothing from the file was saved" in page
    assert message in page
    assert stored() == 0


def test_a_cell_longer_than_the_csv_reader_allows_is_a_line_error(client, login_as, plan):
    login_as("secretariat")
    row = f"Total recorded crime,12 months to Dec 2019,2019-12-31,,5,{'x' * 200_000}\n"
    refused_with(upload(client, plan, (HEADER + GOOD + row).encode()),
                 "Line 3: a cell is longer than")


def test_a_note_longer_than_the_form_allows_is_a_line_error(client, login_as, plan):
    login_as("secretariat")
    row = f"Total recorded crime,12 months to Dec 2019,2019-12-31,,5,{'x' * 2001}\n"
    refused_with(upload(client, plan, (HEADER + GOOD + row).encode()),
                 "Line 3: note is longer than 2000 characters")


@pytest.mark.parametrize("value", ["1e999999999999999999", "-1E+999999999", "9" * 30])
def test_a_number_that_overflows_decimal_is_a_line_error(client, login_as, plan, value):
    login_as("secretariat")
    row = f"Total recorded crime,12 months to Dec 2019,2019-12-31,,{value},\n"
    refused_with(upload(client, plan, (HEADER + GOOD + row).encode()),
                 f"Line 3: value '{value}' is not a number the tracker can store")


@pytest.mark.parametrize(
    "value", ["99999999999999.99999", "100000000000000", "-99999999999999.99995"]
)
def test_a_number_beyond_the_columns_precision_is_a_line_error(client, login_as, plan, value):
    login_as("secretariat")
    row = f"Total recorded crime,12 months to Dec 2019,2019-12-31,,{value},\n"
    refused_with(upload(client, plan, (HEADER + GOOD + row).encode()),
                 f"Line 3: value '{value}' is not a number the tracker can store")


def test_the_largest_number_the_column_holds_is_saved(client, login_as, plan):
    login_as("secretariat")
    row = "Total recorded crime,12 months to Dec 2019,2019-12-31,,99999999999999.9999,\n"
    assert upload(client, plan, (HEADER + GOOD + row).encode()).status_code == 302
    assert stored() == 2


def test_control_characters_in_a_cell_are_a_line_error(client, login_as, plan):
    login_as("secretariat")
    row = "Total recorded crime,12 months to Dec 2019,2019-12-31,,5,bad\x00note\n"
    refused_with(upload(client, plan, (HEADER + GOOD + row).encode()),
                 "Line 3: note contains a control character")


# --- Downloads ----------------------------------------------------------------------------------


def rows_of(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark, for Excel"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_writer_guards_every_cell_a_spreadsheet_would_run():
    data = csv_bytes(("a", "b"), [("=1+1", "+SUM(A1)"), ("-2", "@WYP"), ("\tTab", "\rCR"),
                                  ("Fine", None), (3, "-")])
    assert rows_of(data) == [["a", "b"], ["'=1+1", "'+SUM(A1)"], ["'-2", "'@WYP"],
                             ["'\tTab", "'\rCR"], ["Fine", ""], ["3", "'-"]]
    assert formula_safe("plain") == "plain" and formula_safe(None) == ""


def test_the_values_template_never_writes_a_formula(client, login_as):
    login_as("secretariat")
    priority = PriorityFactory()
    IndicatorFactory(priority=priority, name='=HYPERLINK("http://evil.example","Click")')
    IndicatorFactory(priority=priority, name="-Knife crime")
    IndicatorFactory(priority=priority, name="Total recorded crime")
    db.session.commit()
    response = client.get(f"/plans/{priority.plan.id}/values/template.csv")
    assert response.mimetype == "text/csv"
    rows = rows_of(response.get_data())
    assert rows[0] == ["indicator", "period_label", "period_end", "district", "value", "note"]
    names = sorted(row[0] for row in rows[1:])
    assert names == ["'-Knife crime", "'=HYPERLINK(\"http://evil.example\",\"Click\")",
                     "Total recorded crime"]


def test_a_filled_in_template_uploads_although_its_names_were_guarded(client, login_as):
    login_as("secretariat")
    priority = PriorityFactory()
    IndicatorFactory(priority=priority, name="-Knife crime")
    db.session.commit()
    template = client.get(f"/plans/{priority.plan.id}/values/template.csv").get_data()
    filled = template.replace(b",,\r\n", b",42,\r\n")
    assert upload(client, priority.plan, filled).status_code == 302
    assert db.session.scalar(sa.select(IndicatorValue.value)) == 42


def test_the_outstanding_actions_download_never_writes_a_formula(client, login_as):
    from tests.factories import ActionFactory, OrganisationFactory

    login_as("viewer")
    ActionFactory(reference="TST-1", text="=cmd|' /C calc'!A0",
                  owner=OrganisationFactory(name="At Owner", short_name="@OWN"))
    db.session.commit()
    response = client.get("/reports/outstanding-actions.csv?as_at=2024-02-27")
    assert response.status_code == 200
    header, row = rows_of(response.get_data())
    assert row[header.index("Action")] == "'=cmd|' /C calc'!A0"
    assert row[header.index("Owner")] == "'@OWN"
