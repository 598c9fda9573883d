"""Demo data for a fresh database: the team's real meetings, actions and plan, and sign-ins.

`load()` builds the records from the plain data in `tracker.demo_data` (drawn from the documents in
`seeds/`): the people and meeting types, the Police and Crime Plan 2021-24 with its earlier panel
draft, Delivery Quarterly values for 2019-20, the Community Outcomes Meetings of July and October
2023 and February 2024 with their actions, and Joint Executive and Delivery Quarterly meetings.

Historical records have fixed dates, so tests over the 2023-24 data are repeatable; one JEM and one
DQ are dated from the day of loading, so the live app always has work not yet due. `make run` calls
`flask demo load --if-empty`, which uses `is_loaded()` to load only once.
"""

import functools
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from string import ascii_lowercase

import sqlalchemy as sa

from tracker.actions.models import Action, ActionStatus, ActionUpdate, UpdateKind
from tracker.auth.models import User
from tracker.demo_data import (
    com_2023_10_10,
    com_series,
    delivery_quarterly_2020,
    directory,
    executive_meetings,
    plan_2021_24,
    plan_panel_draft,
)
from tracker.directory.models import MeetingType, Organisation, Person
from tracker.extensions import db
from tracker.kit.dates import today
from tracker.meetings.models import (
    AgendaItem,
    Attendance,
    AttendanceKind,
    FutureAgendaItem,
    Meeting,
    PaperLink,
)
from tracker.notifications import reminders
from tracker.notifications.models import OutboxMessage, OutboxStatus
from tracker.plans.models import (
    FORCE,
    CrossCuttingTheme,
    Indicator,
    IndicatorValue,
    Objective,
    Outcome,
    Plan,
    Priority,
    PriorityRating,
)

DEMO_PASSWORD = "demo-password"


def _who(person_name: str | None) -> str:
    """How a demo account is described at start-up: its person as the minutes list them."""
    if person_name is None:
        return "Administrator (not linked to a person)"
    job_title, organisation = next(
        (job, org) for name, job, org in directory.PEOPLE if name == person_name
    )
    return f"{person_name} – {job_title}, {organisation}"


DEMO_USERS: list[tuple[str, str, str]] = [
    (username, role, _who(person_name)) for username, role, person_name in directory.USERS
]


@dataclass
class _Records:
    """The records made so far, keyed by the names the demo data uses to refer to them."""

    organisations: dict[str, Organisation] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    meeting_types: dict[str, MeetingType] = field(default_factory=dict)
    # Of the current plan only: the data numbers priorities 1-4 and names indicators.
    priorities: list[Priority] = field(default_factory=list)
    indicators: dict[str, Indicator] = field(default_factory=dict)


def load() -> None:
    """Add all the demo data to an empty database, in one transaction."""
    records = _Records()
    _add_directory(records)
    _add_users(records)
    _add_meeting_types(records)
    _add_plans(records)
    _add_indicator_values(records)
    _add_meetings(records, today())
    _add_sent_mail()
    db.session.commit()


# Days of the demo's history whose reminders and digest the outbox shows as sent.
SENT_MAIL_DAYS = (date(2024, 2, 23), date(2024, 2, 26))


def _add_sent_mail() -> None:
    """The reminders and the weekly digest the tracker sent on SENT_MAIL_DAYS, marked sent then,
    so the outbox (Administration → Outbox) has history; `make run` queues today's besides."""
    for day in SENT_MAIL_DAYS:
        reminders.queue_reminders(day)
        reminders.queue_digests(day)
        sent_at = _utc_on(day, hour=7)
        for message in [record for record in db.session.new if isinstance(record, OutboxMessage)]:
            message.status = OutboxStatus.SENT
            message.attempts = 1
            message.created_at = message.next_attempt_at = _utc_on(day, hour=6)
            message.sent_at = sent_at
        db.session.flush()


