"""The shapes of actions in the API: the register's filters, a listed action, one action with its
links to the plan and its history, and the bodies of a lead's update and the DMPC's decision.

The allowed values come from the same constants the web's forms offer (statuses, sorts, the
statuses a lead may choose), so the document and the pages cannot drift apart; the web's forms
then check the rest (tracker/api/actions.py).
"""

import marshmallow as ma
from marshmallow import fields, validate

from tracker.actions.models import ActionStatus, UpdateKind
from tracker.actions.queries import SORTS
from tracker.actions.services import LEAD_STATUSES
from tracker.api.paging import PagingArgs
from tracker.api.schemas.common import LocalDateTime, OrganisationRef, UtcDateTime
from tracker.kit.limits import LARGEST_ID

STATUS_FILTERS = ("outstanding", *(status.value for status in ActionStatus))
DUE_FILTERS = ("overdue", "within")
DECISIONS = ("sign-off", "send-back")


def record_id(**metadata):
    return fields.Integer(
        validate=validate.Range(min=1, max=LARGEST_ID), metadata=metadata
    )


class ActionFilters(PagingArgs):
    """The register's filters (the page's, by the names the API uses), and where the page starts."""

    text = fields.String(
        validate=validate.Length(max=200),
        metadata={"description": "A reference or words from the action"},
    )
    status = fields.String(
        validate=validate.OneOf(STATUS_FILTERS),
        metadata={"description": "One status, or `outstanding` for open, in progress and "
                  "completed – awaiting sign-off"},
    )
    owner = record_id(description="The owner organisation's id")
    lead = record_id(description="The lead's (a person's) id")
    meeting_type = record_id(description="The id of the type of meeting it was raised at")
    meeting = record_id(description="The id of the meeting it was raised at")
    priority = record_id(description="The id of a plan priority it serves")
    indicator = record_id(description="The id of an indicator it serves")
    due = fields.String(
        validate=validate.OneOf(DUE_FILTERS),
        metadata={"description": "`overdue`, or `within` the next `within_days` days"},
    )
    within_days = fields.Integer(
        metadata={"description": "For `due=within`: how many days ahead (1 to 3650)"}
    )
    sort = fields.String(
        validate=validate.OneOf(tuple(SORTS)),
        metadata={"description": "; ".join(f"`{key}`: {label}" for key, label in SORTS.items())},
    )


def out(field_class, *args, **kwargs):
    """A field every answer has (null where `allow_none`), as the document promises."""
    return field_class(*args, required=True, **kwargs)


STATUSES = validate.OneOf([status.value for status in ActionStatus])
KINDS = validate.OneOf([kind.value for kind in UpdateKind])


class LeadRef(ma.Schema):
    id = out(fields.Integer)
    name = out(fields.String)


class RaisedAtSchema(ma.Schema):
    """The meeting an action was raised at."""

    id = out(fields.Integer)
    starts_at = out(LocalDateTime, metadata={"description": "Local UK time, with offset"})
    meeting_type = out(fields.String, metadata={"description": "The type of meeting's name"})


class LatestEntrySchema(ma.Schema):
    """An action's latest history entry with a note, as the register shows it."""

    kind = out(fields.String, validate=KINDS)
    kind_label = out(fields.String)
    note = out(fields.String)
    created_at = out(UtcDateTime)
    author = out(fields.String, metadata={"description": "Who made it"})


class ListedActionSchema(ma.Schema):
    """An action as the register lists it."""

    id = out(fields.Integer)
    reference = out(fields.String, metadata={"description": "For example COM-2023-10-04a"})
    text = out(fields.String)
    confidential = out(fields.Boolean)
    status = out(fields.String, validate=STATUSES)
    status_label = out(fields.String)
    due_on = out(fields.Date, allow_none=True)
    closed_on = out(fields.Date, allow_none=True)
    days_overdue = out(fields.Integer, metadata={"description": "As at today; 0 if not overdue"})
    owner = out(fields.Nested, OrganisationRef)
    lead = out(fields.Nested, LeadRef, allow_none=True)
    meeting = out(fields.Nested, RaisedAtSchema)
    item_number = out(
        fields.Integer,
        allow_none=True,
        metadata={"description": "Its agenda item's number in the minutes"},
    )
    latest_update = out(fields.Nested, LatestEntrySchema, allow_none=True)
    url = out(fields.String, metadata={"description": "The action's own address in the API"})


