"""Statuses and kinds as `StrEnum`s that carry the label people read.

Members are strings, so they are stored in plain string columns and compare equal to what the
database gives back. Declared as `OPEN = "open", "Open"`.
"""

from enum import StrEnum


class LabelledEnum(StrEnum):
    label: str

    def __new__(cls, value: str, label: str = ""):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label or value.replace("_", " ").capitalize()
        return member

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """(value, label) pairs in declaration order, for a form's choices."""
        return [(member.value, member.label) for member in cls]

    @classmethod
    def labels(cls) -> dict[str, str]:
        return dict(cls.choices())

    @classmethod
    def label_of(cls, value: str | None) -> str:
        """The label of a stored value; a value this version does not know shows as it is."""
        # The enum's own map of values to members: a list page asks this twice a row, and
        # calling the enum (`cls(value)`) costs several times the lookup.
        member = cls._value2member_map_.get(value)
        return member.label if member is not None else (value or "")
