"""Form pieces every domain uses: the GOV.UK date field, select choices and the confirm button.

Forms that change a versioned record carry the version the person saw (see `kit.conflicts`).
"""

from datetime import date

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovDateInput, GovSubmitInput
from wtforms import DateField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import StopValidation

from tracker.kit.limits import YEAR_MESSAGE, sane_year


def choices(pairs, blank: str | None = None) -> list[SelectChoice]:
    """WTForms choices from (value, label) pairs, values as the browser sends them (strings),
    with an optional empty first choice labelled `blank`."""
    options = [SelectChoice("", blank)] if blank is not None else []
    return options + [SelectChoice(str(value), label) for value, label in pairs]


class GovDateField(DateField):
    """A GOV.UK day/month/year date: empty is None, a partial or impossible date is an error.

    `required` is the message when it is left empty (otherwise it is optional: do not add
    wtforms' Optional() or InputRequired(), which look only at the day). `invalid` replaces the
    messages for a partial or impossible date. Also takes one ISO date (2024-02-27) in place of
    the three parts, for links that carry a date. The parts are always kept as three, because
    the GOV.UK widget unpacks exactly three when it shows the form again.
    """

    def __init__(self, label=None, validators=None, *, required=None, invalid=None, **kwargs):
        kwargs.setdefault("widget", GovDateInput())
        super().__init__(label, validators, format="%d %m %Y", **kwargs)
        self.required = required
        self.invalid = invalid

    def process_formdata(self, valuelist):
        parts = [str(part).strip() for part in valuelist or []]
        if len(parts) == 1 and parts[0].count("-") == 2:
            parts = list(reversed(parts[0].split("-")))
        self.raw_data = (parts + ["", "", ""])[:3]
        self.data = None
        if not any(parts):
            return
        if len(parts) != 3 or not all(parts):
            raise ValueError(self.invalid or f"{self.label.text} must include a day, month and year")
        label = self.label.text
        try:
            day, month, year = (int(part) for part in parts)
            self.data = date(year, month, day)
        except (ValueError, OverflowError):
            # OverflowError: a year of twenty digits is no date either.
            raise ValueError(self.invalid or f"{label} must be a real date") from None
        if len(parts[2]) < 4:
            self.data = None
            raise ValueError(self.invalid or f"{label} must include a 4-digit year")
        if not sane_year(self.data.year):
            # A slip, and years near 1 or 9999 overflow date arithmetic.
            self.data = None
            raise ValueError(YEAR_MESSAGE)

    def pre_validate(self, form):
        if self.required and self.data is None and not self.process_errors:
            raise StopValidation(self.required)


class ConfirmForm(FlaskForm):
    """A button that changes something: a POST with its CSRF token and nothing else."""

    submit = SubmitField("Confirm", widget=GovSubmitInput())
