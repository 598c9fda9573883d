"""Actions raised at meetings, the updates on them, and their links to the plan."""

from datetime import date, datetime
from typing import Optional

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.directory.models import Organisation, Person
from tracker.extensions import NEVER_REUSE_IDS, db
from tracker.kit.dates import utcnow
from tracker.kit.enums import LabelledEnum
from tracker.meetings.models import AgendaItem, Meeting


class ActionStatus(LabelledEnum):
    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    AWAITING_SIGN_OFF = "awaiting_sign_off", "Completed – awaiting sign-off"
    CLOSED = "closed", "Closed"
    SUPERSEDED = "superseded", "Superseded"
    DROPPED = "dropped", "Dropped"


# Statuses in which an action is still someone's work, and so can be overdue.
OUTSTANDING_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.AWAITING_SIGN_OFF)
FINISHED_STATUSES = (ActionStatus.CLOSED, ActionStatus.SUPERSEDED, ActionStatus.DROPPED)


def days_past_due(status: str, due_on: date | None, day: date) -> int:
    """Days past `due_on` on `day`; 0 when not yet due, finished or undated."""
    if status not in OUTSTANDING_STATUSES or due_on is None:
        return 0
    return max((day - due_on).days, 0)


class StatusReadings:
    """What an action's status and due date say: for an `Action` and for a row a list reads
    (tracker/actions/listed.py) alike, each having `status` and `due_on`."""

    __slots__ = ()

    @property
    def status_label(self) -> str:
        return ActionStatus.label_of(self.status)

    @property
    def is_outstanding(self) -> bool:
        return self.status in OUTSTANDING_STATUSES

    def days_overdue(self, as_at: date) -> int:
        """Days past the due date as at a date; 0 when not due, finished or undated."""
        return days_past_due(self.status, self.due_on, as_at)

    def is_overdue(self, as_at: date) -> bool:
        return self.days_overdue(as_at) > 0


class UpdateKind(LabelledEnum):
    """What an entry in an action's history records; the timeline labels each entry with it."""

    RAISED = "raised", "Raised"
    UPDATE = "update", "Progress update"
    EXTENSION_REQUEST = "extension_request", "Request for more time"
    EXTENSION_ACCEPTED = "extension_accepted", "More time agreed"
    EXTENSION_REFUSED = "extension_refused", "More time refused"
    SIGN_OFF = "sign_off", "Signed off"
    SENT_BACK = "sent_back", "Sent back"
    EDIT = "edit", "Action edited"
    SUPERSEDED = "superseded", "Marked as superseded"
    DROPPED = "dropped", "Marked as dropped"
    PLAN_LINKS = "links", "Plan links changed"


