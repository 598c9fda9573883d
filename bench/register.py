"""How quick the action register and its neighbours are with 100,000 actions.

Builds a SQLite database (through the migrations) with 100,000 actions spread over 2,000 meetings,
40 organisations, 400 leads and the demo plan's priorities and indicators, each with a history
entry; then times page loads with the Flask test client and counts their SQL queries.

    python -m bench.register [--actions 100000] [--repeat 5] [--keep PATH]

`make bench` runs it. The numbers are a guide for one machine, not a test: the query counts are
what must not grow (tests/actions/test_register_queries.py asserts that). So that they mean the
same, it counts queries and signs in with the tests' own helpers (tests/queries.py and
tests/clients.py), which need nothing from pytest; run it from the project's folder.
"""

import argparse
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import flask_migrate
import sqlalchemy as sa

from tests.clients import sign_in
from tests.queries import counting_queries
from tracker import create_app
from tracker.extensions import db

PAGES = [
    "/actions",
    "/actions?page=2000",
    "/actions?sort=overdue&status=outstanding",
    "/actions?sort=reference&page=50",
    "/actions?q=district+figures",
    "/actions?due=within&days=30",
    "/actions?owner=3&priority=2&indicator=4",
    "/actions/overdue",
    "/actions/overdue?group=priority",
    "/actions/1",
    "/",
    "/reports/outstanding-actions?owner=7",
]
BATCH = 10_000


