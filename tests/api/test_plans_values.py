"""A batch of indicator values over the API: the CSV upload's checks, all or nothing."""

import csv
import io
import json
import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from tests.plans.factories import IndicatorFactory, IndicatorValueFactory, PriorityFactory
from tracker.audit import AuditEntry
from tracker.extensions import db
from tracker.plans import csv_upload, services
from tracker.plans.models import IndicatorValue

URL = "/api/v1/indicators/values"


@pytest.fixture
def indicators(app):
    priority = PriorityFactory()
    crime = IndicatorFactory(priority=priority, name="Total recorded crime")
    satisfaction = IndicatorFactory(priority=priority, name="Victim satisfaction", unit="percent")
    db.session.commit()
    return {"Total recorded crime": crime, "Victim satisfaction": satisfaction}


def stored() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(IndicatorValue))


def item(indicator, period_end="2020-12-31", value=258882, **fields):
    return {"indicator": indicator.id, "period_label": "12 months to Dec 2020",
            "period_end": period_end, "value": value, **fields}


def post(api_client, headers, body):
    return api_client.post(URL, headers=headers, json=body)


def test_a_good_batch_is_saved_whole(api_client, api_token, indicators):
    crime, satisfaction = indicators.values()
    response = post(api_client, api_token("secretariat", "write"), [
        item(crime, period_end="2019-12-31", value=292070),
        item(crime, value="258,882", note="Home Office rules"),
        item(crime, district="leeds", value=91044),
        item(satisfaction, district="Force", value="77.4%", comment="Steady"),
        item(satisfaction, period_end="31/12/2019", district="Bradford", value=None),
    ])
    assert response.status_code == 201
    assert response.json == {"saved": 5}
    values = db.session.scalars(sa.select(IndicatorValue).order_by(IndicatorValue.id)).all()
    assert [(v.district, v.value) for v in values] == [
        ("West Yorkshire", Decimal("292070")), ("West Yorkshire", Decimal("258882")),
        ("Leeds", Decimal("91044")), ("West Yorkshire", Decimal("77.4")), ("Bradford", None)]
    assert values[1].note == "Home Office rules" and values[3].comment == "Steady"
    assert values[4].period_end == date(2019, 12, 31)
    entry = db.session.scalar(sa.select(AuditEntry).where(
        AuditEntry.event == "indicator_values.uploaded"))
    assert entry.summary == "Uploaded 5 values from the API"


def test_one_bad_value_refuses_the_batch_and_every_bad_value_is_reported(
    api_client, api_token, indicators
):
    crime, satisfaction = indicators.values()
    response = post(api_client, api_token("admin", "write"), [
        item(crime, period_end="2019-12-31"),
        item(crime, period_end="2020-13-01", value="x"),
        item(satisfaction),
        item(satisfaction, district="Sheffield"),
        {**item(crime), "indicator": 999999},
    ])
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    assert response.json["errors"] == {
        "1": ["period_end '2020-13-01' is not a real date",
              "value 'x' is not a number (or \"not available\")"],
        "3": ["district 'Sheffield' is not one of West Yorkshire, Bradford, Calderdale, "
              "Kirklees, Leeds, Wakefield"],
        "4": ["there is no indicator with the id 999999"],
    }
    assert response.json["detail"].startswith("Nothing was saved: 3 of the 5 values have problems.")
    assert stored() == 0


def test_a_value_already_stored_or_given_twice_is_a_duplicate(api_client, api_token, indicators):
    crime = indicators["Total recorded crime"]
    IndicatorValueFactory(indicator=crime, period_end=date(2020, 12, 31), value=Decimal(258882))
    db.session.commit()
    response = post(api_client, api_token("secretariat", "write"), [
        item(crime, period_end="2019-12-31"),
        item(crime),
        item(crime, period_end="31/12/2019", district="West Yorkshire"),
    ])
    assert response.status_code == 422
    assert response.json["errors"] == {
        "1": ["duplicate row: Total recorded crime, West Yorkshire, 31 Dec 2020 is already "
              "stored (258,882); correct it on the indicator's page"],
        "2": ["duplicate row: Total recorded crime, West Yorkshire, 31 Dec 2019 is already "
              "at index 0"],
    }
    assert stored() == 1


def test_a_value_stored_meanwhile_refuses_the_batch_as_a_conflict(
    api_client, api_token, indicators, monkeypatch
):
    crime = indicators["Total recorded crime"]
    IndicatorValueFactory(indicator=crime, period_end=date(2020, 12, 31), value=Decimal(258882))
    db.session.commit()
    # As if the value were stored between the batch's check and its commit.
    monkeypatch.setattr(services, "stored_keys_of", lambda ids: {})
    response = post(api_client, api_token("secretariat", "write"), [
        item(crime, period_end="2019-12-31"), item(crime)])
    assert response.status_code == 409
    assert response.json["detail"] == (
        "A value for Total recorded crime, 12 months to Dec 2020, West Yorkshire is already "
        "stored (258,882), stored since the batch was checked. Nothing was saved.")
    assert stored() == 1


@pytest.mark.parametrize("role,scope", [
    ("lead", "write"), ("viewer", "write"), ("executive", "write"), ("secretariat", "read"),
    ("admin", "read"),
])
def test_only_the_plan_editors_write_tokens_may_store_values(
    api_client, api_token, indicators, role, scope
):
    response = post(api_client, api_token(role, scope), [item(indicators["Total recorded crime"])])
    assert response.status_code == 403
    assert response.mimetype == "application/problem+json"
    assert stored() == 0


def test_storing_values_needs_a_token(api_client, indicators):
    response = post(api_client, {}, [item(indicators["Total recorded crime"])])
    assert response.status_code == 401
    assert stored() == 0


