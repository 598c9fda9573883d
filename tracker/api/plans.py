"""Plans, priorities and indicators over the API, and a batch of indicator values.

Reading needs READ_PLANS, as the plan pages do; storing values needs EDIT_PLANS (as the CSV
upload does) and a write token. A batch goes through the CSV upload's own row checks
(plans/csv_upload.RowChecker) and is stored by the same service (plans/services.save_upload):
all the values or none, and every problem of every value reported at once.
"""

from datetime import date

import sqlalchemy as sa
from flask_login import current_user

# Upward, as the web's priority page does: the actions linked to a priority, counted by the
# actions domain's query, visible to the caller only.
from tracker.actions import queries as action_queries
from tracker.api import bp
from tracker.api.paging import PagingArgs, keyset_page, page_schema
from tracker.api.problems import ProblemSchema, abort_problem
from tracker.api.schemas.plans import (
    BatchSavedSchema,
    IndicatorSchema,
    NewValueSchema,
    PlanSchema,
    PlanSummarySchema,
    PrioritySchema,
    decimal_text,
)
from tracker.auth.permissions import Permission, permission_required
from tracker.kit.dates import today
from tracker.plans import csv_upload, measures, performance, services
from tracker.plans import queries as plan_queries
from tracker.plans.models import (
    FORCE,
    Indicator,
    IndicatorValue,
    Plan,
    PlanStatus,
)
from tracker.request_guard import accepts_upload

TAGS = ["Plans"]
# Plans in force first, then drafts, then archived ones; the newest first within each.
_PLAN_ORDER = (
    sa.case((Plan.status == PlanStatus.CURRENT, 0), (Plan.status == PlanStatus.DRAFT, 1), else_=2),
    sa.func.coalesce(Plan.starts_on, sa.literal(date.min, sa.Date)).desc(),
    Plan.id.desc(),
)
# An indicator's values: the latest period first, the force before the districts.
_VALUE_ORDER = (
    IndicatorValue.period_end.desc(),
    sa.case((IndicatorValue.district == FORCE, 0), else_=1),
    IndicatorValue.district,
    IndicatorValue.id,
)


@bp.route("/plans", tags=TAGS)
@bp.arguments(PagingArgs, location="query")
@bp.response(200, page_schema(PlanSummarySchema))
@permission_required(Permission.READ_PLANS)
def list_plans(args):
    """Every plan, the one in force first (`is_current`), then drafts, then archived versions"""
    page = keyset_page(sa.select(Plan), _PLAN_ORDER, args)
    return page.body(), page.headers()


@bp.route("/plans/<int:plan_id>", tags=TAGS)
@bp.response(200, PlanSchema)
@bp.alt_response(404, schema=ProblemSchema)
@permission_required(Permission.READ_PLANS)
def get_plan(plan_id: int):
    """A plan with its priorities (each with its latest rating and its indicators) and themes"""
    return plan_queries.load_plan(plan_id)


@bp.route("/priorities/<int:priority_id>", tags=TAGS)
@bp.response(200, PrioritySchema)
@bp.alt_response(404, schema=ProblemSchema)
@permission_required(Permission.READ_PLANS)
def get_priority(priority_id: int):
    """A priority: objectives, outcomes, ratings, indicators with their latest force values, and
    how many linked actions you may see, counted as its page counts them"""
    found = plan_queries.load_priority(priority_id)
    as_at = today()
    linked = action_queries.for_priority(found, current_user, as_at)
    return {
        "id": found.id,
        "position": found.position,
        "title": found.title,
        "summary": found.summary,
        "plan": found.plan,
        "objectives": [item.text for item in found.objectives],
        "outcomes": [item.text for item in found.outcomes],
        "ratings": found.ratings,
        "indicators": [
            {**_indicator_fields(indicator), "force": measures.measure(indicator, as_at).force}
            for indicator in found.indicators
        ],
        "actions": {
            "overdue": linked.counts["overdue"],
            "open": linked.counts["open"],
            "closed_recently": linked.counts["closed"],
            "total": linked.total,
            "capped_at": action_queries.COUNT_CAP,
        },
    }


