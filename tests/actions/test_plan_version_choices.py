"""Choices of plan priorities and indicators on the demo data: the current plan's, each once;
earlier versions of the plan (the demo's archived panel draft has the same title) only when asked
for, labelled with their version."""

from collections import Counter

import pytest
import sqlalchemy as sa

from tests.clients import sign_in
from tests.pages import options_of, text_of
from tracker.auth.models import User
from tracker.extensions import db
from tracker.models import Action
from tracker.plans.models import Indicator, Plan, PlanStatus, Priority

# The demo's panel draft is "Police and Crime Plan 2021-24", version "Panel draft", archived.
DRAFT = "Panel draft, archived"


def repeated(labels: list[str]) -> list[str]:
    return [label for label, times in Counter(labels).items() if times > 1]


@pytest.fixture
def demo_as(app, read_only_demo):
    def demo_as(username: str):
        user = db.session.scalar(sa.select(User).where(User.username == username))
        return sign_in(app.test_client(), user)

    return demo_as


@pytest.mark.read_only_demo
@pytest.mark.parametrize(
    "url, fields",
    [
        ("/actions", ("priority", "indicator")),
        ("/reports/outstanding-actions", ("priority",)),
    ],
)
def test_filters_offer_the_current_plans_choices_once_each(demo_as, url, fields):
    page = demo_as("secretariat").get(url)
    for field in fields:
        labels = options_of(page, field)
        assert labels, f"{url} offers no {field}"
        assert repeated(labels) == [], f"{url} offers {field} twice: {repeated(labels)}"
        assert not [label for label in labels if "Panel draft" in label]
        assert len(labels) == len(current_plans_records(field))


def current_plans_records(field: str) -> list:
    """The priorities or indicators of the plans in force."""
    model = Priority if field == "priority" else Indicator
    query = sa.select(model.id)
    if model is Indicator:
        query = query.join(Priority, Indicator.priority_id == Priority.id)
    return db.session.scalars(
        query.join(Plan, Priority.plan_id == Plan.id).where(Plan.status == PlanStatus.CURRENT)
    ).all()


@pytest.mark.read_only_demo
@pytest.mark.parametrize(
    "url, fields",
    [
        ("/actions?earlier=y", ("priority", "indicator")),
        ("/reports/outstanding-actions?earlier=y", ("priority",)),
    ],
)
def test_earlier_plan_versions_are_offered_when_asked_labelled_with_their_version(
    demo_as, url, fields
):
    page = demo_as("secretariat").get(url)
    assert page.status_code == 200
    assert 'name="earlier"' in text_of(page) and "checked" in text_of(page)
    for field in fields:
        labels = options_of(page, field)
        assert repeated(labels) == [], f"{url} offers {field} twice: {repeated(labels)}"
        draft = [label for label in labels if DRAFT in label]
        assert draft, f"{url} offers no {field} of the panel draft"
        # The current plan's come first, and are not labelled as a version.
        assert DRAFT not in labels[0]


@pytest.mark.read_only_demo
def test_edit_form_offers_the_current_plans_priorities_and_indicators_once_each(demo_as):
    action = db.session.scalar(sa.select(Action).order_by(Action.id).limit(1))
    page = demo_as("secretariat").get(f"/actions/{action.id}/edit")
    for field in ("priorities", "indicators"):
        labels = options_of(page, field)
        assert labels and repeated(labels) == []
        assert not [label for label in labels if "Panel draft" in label]