action_priority = sa.Table(
    "action_priority",
    db.metadata,
    sa.Column("action_id", sa.ForeignKey("action.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("priority_id", sa.ForeignKey("priority.id", ondelete="CASCADE"), primary_key=True),
    # A priority's page finds its actions from this side.
    sa.Index("ix_action_priority_priority_id", "priority_id", "action_id"),
)

action_indicator = sa.Table(
    "action_indicator",
    db.metadata,
    sa.Column("action_id", sa.ForeignKey("action.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("indicator_id", sa.ForeignKey("indicator.id", ondelete="CASCADE"), primary_key=True),
    sa.Index("ix_action_indicator_indicator_id", "indicator_id", "action_id"),
)


class Action(StatusReadings, db.Model):
    __tablename__ = "action"
    __table_args__ = (
        # The register's default order, due date soonest first and undated last (migration 0006):
        # a page is a walk along this index, not a sort of every action.
        sa.Index("ix_action_due_order", sa.text("(due_on IS NULL)"), "due_on", "reference"),
        # Home pages list the newest actions first (raised_on, then id, both descending).
        sa.Index("ix_action_raised_order", "raised_on", "id"),
        # Home pages and the filtered register read their lists and counts off these (migration
        # 0008), where SQLite would otherwise sort every action of a status or an owner.
        # With the id on PostgreSQL (SQLite's indexes hold it anyway), so counts of outstanding
        # actions by their links read the index alone (migration 0010).
        sa.Index("ix_action_status_due", "status", "due_on", "reference", postgresql_include=["id"]),
        sa.Index(
            "ix_action_owner_status_due",
            "owner_id",
            "status",
            sa.text("(due_on IS NULL)"),
            "due_on",
            "reference",
            "lead_id",
            "confidential",
        ),
        sa.Index("ix_action_confidential_raised", "confidential", "raised_on", "id"),
        sa.Index("ix_action_status_updated", "status", "updated_at", "id"),
        # Only the few actions with a request for more time (both databases take the predicate).
        sa.Index(
            "ix_action_more_time",
            "status",
            "due_on",
            "id",
            sqlite_where=sa.text("requested_due_on IS NOT NULL"),
            postgresql_where=sa.text("requested_due_on IS NOT NULL"),
        ),
        # The outstanding-actions report's counts by owner and status, and its most overdue few,
        # read from the index alone, without visiting each action's row (migration 0009).
        sa.Index(
            "ix_action_status_report",
            "status", "owner_id", "raised_on", "due_on", "confidential", "reference",
        ),
        # A priority's recently closed actions, latest first, walked back from today (migration
        # 0010) rather than found among every finished action.
        sa.Index("ix_action_closed_status", "closed_on", "status"),
        # An indicator's linked actions, looked up one by one and sorted by status and due date,
        # read from this index alone on PostgreSQL, which otherwise scanned every action
        # (migration 0013); SQLite reads them by rowid, quicker than from an index.
        sa.Index(
            "ix_action_linked_order",
            "id",
            postgresql_include=["status", "due_on", "reference", "confidential", "owner_id"],
        ),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # e.g. COM-2023-10-04a: meeting type, meeting month, item number, letter. Fixed when raised.
    reference: Mapped[str] = mapped_column(sa.String(40), unique=True)
    text: Mapped[str] = mapped_column(sa.Text)
    owner_id: Mapped[int] = mapped_column(sa.ForeignKey("organisation.id"), index=True)
    lead_id: Mapped[int | None] = mapped_column(sa.ForeignKey("person.id"), index=True)
    meeting_id: Mapped[int] = mapped_column(sa.ForeignKey("meeting.id"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(sa.ForeignKey("agenda_item.id"), index=True)
    # Order within its agenda item; the letter a), b) is derived from it.
    position: Mapped[int] = mapped_column(default=0)
    due_on: Mapped[date | None] = mapped_column(sa.Date, index=True)
    status: Mapped[str] = mapped_column(sa.String(20), default=ActionStatus.OPEN)
    status_reason: Mapped[str] = mapped_column(sa.Text, default="")
    confidential: Mapped[bool] = mapped_column(default=False, index=True)
    recurring: Mapped[bool] = mapped_column(default=False)
    raised_on: Mapped[date] = mapped_column(sa.Date)
    closed_on: Mapped[date | None] = mapped_column(sa.Date)
    # A lead's pending request for more time, until the DMPC accepts or refuses it.
    requested_due_on: Mapped[date | None] = mapped_column(sa.Date)
    requested_due_reason: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    # Bumped on every write; a stale version means someone else changed the action meanwhile.
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}

    owner: Mapped[Organisation] = relationship()
    lead: Mapped[Person | None] = relationship()
    meeting: Mapped[Meeting] = relationship(back_populates="actions")
    agenda_item: Mapped[AgendaItem | None] = relationship(back_populates="actions")
    updates: Mapped[list["ActionUpdate"]] = relationship(
        back_populates="action",
        cascade="all, delete-orphan",
        order_by="ActionUpdate.created_at, ActionUpdate.id",
    )
    priorities: Mapped[list["Priority"]] = relationship(  # noqa: F821
        secondary=action_priority, back_populates="actions"
    )
    indicators: Mapped[list["Indicator"]] = relationship(  # noqa: F821
        secondary=action_indicator, back_populates="actions"
    )



class ActionUpdate(db.Model):
    """One entry in an action's history: an update by a lead, an edit, a sign-off or a decision."""

    __tablename__ = "action_update"
    __table_args__ = (
        # An action's history in order, and its latest entry, read straight off one index
        # (migration 0009): without it PostgreSQL may walk every entry by date to find one
        # action's latest.
        sa.Index("ix_action_update_history", "action_id", "created_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(sa.ForeignKey("action.id"))
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), default=utcnow, index=True
    )
    kind: Mapped[str] = mapped_column(sa.String(30), default="update")
    note: Mapped[str] = mapped_column(sa.Text, default="")
    old_status: Mapped[str | None] = mapped_column(sa.String(20))
    new_status: Mapped[str | None] = mapped_column(sa.String(20))
    evidence_url: Mapped[str] = mapped_column(sa.String(1000), default="")
    # Field-by-field changes of an edit: {"due_on": ["2024-01-01", "2024-02-01"], ...}
    changes: Mapped[dict] = mapped_column(sa.JSON, default=dict)

    action: Mapped[Action] = relationship(back_populates="updates")
    author: Mapped[Optional["User"]] = relationship()  # noqa: F821

    @property
    def kind_label(self) -> str:
        return UpdateKind.label_of(self.kind)

    @property
    def author_name(self) -> str:
        """Who made the entry, as pages name people; entries the tracker made itself have none."""
        return self.author.display_name if self.author else "the tracker"

    @property
    def described(self) -> str:
        """What kind of entry this is and who made it: 'More time refused by Alison Lowe'. A
        latest entry is not always a lead's progress update, and must not read as one."""
        return f"{self.kind_label} by {self.author_name}"