def is_loaded() -> bool:
    """True when the database already has users, so the demo must not be loaded again."""
    return db.session.scalar(sa.select(User.id).limit(1)) is not None


# --- People, accounts and meeting types ------------------------------------------------------


def _add_directory(records: _Records) -> None:
    """Add the organisations and the people who sit in the meetings."""
    for name, short_name in directory.ORGANISATIONS:
        records.organisations[short_name] = Organisation(name=name, short_name=short_name)
    for name, job_title, organisation in directory.PEOPLE:
        records.people[name] = Person(
            name=name,
            job_title=job_title,
            organisation=records.organisations[organisation],
            email=directory.email_of(name),
        )
    db.session.add_all([*records.organisations.values(), *records.people.values()])


def _add_users(records: _Records) -> None:
    """Add one sign-in per role, all with DEMO_PASSWORD."""
    for username, role, person_name in directory.USERS:
        records.users[username] = User(
            username=username, role=role, person=records.people.get(person_name)
        )
    users = list(records.users.values())
    for user in users:
        user.password_hash = _demo_password_hash()
    db.session.add_all(users)


@functools.cache
def _demo_password_hash() -> str:
    """DEMO_PASSWORD's hash, worked out once a process: hashing is deliberately slow, and the tests
    load the demo data many times."""
    user = User()
    user.set_password(DEMO_PASSWORD)
    return user.password_hash


def _add_meeting_types(records: _Records) -> None:
    """Add the kinds of governance meeting, each with its standing agenda."""
    for data in directory.MEETING_TYPES:
        records.meeting_types[data["short_name"]] = MeetingType(
            name=data["name"],
            short_name=data["short_name"],
            cadence=data["cadence"],
            is_public=data["is_public"],
            standing_agenda="\n".join(data["standing_agenda"]),
        )
    db.session.add_all(records.meeting_types.values())


# --- The plan and its performance figures ----------------------------------------------------


def _add_plans(records: _Records) -> None:
    """Add the published plan, with ratings, and the panel draft (archived) it was copied from."""
    current = _add_plan(plan_2021_24)
    # Flushed before the draft so the published plan, the one the demo refers to, gets the first
    # id (the draft would otherwise be inserted first, as the plan it was copied from).
    db.session.flush()
    current.copied_from = _add_plan(plan_panel_draft)
    records.priorities = current.priorities
    records.indicators = {
        indicator.name: indicator
        for priority in current.priorities
        for indicator in priority.indicators
    }
    for priority, (rating, rationale) in zip(current.priorities, plan_2021_24.RATINGS, strict=True):
        priority.ratings.append(
            PriorityRating(
                rating=rating,
                rationale=rationale,
                set_on=plan_2021_24.RATINGS_SET_ON,
                set_by=records.users["dmpc"],
            )
        )


def _add_plan(source) -> Plan:
    """Add one version of a plan from a demo_data module with PLAN, THEMES and PRIORITIES."""
    plan = Plan(**source.PLAN)
    plan.themes = [
        CrossCuttingTheme(position=position, title=title, summary=summary)
        for position, (title, summary) in enumerate(source.THEMES, start=1)
    ]
    plan.priorities = [
        _priority(position, data) for position, data in enumerate(source.PRIORITIES, start=1)
    ]
    db.session.add(plan)
    return plan


def _priority(position: int, data: dict) -> Priority:
    """A priority with its objectives, outcomes and indicators, each numbered from 1."""
    return Priority(
        position=position,
        title=data["title"],
        summary=data["summary"],
        objectives=[
            Objective(position=n, text=text)
            for n, text in enumerate(data.get("objectives", []), start=1)
        ],
        outcomes=[
            Outcome(position=n, text=text)
            for n, text in enumerate(data.get("outcomes", []), start=1)
        ],
        indicators=[
            Indicator(
                position=n,
                name=name,
                source=source,
                measure_type=measure_type,
                metric=metric,
                direction=direction,
                unit=unit,
            )
            for n, (name, source, measure_type, metric, direction, unit) in enumerate(
                data["indicators"], start=1
            )
        ],
    )


