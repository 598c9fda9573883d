"""The shapes of the reports in the API: the outstanding-actions report's options and rows."""

import marshmallow as ma
from marshmallow import fields, validate

from tracker.actions.models import OUTSTANDING_STATUSES
from tracker.api.paging import PagingArgs
from tracker.api.schemas.actions import out, record_id


class OutstandingOptions(PagingArgs):
    """The report page's options, by the same names, and where the page starts."""

    as_at = fields.Date(
        metadata={"description": "Actions raised on or before this date; days overdue are "
                  "counted to it. Today if left out."}
    )
    meeting_type = record_id(description="Only actions raised at meetings of this type")
    owner = record_id(description="Only actions this organisation owns")
    priority = record_id(description="Only actions serving this plan priority")


class OutstandingRowSchema(ma.Schema):
    """One outstanding action as the report shows it."""

    action_id = out(fields.Integer)
    reference = out(fields.String)
    text = out(fields.String)
    confidential = out(fields.Boolean)
    meeting = out(fields.String, metadata={"description": "The meeting it was raised at, in words"})
    meeting_on = out(fields.Date)
    item = out(fields.String, metadata={"description": "'Item 4: Use of Force', or empty"})
    owner = out(fields.String, metadata={"description": "The owner's short name"})
    lead = out(fields.String, metadata={"description": "The lead's name, or empty"})
    due_on = out(fields.Date, allow_none=True)
    status = out(
        fields.String, validate=validate.OneOf([status.value for status in OUTSTANDING_STATUSES])
    )
    status_label = out(fields.String)
    days_overdue = out(fields.Integer, metadata={"description": "Counted to `as_at`"})
    latest_update = out(fields.String, metadata={"description": "The note of its latest entry"})
    latest_update_on = out(fields.Date, allow_none=True)
    latest_update_kind = out(fields.String, metadata={"description": "What that entry is"})
    latest_update_by = out(fields.String, metadata={"description": "Who made it"})
    url = out(fields.String, metadata={"description": "The action's own address in the API"})


class OutstandingPageSchema(ma.Schema):
    """A page of the report's rows, most overdue first."""

    as_at = fields.Date(required=True)
    title = fields.String(required=True)
    limited_to = fields.List(
        fields.String(),
        required=True,
        metadata={"description": "What the report is limited to, in words"},
    )
    items = fields.List(fields.Nested(OutstandingRowSchema), required=True)
    next_cursor = fields.String(
        required=True,
        allow_none=True,
        metadata={"description": "Pass as ?cursor= for the next page; null on the last"},
    )
