"""Forms: which emails a person wants, and the outbox's filter."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput, GovSelect, GovSubmitInput
from wtforms import SelectField, SelectMultipleField, SubmitField

from tracker.kit.forms import choices
from tracker.notifications.models import HINTS, NotificationKind, OutboxStatus


class PreferencesForm(FlaskForm):
    kinds = SelectMultipleField(
        "Which emails do you want?",
        description="Select all that apply. Clear them all to get no email from the tracker.",
        choices=choices(NotificationKind.choices()),
        widget=GovCheckboxesInput(),
    )
    submit = SubmitField("Save your choices", widget=GovSubmitInput())

    def kind_items(self) -> list[dict]:
        """A hint under each checkbox, in the order of the choices."""
        return [{"hint": {"text": HINTS[kind]}} for kind in NotificationKind]


class OutboxFilters(FlaskForm):
    """Narrow the outbox to one status (a GET form: nothing to protect)."""

    class Meta:
        csrf = False

    status = SelectField(
        "Status",
        choices=choices(OutboxStatus.choices(), blank="All messages"),
        default="",
        widget=GovSelect(),
    )