def _add_indicator_values(records: _Records) -> None:
    """Add the Delivery Quarterly 2020 figures: force baseline and current, then districts."""
    report = delivery_quarterly_2020
    for name, baseline, current, comment, note in report.FORCE_VALUES:
        indicator = records.indicators[name]
        indicator.values.append(_value(report.BASELINE, FORCE, baseline, note=note))
        indicator.values.append(_value(report.CURRENT, FORCE, current, note=note, comment=comment))
    for name, period, by_district, note in report.DISTRICT_VALUES:
        indicator = records.indicators[name]
        for district, value in by_district.items():
            indicator.values.append(_value(period, district, value, note=note))


def _value(period, district, value, note="", comment="") -> IndicatorValue:
    """One figure; `period` is (label, end date) and a None value means 'not available'."""
    label, period_end = period
    return IndicatorValue(
        period_label=label,
        period_end=period_end,
        district=district,
        # Through str so that 75.1 is stored as 75.1, not the float's binary approximation.
        value=None if value is None else Decimal(str(value)),
        note=note,
        comment=comment,
    )


# --- Meetings and actions ---------------------------------------------------------------------


def _add_meetings(records: _Records, as_of: date) -> None:
    """Add the meetings series by series, each linked to the one before, with their actions."""
    july = _add_meeting(records, com_series.JULY_2023)
    _add_actions(records, july, com_series.JULY_2023_ACTIONS)
    october = _add_meeting(records, com_2023_10_10.MEETING, previous=july)
    _add_actions(records, october, com_2023_10_10.ACTIONS)
    february = _add_meeting(records, com_series.FEBRUARY_2024, previous=october)
    # Rural Crime, agreed in October for the next agenda, is on February's.
    for future_item in october.future_items:
        future_item.carried_into = february

    jem = _add_meeting(records, executive_meetings.JEM_NOVEMBER_2023)
    _add_actions(records, jem, executive_meetings.JEM_NOVEMBER_2023_ACTIONS)
    recent_jem, recent_actions = executive_meetings.recent_jem(as_of)
    _add_actions(records, _add_meeting(records, recent_jem, previous=jem), recent_actions)

    dq = _add_meeting(records, executive_meetings.DQ_JANUARY_2024)
    _add_actions(records, dq, executive_meetings.DQ_JANUARY_2024_ACTIONS)
    _add_meeting(records, executive_meetings.upcoming_dq(as_of), previous=dq)


def _add_meeting(records: _Records, data: dict, previous: Meeting | None = None) -> Meeting:
    """Add a meeting with its attendance, agenda (standing if data has none) and future items."""
    meeting_type = records.meeting_types[data["type"]]
    meeting = Meeting(
        meeting_type=meeting_type,
        starts_at=data["starts_at"],
        place=data["place"],
        theme=data.get("theme", ""),
        minutes_status=data["minutes_status"],
        previous_meeting=previous,
        next_meeting_on=data.get("next_meeting_on"),
        previous_minutes_outcome=data.get("previous_minutes_outcome"),
        approved_at=_aware(data.get("approved_at")),
        published_at=_aware(data.get("published_at")),
        # Meetings are scheduled well ahead; this keeps the record's history in order.
        created_at=_aware(data["starts_at"] - timedelta(weeks=6)),
    )
    meeting.attendances = _attendances(records, data)
    items = data["items"] or [(title, None, [], "") for title in meeting_type.standing_items]
    meeting.agenda_items = [
        _agenda_item(records, position, *item) for position, item in enumerate(items, start=1)
    ]
    meeting.future_items = [FutureAgendaItem(title=title) for title in data["future_items"]]
    db.session.add(meeting)
    return meeting


