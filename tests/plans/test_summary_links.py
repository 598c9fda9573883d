"""Links inside a page's summary list are links, and the titles in them are text (issue 12, 5):
"Copied from" on a plan copy and "Priority" on an indicator once showed a literal `<a …>` tag."""

from tests.pages import text_of
from tests.plans.factories import IndicatorFactory, PlanFactory, PriorityFactory
from tracker.extensions import db


def test_a_copied_plan_links_to_the_plan_it_came_from(client, login_as):
    login_as("viewer")
    source = PlanFactory(title="Police & Crime Plan <2021>")
    copy = PlanFactory(title="Refresh", copied_from=source)
    db.session.commit()
    page = text_of(client.get(f"/plans/{copy.id}"))
    assert "&lt;a" not in page
    assert (f'<a class="govuk-link" href="/plans/{source.id}">'
            "Police &amp; Crime Plan &lt;2021&gt;</a>") in page


def test_an_indicator_links_to_its_priority(client, login_as):
    login_as("viewer")
    priority = PriorityFactory(title="Keep <people> safe")
    indicator = IndicatorFactory(priority=priority)
    db.session.commit()
    page = text_of(client.get(f"/indicators/{indicator.id}"))
    assert "&lt;a" not in page
    assert (f'<a class="govuk-link" href="/priorities/{priority.id}">'
            "Keep &lt;people&gt; safe</a>") in page