@bp.route("/indicators/<int:indicator_id>", tags=TAGS)
@bp.arguments(PagingArgs, location="query")
@bp.response(200, IndicatorSchema)
@bp.alt_response(404, schema=ProblemSchema)
@permission_required(Permission.READ_PLANS)
def get_indicator(args, indicator_id: int):
    """An indicator, its latest values against their baselines, and a page of its values
    (?cursor= and ?limit=, as every list)"""
    found = plan_queries.load_indicator(indicator_id)
    figures = measures.measure(found, today())
    page = keyset_page(
        sa.select(IndicatorValue).where(IndicatorValue.indicator_id == found.id), _VALUE_ORDER, args
    )
    body = {
        **_indicator_fields(found),
        "priority": found.priority,
        "plan": found.priority.plan,
        "force": figures.force,
        "districts": figures.districts,
        "values": [
            {"period_label": v.period_label, "period_end": v.period_end, "district": v.district,
             "value": decimal_text(v.value), "value_text": performance.format_value(v.value, found.unit),
             "note": v.note, "comment": v.comment}
            for v in page.items
        ],
        "next_cursor": page.next_cursor,
    }
    return body, page.headers()


def _indicator_fields(indicator: Indicator) -> dict:
    return {name: getattr(indicator, name) for name in
            ("id", "name", "metric", "source", "measure_type", "direction", "unit")}


@bp.route("/indicators/values", methods=["POST"], tags=TAGS)
@bp.arguments(NewValueSchema(many=True), location="json", description=(
    f"1 to {csv_upload.MAX_ROWS} values, checked exactly as the CSV upload checks a file's rows"))
@bp.response(201, BatchSavedSchema)
@bp.alt_response(409, schema=ProblemSchema, description="A value was stored meanwhile")
@bp.alt_response(422, schema=ProblemSchema, description=(
    "Nothing was saved; `errors` maps each refused value's index in the batch to its problems"))
@permission_required(Permission.EDIT_PLANS)
@accepts_upload  # as large as a CSV file may be (MAX_UPLOAD_LENGTH)
def add_indicator_values(items: list[dict]):
    """Store a batch of indicator values: all of them, or none if any has a problem"""
    # No If-Match: a batch only adds values (one already stored is refused, never replaced).
    indicators = services.indicators_by_id({item["indicator"] for item in items})

    def find(text: str) -> Indicator | str:
        return indicators.get(int(text)) or f"there is no indicator with the id {text}"

    check = csv_upload.RowChecker(services.stored_keys_of(indicators), find)
    rows: list[csv_upload.Row] = []
    errors: dict[str, list[str]] = {}
    for index, item in enumerate(items):
        checked = check(index, f"at index {index}", csv_upload.RowText(
            indicator=str(item["indicator"]), period_label=item["period_label"],
            period_end=item["period_end"], district=item["district"],
            value=csv_upload.NOT_AVAILABLE_TEXT if item["value"] is None else item["value"],
            note=item["note"], comment=item["comment"],
        ))
        if isinstance(checked, csv_upload.Row):
            rows.append(checked)
        else:
            errors[str(index)] = checked
    if errors:
        abort_problem(
            422,
            f"Nothing was saved: {len(errors)} of the {len(items)} values "
            f"{'has a problem' if len(errors) == 1 else 'have problems'}. {_first(errors)}",
            errors=errors,
        )
    try:
        saved = services.save_upload(rows, current_user, "the API")
    except services.ValueAlreadyStored as clash:
        abort_problem(409, f"{services.already_stored(clash.existing)}, stored since the batch "
                           "was checked. Nothing was saved.")
    return {"saved": saved}


def _first(errors: dict[str, list[str]]) -> str:
    index, messages = next(iter(errors.items()))
    return f"Index {index}: {messages[0]}"
