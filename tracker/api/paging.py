"""Cursor pagination for every list the API gives: keyset, never OFFSET.

A list is read in a fixed order (its `order`: columns or SQL expressions, each ascending or
`.desc()`, the last one unique, such as the id). A page is the first `limit` rows after the
cursor; the cursor is the last row's values of those expressions, opaque to the client. So a
page costs one index range scan however deep it is, and a row added or removed meanwhile never
makes another row be shown twice or skipped.

    @bp.route("/meetings")
    @bp.arguments(MeetingFilters, location="query")      # a schema that inherits PagingArgs
    @bp.response(200, paging.page_schema(MeetingSchema))
    def meetings(args):
        page = paging.keyset_page(query, (Meeting.starts_at.desc(), Meeting.id.desc()), args)
        return page.body(), page.headers()

The body is {"items": [...], "next_cursor": "..." or null}; the `Link` header names the next page.
"""

import base64
import binascii
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any
from urllib.parse import urlencode

import marshmallow as ma
import sqlalchemy as sa
from flask import request
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

from tracker.api.problems import abort_problem
from tracker.extensions import db

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


class PagingArgs(ma.Schema):
    """`?cursor=` and `?limit=`: inherit from this in a list's query schema."""

    cursor = ma.fields.String(
        validate=ma.validate.Length(max=1000),
        metadata={"description": "Where the page starts: the next_cursor of the page before"},
    )
    limit = ma.fields.Integer(
        load_default=DEFAULT_LIMIT,
        validate=ma.validate.Range(min=1, max=MAX_LIMIT),
        metadata={"description": f"How many items a page holds (at most {MAX_LIMIT})"},
    )


@cache
def page_schema(item_schema: type[ma.Schema]) -> type[ma.Schema]:
    """The schema of a page of `item_schema`s: {"items": [...], "next_cursor": ...}."""
    name = item_schema.__name__.removesuffix("Schema")
    return type(
        f"{name}PageSchema",
        (ma.Schema,),
        {
            "items": ma.fields.List(ma.fields.Nested(item_schema), required=True),
            "next_cursor": ma.fields.String(
                required=True,
                allow_none=True,
                metadata={"description": "Pass as ?cursor= for the next page; null on the last"},
            ),
        },
    )


@dataclass
class Page:
    items: list
    next_cursor: str | None

    def body(self) -> dict:
        return {"items": self.items, "next_cursor": self.next_cursor}

    def headers(self) -> dict[str, str]:
        """`Link: <...?cursor=...>; rel="next"` while there is a next page."""
        if self.next_cursor is None:
            return {}
        args = [(k, v) for k, v in request.args.items(multi=True) if k != "cursor"]
        args.append(("cursor", self.next_cursor))
        return {"Link": f'<{request.base_url}?{urlencode(args)}>; rel="next"'}


def _split(expression) -> tuple[Any, bool]:
    """(the expression, descending?) of an `order` entry such as `Meeting.id.desc()`."""
    if isinstance(expression, UnaryExpression) and expression.modifier in (
        operators.desc_op,
        operators.asc_op,
    ):
        return expression.element, expression.modifier is operators.desc_op
    return expression, False


def _after(keys: Sequence[tuple[Any, bool]], values: list) -> sa.ColumnElement[bool]:
    """Rows after `values` in the order `keys`, as (a > x) OR (a = x AND b > y) OR ..."""
    alternatives = []
    for n, (expression, descending) in enumerate(keys):
        equal = [keys[i][0] == values[i] for i in range(n)]
        beyond = expression < values[n] if descending else expression > values[n]
        alternatives.append(sa.and_(*equal, beyond))
    return sa.or_(*alternatives)


def keyset_page(query: sa.Select, order: Sequence, args: dict) -> Page:
    """One page of `query` (a select of one model) in `order`, from `args["cursor"]`.

    `order`'s expressions must never be NULL (wrap a nullable one in `sa.func.coalesce`) and
    together identify a row (end with the id). `args` holds `cursor` and `limit` (PagingArgs).
    """
    keys = [_split(expression) for expression in order]
    limit = args.get("limit") or DEFAULT_LIMIT
    cursor = args.get("cursor")
    if cursor:
        values = decode_cursor(cursor, [expression for expression, _ in keys])
        query = query.where(_after(keys, values))
    labelled = [expression.label(f"_page_key_{n}") for n, (expression, _) in enumerate(keys)]
    query = query.add_columns(*labelled).order_by(None).order_by(*order).limit(limit + 1)
    rows = db.session.execute(query).all()
    more = len(rows) > limit
    rows = rows[:limit]
    items = [row[0] for row in rows]
    next_cursor = encode_cursor(list(rows[-1][1:])) if more and rows else None
    return Page(items, next_cursor)


# Cursors: the last row's key values, as URL-safe base64 of a small JSON list -----------------------


def _plain(value) -> list:
    if isinstance(value, datetime):
        return ["dt", value.isoformat()]
    if isinstance(value, date):
        return ["d", value.isoformat()]
    if isinstance(value, Decimal):
        return ["dec", str(value)]
    if value is None or isinstance(value, bool | int | float | str):
        return ["v", value]
    raise TypeError(f"cannot put a {type(value).__name__} in a cursor")


def _typed(pair) -> Any:
    kind, value = pair
    if kind == "dt":
        return datetime.fromisoformat(value)
    if kind == "d":
        return date.fromisoformat(value)
    if kind == "dec":
        return Decimal(value)
    if kind == "v" and (value is None or isinstance(value, bool | int | float | str)):
        if isinstance(value, int) and abs(value) >= 2**63:
            raise ValueError("out of range")
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("NUL")  # PostgreSQL refuses NUL in text
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError("not finite")
        return value
    raise ValueError(kind)


def encode_cursor(values: list) -> str:
    text = json.dumps([_plain(value) for value in values], separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _python_type(expression) -> type | None:
    try:
        return expression.type.python_type
    except NotImplementedError:
        return None


def decode_cursor(cursor: str, expressions: Sequence) -> list:
    """The key values in `cursor`, checked against the types of `expressions`; a 422 problem
    when it is not one this list gave (a forged one must not reach the database as a bad type)."""
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = [_typed(pair) for pair in json.loads(text)]
        if len(values) != len(expressions):
            raise ValueError("wrong length")
        for value, expression in zip(values, expressions, strict=True):
            expected = _python_type(expression)
            if value is None or (expected is not None and not isinstance(value, expected)):
                raise ValueError("wrong type")
        return values
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError, RecursionError):
        abort_problem(
            422,
            "The cursor is not one this list gave: start again without ?cursor=.",
            errors={"cursor": ["Not a valid cursor."]},
        )
