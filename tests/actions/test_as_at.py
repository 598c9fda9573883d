"""An action as it stood on a past day, read back from its history in SQL (`tracker.actions.as_at`),
agrees with undoing its history in Python, entry by entry, on every kind of history: status
changes, due dates moved, set and removed, notes and entries without one, entries late in the UK
day and either side of the clocks changing, entries made in the same instant, and none at all."""

from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import ActionFactory
from tracker.actions import as_at
from tracker.actions.models import Action, ActionStatus, ActionUpdate, UpdateKind
from tracker.extensions import db
from tracker.kit.dates import uk_time

S = ActionStatus


def in_python(action: Action, day: date) -> tuple[str, date | None, int | None]:
    """Status, due date and the latest noted entry's id at the end of `day`, by undoing the
    entries made after it, newest first (what the pack did before it asked SQL)."""
    status, due_on = action.status, action.due_on
    entries = sorted(action.updates, key=lambda e: (uk_time(e.created_at), e.id))
    made_by = [e for e in entries if uk_time(e.created_at).date() <= day]
    for entry in reversed(entries[len(made_by):]):
        if entry.old_status and entry.new_status:
            status = entry.old_status
        if entry.changes.get("due_on"):
            old = entry.changes["due_on"][0]
            due_on = date.fromisoformat(old) if old else None
    noted = [e for e in made_by if e.kind != UpdateKind.RAISED and e.note]
    return status, due_on, (noted[-1].id if noted else None)


def in_sql(day: date) -> dict[int, tuple[str, date | None, int | None]]:
    then = sa.select(
        Action.id,
        as_at.status_on(day).label("status"),
        Action.due_on.label("due_now"),
        as_at.due_change_after(day).label("due_change"),
        as_at.latest_note_id(day).label("note_id"),
    ).subquery()
    rows = db.session.execute(
        sa.select(then.c.id, then.c.status, as_at.due_on(then.c.due_change, then.c.due_now),
                  then.c.note_id)
    )
    return {row[0]: tuple(row[1:]) for row in rows}


def entry(moment: datetime, kind=UpdateKind.UPDATE, note="", old=None, new=None, due=None):
    return ActionUpdate(kind=kind, created_at=moment, note=note, old_status=old, new_status=new,
                        changes={"due_on": list(due)} if due else {})


def utc(*parts) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def days_around(actions) -> set[date]:
    """Each entry's UK day and UTC day, the days either side, and days long before and after."""
    days = {date(2000, 1, 1), date(2099, 12, 31)}
    for action in actions:
        for e in action.updates:
            for day in (uk_time(e.created_at).date(), e.created_at.date()):
                days |= {day - timedelta(days=1), day, day + timedelta(days=1)}
    return days


def assert_sql_agrees(actions) -> None:
    db.session.commit()
    for action in actions:
        db.session.refresh(action)
    for day in sorted(days_around(actions)):
        found = in_sql(day)
        for action in actions:
            assert found[action.id] == in_python(action, day), (action.reference, day)


