"""Counts of actions kept until the actions change (`kit.data_versions`), so that a page view
costs a count only after a change, not every time.

The kind "actions" covers every table a kept count, the register's kept filter choices or its kept
pages read: the actions, their history (the register shows each one's latest entry and who made
it: people and user accounts), their links to priorities and indicators, the meetings (a report
narrowed to a meeting type; the register's meeting choices), their agenda items (an action's
item number is its place in the agenda as it stands) and their types, and the owners,
leads, priorities, indicators and plans whose names label the counts and choices. A change to any
of them, through any service, bulk statement or the API, renews the token when its transaction
commits, and the next view counts afresh.

What is kept is plain values (numbers, names, ids), keyed by everything they depend on: the
reader's `queries.visibility_key`, the as-at date, the filters.
"""

from collections.abc import Callable
from typing import TypeVar

from tracker.actions.models import Action, ActionUpdate, action_indicator, action_priority
from tracker.auth.models import User
from tracker.directory.models import MeetingType, Organisation, Person
from tracker.kit import data_versions
from tracker.meetings.models import AgendaItem, Meeting
from tracker.plans.models import Indicator, Plan, Priority

KIND = "actions"
data_versions.watch(
    KIND,
    Action.__table__,
    ActionUpdate.__table__,
    User.__table__,
    action_priority,
    action_indicator,
    Meeting.__table__,
    AgendaItem.__table__,
    MeetingType.__table__,
    Organisation.__table__,
    Person.__table__,
    Priority.__table__,
    Indicator.__table__,
    Plan.__table__,
)

T = TypeVar("T")


def kept(what: str, key: tuple, compute: Callable[[], T]) -> T:
    """`compute()` (plain values), worked out once per change to the actions for `what` and
    `key`."""
    return data_versions.remembered(KIND, (what, *key), compute)
