"""Each column type's values survive the trip through JSON exactly, and wrong ones are refused."""

import json
import uuid
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal

import pytest
import sqlalchemy as sa

from tracker.extensions import db
from tracker.transfer.values import UnsupportedColumn, codec

SAMPLES = sa.Table(
    "samples",
    sa.MetaData(),
    sa.Column("flag", sa.Boolean),
    sa.Column("count", sa.BigInteger),
    sa.Column("ratio", sa.Float),
    sa.Column("amount", sa.Numeric(18, 4)),
    sa.Column("moment", sa.DateTime(timezone=True)),
    sa.Column("wall_clock", sa.DateTime),
    sa.Column("day", sa.Date),
    sa.Column("at", sa.Time),
    sa.Column("detail", sa.JSON),
    sa.Column("blob", sa.LargeBinary),
    sa.Column("key", sa.Uuid),
    sa.Column("title", sa.Text),
)

VALUES = {
    "flag": False,
    "count": 2**40,
    "ratio": 0.1,
    "amount": Decimal("292070.1235"),
    "moment": datetime(2024, 3, 31, 1, 30, tzinfo=UTC),
    "wall_clock": datetime(2024, 3, 31, 1, 30),
    "day": date(2024, 2, 29),
    "at": time(10, 0, 30),
    "detail": {"due_on": ["2024-01-01", "2024-02-01"], "n": [1, None]},
    "blob": bytes(range(256)),
    "key": uuid.UUID("12345678-1234-5678-1234-567812345678"),
    "title": "Mayor’s “Safer Streets” – 2024\n",
}


@pytest.mark.parametrize("name", VALUES)
def test_a_value_comes_back_exactly_after_the_trip_through_json(name):
    encode, decode = codec(SAMPLES.c[name])
    written = json.loads(json.dumps(encode(VALUES[name])))
    assert decode(written) == VALUES[name]


def test_moments_are_written_in_utc_and_naive_ones_from_sqlite_taken_as_utc():
    encode, decode = codec(SAMPLES.c.moment)
    summer = datetime(2024, 7, 1, 11, 0, tzinfo=timezone(timedelta(hours=1)))
    assert encode(summer) == "2024-07-01T10:00:00+00:00"
    assert encode(datetime(2024, 7, 1, 10, 0)) == "2024-07-01T10:00:00+00:00"
    assert decode("2024-07-01T11:00:00+01:00") == datetime(2024, 7, 1, 10, 0, tzinfo=UTC)


def test_decimals_are_written_to_the_column_scale():
    encode, _ = codec(SAMPLES.c.amount)
    assert encode(Decimal("12.5")) == "12.5000"


@pytest.mark.parametrize(
    ("name", "wrong"),
    [
        ("flag", 1),
        ("count", True),
        ("count", "7"),
        ("amount", 1.5),
        ("amount", "lots"),
        ("moment", "2024-07-01T10:00:00"),
        ("wall_clock", "2024-07-01T10:00:00+00:00"),
        ("day", "29/02/2024"),
        ("blob", "not base64!"),
        ("key", "not-a-uuid"),
        ("title", 12),
    ],
)
def test_a_value_of_the_wrong_kind_is_refused(name, wrong):
    _, decode = codec(SAMPLES.c[name])
    with pytest.raises(ValueError):
        decode(wrong)


def test_every_column_of_the_schema_can_be_carried():
    for table in db.metadata.sorted_tables:
        for column in table.columns:
            codec(column)


def test_a_column_type_the_format_does_not_know_is_named():
    table = sa.Table("odd", sa.MetaData(), sa.Column("gap", sa.Interval))
    with pytest.raises(UnsupportedColumn, match="odd.gap"):
        codec(table.c.gap)
