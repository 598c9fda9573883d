"""How an action's history reads: the label of each changed field and its values as people read them.

Template filters (registered in `tracker.templating`); plain functions, so reports use them too.
"""

from datetime import date

from tracker.kit.dates import long_date

FIELD_LABELS = {
    "text": "Action",
    "owner": "Owner",
    "lead": "Lead",
    "due_on": "Due date",
    "requested_due_on": "Requested due date",
    "priorities": "Plan priorities",
    "indicators": "Indicators",
    "confidential": "Confidential",
    "recurring": "Recurring",
}


def change_field(name: str) -> str:
    """The label of a field in an action's history."""
    return FIELD_LABELS.get(name, name.replace("_", " ").capitalize())


def change_value(value) -> str:
    """A value in an action's history as people read it: dates written out, lists joined."""

    if value is None or value == "" or value == []:
        return "none"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return long_date(date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)