class ItemRef(ma.Schema):
    id = out(fields.Integer)
    number = out(fields.Integer)
    title = out(fields.String)


class PriorityRef(ma.Schema):
    id = out(fields.Integer)
    title = out(fields.String)
    plan = out(fields.String, metadata={"description": "The plan (and its version)"})


class IndicatorRef(ma.Schema):
    id = out(fields.Integer)
    name = out(fields.String)


class HistoryEntrySchema(ma.Schema):
    """One entry in an action's history: who did what, and when."""

    id = out(fields.Integer)
    kind = out(fields.String, validate=KINDS)
    kind_label = out(fields.String)
    created_at = out(UtcDateTime)
    author = out(fields.String, metadata={"description": "Who made it; 'the tracker' for itself"})
    author_id = out(fields.Integer, allow_none=True, metadata={"description": "Their user id"})
    note = out(fields.String)
    old_status = out(fields.String, allow_none=True)
    new_status = out(fields.String, allow_none=True)
    evidence_url = out(fields.String)
    changes = out(
        fields.Dict,
        keys=fields.String(),
        values=fields.List(fields.Raw(allow_none=True)),
        metadata={"description": "Each field changed: [old, new]"},
    )


class ActionSchema(ma.Schema):
    """One action, with its links to the plan and its history, oldest entry first."""

    id = out(fields.Integer)
    reference = out(fields.String)
    text = out(fields.String)
    confidential = out(fields.Boolean)
    recurring = out(fields.Boolean)
    status = out(fields.String, validate=STATUSES)
    status_label = out(fields.String)
    status_reason = out(
        fields.String, metadata={"description": "Why it was superseded or dropped, if it was"}
    )
    raised_on = out(fields.Date)
    due_on = out(fields.Date, allow_none=True)
    closed_on = out(fields.Date, allow_none=True)
    days_overdue = out(fields.Integer, metadata={"description": "As at today"})
    requested_due_on = out(
        fields.Date, allow_none=True, metadata={"description": "A pending request for more time"}
    )
    requested_due_reason = out(fields.String)
    version = out(fields.Integer, metadata={"description": "As its ETag names it"})
    owner = out(fields.Nested, OrganisationRef)
    lead = out(fields.Nested, LeadRef, allow_none=True)
    meeting = out(fields.Nested, RaisedAtSchema)
    agenda_item = out(fields.Nested, ItemRef, allow_none=True)
    priorities = out(fields.List, fields.Nested(PriorityRef))
    indicators = out(fields.List, fields.Nested(IndicatorRef))
    history = out(fields.List, fields.Nested(HistoryEntrySchema))


class UpdateBody(ma.Schema):
    """A lead's progress update, as the action's page takes it."""

    note = fields.String(required=True, metadata={"description": "The progress update"})
    status = fields.String(
        required=True,
        validate=validate.OneOf([status.value for status in LEAD_STATUSES]),
        metadata={"description": "Only the Deputy Mayor closes an action"},
    )
    evidence_url = fields.String(
        load_default="", metadata={"description": "A full http(s) address"}
    )
    requested_due_on = fields.Date(
        load_default=None,
        allow_none=True,
        metadata={"description": "Only to ask for more time (in the future); needs `reason`"},
    )
    reason = fields.String(load_default="", metadata={"description": "Why more time is needed"})


class DecisionBody(ma.Schema):
    """The Deputy Mayor's decision on an action completed and awaiting sign-off."""

    decision = fields.String(required=True, validate=validate.OneOf(DECISIONS))
    reason = fields.String(
        load_default="",
        metadata={"description": "Needed to send it back: what is still to do"},
    )
    due_on = fields.Date(
        load_default=None,
        allow_none=True,
        metadata={"description": "A new due date, when sending it back (optional)"},
    )
