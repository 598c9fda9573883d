"""Meetings as the API gives them: the list's entries, and one meeting in full."""

import marshmallow as ma

from tracker.api.paging import PagingArgs
from tracker.api.schemas.common import LocalDateTime, MeetingTypeRef, OrganisationRef, PersonRef


class MeetingFilters(PagingArgs):
    type = ma.fields.String(
        validate=ma.validate.Length(min=1, max=40),
        metadata={"description": "A meeting type's id or code, such as COM"},
    )
    from_ = ma.fields.Date(
        data_key="from", metadata={"description": "Meetings on or after this date (YYYY-MM-DD)"}
    )
    to = ma.fields.Date(metadata={"description": "Meetings on or before this date (YYYY-MM-DD)"})


class MeetingSummarySchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    title = ma.fields.String(required=True)
    meeting_type = ma.fields.Nested(MeetingTypeRef, required=True)
    starts_at = LocalDateTime(required=True, metadata={"description": "Local UK time, with offset"})
    place = ma.fields.String(required=True)
    theme = ma.fields.String(required=True)
    minutes_status = ma.fields.String(
        required=True, metadata={"description": "draft, approved or published"}
    )
    cancelled = ma.fields.Boolean(attribute="is_cancelled", required=True)
    is_public = ma.fields.Boolean(required=True)


class AttendanceSchema(ma.Schema):
    kind = ma.fields.String(required=True, metadata={"description": "present, also_present or apologies"})
    person = ma.fields.Nested(PersonRef, required=True)


class ItemActionSchema(ma.Schema):
    """An action raised in an agenda item, as the meeting's page lists it."""

    id = ma.fields.Integer(required=True)
    reference = ma.fields.String(required=True)
    text = ma.fields.String(required=True)
    status = ma.fields.String(required=True)
    due_on = ma.fields.Date(required=True, allow_none=True)
    confidential = ma.fields.Boolean(required=True)
    owner = ma.fields.Nested(OrganisationRef, required=True)
    lead = ma.fields.Nested(PersonRef, required=True, allow_none=True)


class PaperSchema(ma.Schema):
    title = ma.fields.String(required=True)
    url = ma.fields.String(required=True)


class AgendaItemSchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    number = ma.fields.Integer(required=True)
    title = ma.fields.String(required=True)
    presenter = ma.fields.Nested(PersonRef, required=True, allow_none=True)
    notes = ma.fields.String(required=True, metadata={"description": "Markdown"})
    papers = ma.fields.List(ma.fields.Nested(PaperSchema), required=True)
    actions = ma.fields.List(
        ma.fields.Nested(ItemActionSchema),
        required=True,
        metadata={"description": "The actions raised in this item that you may see"},
    )


class MeetingSchema(MeetingSummarySchema):
    previous_meeting_id = ma.fields.Integer(required=True, allow_none=True)
    next_meeting_on = ma.fields.Date(required=True, allow_none=True)
    attendance = ma.fields.List(ma.fields.Nested(AttendanceSchema), required=True)
    items = ma.fields.List(ma.fields.Nested(AgendaItemSchema), required=True)
