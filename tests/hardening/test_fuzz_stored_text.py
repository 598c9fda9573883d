"""Whatever text the forms let through, every page and download shows it: never a server error.

The request guard and the forms decide what text can be stored. This puts generated text of
that kind (anything but the characters the guard refuses, up to each column's length) into
every free-text column of the demo data, then opens every page, Word document and CSV the
tracker has. Text once stored is shown in many places (a note typed into one form appears in the
minutes, the Word minutes and the reports), which the route-by-route fuzz cannot reach.
"""

import os

import pytest
import sqlalchemy as sa
from flask import url_for
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.access.lookup import Demo, client_for_endpoint
from tests.access.matrix import ACCESS_RULES as RULES
from tracker.extensions import db
from tracker.kit.limits import has_forbidden_characters

# Each example opens every page: a quarter of the route fuzz's count (FUZZ_EXAMPLES), at least 3.
EXAMPLES = max(3, int(os.environ.get("FUZZ_EXAMPLES", "12")) // 4)
# (table, column): what people type into the tracker's forms, or upload in a CSV.
FREE_TEXT = [
    ("meeting_type", "name"), ("meeting_type", "cadence"), ("meeting_type", "standing_agenda"),
    ("organisation", "name"), ("plan", "title"), ("plan", "version_label"),
    ("cross_cutting_theme", "title"), ("cross_cutting_theme", "summary"),
    ("meeting", "place"), ("meeting", "theme"), ("meeting", "previous_minutes_amendment"),
    ("person", "name"), ("person", "job_title"), ("priority", "title"), ("priority", "summary"),
    ("agenda_item", "title"), ("agenda_item", "notes"), ("future_agenda_item", "title"),
    ("indicator", "name"), ("indicator", "source"), ("indicator", "measure_type"),
    ("indicator", "metric"), ("objective", "text"), ("outcome", "text"), ("action", "text"),
    ("action", "status_reason"), ("action", "requested_due_reason"), ("audit_entry", "summary"),
    ("indicator_value", "period_label"), ("indicator_value", "note"),
    ("indicator_value", "comment"), ("minutes_revision", "reason"), ("paper_link", "title"),
    ("priority_rating", "rationale"), ("action_update", "note"),
]
MARKUP = ["[" * 5000, "> " * 500 + "x", "- " * 500 + "x", "1. " * 300 + "x", "*" * 5000,
          "a) one\nb) two\nz) last\naa) more", "999999999. item", "<script>alert(1)</script>",
          "{{ 7 * 7 }}", "=SUM(A1)", "\u202eevil", "x" * 5000, "[link](javascript:alert(1))",
          "[link](http://" + "a" * 2000 + ".example)", "\t\r\n\r\n\t", "# heading\n---\n***"]

stored_text = st.one_of(
    st.sampled_from(MARKUP),
    st.text(st.characters(codec="utf-8"), max_size=300).filter(
        lambda text: not has_forbidden_characters(text, text_layout_allowed=True)),
).filter(lambda text: text.strip())


def get_routes(app) -> list[tuple[str, str]]:
    lookup = Demo()
    with app.test_request_context():
        return [(endpoint, url_for(endpoint, **rule.args(lookup)))
                for endpoint, rule in sorted(RULES.items()) if rule.method == "GET"]


def store_everywhere(text: str) -> None:
    """`text` in every free-text column of the first row of each table (cut to the column's size)."""
    with db.engine.begin() as conn:
        for table_name, column_name in FREE_TEXT:
            table = db.metadata.tables[table_name]
            column = table.columns[column_name]
            value = text[: column.type.length] if column.type.length else text
            first = sa.select(sa.func.min(table.c.id)).scalar_subquery()
            conn.execute(table.update().where(table.c.id == first).values({column: value}))


@pytest.mark.read_only_demo  # the module's own copy of the demo data, emptied afterwards
def test_every_page_and_download_shows_any_text_the_forms_accept(app, own_demo):
    urls = get_routes(app)

    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(text=stored_text)
    def show(text):
        store_everywhere(text)
        db.session.expire_all()
        # Administrators see every page; the public minutes are seen anonymously too.
        # The API's records with an administrator's token.
        visits = [("admin", endpoint, url) for endpoint, url in urls]
        visits += [("anonymous", endpoint, url) for endpoint, url in urls
                   if url.startswith("/public/")]
        for who, endpoint, url in visits:
            response = client_for_endpoint(app, endpoint, who).get(url)
            assert response.status_code < 500, f"{response.status_code} at {url}: {text[:200]!r}"

    show()