def _attendances(records: _Records, data: dict) -> list[Attendance]:
    """Who was present, also present and sent apologies, as the minutes list them."""
    kinds = {
        AttendanceKind.PRESENT: data["present"],
        AttendanceKind.ALSO_PRESENT: data["also_present"],
        AttendanceKind.APOLOGIES: data["apologies"],
    }
    return [
        Attendance(person=records.people[name], kind=kind)
        for kind, names in kinds.items()
        for name in names
    ]


def _agenda_item(records, position, title, presenter, papers, notes) -> AgendaItem:
    """One agenda item with its presenter (a person's name or None) and links to its papers."""
    return AgendaItem(
        position=position,
        title=title,
        presenter=records.people[presenter] if presenter else None,
        notes=notes,
        papers=[
            PaperLink(position=n, title=paper_title, url=url)
            for n, (paper_title, url) in enumerate(papers)
        ],
    )


def _add_actions(records: _Records, meeting: Meeting, actions: list[dict]) -> None:
    """Add a meeting's actions, lettered a), b) ... in order within each agenda item."""
    per_item: dict[int, int] = {}
    for data in actions:
        position = per_item.get(data["item"], 0)
        per_item[data["item"]] = position + 1
        db.session.add(_action(records, meeting, data, position))


def _action(records: _Records, meeting: Meeting, data: dict, position: int) -> Action:
    """One action with its links to the plan and its history of updates."""
    raised_on = meeting.starts_at.date()
    action = Action(
        reference=_reference(meeting, data["item"], position),
        text=data["text"],
        owner=records.organisations[data.get("owner", "WYP")],
        lead=records.people[data["lead"]],
        meeting=meeting,
        agenda_item=meeting.agenda_items[data["item"] - 1],
        position=position,
        due_on=data["due_on"],
        status=data["status"],
        confidential=data.get("confidential", False),
        recurring=data.get("recurring", False),
        raised_on=raised_on,
        closed_on=data.get("closed_on"),
        requested_due_on=data.get("requested_due_on"),
        requested_due_reason=data.get("requested_due_reason", ""),
        priorities=[records.priorities[number - 1] for number in data.get("priorities", [])],
        indicators=[records.indicators[name] for name in data.get("indicators", [])],
        # Raised as the meeting closes; the secretariat records it that afternoon.
        created_at=_utc_on(raised_on, hour=16),
    )
    raised = ActionUpdate(
        author=records.users["secretariat"],
        created_at=action.created_at,
        kind=UpdateKind.RAISED,
        new_status=ActionStatus.OPEN,
        note=f"Raised at the {meeting.title}, item {data['item']}: {action.agenda_item.title}.",
    )
    action.updates = [raised, *(_update(records, update) for update in data["updates"])]
    action.updated_at = action.updates[-1].created_at if action.updates else action.created_at
    return action


def _reference(meeting: Meeting, item_number: int, position: int) -> str:
    """E.g. COM-2023-10-04a: meeting type, year and month, item number, letter."""
    return (
        f"{meeting.meeting_type.short_name}-{meeting.starts_at:%Y-%m}-"
        f"{item_number:02d}{ascii_lowercase[position]}"
    )


def _update(records: _Records, data: dict) -> ActionUpdate:
    """One entry in an action's history, written by a demo account on the given day."""
    old_status, new_status = data.get("status", (None, None))
    return ActionUpdate(
        author=records.users[data["by"]],
        created_at=_utc_on(data["on"], hour=11),
        kind=data["kind"],
        note=data["note"],
        old_status=old_status,
        new_status=new_status,
        evidence_url=data.get("evidence_url", ""),
        changes=data.get("changes", {}),
    )


def _utc_on(day: date, hour: int) -> datetime:
    """A timezone-aware moment on `day`, for the records' created_at columns."""
    return datetime.combine(day, time(hour), tzinfo=UTC)


def _aware(moment: datetime | None) -> datetime | None:
    """The data's wall-clock times as UTC, for the timezone-aware columns."""
    return None if moment is None else moment.replace(tzinfo=UTC)