def build(count: int) -> None:
    """Fill an empty database with `count` actions and what they hang from, in bulk inserts."""
    from tracker.models import (
        Action,
        ActionStatus,
        ActionUpdate,
        AgendaItem,
        Indicator,
        Meeting,
        MeetingType,
        Organisation,
        Person,
        Plan,
        Priority,
        Role,
        User,
        action_indicator,
        action_priority,
    )

    session = db.session
    session.execute(
        sa.insert(Organisation),
        [{"name": f"Organisation {n}", "short_name": f"ORG{n}"} for n in range(40)],
    )
    org_ids = list(session.scalars(sa.select(Organisation.id)))
    session.execute(
        sa.insert(Person),
        [
            {"name": f"Lead {n}", "job_title": "Officer", "organisation_id": org_ids[n % 40]}
            for n in range(400)
        ],
    )
    people = list(session.execute(sa.select(Person.id, Person.organisation_id)))
    session.execute(
        sa.insert(MeetingType),
        [
            {
                "name": name,
                "short_name": short,
                "cadence": "",
                "is_public": False,
                "standing_agenda": "",
            }
            for name, short in (
                ("Community Outcomes Meeting", "COM"),
                ("Joint Executive Meeting", "JEM"),
                ("Delivery Quarterly", "DQ"),
            )
        ],
    )
    type_ids = list(session.scalars(sa.select(MeetingType.id)))
    start = datetime(2016, 1, 5, 10)
    session.execute(
        sa.insert(Meeting),
        [
            {
                "meeting_type_id": type_ids[n % 3],
                "starts_at": start + timedelta(days=2 * n),
                "version": 1,
            }
            for n in range(2000)
        ],
    )
    meetings = list(
        session.execute(sa.select(Meeting.id, Meeting.meeting_type_id, Meeting.starts_at))
    )
    session.execute(
        sa.insert(AgendaItem),
        [
            {"meeting_id": m.id, "position": p, "title": f"Item {p}", "notes": "", "version": 1}
            for m in meetings
            for p in range(1, 11)
        ],
    )
    items = list(
        session.execute(sa.select(AgendaItem.id, AgendaItem.meeting_id, AgendaItem.position))
    )
    plan = Plan(title="Police and Crime Plan 2021-24", status="current")
    session.add(plan)
    session.flush()
    session.execute(
        sa.insert(Priority),
        [
            {"plan_id": plan.id, "position": n, "title": f"Priority {n}", "summary": ""}
            for n in range(1, 5)
        ],
    )
    priority_ids = list(session.scalars(sa.select(Priority.id)))
    session.execute(
        sa.insert(Indicator),
        [
            {"priority_id": priority_ids[n % 4], "position": n, "name": f"Indicator {n}"}
            for n in range(40)
        ],
    )
    indicator_ids = list(session.scalars(sa.select(Indicator.id)))
    user = User(username="dmpc", role=Role.EXECUTIVE, password_hash="x", person_id=people[0].id)
    session.add(user)
    session.flush()

    statuses = tuple(ActionStatus)
    today = date.today()
    types = {
        type_id: short
        for type_id, short in session.execute(sa.select(MeetingType.id, MeetingType.short_name))
    }
    meeting_of = {m.id: m for m in meetings}
    for first in range(0, count, BATCH):
        rows = []
        for n in range(first, min(first + BATCH, count)):
            item = items[n % len(items)]
            meeting = meeting_of[item.meeting_id]
            lead = people[n % len(people)]
            rows.append(
                {
                    "reference": f"{types[meeting.meeting_type_id]}-{meeting.starts_at:%Y-%m}-{item.position:02d}-{n}",
                    "text": f"Organisation to provide the district figures for review {n}.",
                    "owner_id": lead.organisation_id,
                    "lead_id": lead.id,
                    "meeting_id": meeting.id,
                    "agenda_item_id": item.id,
                    "due_on": today + timedelta(days=(n % 1500) - 1200),
                    "status": statuses[n % len(statuses)],
                    "confidential": n % 11 == 0,
                    "raised_on": meeting.starts_at.date(),
                    "version": 1,
                }
            )
        session.execute(sa.insert(Action), rows)
    action_ids = list(session.scalars(sa.select(Action.id).order_by(Action.id)))
    for first in range(0, len(action_ids), BATCH):
        chunk = action_ids[first : first + BATCH]
        session.execute(
            sa.insert(ActionUpdate),
            [
                {
                    "action_id": i,
                    "author_id": user.id,
                    "kind": "update",
                    "note": f"Progress on {i}.",
                    "created_at": datetime(2024, 1, 1, tzinfo=UTC) + timedelta(minutes=i),
                }
                for i in chunk
            ],
        )
        session.execute(
            action_priority.insert(),
            [{"action_id": i, "priority_id": priority_ids[i % 4]} for i in chunk],
        )
        session.execute(
            action_indicator.insert(),
            [{"action_id": i, "indicator_id": indicator_ids[i % 40]} for i in chunk[::3]],
        )
    session.commit()


def time_pages(app, repeat: int) -> None:
    from tracker.models import User

    client = app.test_client()
    with app.app_context():
        sign_in(client, db.session.scalar(sa.select(User).where(User.username == "dmpc")))
    print(f"{'page':<45} {'queries':>7} {'median ms':>10} {'max ms':>8}")
    for url in PAGES:
        timings, statements = [], []
        for _ in range(repeat):
            with app.app_context(), counting_queries() as queries:
                started = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
            statements = queries
            assert response.status_code == 200, (url, response.status_code)
        print(
            f"{url:<45} {len(statements):>7} {statistics.median(timings):>10.0f} {max(timings):>8.0f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--keep", type=Path, help="Keep the database at this path (re-used if it exists)."
    )
    args = parser.parse_args()

    folder = tempfile.TemporaryDirectory()
    path = args.keep or Path(folder.name) / "bench.sqlite"
    fresh = not path.exists()
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}",
            "SECRET_KEY": "bench",
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
        }
    )
    with app.app_context():
        if fresh:
            flask_migrate.upgrade()
            started = time.perf_counter()
            build(args.actions)
            print(
                f"Built {args.actions:,} actions in {time.perf_counter() - started:.1f} s at {path}"
            )
    time_pages(app, args.repeat)
    folder.cleanup()


if __name__ == "__main__":
    main()