def test_sql_and_python_agree_on_varied_histories(app):
    no_history = ActionFactory(status=S.IN_PROGRESS, due_on=date(2024, 5, 1), updates=[])
    raised_only = ActionFactory(updates=[
        entry(utc(2023, 10, 10, 16), UpdateKind.RAISED, "Raised at the meeting.", new=S.OPEN)])
    # Opened, worked on, given more time twice, completed, sent back, signed off.
    full_life = ActionFactory(status=S.CLOSED, due_on=date(2024, 6, 30), updates=[
        entry(utc(2023, 10, 10, 16), UpdateKind.RAISED, "Raised.", new=S.OPEN),
        entry(utc(2023, 11, 2, 9), UpdateKind.UPDATE, "Started.", S.OPEN, S.IN_PROGRESS),
        entry(utc(2023, 12, 1, 12), UpdateKind.EXTENSION_REQUEST, "Need more time."),
        entry(utc(2023, 12, 4, 12), UpdateKind.EXTENSION_ACCEPTED, "Agreed.",
              due=("2024-01-31", "2024-03-31")),
        entry(utc(2024, 2, 1, 8), UpdateKind.UPDATE, ""),  # no note: not what a reader saw
        entry(utc(2024, 3, 20, 15), UpdateKind.UPDATE, "Done.", S.IN_PROGRESS,
              S.AWAITING_SIGN_OFF),
        entry(utc(2024, 3, 25, 10), UpdateKind.SENT_BACK, "Not yet.", S.AWAITING_SIGN_OFF,
              S.IN_PROGRESS),
        entry(utc(2024, 4, 2, 10), UpdateKind.EDIT, "Moved.", due=("2024-03-31", "2024-06-30")),
        entry(utc(2024, 6, 1, 10), UpdateKind.UPDATE, "Done now.", S.IN_PROGRESS,
              S.AWAITING_SIGN_OFF),
        entry(utc(2024, 6, 3, 10), UpdateKind.SIGN_OFF, "", S.AWAITING_SIGN_OFF, S.CLOSED),
    ])
    # Undated when raised, given a date, then the date taken off again.
    undated = ActionFactory(due_on=None, updates=[
        entry(utc(2023, 10, 10, 16), UpdateKind.RAISED, "Raised.", new=S.OPEN),
        entry(utc(2023, 11, 1, 10), UpdateKind.EDIT, "Dated.", due=(None, "2024-01-15")),
        entry(utc(2024, 1, 2, 10), UpdateKind.EDIT, "Undated.", due=("2024-01-15", None)),
    ])
    # Late in the UK day: 11:30pm UK on 30 June (BST) is 10:30pm UTC; 12:30am UK on 1 July is
    # still 30 June in UTC. In winter, 11:30pm UTC on 31 December is 31 December in the UK too.
    late = ActionFactory(status=S.DROPPED, due_on=date(2024, 9, 30), updates=[
        entry(utc(2024, 6, 30, 22, 30), UpdateKind.UPDATE, "Late on 30 June.", S.OPEN,
              S.IN_PROGRESS),
        entry(utc(2024, 6, 30, 23, 30), UpdateKind.EXTENSION_ACCEPTED, "Early on 1 July.",
              due=("2024-07-31", "2024-09-30")),
        entry(utc(2024, 12, 31, 23, 30), UpdateKind.DROPPED, "Dropped on New Year's Eve.",
              S.IN_PROGRESS, S.DROPPED),
    ])
    # Either side of the clocks changing: 31 March 2024 (GMT to BST) and 27 October 2024.
    clocks = ActionFactory(status=S.AWAITING_SIGN_OFF, updates=[
        entry(utc(2024, 3, 30, 23, 30), UpdateKind.UPDATE, "30 March, GMT.", S.OPEN,
              S.IN_PROGRESS),
        entry(utc(2024, 3, 31, 23, 30), UpdateKind.UPDATE, "1 April in BST.", S.IN_PROGRESS,
              S.OPEN),
        entry(utc(2024, 10, 26, 23, 30), UpdateKind.UPDATE, "27 October in BST.", S.OPEN,
              S.IN_PROGRESS),
        entry(utc(2024, 10, 27, 23, 30), UpdateKind.UPDATE, "27 October, GMT again.",
              S.IN_PROGRESS, S.AWAITING_SIGN_OFF),
    ])
    # Two entries in the same instant: the later one (by id) is the latest.
    same_instant = ActionFactory(status=S.AWAITING_SIGN_OFF, updates=[
        entry(utc(2024, 2, 1, 12), UpdateKind.UPDATE, "First.", S.OPEN, S.IN_PROGRESS),
        entry(utc(2024, 2, 1, 12), UpdateKind.UPDATE, "Second.", S.IN_PROGRESS,
              S.AWAITING_SIGN_OFF),
    ])
    actions = [no_history, raised_only, full_life, undated, late, clocks, same_instant]
    assert_sql_agrees(actions)

    # What a reader of a pack sees, spelt out for a few of those days.
    def on(action, day):
        return in_sql(day)[action.id]

    notes = {e.note: e.id for a in actions for e in a.updates}
    assert on(full_life, date(2023, 12, 31)) == (S.IN_PROGRESS, date(2024, 3, 31), notes["Agreed."])
    assert on(full_life, date(2023, 11, 30)) == (S.IN_PROGRESS, date(2024, 1, 31), notes["Started."])
    assert on(full_life, date(2023, 10, 31)) == (S.OPEN, date(2024, 1, 31), None)
    assert on(undated, date(2023, 12, 31)) == (S.OPEN, date(2024, 1, 15), notes["Dated."])
    assert on(undated, date(2023, 10, 31)) == (S.OPEN, None, None)
    assert on(late, date(2024, 6, 30)) == (S.IN_PROGRESS, date(2024, 7, 31),
                                           notes["Late on 30 June."])
    assert on(late, date(2024, 12, 31))[0] == S.DROPPED
    assert on(clocks, date(2024, 3, 31)) == (S.IN_PROGRESS, date(2024, 1, 31), notes["30 March, GMT."])
    assert on(clocks, date(2024, 10, 27))[0] == S.AWAITING_SIGN_OFF
    assert on(same_instant, date(2024, 2, 1)) == (S.AWAITING_SIGN_OFF, date(2024, 1, 31),
                                                  notes["Second."])
    assert on(no_history, date(2000, 1, 1)) == (S.IN_PROGRESS, date(2024, 5, 1), None)


# Random histories: each entry made at a random moment (often late in the evening, near the
# clocks changing), changing the status, the due date, both or neither, with a note or not.
STATUSES = tuple(ActionStatus)
moments = st.builds(
    lambda day, minutes: datetime(2024, 3, 25, tzinfo=UTC) + timedelta(days=day, minutes=minutes),
    st.integers(0, 220),  # late March to October 2024: both changes of the clocks
    st.sampled_from([0, 60, 22 * 60 + 30, 23 * 60 + 30, 23 * 60 + 59, 12 * 60]),
)
iso_days = st.one_of(st.none(), st.dates(date(2024, 1, 1), date(2025, 12, 31)).map(date.isoformat))
entries = st.builds(
    entry,
    moments,
    st.sampled_from(tuple(UpdateKind)),
    st.sampled_from(["", "A note."]),
    st.one_of(st.none(), st.sampled_from(STATUSES)),
    st.one_of(st.none(), st.sampled_from(STATUSES)),
    st.one_of(st.none(), st.tuples(iso_days, iso_days).filter(lambda d: d != (None, None))),
)


@settings(deadline=None, max_examples=40,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(histories=st.lists(st.lists(entries, max_size=6), min_size=1, max_size=4),
       statuses=st.lists(st.sampled_from(STATUSES), min_size=4, max_size=4),
       due=st.one_of(st.none(), st.dates(date(2024, 1, 1), date(2025, 12, 31))))
def test_sql_and_python_agree_on_any_history(app, histories, statuses, due):
    actions = [ActionFactory(status=status, due_on=due, updates=history)
               for history, status in zip(histories, statuses, strict=False)]
    assert_sql_agrees(actions)
