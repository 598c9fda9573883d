"""Uploading many indicator values at once: a good file is saved whole, a bad one not at all."""

import io
from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa

from tests.plans.factories import IndicatorFactory, IndicatorValueFactory, PriorityFactory
from tracker.extensions import db
from tracker.plans.models import IndicatorValue

HEADER = "indicator,period_label,period_end,district,value,note\n"


@pytest.fixture
def plan_with_indicators(app):
    priority = PriorityFactory()
    IndicatorFactory(priority=priority, name="Total recorded crime")
    IndicatorFactory(priority=priority, name="Victim satisfaction", unit="percent")
    db.session.commit()
    return priority.plan


def upload(client, plan, text: str, filename: str = "values.csv"):
    return client.post(
        f"/plans/{plan.id}/values/upload",
        data={"file": (io.BytesIO(text.encode("utf-8")), filename)},
        content_type="multipart/form-data",
    )


def stored():
    return db.session.scalar(sa.select(sa.func.count()).select_from(IndicatorValue))


def test_a_good_file_is_saved_whole(client, login_as, plan_with_indicators):
    login_as("secretariat")
    response = upload(client, plan_with_indicators, HEADER
                      + "Total recorded crime,12 months to Dec 2019,2019-12-31,West Yorkshire,292070,\n"
                      + 'total recorded crime,12 months to Dec 2020,31/12/2020,,"258,882",Home Office rules\n'
                      + "Total recorded crime,12 months to Dec 2020,2020-12-31,leeds,91044,\n"
                      + "Victim satisfaction,12 months to Dec 2020,2020-12-31,Force,77.4%,\n"
                      + "Victim satisfaction,12 months to Dec 2019,2019-12-31,Bradford,not available,paused\n"
                      + "\n")
    assert response.status_code == 302
    assert stored() == 5
    values = db.session.scalars(sa.select(IndicatorValue).order_by(IndicatorValue.id)).all()
    assert values[1].value == Decimal("258882") and values[1].district == "West Yorkshire"
    assert values[1].note == "Home Office rules"
    assert values[2].district == "Leeds"
    assert values[3].value == Decimal("77.4")
    assert values[4].value is None
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "5 values saved from values.csv" in page


def test_the_optional_comment_column_is_read(client, login_as, plan_with_indicators):
    login_as("secretariat")
    upload(client, plan_with_indicators, HEADER.strip() + ",comment\n"
           + "Total recorded crime,12 months to Dec 2020,2020-12-31,,258882,,Still reducing\n")
    assert db.session.scalar(sa.select(IndicatorValue.comment)) == "Still reducing"


GOOD = "Total recorded crime,12 months to Dec 2020,2020-12-31,,258882,\n"


@pytest.mark.parametrize(
    "text,line,reason",
    [
        ("indicator,period,period_end,district,value,note\n" + GOOD, 1,
         "the header row must be indicator,period_label,period_end,district,value,note"),
        (HEADER + GOOD + "Total crime,12 months to Dec 2020,2020-12-31,,1,\n", 3,
         "unknown indicator 'Total crime'"),
        (HEADER + GOOD + "Total recorded crime,12 months to Dec 2019,2019-12-31,,lots,\n", 3,
         "value 'lots' is not a number"),
        (HEADER + GOOD + "Total recorded crime,12 months to Feb 2020,2020-02-30,,5,\n", 3,
         "period_end '2020-02-30' is not a real date"),
        (HEADER + GOOD + "Total recorded crime,12 months to Dec 2020,31/12/2020,West Yorkshire,258000,\n", 3,
         "duplicate row: Total recorded crime, West Yorkshire, 31 Dec 2020 is already on line 2"),
        (HEADER + GOOD + "Total recorded crime,12 months to Dec 2020,2020-12-31,Sheffield,5,\n", 3,
         "district 'Sheffield' is not one of West Yorkshire"),
        (HEADER + GOOD + "Total recorded crime,12 months to Dec 2019,2019-12-31,,,\n", 3,
         "value is empty"),
        (HEADER + GOOD + "Total recorded crime,2019-12-31,,5\n", 3, "expected 6 columns, found 4"),
    ],
    ids=["wrong header", "unknown indicator", "not a number", "date that does not exist",
         "duplicate in the file", "unknown district", "empty value", "missing columns"],
)
def test_a_bad_file_is_refused_with_the_line_and_reason_and_nothing_saved(
    client, login_as, plan_with_indicators, text, line, reason
):
    login_as("secretariat")
    response = upload(client, plan_with_indicators, text)
    page = response.get_data(as_text=True).replace("&#39;", "'")
    assert response.status_code == 200
    assert "Nothing from the file was saved" in page
    assert f"Line {line}: {reason}" in page
    assert stored() == 0


