"""The plans' shapes in the API: plans, priorities, indicators, their values, and a batch of values.

What is read is shaped from the same objects and figures as the web pages (plans/measures for
an indicator's latest value against its baseline); a batch of values is only shaped here, and
checked by the CSV upload's own row checks (tracker/plans/csv_upload.RowChecker).
"""

from decimal import Decimal

import marshmallow as ma
from marshmallow import fields

from tracker.kit.limits import LARGEST_ID
from tracker.plans import performance
from tracker.plans.csv_upload import MAX_ROWS, TOO_MANY_ROWS
from tracker.plans.models import DISTRICTS, FORCE, Direction, PlanStatus, Rating


def decimal_text(number: Decimal | None) -> str | None:
    """A stored value as plain decimal text, "258882" or "77.4", without exponent; None when
    the value is "not available". Text, not a JSON number, so no digit is lost to a float."""
    if number is None:
        return None
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


class PlanLinkSchema(ma.Schema):
    id = fields.Integer(required=True)
    title = fields.String(required=True)
    version_name = fields.String(
        required=True, metadata={"description": "The title, with what tells this version apart"})
    is_current = fields.Boolean(required=True)


class PlanSummarySchema(PlanLinkSchema):
    version_label = fields.String(required=True)
    status = fields.String(required=True, metadata={"enum": [s.value for s in PlanStatus]})
    starts_on = fields.Date(required=True, allow_none=True)
    ends_on = fields.Date(required=True, allow_none=True)
    copied_from_id = fields.Integer(
        required=True, allow_none=True, metadata={"description": "The plan this version was copied from"})


class RatingSchema(ma.Schema):
    rating = fields.String(required=True, metadata={"enum": [r.value for r in Rating]})
    rationale = fields.String(required=True)
    set_on = fields.Date(required=True)


class RatingWithAuthorSchema(RatingSchema):
    set_by = fields.Function(
        lambda rating: rating.set_by.display_name if rating.set_by else None,
        required=True, allow_none=True, metadata={"type": "string"})


class IndicatorBriefSchema(ma.Schema):
    id = fields.Integer(required=True)
    name = fields.String(required=True)
    metric = fields.String(required=True)
    source = fields.String(required=True)
    measure_type = fields.String(required=True)
    direction = fields.String(required=True, metadata={"enum": [d.value for d in Direction]})
    unit = fields.String(required=True)


class PriorityBriefSchema(ma.Schema):
    id = fields.Integer(required=True)
    position = fields.Integer(required=True)
    title = fields.String(required=True)
    summary = fields.String(required=True)
    rating = fields.Function(
        lambda priority: RatingSchema().dump(priority.ratings[0]) if priority.ratings else None,
        required=True, allow_none=True,
        metadata={"description": "The latest rating, or null when not rated yet",
                  "type": "object"})
    indicators = fields.List(fields.Nested(IndicatorBriefSchema), required=True)


class ThemeSchema(ma.Schema):
    id = fields.Integer(required=True)
    position = fields.Integer(required=True)
    title = fields.String(required=True)
    summary = fields.String(required=True)


class PlanSchema(PlanSummarySchema):
    priorities = fields.List(fields.Nested(PriorityBriefSchema), required=True)
    themes = fields.List(fields.Nested(ThemeSchema), required=True)


class ReadingSchema(ma.Schema):
    """An area's latest value against its baseline, as the priority and indicator pages show it."""

    district = fields.String(required=True)
    current_label = fields.String(required=True, metadata={"description": "Empty when no value yet"})
    current = fields.Function(lambda r: decimal_text(r.change.current), required=True,
                              allow_none=True, metadata={"type": "string"})
    current_text = fields.String(required=True)
    baseline_label = fields.String(required=True)
    baseline = fields.Function(lambda r: decimal_text(r.change.baseline), required=True,
                               allow_none=True, metadata={"type": "string"})
    baseline_text = fields.String(required=True)
    difference_text = fields.String(required=True)
    percent_text = fields.String(required=True)
    trend = fields.Function(lambda r: r.change.trend, required=True,
                            metadata={"enum": [t.value for t in performance.Trend]})
    verdict = fields.Function(lambda r: r.change.verdict, required=True,
                              metadata={"enum": [v.value for v in performance.Verdict]})


class PriorityIndicatorSchema(IndicatorBriefSchema):
    force = fields.Nested(ReadingSchema, required=True,
                          metadata={"description": f"{FORCE}'s latest value against its baseline"})


