"""The Jinja environment the pages render in, and the date formats every table uses."""

from datetime import date, datetime

from flask import Flask

from tracker.kit.dates import short_date
from tracker.kit.jinja import TrackerEnvironment


def environment(templates: dict) -> TrackerEnvironment:
    from jinja2 import DictLoader

    app = Flask(__name__)
    return TrackerEnvironment(app, loader=DictLoader(templates))


def test_an_imported_macro_sees_the_globals_of_the_page_that_imports_it():
    env = environment(
        {
            "macros.html": "{% macro hello() %}{{ greeting }}, {{ name }}{% endmacro %}",
            "page.html": '{% from "macros.html" import hello with context %}{{ hello() }}',
        }
    )
    env.globals["greeting"] = "Hello"
    page = env.get_template("page.html", globals={"name": "secretariat"})
    assert page.render() == "Hello, secretariat"
    # The same macros imported without context by another page with other globals get theirs.
    other = env.from_string('{% from "macros.html" import hello %}{{ hello() }}', globals={"name": "lead"})
    assert other.render() == "Hello, lead"


def test_a_global_added_to_the_environment_reaches_templates_already_loaded():
    env = environment({"page.html": "{{ added }}"})
    page = env.get_template("page.html")
    env.globals["added"] = "now"
    assert page.render() == "now"


def test_tables_write_dates_as_day_short_month_year():
    assert short_date(date(2023, 10, 10)) == "10 Oct 2023"
    assert short_date(datetime(2024, 5, 1, 9, 30)) == "1 May 2024"
    assert [short_date(date(2024, month, 1)).split()[1] for month in range(1, 13)] == [
        date(2024, month, 1).strftime("%b") for month in range(1, 13)
    ]
    assert short_date(None) == ""
