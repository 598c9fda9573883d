"""Requests are capped in size: too large is a 413 page that echoes nothing back."""

import io
from datetime import date, timedelta

import sqlalchemy as sa

from tests.pages import assert_error_page
from tests.plans.factories import IndicatorFactory, PriorityFactory
from tracker.extensions import db
from tracker.models import IndicatorValue, Person

TOO_LARGE = "The request is too large"
MARKER = "Unmistakable-marker-"


def test_a_form_post_over_the_cap_is_refused_with_413_and_nothing_echoed(app, client, login_as):
    login_as("admin")
    people = sa.select(sa.func.count()).select_from(Person)
    before = db.session.scalar(people)
    cap = app.config["MAX_CONTENT_LENGTH"]
    name = MARKER * (cap // len(MARKER) + 1)
    response = client.post("/admin/people/new", data={"name": name})
    page = assert_error_page(response, 413, TOO_LARGE)
    assert MARKER not in page
    assert len(response.get_data()) < 50_000
    assert db.session.scalar(people) == before


def test_the_cap_holds_for_anonymous_visitors_with_csrf_checks_on(csrf_app):
    cap = csrf_app.config["MAX_CONTENT_LENGTH"]
    response = csrf_app.test_client().post("/login", data={"username": "x" * (cap + 1)})
    page = assert_error_page(response, 413, TOO_LARGE)
    assert "xxxxxxxxxx" not in page


def test_the_cap_is_a_setting_and_has_sane_defaults(app):
    assert 100_000 <= app.config["MAX_CONTENT_LENGTH"] <= 2_000_000
    assert app.config["MAX_FORM_MEMORY_SIZE"] <= app.config["MAX_CONTENT_LENGTH"]
    assert app.config["MAX_FORM_PARTS"] <= 1000
    assert app.config["MAX_UPLOAD_LENGTH"] > app.config["MAX_CONTENT_LENGTH"]


def upload(client, plan_id: int, data: bytes):
    return client.post(
        f"/plans/{plan_id}/values/upload",
        data={"file": (io.BytesIO(data), "values.csv")},
        content_type="multipart/form-data",
    )


def test_the_values_upload_takes_a_file_larger_than_a_form_may_be(app, client, login_as):
    login_as("secretariat")
    priority = PriorityFactory()
    IndicatorFactory(priority=priority, name="Total recorded crime")
    db.session.commit()
    header = "indicator,period_label,period_end,district,value,note\n"
    note = "n" * 500
    rows = "".join(
        f"Total recorded crime,Day {n},{date(2000, 1, 1) + timedelta(days=n)},,{n},{note}\n"
        for n in range(app.config["MAX_CONTENT_LENGTH"] // 500 + 10)
    )
    data = (header + rows).encode()
    assert app.config["MAX_CONTENT_LENGTH"] < len(data) < app.config["MAX_UPLOAD_LENGTH"]
    response = upload(client, priority.plan.id, data)
    assert response.status_code == 302
    assert db.session.scalar(sa.select(sa.func.count()).select_from(IndicatorValue)) > 2000


def test_a_file_over_the_upload_cap_is_refused_with_413(app, client, login_as):
    login_as("secretariat")
    priority = PriorityFactory()
    db.session.commit()
    response = upload(client, priority.plan.id, b"x" * (app.config["MAX_UPLOAD_LENGTH"] + 1))
    page = assert_error_page(response, 413, TOO_LARGE)
    assert "xxxxxxxxxx" not in page