class LinkedActionCountsSchema(ma.Schema):
    """How many linked actions the caller may see, as the priority's page counts them."""

    overdue = fields.Integer(required=True)
    open = fields.Integer(required=True, metadata={"description": "Open and not overdue"})
    closed_recently = fields.Integer(
        required=True, metadata={"description": "Closed in the last 91 days"})
    total = fields.Integer(required=True, metadata={"description": "Every linked action, any status"})
    capped_at = fields.Integer(
        required=True,
        metadata={"description": "Counts stop one past this: a count above it means 'more than'"})


class PrioritySchema(ma.Schema):
    id = fields.Integer(required=True)
    position = fields.Integer(required=True)
    title = fields.String(required=True)
    summary = fields.String(required=True)
    plan = fields.Nested(PlanLinkSchema, required=True)
    objectives = fields.List(fields.String(), required=True)
    outcomes = fields.List(fields.String(), required=True)
    ratings = fields.List(fields.Nested(RatingWithAuthorSchema), required=True,
                          metadata={"description": "Newest first; the first is the current rating"})
    indicators = fields.List(fields.Nested(PriorityIndicatorSchema), required=True)
    actions = fields.Nested(LinkedActionCountsSchema, required=True)


class PriorityLinkSchema(ma.Schema):
    id = fields.Integer(required=True)
    title = fields.String(required=True)


class ValueSchema(ma.Schema):
    period_label = fields.String(required=True)
    period_end = fields.Date(required=True)
    district = fields.String(required=True, metadata={"enum": [FORCE, *DISTRICTS]})
    value = fields.String(
        required=True, allow_none=True,
        metadata={"description": 'Decimal text, such as "258882" or "77.4"; null when '
                                 '"not available"'})
    value_text = fields.String(required=True, metadata={"description": "As the pages show it"})
    note = fields.String(required=True)
    comment = fields.String(required=True)


class IndicatorSchema(IndicatorBriefSchema):
    priority = fields.Nested(PriorityLinkSchema, required=True)
    plan = fields.Nested(PlanLinkSchema, required=True)
    force = fields.Nested(ReadingSchema, required=True)
    districts = fields.List(fields.Nested(ReadingSchema), required=True)
    values = fields.List(fields.Nested(ValueSchema), required=True, metadata={
        "description": "A page of the values, latest period first, the force before the "
                       "districts; next_cursor and the Link header give the next page"})
    next_cursor = fields.String(required=True, allow_none=True)


# --- The batch ----------------------------------------------------------------------------------


class TextOrNumber(fields.Field):
    """A cell as the CSV would hold it: text, or a number (written as text, then read as the CSV
    reads it). Everything else is checked as the CSV upload checks its cells."""

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise ma.ValidationError("Not a valid string or number.")
        return value if isinstance(value, str) else repr(value)


class NewValueSchema(ma.Schema):
    """One value of a batch: the CSV upload's columns, the indicator given by its id."""

    indicator = fields.Integer(required=True, strict=True,
                               validate=ma.validate.Range(min=1, max=LARGEST_ID),
                               metadata={"description": "The indicator's id"})
    period_label = fields.String(required=True, metadata={"example": "12 months to Dec 2020"})
    period_end = fields.String(
        required=True,
        metadata={"description": "The period's last day: 2020-12-31 (or 31/12/2020, as in the CSV)",
                  "example": "2020-12-31"})
    district = fields.String(
        load_default="",
        metadata={"description": f"{FORCE} (or empty, or 'Force') for the force total, or one "
                                 f"of {', '.join(DISTRICTS)}"})
    value = TextOrNumber(
        required=True, allow_none=True,
        metadata={"type": ["number", "string"],
                  "description": 'A number (292070, "292,070", 77.4, "77.4%"), or null or '
                                 '"not available"; kept to four decimal places'})
    note = fields.String(load_default="", metadata={"description": "How it was counted"})
    comment = fields.String(load_default="",
                            metadata={"description": "The Delivery Quarterly pack's comment"})

    @ma.pre_load(pass_collection=True)
    def bounded(self, data, many: bool, **kwargs):
        """A batch holds 1 to MAX_ROWS values, as a file does; refused before any is read."""
        if many and isinstance(data, list) and not 1 <= len(data) <= MAX_ROWS:
            raise ma.ValidationError(TOO_MANY_ROWS if data else "The batch holds no values.")
        return data


class BatchSavedSchema(ma.Schema):
    saved = fields.Integer(required=True, metadata={"description": "How many values were stored"})
