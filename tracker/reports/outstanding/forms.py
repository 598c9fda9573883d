"""The outstanding-actions report's options, read from the URL: as at a date, and what to limit it to."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxInput, GovSelect
from wtforms import BooleanField, SelectField

from tracker.kit.forms import GovDateField, choices


class OutstandingReportForm(FlaskForm):
    class Meta:
        csrf = False

    as_at = GovDateField(
        "As at",
        description="Actions raised on or before this date; days overdue are counted to it. "
        "Leave it blank for today. For example, 27 2 2024",
    )
    meeting_type = SelectField("Meeting type", widget=GovSelect(), default="")
    owner = SelectField("Owner", widget=GovSelect(), default="")
    priority = SelectField("Plan priority", widget=GovSelect(), default="")
    earlier = BooleanField(
        "Include earlier plan versions",
        description="Their priorities are labelled with their version",
        widget=GovCheckboxInput(),
    )

    def __init__(self, *args, options: dict[str, list], **kwargs):
        super().__init__(*args, **kwargs)
        for name, pairs in options.items():  # the select fields' choices
            getattr(self, name).choices = choices([("", "All")] + list(pairs))

    def id_value(self, name: str) -> int | None:
        field = getattr(self, name)
        return int(field.data) if field.data and not field.errors else None
