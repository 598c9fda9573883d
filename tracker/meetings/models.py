"""Meetings, who attended, the agenda and the lifecycle of the minutes."""

from datetime import date, datetime
from typing import Optional

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, aliased, mapped_column, query_expression, relationship

from tracker.directory.models import MeetingType, Person
from tracker.extensions import NEVER_REUSE_IDS, db
from tracker.kit.dates import long_date, utcnow
from tracker.kit.enums import LabelledEnum


class MinutesStatus(LabelledEnum):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Published"


class PreviousMinutesOutcome(LabelledEnum):
    """What item 2 records about the notes of the previous meeting."""

    ACCEPTED = "accepted", "Accepted as a correct record"
    AMENDED = "amended", "Amended, then accepted"


class AttendanceKind(LabelledEnum):
    PRESENT = "present", "Present"
    ALSO_PRESENT = "also_present", "Also present"
    APOLOGIES = "apologies", "Apologies"


class Meeting(db.Model):
    __tablename__ = "meeting"
    # Newest first, of every type or of one: the list of meetings reads its pages off these.
    __table_args__ = (
        sa.Index("ix_meeting_starts_at_id", "starts_at", "id"),
        sa.Index("ix_meeting_type_starts_at_id", "meeting_type_id", "starts_at", "id"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_type_id: Mapped[int] = mapped_column(sa.ForeignKey("meeting_type.id"), index=True)
    # Local (UK) wall-clock time, as the secretariat enters it.
    starts_at: Mapped[datetime] = mapped_column(sa.DateTime, index=True)
    place: Mapped[str] = mapped_column(sa.String(200), default="")
    theme: Mapped[str] = mapped_column(sa.String(200), default="")
    minutes_status: Mapped[str] = mapped_column(sa.String(20), default=MinutesStatus.DRAFT)
    previous_meeting_id: Mapped[int | None] = mapped_column(sa.ForeignKey("meeting.id"))
    next_meeting_on: Mapped[date | None] = mapped_column(sa.Date)
    # Item 2: were the previous minutes accepted as a correct record, or amended?
    previous_minutes_outcome: Mapped[str | None] = mapped_column(sa.String(20))
    previous_minutes_amendment: Mapped[str] = mapped_column(sa.Text, default="")
    minutes_revision: Mapped[int] = mapped_column(default=0)
    approved_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    published_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    # Set when the secretariat calls the meeting off; calendars then show it as cancelled.
    cancelled_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    # The last change to the meeting's own record (not its items): calendar apps are told of it.
    updated_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}

    meeting_type: Mapped[MeetingType] = relationship(back_populates="meetings")
    # post_update: when meetings of a series swap places, each row's link is written after both
    # rows are saved, so two meetings pointing at each other in turn is not a circular dependency.
    previous_meeting: Mapped[Optional["Meeting"]] = relationship(remote_side=[id], post_update=True)
    # In the order they were recorded, which is the order the minutes list them.
    attendances: Mapped[list["Attendance"]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="Attendance.id"
    )
    agenda_items: Mapped[list["AgendaItem"]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="AgendaItem.position"
    )
    future_items: Mapped[list["FutureAgendaItem"]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        foreign_keys="FutureAgendaItem.meeting_id",
        order_by="FutureAgendaItem.id",
    )
    revisions: Mapped[list["MinutesRevision"]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="MinutesRevision.number"
    )
    actions: Mapped[list["Action"]] = relationship(back_populates="meeting")  # noqa: F821

    @property
    def title(self) -> str:
        return f"{self.meeting_type.name}, {long_date(self.starts_at)}"

    @property
    def is_public(self) -> bool:
        return self.meeting_type.is_public

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    def __str__(self) -> str:
        return self.title


class Attendance(db.Model):
    __tablename__ = "attendance"
    __table_args__ = (sa.UniqueConstraint("meeting_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(sa.ForeignKey("meeting.id"), index=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id"), index=True)
    kind: Mapped[str] = mapped_column(sa.String(20), default=AttendanceKind.PRESENT)

    meeting: Mapped[Meeting] = relationship(back_populates="attendances")
    person: Mapped[Person] = relationship()


class AgendaItem(db.Model):
    __tablename__ = "agenda_item"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(sa.ForeignKey("meeting.id"), index=True)
    # The item's number in the minutes is its place in this order (1-based), never stored.
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(sa.String(300))
    presenter_id: Mapped[int | None] = mapped_column(sa.ForeignKey("person.id"))
    # The notes as the secretariat writes them, in Markdown: paragraphs, lists, bold, links.
    notes: Mapped[str] = mapped_column(sa.Text, default="")
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")
    presenter: Mapped[Person | None] = relationship()
    papers: Mapped[list["PaperLink"]] = relationship(
        back_populates="agenda_item", cascade="all, delete-orphan", order_by="PaperLink.position"
    )
    actions: Mapped[list["Action"]] = relationship(  # noqa: F821
        back_populates="agenda_item", order_by="Action.position"
    )
    # The number as a list of actions reads it in SQL (`item_number`), so that the list need not
    # load every agenda its actions were raised in; None when not read.
    number_as_read: Mapped[int | None] = query_expression()

    @property
    def number(self) -> int:
        if self.number_as_read is not None:
            return self.number_as_read
        return self.meeting.agenda_items.index(self) + 1

    @property
    def paper_links(self) -> list[list[str]]:
        """[title, address] of each paper, in order: what the item's form edits of them."""
        return [[paper.title, paper.url] for paper in self.papers]


def item_number() -> sa.ScalarSelect:
    """An agenda item's number (its place in its meeting's agenda) as SQL, for `number_as_read`."""
    earlier = aliased(AgendaItem)
    return (
        sa.select(sa.func.count(earlier.id))
        .where(
            earlier.meeting_id == AgendaItem.meeting_id,
            sa.tuple_(earlier.position, earlier.id) <= sa.tuple_(AgendaItem.position, AgendaItem.id),
        )
        .scalar_subquery()
    )


class PaperLink(db.Model):
    __tablename__ = "paper_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(sa.ForeignKey("agenda_item.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(sa.String(300))
    url: Mapped[str] = mapped_column(sa.String(1000))

    agenda_item: Mapped[AgendaItem] = relationship(back_populates="papers")


class FutureAgendaItem(db.Model):
    """An item agreed for a later meeting; carried into the next meeting's agenda when it is made."""

    __tablename__ = "future_agenda_item"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(sa.ForeignKey("meeting.id"), index=True)
    title: Mapped[str] = mapped_column(sa.String(300))
    carried_into_id: Mapped[int | None] = mapped_column(sa.ForeignKey("meeting.id"))

    meeting: Mapped[Meeting] = relationship(back_populates="future_items", foreign_keys=[meeting_id])
    carried_into: Mapped[Meeting | None] = relationship(foreign_keys=[carried_into_id])


class MinutesRevision(db.Model):
    """A correction to published minutes: who made it, when and why."""

    __tablename__ = "minutes_revision"
    __table_args__ = (sa.UniqueConstraint("meeting_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(sa.ForeignKey("meeting.id"), index=True)
    number: Mapped[int]
    reason: Mapped[str] = mapped_column(sa.Text)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    meeting: Mapped[Meeting] = relationship(back_populates="revisions")
    created_by: Mapped[Optional["User"]] = relationship()  # noqa: F821
