"""How a column's values are written to the export file as JSON, and read back from it.

JSON has no dates, decimals or bytes, so each value is encoded by its column's type rather than
guessed from the value: dates and times in ISO 8601, timezone-aware moments in UTC with their
offset, decimals as strings (no float rounding), bytes in base64. Reading checks each value has
the JSON type its column expects, because SQLite would store a wrong one without complaint.
"""

import base64
import binascii
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any, NoReturn

import sqlalchemy as sa

Convert = Callable[[Any], Any]


class UnsupportedColumn(TypeError):
    """A column of a type the export format does not carry yet."""


def _expect(kind: type | tuple[type, ...], value: Any) -> Any:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    # bool is an int in Python, but true is not a number in the file.
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        raise ValueError(f"{value!r} is not {' or '.join(k.__name__ for k in kinds)}")
    return value


def _encode_moment(value: datetime) -> str:
    # SQLite gives back naive datetimes for timezone-aware columns: they hold UTC.
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()


def _decode_moment(text: Any) -> datetime:
    value = datetime.fromisoformat(_expect(str, text))
    if value.tzinfo is None:
        raise ValueError(f"{text!r} has no time zone")
    return value.astimezone(UTC)


def _decode_wall_clock(text: Any) -> datetime:
    value = datetime.fromisoformat(_expect(str, text))
    if value.tzinfo is not None:
        raise ValueError(f"{text!r} has a time zone; this column holds local wall-clock times")
    return value


def _decimal_codec(type_: sa.Numeric) -> tuple[Convert, Convert]:
    scale = type_.scale

    def encode(value: Decimal) -> str:
        # The same digits from either database (SQLite keeps a float underneath).
        return str(value if scale is None else value.quantize(Decimal(1).scaleb(-scale)))

    def decode(text: Any) -> Decimal:
        try:
            return Decimal(_expect(str, text))
        except InvalidOperation:
            raise ValueError(f"{text!r} is not a decimal number") from None

    return encode, decode


def _decode_base64(text: Any) -> bytes:
    try:
        return base64.b64decode(_expect(str, text), validate=True)
    except binascii.Error:
        raise ValueError(f"{text!r} is not base64") from None


def codec(column: sa.Column) -> tuple[Convert, Convert]:
    """The (encode, decode) pair for a column's non-null values; raises UnsupportedColumn."""
    type_ = column.type
    if isinstance(type_, sa.TypeDecorator):
        _unsupported(column)
    # Subclasses before their bases: Float is a Numeric, Text and Enum are Strings.
    if isinstance(type_, sa.Boolean):
        return bool, lambda value: _expect(bool, value)
    if isinstance(type_, sa.Integer):
        return int, lambda value: _expect(int, value)
    if isinstance(type_, sa.Float):
        return float, lambda value: float(_expect((int, float), value))
    if isinstance(type_, sa.Numeric):
        return _decimal_codec(type_)
    if isinstance(type_, sa.DateTime):
        if type_.timezone:
            return _encode_moment, _decode_moment
        return datetime.isoformat, _decode_wall_clock
    if isinstance(type_, sa.Date):
        return date.isoformat, lambda value: date.fromisoformat(_expect(str, value))
    if isinstance(type_, sa.Time):
        return time.isoformat, lambda value: time.fromisoformat(_expect(str, value))
    if isinstance(type_, sa.JSON):
        return (lambda value: value), (lambda value: value)
    if isinstance(type_, sa.LargeBinary):
        return (lambda value: base64.b64encode(value).decode("ascii")), _decode_base64
    if isinstance(type_, sa.Uuid) and type_.as_uuid:
        return str, lambda value: uuid.UUID(_expect(str, value))
    if isinstance(type_, sa.String | sa.Uuid):
        return str, lambda value: _expect(str, value)
    _unsupported(column)


def _unsupported(column: sa.Column) -> NoReturn:
    raise UnsupportedColumn(
        f"column {column.table.name}.{column.name} has type {column.type!r}, "
        "which the export format does not carry yet"
    )
