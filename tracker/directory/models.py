"""The directory: organisations, people and the kinds of meeting."""

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import NEVER_REUSE_IDS, db


class Organisation(db.Model):
    __tablename__ = "organisation"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200), unique=True)
    short_name: Mapped[str] = mapped_column(sa.String(40), unique=True)

    people: Mapped[list["Person"]] = relationship(back_populates="organisation")

    def __str__(self) -> str:
        return self.short_name


class Person(db.Model):
    __tablename__ = "person"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200), index=True)
    job_title: Mapped[str] = mapped_column(sa.String(200), default="")
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisation.id"), index=True)
    # Where the tracker emails them (tracker.notifications); people with no sign-in too.
    email: Mapped[str | None] = mapped_column(sa.String(320))

    organisation: Mapped[Organisation] = relationship(back_populates="people")

    def __str__(self) -> str:
        return self.name

    @property
    def description(self) -> str:
        """'Name – role, organisation', as the minutes list attendees."""
        parts = [p for p in (self.job_title, self.organisation.short_name) if p]
        return f"{self.name} – {', '.join(parts)}" if parts else self.name


class MeetingType(db.Model):
    __tablename__ = "meeting_type"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200), unique=True)
    short_name: Mapped[str] = mapped_column(sa.String(20), unique=True)
    cadence: Mapped[str] = mapped_column(sa.String(100), default="")
    is_public: Mapped[bool] = mapped_column(default=False)
    # One agenda item title per line; a new meeting of this type starts with these items.
    standing_agenda: Mapped[str] = mapped_column(sa.Text, default="")

    meetings: Mapped[list["Meeting"]] = relationship(back_populates="meeting_type")  # noqa: F821

    def __str__(self) -> str:
        return self.name

    @property
    def standing_items(self) -> list[str]:
        return [line.strip() for line in self.standing_agenda.splitlines() if line.strip()]
