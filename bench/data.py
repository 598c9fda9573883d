"""Years of the tracker's use, built in bulk: the data `make bench` times the pages against.

`build(count)` starts from the demo data (`tracker.demo`: the five sign-ins, one per role, the
meeting types, the Police and Crime Plan with its indicators and Delivery Quarterly figures, the
demo meetings) and adds, in the demo's proportions:

- 40 organisations in all, West Yorkshire Police owning half the actions, ten leads each;
- one meeting for every 7 actions, spread over the five meeting types and ten years up to today,
  each with 4 agenda items whose notes run to a few sentences (what search looks through);
- `count` actions, lettered within their item, most of the older ones finished and about a fifth
  outstanding (some long overdue); one in twenty confidential;
- each action's history: the entry that raised it and 0-4 more (updates, requests for more time,
  the sign-off or the closing), about 4 in all;
- links to one or two of the current plan's priorities, and to an indicator for a third.

Every table is filled with a few multi-row INSERTs (`sa.insert` with lists), so 100,000 actions
take seconds, not minutes. The same seed gives the same data.
"""

import json
import random
from datetime import UTC, date, datetime, time, timedelta
from string import ascii_lowercase

import sqlalchemy as sa

from tracker import demo
from tracker.actions.models import (
    FINISHED_STATUSES,
    Action,
    ActionStatus,
    ActionUpdate,
    UpdateKind,
    action_indicator,
    action_priority,
)
from tracker.actions.register import edge
from tracker.auth.models import User
from tracker.directory.models import MeetingType, Organisation, Person
from tracker.extensions import db
from tracker.kit.dates import today
from tracker.meetings.models import AgendaItem, Meeting, MinutesStatus
from tracker.plans.models import Indicator, Plan, PlanStatus, Priority