@pytest.mark.parametrize("body,errors", [
    ([], {"_schema": ["The batch holds no values."]}),
    ({"indicator": 1}, None),
    ([{"indicator": "1", "period_label": "x", "period_end": "2020-12-31", "value": True}],
     {"0.indicator": ["Not a valid integer."], "0.value": ["Not a valid string or number."]}),
    ([{"indicator": 2**40, "period_label": "x", "period_end": "2020-12-31", "value": 1}],
     {"0.indicator": ["Must be greater than or equal to 1 and less than or equal to 2147483647."]}),
], ids=["empty", "not a list", "wrong types", "id too large"])
def test_a_batch_of_the_wrong_shape_is_refused(api_client, api_token, indicators, body, errors):
    response = post(api_client, api_token("secretariat", "write"), body)
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    if errors is not None:
        assert response.json["errors"] == errors
    assert stored() == 0


def test_a_batch_of_more_than_5000_values_is_refused_unread(api_client, api_token, indicators):
    crime = indicators["Total recorded crime"]
    response = post(api_client, api_token("secretariat", "write"),
                    [item(crime, period_end=f"{2000 + n // 365}-01-01") for n in range(5001)])
    assert response.status_code == 422
    assert response.json["errors"] == {"_schema": [csv_upload.TOO_MANY_ROWS]}
    assert stored() == 0


def test_a_batch_as_large_as_a_csv_file_may_be_is_read(api_client, api_token, indicators):
    crime = indicators["Total recorded crime"]
    values = [item(crime, period_end=str(date(2001, 1, 1) + timedelta(days=n)), note="n" * 1900)
              for n in range(900)]
    assert len(json.dumps(values)) > 1_000_000  # more than a form may send
    response = post(api_client, api_token("secretariat", "write"), values)
    assert response.status_code == 201
    assert stored() == 900


def test_a_body_larger_than_an_upload_may_be_is_refused(api_client, api_token, indicators):
    body = json.dumps([item(indicators["Total recorded crime"], note="n" * 6_000_000)])
    response = api_client.post(URL, headers=api_token("secretariat", "write"), data=body,
                               content_type="application/json")
    assert response.status_code == 413
    assert stored() == 0


def test_a_control_character_anywhere_refuses_the_batch(api_client, api_token, indicators):
    # Refused before any check, as every JSON body with one is (tracker/api/bodies.py); the CSV
    # upload refuses the row for it.
    response = post(api_client, api_token("secretariat", "write"), [
        item(indicators["Total recorded crime"], note="a\x07b")])
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    assert stored() == 0


# The same rows, refused by the CSV upload and by the API for the same reasons, in the same words.
# (name, period_label, period_end, district, value, note, comment); names become the API's ids.
BAD_ROWS = [
    ("Total recorded crime", "12 months to Dec 2020", "2020-12-31", "", "258882", "", ""),
    ("Total recorded crime", "12 months to Dec 2019", "2019-12-31", "", "lots", "", ""),
    ("Total recorded crime", "12 months to Feb 2020", "2020-02-30", "", "5", "", ""),
    ("Total recorded crime", "12 months to Feb 2020", "2020-02", "Sheffield", "5", "", ""),
    ("Total recorded crime", "12 months to Dec 2018", "2018-12-31", "", "", "", ""),
    ("Total recorded crime", "", "1899-12-31", "Leeds", "123456789012345678", "", ""),
    ("Total recorded crime", "x" * 101, "2017-12-31", "", "1", "n" * 2001, "c" * 2001),
    ("Victim satisfaction", "12 months to Dec 2020", "31/12/2020", "Force", "77.4%", "", "c" * 2001),
    ("Total recorded crime", "12 months to Dec 2020", "2020-12-31", "W Yorks", "77", "", ""),
    ("Victim satisfaction", "12 months to Dec 2016", "2016-12-31", "Leeds", "1e999999999", "", ""),
    ("Total recorded crime", "12 months to Dec 2021", "2021-12-31", "", "1", "", ""),
    ("Victim satisfaction", "12 months to Dec 2015", "2015-12-31", "Kirklees", "n/a", "", ""),
    ("Victim satisfaction", "Dec 2015", "2015-12-31", "Kirklees", "12", "", ""),
]


def test_the_api_refuses_the_same_rows_as_the_csv_upload_in_the_same_words(
    api_client, api_token, indicators
):
    crime = indicators["Total recorded crime"]
    IndicatorValueFactory(indicator=crime, period_end=date(2021, 12, 31), value=Decimal(5))
    db.session.commit()
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow([*csv_upload.HEADER, csv_upload.OPTIONAL_COLUMN])
    writer.writerows(BAD_ROWS)
    plan = crime.priority.plan
    with pytest.raises(csv_upload.UploadRefused) as refused:
        csv_upload.read(text.getvalue().encode(), services.plan_indicators(plan),
                        services.stored_keys(plan))
    by_csv: dict[str, list[str]] = {}
    for problem in refused.value.problems:
        # Line 2 is the first row; the API counts from 0. A row given twice names its first place.
        by_csv.setdefault(str(problem.line - 2), []).append(re.sub(
            r"on line (\d+)", lambda first: f"at index {int(first[1]) - 2}", problem.message))

    response = post(api_client, api_token("secretariat", "write"), [
        {"indicator": indicators[name].id, "period_label": label, "period_end": end,
         "district": district, "value": value, "note": note, "comment": comment}
        for name, label, end, district, value, note, comment in BAD_ROWS
    ])
    assert response.status_code == 422
    assert response.json["errors"] == by_csv
    assert len(by_csv) == len(BAD_ROWS) - 2  # all but the two good rows, the first and 11th
    assert stored() == 1
