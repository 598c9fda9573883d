"""What the reader finds in a set of minutes: plain, typed, editable values for a review form."""

import datetime
from dataclasses import asdict, dataclass, field


class UnreadableMinutes(Exception):
    """A file the tracker cannot read as minutes; `message` is said to the user as it is."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Attendance:
    present: list[str] = field(default_factory=list)
    also_present: list[str] = field(default_factory=list)  # "In attendance" counts here
    apologies: list[str] = field(default_factory=list)


@dataclass
class Item:
    number: int
    title: str
    notes: str = ""  # the item's text as written, actions taken out; RESOLVED decisions kept


@dataclass
class Action:
    item: int  # the number of the item it was raised under
    letter: str  # a, b, ... in the order written under its item
    text: str
    owner: str | None = None  # who the text names first ("WYP to ...")


@dataclass
class Minutes:
    title: str | None = None
    date: datetime.date | None = None
    time: str | None = None  # "HH:MM", 24-hour
    place: str | None = None
    attendance: Attendance = field(default_factory=Attendance)
    items: list[Item] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    # The item whose notes record the previous minutes "agreed as a correct record", if any.
    previous_minutes_agreed_in: int | None = None

    def as_json(self, file: str) -> dict:
        """The object `flask minutes import --format json` prints, keys as issue 15 names them."""
        return {
            "file": file,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "time": self.time,
            "place": self.place,
            "attendance": asdict(self.attendance),
            "items": [asdict(item) for item in self.items],
            "actions": [asdict(action) for action in self.actions],
        }