# How often each status comes up, among finished actions and among the others.
FINISHED = (ActionStatus.CLOSED,) * 8 + (ActionStatus.SUPERSEDED, ActionStatus.DROPPED)
UNFINISHED = (
    ActionStatus.OPEN,
    ActionStatus.OPEN,
    ActionStatus.IN_PROGRESS,
    ActionStatus.AWAITING_SIGN_OFF,
)
ORGANISATIONS = 40
LEADS_PER_ORGANISATION = 10
ACTIONS_PER_MEETING = 7
ITEMS_PER_MEETING = 4
YEARS = 10
# Where a meeting's n-th action sits: (agenda item, letter within it), spread over the items.
LAYOUT = [
    (item, sum(1 for k in range(n) if k * ITEMS_PER_MEETING // ACTIONS_PER_MEETING == item))
    for n in range(ACTIONS_PER_MEETING)
    for item in [n * ITEMS_PER_MEETING // ACTIONS_PER_MEETING]
]
BATCH = 20_000

ITEM_TITLES = (
    "Performance against the Police and Crime Plan",
    "Neighbourhood policing and community safety",
    "Violence against women and girls",
    "Finance and resources",
    "Victims' services and safeguarding",
    "Partnership working and communications",
)
ACTION_TEXTS = (
    "To provide the district breakdown of {what} for the next meeting.",
    "To circulate the briefing note on {what} to members.",
    "To review the approach to {what} with partners and report back.",
    "To share the latest figures on {what} with the Policing and Crime team.",
    "To arrange a session for members on {what}.",
)
SUBJECTS = (
    "knife crime",
    "anti-social behaviour",
    "domestic abuse repeat victims",
    "rural crime",
    "call handling times",
    "stop and search",
    "hate crime reporting",
    "road safety",
)
DISTRICTS = ("Bradford", "Calderdale", "Kirklees", "Leeds", "Wakefield")
# An item's notes: a few of these, as the secretariat's minutes read.
NOTE_SENTENCES = (
    "The Chief Superintendent for {district} presented the latest figures on {what}.",
    "Members asked how {what} compared with the same quarter last year.",
    "Custody throughput in {district} had risen, and officers were spending longer at hospital.",
    "The DMPC noted the work with partners in {district} on {what} and asked to be kept updated.",
    "Complaints about {what} had fallen since the new neighbourhood teams started.",
    "WYP explained the force's approach to {what}, which followed the national guidance.",
)


def build(count: int, seed: int = 13) -> dict:
    """Add the demo data and `count` actions (with their meetings, items, history and plan links)
    to an empty, migrated database, and commit. Returns what the benchmark asks for by id."""
    rng = random.Random(seed)
    demo.load()
    wyp, owners = _add_organisations()
    leads = _add_leads(owners)
    meetings = _add_meetings(-(-count // ACTIONS_PER_MEETING))
    items = _add_items(meetings)
    ids = _add_actions(count, meetings, items, wyp, leads, rng)
    _add_history(ids, rng)
    priority_ids = _add_plan_links(ids, rng)
    _catch_up_sequences([Meeting.__table__, AgendaItem.__table__, Action.__table__])
    db.session.commit()
    # A deep page of the register as a reader reaches it, by its "next" links: the page that
    # starts after the middle action of the default order (due date, undated last).
    middle = db.session.scalar(
        sa.select(Action)
        .order_by(Action.due_on.is_(None), Action.due_on, Action.reference)
        .offset(count // 2)
        .limit(1)
    )
    return {
        "deep_after": edge(middle, "due", today()),
        "wyp": wyp,
        "priority": priority_ids[0],
        "indicator": db.session.scalar(
            sa.select(Indicator.id)
            .where(Indicator.priority_id == priority_ids[0])
            .order_by(Indicator.position)
            .limit(1)
        ),
    }


def _insert(table, rows: list[dict]) -> None:
    """Insert `rows` in a few statements.

    SQLite's driver runs a list of rows fastest as one prepared statement executed many times
    (`sa.insert` with a list). To PostgreSQL the same list goes a row at a time (psycopg's
    pipeline: 40 s for 100,000 actions on a busy 2-core machine), so there the rows go in one
    COPY, as `pg_restore` loads a table.
    """
    if not rows:
        return
    if db.session.get_bind().dialect.name == "postgresql":
        _copy(table, rows)
        return
    for first in range(0, len(rows), BATCH):
        db.session.execute(sa.insert(table), rows[first : first + BATCH])


def _copy(table, rows: list[dict]) -> None:
    """PostgreSQL's COPY of `rows` into `table`, with the models' defaults for the columns the
    rows leave out (COPY knows only the database's own defaults)."""
    defaults = {
        column.name: column.default.arg if column.default.is_scalar else column.default.arg(None)
        for column in table.columns
        if column.default is not None and column.name not in rows[0]
    }
    rows = [{**defaults, **row} for row in rows]
    columns = list(rows[0])
    cursor = db.session.connection().connection.dbapi_connection.cursor()
    names = ", ".join(columns)
    with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([_copy_value(row[column]) for column in columns])


def _copy_value(value):
    """A value as COPY takes it: statuses as their text, JSON as text."""
    if isinstance(value, dict):
        return json.dumps(value)
    if isinstance(value, str):
        return str(value)
    return value


def _insert_numbered(table, rows: list[dict]) -> list[int]:
    """Insert `rows` with ids given here, after the table's last; the ids, in the rows' order.

    Numbering them here spares a RETURNING clause, which makes PostgreSQL's inserts several
    times slower; `_catch_up_sequences` then moves PostgreSQL's id sequences past them.
    """
    start = (db.session.scalar(sa.select(sa.func.max(table.c.id))) or 0) + 1
    ids = list(range(start, start + len(rows)))
    for row, row_id in zip(rows, ids, strict=True):
        row["id"] = row_id
    _insert(table, rows)
    return ids


def _catch_up_sequences(tables) -> None:
    """On PostgreSQL, let the next id each table gives be after the ones numbered here."""
    if db.session.get_bind().dialect.name != "postgresql":
        return  # SQLite's AUTOINCREMENT keeps track of the largest id by itself
    for table in tables:
        db.session.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"(SELECT max(id) FROM {table.name}))"
            )
        )


def _add_organisations() -> tuple[int, list[int]]:
    """The demo's two organisations and partners up to 40; WYP's id and every owner's."""
    existing = db.session.scalar(sa.select(sa.func.count(Organisation.id)))
    _insert(
        Organisation.__table__,
        [
            {"name": f"Partner organisation {n}", "short_name": f"P{n:02d}"}
            for n in range(existing + 1, ORGANISATIONS + 1)
        ],
    )
    wyp = db.session.scalar(sa.select(Organisation.id).where(Organisation.short_name == "WYP"))
    owners = list(db.session.scalars(sa.select(Organisation.id).order_by(Organisation.id)))
    return wyp, owners


def _add_leads(owners: list[int]) -> dict[int, list[int]]:
    """Ten leads in each organisation besides the demo's people; the leads by organisation."""
    _insert(
        Person.__table__,
        [
            {
                "name": f"Lead {n} of {owner}",
                "job_title": "Officer",
                "organisation_id": owner,
                "email": f"lead{n}.{owner}@example.org",
            }
            for owner in owners
            for n in range(1, LEADS_PER_ORGANISATION + 1)
        ],
    )
    leads: dict[int, list[int]] = {owner: [] for owner in owners}
    for person_id, organisation_id in db.session.execute(
        sa.select(Person.id, Person.organisation_id).order_by(Person.id)
    ):
        leads[organisation_id].append(person_id)
    return leads


def _add_meetings(number: int) -> list[tuple[int, str, datetime]]:
    """`number` meetings of the five types over the last ten years (a few still to come)."""
    types = list(db.session.execute(sa.select(MeetingType.id, MeetingType.short_name)))
    last = datetime.combine(today(), time(10)) + timedelta(days=60)
    step = timedelta(days=365 * YEARS) / max(number, 1)
    rows = []
    for n in range(number):
        starts_at = last - step * (number - 1 - n)
        type_id, _ = types[n % len(types)]
        past = starts_at.date() < today()
        rows.append(
            {
                "meeting_type_id": type_id,
                "starts_at": starts_at.replace(microsecond=0),
                "place": "Wellington House, Wakefield",
                "minutes_status": MinutesStatus.PUBLISHED if past else MinutesStatus.DRAFT,
                "created_at": datetime.combine(starts_at.date(), time(9), tzinfo=UTC)
                - timedelta(weeks=6),
            }
        )
    ids = _insert_numbered(Meeting.__table__, rows)
    short = dict(types)
    return [
        (mid, short[row["meeting_type_id"]], row["starts_at"])
        for mid, row in zip(ids, rows, strict=True)
    ]


def _notes(rng: random.Random) -> str:
    return " ".join(
        rng.choice(NOTE_SENTENCES).format(what=rng.choice(SUBJECTS), district=rng.choice(DISTRICTS))
        for _ in range(rng.randrange(2, 6))
    )


def _add_items(meetings) -> list[list[int]]:
    """Four agenda items in each meeting, with notes; their ids, meeting by meeting."""
    # Its own random numbers, so the actions are the same as before items had notes.
    rng = random.Random(len(meetings))
    rows = [
        {
            "meeting_id": mid,
            "position": position,
            "title": ITEM_TITLES[(mid + position) % len(ITEM_TITLES)],
            "notes": _notes(rng),
        }
        for mid, _, _ in meetings
        for position in range(1, ITEMS_PER_MEETING + 1)
    ]
    ids = _insert_numbered(AgendaItem.__table__, rows)
    return [ids[n : n + ITEMS_PER_MEETING] for n in range(0, len(ids), ITEMS_PER_MEETING)]


def _status(due_on: date, rng: random.Random) -> str:
    """Most actions long past their date are finished; recent ones mostly still open."""
    age = (today() - due_on).days
    finished_share = 0.85 if age > 180 else 0.5 if age > 0 else 0.1
    if rng.random() < finished_share:
        return rng.choice(FINISHED)
    return rng.choice(UNFINISHED)


def _add_actions(count, meetings, items, wyp, leads, rng) -> list[tuple[int, str, date, datetime]]:
    """`count` actions, 7 a meeting over its items; (id, status, raised on, created at) of each."""
    others = [owner for owner in leads if owner != wyp]
    rows = []
    for n in range(count):
        meeting_number, within = divmod(n, ACTIONS_PER_MEETING)
        mid, short, starts_at = meetings[meeting_number]
        item_number, letter = LAYOUT[within]
        owner = wyp if n % 2 == 0 else others[(n // 2) % len(others)]
        raised_on = starts_at.date()
        due_on = raised_on + timedelta(days=rng.randrange(14, 120))
        status = _status(due_on, rng)
        created_at = datetime.combine(raised_on, time(16), tzinfo=UTC)
        rows.append(
            {
                # COM-2023-10-04a, with the meeting's id: a type meets more than once a month.
                "reference": f"{short}-{starts_at:%Y-%m}-{mid}-"
                f"{item_number + 1:02d}{ascii_lowercase[letter]}",
                "text": ACTION_TEXTS[n % len(ACTION_TEXTS)].format(what=SUBJECTS[n % len(SUBJECTS)]),
                "owner_id": owner,
                "lead_id": rng.choice(leads[owner]),
                "meeting_id": mid,
                "agenda_item_id": items[meeting_number][item_number],
                "position": letter,
                "due_on": due_on,
                "status": status,
                "confidential": rng.random() < 0.05,
                "raised_on": raised_on,
                "closed_on": min(due_on, today()) if status == ActionStatus.CLOSED else None,
                "created_at": created_at,
                "updated_at": created_at,
            }
        )
    ids = _insert_numbered(Action.__table__, rows)
    return [
        (action_id, row["status"], row["raised_on"], row["created_at"])
        for action_id, row in zip(ids, rows, strict=True)
    ]


def _add_history(actions, rng: random.Random) -> None:
    """The entry that raised each action and 0-4 more, the last closing it if it is finished."""
    authors = dict(db.session.execute(sa.select(User.username, User.id)).all())
    rows = []
    for action_id, status, _raised_on, created_at in actions:
        rows.append(
            {
                "action_id": action_id,
                "author_id": authors["secretariat"],
                "created_at": created_at,
                "kind": UpdateKind.RAISED,
                "old_status": None,
                "new_status": ActionStatus.OPEN,
                "note": "Raised at the meeting.",
                "changes": {},
            }
        )
        for k in range(1, rng.randrange(0, 5) + 1):
            rows.append(
                {
                    "action_id": action_id,
                    "author_id": authors["lead"],
                    "created_at": created_at + timedelta(days=7 * k),
                    "kind": UpdateKind.UPDATE,
                    "old_status": None,
                    "new_status": None,
                    "note": f"Progress update {k}: work continues with partners.",
                    "changes": {},
                }
            )
        if status in FINISHED_STATUSES:
            rows.append(
                {
                    "action_id": action_id,
                    "author_id": authors["dmpc"],
                    "created_at": created_at + timedelta(days=40),
                    "kind": UpdateKind.SIGN_OFF if status == ActionStatus.CLOSED else status,
                    "old_status": ActionStatus.AWAITING_SIGN_OFF,
                    "new_status": status,
                    "note": "Done.",
                    "changes": {},
                }
            )
    _insert(ActionUpdate.__table__, rows)


def _add_plan_links(actions, rng: random.Random) -> list[int]:
    """One or two of the current plan's priorities for each action; an indicator for a third."""
    priorities = list(
        db.session.scalars(
            sa.select(Priority.id)
            .join(Plan)
            .where(Plan.status == PlanStatus.CURRENT)
            .order_by(Priority.position)
        )
    )
    indicators: dict[int, list[int]] = {p: [] for p in priorities}
    for indicator_id, priority_id in db.session.execute(
        sa.select(Indicator.id, Indicator.priority_id).where(Indicator.priority_id.in_(priorities))
    ):
        indicators[priority_id].append(indicator_id)
    priority_rows, indicator_rows = [], []
    for n, (action_id, *_rest) in enumerate(actions):
        chosen = rng.sample(priorities, 2 if n % 3 == 0 else 1)
        priority_rows += [{"action_id": action_id, "priority_id": p} for p in chosen]
        if n % 3 == 1 and indicators[chosen[0]]:
            indicator_rows.append(
                {"action_id": action_id, "indicator_id": rng.choice(indicators[chosen[0]])}
            )
    _insert(action_priority, priority_rows)
    _insert(action_indicator, indicator_rows)
    return priorities
