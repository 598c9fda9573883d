"""Forms for plans: adding and copying plans, their parts, ratings, values, uploads and links."""

from decimal import Decimal

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovCheckboxInput,
    GovDateInput,
    GovFileInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    DateField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from tracker.kit.limits import YEAR_MESSAGE, sane_year
from tracker.plans.csv_upload import parse_value
from tracker.plans.models import DISTRICTS, FORCE, Direction, Rating


class DayMonthYearField(DateField):
    """A GOV.UK date input (day, month, year) that says plainly when a date does not exist.

    A year outside the sane range is refused too: it is a slip, and overflows date sums.
    """

    def __init__(self, label=None, validators=None, invalid="Enter a real date", **kwargs):
        super().__init__(label, validators, format="%d %m %Y", widget=GovDateInput(), **kwargs)
        self.invalid = invalid

    def process_formdata(self, valuelist):
        # The widget expects exactly day, month and year; a request without them must not crash it.
        if len(valuelist) != 3:
            valuelist = self.raw_data = ([*valuelist, "", "", ""])[:3]
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(self.invalid) from None
        if self.data is not None and not sane_year(self.data.year):
            self.data = None
            raise ValueError(YEAR_MESSAGE)


def choices(pairs) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in pairs]


class PlanForm(FlaskForm):
    title = StringField(
        "Title", widget=GovTextInput(),
        description="For example, Police and Crime Plan 2024-28",
        validators=[InputRequired(message="Enter the plan's title"), Length(max=300)],
    )
    version_label = StringField(
        "Version (optional)", widget=GovTextInput(),
        description="For example, Refreshed March 2025",
        validators=[Optional(), Length(max=100)],
    )
    starts_on = DayMonthYearField(
        "Start date (optional)", invalid="Enter the start date as a real date",
        description="For example, 1 4 2024",
        validators=[Optional()],
    )
    ends_on = DayMonthYearField(
        "End date (optional)", invalid="Enter the end date as a real date",
        description="For example, 31 3 2028",
        validators=[Optional()],
    )
    submit = SubmitField("Save plan", widget=GovSubmitInput())

    def validate_ends_on(self, field):
        if field.data and self.starts_on.data and field.data < self.starts_on.data:
            raise ValidationError("The end date must be on or after the start date")


class PriorityForm(FlaskForm):
    title = StringField("Title", widget=GovTextInput(),
                        validators=[InputRequired(message="Enter a title"), Length(max=300)])
    summary = TextAreaField("Summary (optional)", widget=GovTextArea(),
                            validators=[Optional(), Length(max=5000)])
    submit = SubmitField("Save", widget=GovSubmitInput())


class ObjectiveForm(FlaskForm):
    kind = RadioField(
        "What is it?", widget=GovRadioInput(),
        choices=choices([("objective", "An objective (what we will do)"),
                         ("outcome", "An outcome (what we want to see)")]),
        validators=[InputRequired(message="Choose objective or outcome")],
    )
    text = TextAreaField("Text", widget=GovTextArea(),
                         validators=[InputRequired(message="Enter the text"), Length(max=5000)])
    submit = SubmitField("Save", widget=GovSubmitInput())


class IndicatorForm(FlaskForm):
    name = StringField(
        "Name", widget=GovTextInput(),
        description="The short name used in tables and CSV files, e.g. Total recorded crime",
        validators=[InputRequired(message="Enter the indicator's name"), Length(max=300)],
    )
    source = StringField(
        "Source", widget=GovTextInput(),
        description="National Crime and Policing Measures, Mayoral Priority or LCJB",
        validators=[Optional(), Length(max=100)],
    )
    measure_type = StringField(
        "Measure type", widget=GovTextInput(),
        description="Police, Partnership, WYCA or VRU",
        validators=[Optional(), Length(max=50)],
    )
    metric = TextAreaField(
        "Metric", widget=GovTextArea(),
        description="As the plan words it, e.g. Reduce number of Homicides",
        validators=[Optional(), Length(max=2000)],
    )
    direction = RadioField(
        "Which way should it move?", widget=GovRadioInput(),
        choices=choices([(d, Direction.LABELS[d]) for d in Direction.ALL]),
        validators=[InputRequired(message="Choose which way the indicator should move")],
    )
    unit = RadioField(
        "Values are", widget=GovRadioInput(),
        choices=choices([("count", "Counts"), ("rate", "Rates"), ("percent", "Percentages")]),
        default="count",
        validators=[InputRequired(message="Choose what kind of values it has")],
    )
    submit = SubmitField("Save indicator", widget=GovSubmitInput())


