"""An action linked to an earlier version of the plan: still found by its priority and indicator
(labelled with their version), named by version in the overdue review, and kept when edited."""

from datetime import date, timedelta

import pytest

from tests.actions.helpers import make_action, reload
from tests.pages import options_of, references_in, text_of
from tests.plans.factories import IndicatorFactory, PlanFactory, PriorityFactory
from tracker.extensions import db
from tracker.kit.dates import today
from tracker.plans.models import PlanStatus


@pytest.fixture
def two_versions(users):
    """A plan in force and its archived earlier version of the same title; an action linked to the
    earlier version's priority and indicator, overdue."""
    earlier = PlanFactory(
        title="Police and Crime Plan", version_label="Consultation", status=PlanStatus.ARCHIVED
    )
    current = PlanFactory(title="Police and Crime Plan", starts_on=date(2021, 6, 1))
    old_priority = PriorityFactory(plan=earlier, title="Keeping People Safe")
    PriorityFactory(plan=current, title="Keeping People Safe")
    old_indicator = IndicatorFactory(priority=old_priority, name="ASB incidents")
    IndicatorFactory(priority=current.priorities[0], name="ASB incidents")
    action = make_action(reference="COM-2021-01-01a", due_on=today() - timedelta(days=3))
    action.priorities.append(old_priority)
    action.indicators.append(old_indicator)
    db.session.commit()
    return {"action": action, "priority": old_priority, "indicator": old_indicator}


def test_an_action_of_an_earlier_version_is_still_found_by_its_priority_and_indicator(
    browser_as, two_versions
):
    viewer = browser_as("viewer")
    assert options_of(viewer.get("/actions"), "priority") == [
        "Keeping People Safe (Police and Crime Plan)"
    ]
    labelled = "Keeping People Safe (Police and Crime Plan (Consultation, archived))"
    assert labelled in options_of(viewer.get("/actions?earlier=y"), "priority")
    by_priority = viewer.get(f"/actions?priority={two_versions['priority'].id}")
    assert references_in(by_priority) == ["COM-2021-01-01a"]
    assert labelled in options_of(by_priority, "priority")
    by_indicator = viewer.get(f"/actions?indicator={two_versions['indicator'].id}")
    assert references_in(by_indicator) == ["COM-2021-01-01a"]
    assert "ASB incidents (Police and Crime Plan (Consultation, archived))" in options_of(
        by_indicator, "indicator"
    )
    # The overdue review names the priority's version too.
    assert labelled in text_of(browser_as("executive").get("/actions/overdue"))


def test_editing_an_action_keeps_its_link_to_an_earlier_version(browser_as, two_versions):
    action = two_versions["action"]
    secretariat = browser_as("secretariat")
    page = secretariat.get(f"/actions/{action.id}/edit")
    assert "Keeping People Safe (Police and Crime Plan (Consultation, archived))" in options_of(
        page, "priorities"
    )
    response = secretariat.post(
        f"/actions/{action.id}/edit",
        data={
            "version": str(action.version),
            "text": action.text + " Updated.",
            "owner": str(action.owner_id),
            "lead": str(action.lead_id),
            "due_on": [str(action.due_on.day), str(action.due_on.month), str(action.due_on.year)],
            "priorities": [str(two_versions["priority"].id)],
            "indicators": [str(two_versions["indicator"].id)],
        },
    )
    assert response.status_code == 302, text_of(response)
    assert [p.id for p in reload(action).priorities] == [two_versions["priority"].id]


def test_the_outstanding_report_limited_to_an_earlier_versions_priority_says_which_version(
    browser_as, two_versions
):
    response = browser_as("executive").get(
        f"/reports/outstanding-actions?priority={two_versions['priority'].id}"
    )
    assert references_in(response) == ["COM-2021-01-01a"]
    assert (
        "Plan priority: Keeping People Safe (Police and Crime Plan (Consultation, archived))"
        in text_of(response)
    )
