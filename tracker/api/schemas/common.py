"""Fields and small schemas that several resources share."""

from datetime import UTC, datetime

import marshmallow as ma

from tracker.kit.dates import UK


class LocalDateTime(ma.fields.DateTime):
    """A meeting's local (UK) wall-clock time, stored without a zone, given with its offset:
    2023-10-10T10:00:00+01:00."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UK)
        return super()._serialize(value, attr, obj, **kwargs)


class UtcDateTime(ma.fields.DateTime):
    """A moment stored in UTC (SQLite gives it back without a zone), given with its offset."""

    def _serialize(self, value, attr, obj, **kwargs):
        if isinstance(value, datetime) and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return super()._serialize(value, attr, obj, **kwargs)


class OrganisationRef(ma.Schema):
    id = ma.fields.Integer(required=True)
    name = ma.fields.String(required=True)
    short_name = ma.fields.String(required=True)


class PersonRef(ma.Schema):
    id = ma.fields.Integer(required=True)
    name = ma.fields.String(required=True)
    job_title = ma.fields.String(required=True)
    organisation = ma.fields.Nested(OrganisationRef, required=True)


class MeetingTypeRef(ma.Schema):
    id = ma.fields.Integer(required=True)
    code = ma.fields.String(attribute="short_name", required=True)
    name = ma.fields.String(required=True)