def test_a_row_already_stored_is_a_duplicate_and_refuses_the_file(
    client, login_as, plan_with_indicators
):
    login_as("secretariat")
    crime = plan_with_indicators.priorities[0].indicators[0]
    IndicatorValueFactory(indicator=crime, period_end=date(2020, 12, 31), value=Decimal(258882))
    db.session.commit()
    response = upload(client, plan_with_indicators, HEADER
                      + "Total recorded crime,12 months to Dec 2019,2019-12-31,,292070,\n" + GOOD)
    page = response.get_data(as_text=True)
    assert ("Line 3: duplicate row: Total recorded crime, West Yorkshire, 31 Dec 2020 is already "
            "stored (258,882)") in page
    assert stored() == 1  # only the value that was there before


def test_every_problem_is_listed_not_just_the_first(client, login_as, plan_with_indicators):
    login_as("secretariat")
    page = upload(client, plan_with_indicators, HEADER
                  + "Nope,p,2020-12-31,,1,\n" + GOOD + "Total recorded crime,p,2020-13-01,,x,\n"
                  ).get_data(as_text=True).replace("&#39;", "'")
    assert "Line 2: unknown indicator 'Nope'" in page
    assert "Line 4: period_end '2020-13-01' is not a real date" in page
    assert "Line 4: value 'x' is not a number" in page


def test_a_file_that_is_not_utf8_is_refused(client, login_as, plan_with_indicators):
    login_as("secretariat")
    response = client.post(
        f"/plans/{plan_with_indicators.id}/values/upload",
        data={"file": (io.BytesIO((HEADER + "Caf\xe9,p,2020-12-31,,1,\n").encode("latin-1")), "v.csv")},
        content_type="multipart/form-data",
    )
    assert "save it from your spreadsheet as" in response.get_data(as_text=True)
    assert stored() == 0


def test_no_file_chosen_says_so(client, login_as, plan_with_indicators):
    login_as("secretariat")
    page = client.post(f"/plans/{plan_with_indicators.id}/values/upload", data={},
                       content_type="multipart/form-data").get_data(as_text=True)
    assert "Choose a CSV file to upload" in page


def test_the_upload_page_documents_the_layout_and_offers_a_template(
    client, login_as, plan_with_indicators
):
    login_as("secretariat")
    page = client.get(f"/plans/{plan_with_indicators.id}/values/upload").get_data(as_text=True)
    assert "indicator,period_label,period_end,district,value,note" in page
    template = client.get(f"/plans/{plan_with_indicators.id}/values/template.csv")
    assert template.mimetype == "text/csv"
    lines = template.get_data().decode("utf-8-sig").splitlines()
    assert lines[0] == "indicator,period_label,period_end,district,value,note"
    assert lines[1].startswith("Total recorded crime,")


def test_a_value_stored_while_the_file_was_checked_refuses_the_file(
    client, login_as, plan_with_indicators, monkeypatch
):
    from tracker.plans import services

    login_as("secretariat")
    crime = plan_with_indicators.priorities[0].indicators[0]
    IndicatorValueFactory(indicator=crime, period_end=date(2020, 12, 31), value=Decimal(258882))
    db.session.commit()
    # As if it were stored between the file's check and its commit.
    monkeypatch.setattr(services, "stored_keys", lambda plan: {})
    response = upload(client, plan_with_indicators, HEADER
                      + "Total recorded crime,12 months to Dec 2019,2019-12-31,,292070,\n" + GOOD)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert ("A value for Total recorded crime, 12 months to Dec 2020, West Yorkshire is already "
            "stored (258,882)") in page
    assert stored() == 1
