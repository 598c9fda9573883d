"""Every model, imported in one place so Alembic and the shell see the whole schema."""

from tracker.actions.models import (
    Action,
    ActionStatus,
    ActionUpdate,
    action_indicator,
    action_priority,
)
from tracker.audit import AuditEntry
from tracker.auth.models import ApiToken, Role, TokenScope, User
from tracker.auth.sessions import UserSession
from tracker.calendars.models import CalendarLink
from tracker.directory.models import MeetingType, Organisation, Person
from tracker.kit.data_versions import DataVersion
from tracker.meetings.models import (
    AgendaItem,
    Attendance,
    AttendanceKind,
    FutureAgendaItem,
    Meeting,
    MinutesRevision,
    MinutesStatus,
    PaperLink,
)
from tracker.notifications.models import NotificationPreference, OutboxMessage
from tracker.plans.models import (
    CrossCuttingTheme,
    Direction,
    Indicator,
    IndicatorValue,
    Objective,
    Outcome,
    Plan,
    PlanStatus,
    Priority,
    PriorityRating,
    Rating,
)

__all__ = [
    "Action", "ActionStatus", "ApiToken", "ActionUpdate", "AgendaItem", "Attendance", "AttendanceKind",
    "AuditEntry", "CalendarLink", "CrossCuttingTheme", "DataVersion", "Direction", "FutureAgendaItem", "Indicator",
    "IndicatorValue", "Meeting", "MeetingType", "MinutesRevision", "MinutesStatus",
    "NotificationPreference", "Objective", "Organisation", "Outcome", "OutboxMessage", "PaperLink",
    "Person", "Plan", "PlanStatus", "Priority",
    "PriorityRating", "Rating", "Role", "TokenScope", "User", "UserSession", "action_indicator", "action_priority",
]