class RatingForm(FlaskForm):
    rating = RadioField(
        "Rating", widget=GovRadioInput(),
        choices=choices([(r, Rating.LABELS[r]) for r in Rating.ALL]),
        validators=[InputRequired(message="Choose Red, Amber or Green")],
    )
    rationale = TextAreaField(
        "Rationale", widget=GovTextArea(),
        description="Why this rating: what the figures and the partnership say",
        validators=[InputRequired(message="Enter the rationale for the rating"), Length(max=5000)],
    )
    submit = SubmitField("Save rating", widget=GovSubmitInput())


class ValueForm(FlaskForm):
    period_label = StringField(
        "Period", widget=GovTextInput(),
        description="As the report names it, e.g. 12 months to Dec 2020",
        validators=[InputRequired(message="Enter the period, e.g. 12 months to Dec 2020"),
                    Length(max=100)],
    )
    period_end = DayMonthYearField(
        "Last day of the period", invalid="Enter the last day of the period as a real date",
        description="For example, 31 12 2020",
        validators=[InputRequired(message="Enter the last day of the period as a real date")],
    )
    district = SelectField(
        "Area", widget=GovSelect(),
        choices=choices([(FORCE, f"{FORCE} (force)"), *((d, d) for d in DISTRICTS)]),
        default=FORCE,
    )
    value = StringField(
        "Value (optional if not available)", widget=GovTextInput(),
        description="A number, e.g. 258882 or 77.4",
        # No Optional(): it would stop validate_value, which decides when empty is allowed.
        validators=[Length(max=40)],
    )
    not_available = BooleanField("Not available for this period", widget=GovCheckboxInput())
    note = TextAreaField(
        "How it was counted (optional)", widget=GovTextArea(),
        description="For example, Home Office counting rules; survey of 9,240 victims",
        validators=[Optional(), Length(max=2000)],
    )
    comment = TextAreaField(
        "Comment for the Delivery Quarterly pack (optional)", widget=GovTextArea(),
        validators=[Optional(), Length(max=2000)],
    )
    replace = BooleanField("Replace the value already stored for this period and area",
                           widget=GovCheckboxInput())
    submit = SubmitField("Save value", widget=GovSubmitInput())

    def validate_value(self, field):
        text = (field.data or "").strip()
        if self.not_available.data:
            if text:
                raise ValidationError("Leave the value empty when it is not available")
            return
        if not text:
            raise ValidationError("Enter a value, or tick ‘Not available for this period’")
        try:
            number = parse_value(text)
        except ValueError:
            raise ValidationError("Enter the value as a number, like 258882 or 77.4") from None
        if number is None:
            raise ValidationError("Tick ‘Not available for this period’ instead")

    def number(self) -> Decimal | None:
        return None if self.not_available.data else parse_value(self.value.data)


class UploadForm(FlaskForm):
    file = FileField("CSV file", widget=GovFileInput(),
                     validators=[FileRequired(message="Choose a CSV file to upload")])
    submit = SubmitField("Check and save values", widget=GovSubmitInput())


class LinkActionForm(FlaskForm):
    reference = StringField(
        "Action reference", widget=GovTextInput(),
        description="For example, COM-2023-10-04a",
        validators=[InputRequired(message="Enter the action's reference"), Length(max=40)],
    )
    indicators = SelectMultipleField("Also link it to these indicators (optional)",
                                     widget=GovCheckboxesInput(), coerce=int, choices=[],
                                     validate_choice=True)
    submit = SubmitField("Link action", widget=GovSubmitInput())
