"""Which values are compared (current and baseline), and the charts drawn from them."""

import re
from datetime import date
from decimal import Decimal

from tests.plans.factories import IndicatorFactory, IndicatorValueFactory
from tracker.extensions import db
from tracker.plans import charts, measures
from tracker.plans.models import Direction


def value(indicator, end, number, district="West Yorkshire", label=None):
    return IndicatorValueFactory(indicator=indicator, period_end=end, district=district,
                                 period_label=label or f"12 months to {end:%b %Y}",
                                 value=None if number is None else Decimal(number))


def test_current_is_the_latest_by_the_date_and_baseline_a_year_before(app):
    crime = IndicatorFactory(direction=Direction.REDUCE)
    value(crime, date(2019, 12, 31), 292070)
    value(crime, date(2020, 9, 30), 262000)
    value(crime, date(2020, 12, 31), 258882)
    value(crime, date(2021, 3, 31), 250000)  # after the quarter: not in the 2020-Q4 pack
    figures = measures.measure(crime, date(2020, 12, 31))
    assert figures.force.current_label == "12 months to Dec 2020"
    assert figures.force.baseline_label == "12 months to Dec 2019"
    assert figures.force.difference_text == "−33,188"
    assert figures.force.percent_text == "−11.4%"


def test_without_a_value_a_year_before_the_previous_value_is_the_baseline(app):
    survey = IndicatorFactory(direction=Direction.INCREASE, unit="percent")
    value(survey, date(2020, 6, 30), 86, label="June 2020")
    value(survey, date(2020, 10, 31), 79, label="Oct 2020")
    figures = measures.measure(survey, date(2020, 12, 31))
    assert (figures.force.baseline_label, figures.force.current_label) == ("June 2020", "Oct 2020")
    assert figures.force.difference_text == "−7 points"
    assert figures.force.change.verdict_label == "Not good"


def test_not_available_and_zero_baselines_are_shown_as_such(app):
    gone = IndicatorFactory()
    value(gone, date(2019, 12, 31), 10)
    value(gone, date(2020, 12, 31), None)
    figures = measures.measure(gone, date(2020, 12, 31))
    assert figures.force.current_text == "Not available"
    assert figures.force.difference_text == "" and figures.force.change.arrow == ""

    new = IndicatorFactory()
    value(new, date(2019, 12, 31), 0)
    value(new, date(2020, 12, 31), 12)
    assert measures.measure(new, date(2020, 12, 31)).force.percent_text == (
        "Not calculable: the baseline is 0")


def test_districts_are_read_separately_in_their_usual_order(app):
    crime = IndicatorFactory()
    for district, before, after in (("Leeds", 105375, 91044), ("Bradford", 74090, 67496)):
        value(crime, date(2019, 12, 31), before, district)
        value(crime, date(2020, 12, 31), after, district)
    figures = measures.measure(crime, date(2020, 12, 31))
    assert [r.district for r in figures.districts] == ["Bradford", "Leeds"]
    assert figures.districts[1].difference_text == "−14,331"
    assert figures.force.current_text == "No value"


def test_the_svg_chart_has_a_text_alternative_and_a_gap_for_a_missing_value(app):
    crime = IndicatorFactory(name="Total recorded crime")
    value(crime, date(2018, 12, 31), 290000)
    value(crime, date(2019, 12, 31), None)
    value(crime, date(2020, 12, 31), 258882)
    value(crime, date(2021, 12, 31), 262000)
    points = measures.measure(crime, date(2022, 1, 1)).series["West Yorkshire"]
    drawing = str(charts.svg(points, name="Total recorded crime", area="West Yorkshire",
                             chart_id="c1"))
    assert 'role="img"' in drawing and 'aria-labelledby="c1-title c1-desc"' in drawing
    assert '<title id="c1-title">Total recorded crime, West Yorkshire</title>' in drawing
    description = re.search(r'<desc id="c1-desc">(.*?)</desc>', drawing)[1]
    assert "from 290,000 for 12 months to Dec 2018 to 262,000 for 12 months to Dec 2021" in description
    assert "1 period not available" in description
    # The missing year breaks the line: one lone point, then a line of two.
    assert drawing.count("<polyline") == 1
    assert drawing.count("<circle") == 3


def test_the_png_chart_for_word_is_a_png(app):
    crime = IndicatorFactory()
    value(crime, date(2019, 12, 31), 292070)
    value(crime, date(2020, 12, 31), 258882)
    points = measures.measure(crime, date(2020, 12, 31)).series["West Yorkshire"]
    image = charts.png(points, name="Total recorded crime", area="West Yorkshire")
    assert image.startswith(b"\x89PNG\r\n\x1a\n")


def test_nice_steps_are_round_numbers():
    assert charts.nice_step(40000) == 10000
    assert charts.nice_step(3) == 1
    assert charts.nice_step(9) == 2.5


def test_counts_and_percentages_are_drawn_from_zero_over_every_period(app):
    # An 8% fall over five years: on an axis from zero it is a slope, not a cliff.
    crime = IndicatorFactory()
    for year, number in zip(range(2016, 2021), (281000, 284000, 290000, 292070, 268700), strict=True):
        value(crime, date(year, 12, 31), number)
    points = measures.measure(crime, date(2020, 12, 31)).series["West Yorkshire"]
    plan = charts.layout(points)
    assert plan.y_ticks[0][1] == "0"  # the lowest gridline
    assert len(plan.segments[0]) == 5 and len(plan.x_ticks) == 5
    heights = [charts.HEIGHT - charts.BOTTOM - y for _, y in plan.segments[0]]
    assert min(heights) / max(heights) > 0.9  # the fall takes less than a tenth of the height

    satisfaction = charts.layout(
        [measures.Point(date(2019, 12, 31), "2019", Decimal("75.1"), "75.1%"),
         measures.Point(date(2020, 12, 31), "2020", Decimal("77.4"), "77.4%")], unit="percent")
    assert satisfaction.y_ticks[0][1] == "0%"


def test_a_measure_with_no_figures_says_so_instead_of_an_empty_chart(app, client, login_as):
    nothing = [measures.Point(date(2020, 12, 31), "12 months to Dec 2020", None, "Not available")]
    for points in ([], nothing):
        plan = charts.layout(points)
        assert plan.message == "No figures yet" and plan.y_ticks == [] and plan.segments == []
        drawing = str(charts.svg(points, name="Time", area="West Yorkshire", chart_id="c"))
        assert "No figures yet" in drawing and "<line" not in drawing

    login_as("viewer")
    time = IndicatorFactory(name="Time to case resolution")
    value(time, date(2020, 12, 31), None)
    db.session.commit()
    page = client.get(f"/indicators/{time.id}").get_data(as_text=True)
    assert "No figures yet." in page and 'class="ca-chart"' not in page
