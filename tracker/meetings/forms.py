"""Forms for meetings, attendance, agenda items, actions raised in an item, and item 2.

Every form that changes a meeting's record derives from `MinutesForm`: once the minutes are
published it asks why they are being corrected (the view calls `for_meeting`).
"""

import re
from datetime import time

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    FieldList,
    Form,
    FormField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import DataRequired, InputRequired, Length

from tracker.kit.conflicts import SeenForm
from tracker.kit.forms import GovDateField, choices
from tracker.meetings.models import AttendanceKind, MinutesStatus, PreviousMinutesOutcome
from tracker.meetings.notes import is_safe_link

TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$", re.IGNORECASE)


def parse_time(text: str) -> time | None:
    """'10am', '2.30pm', '14:30' or '9' → a time; None if it is not a time of day."""
    match = TIME.match(text.strip().replace(" ", ""))
    if not match:
        return None
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), (match.group(3) or "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def gov_date(label: str, required_message: str | None = None, **kwargs) -> GovDateField:
    """A meeting form's date: a date that does not exist is an error, not a guess."""
    return GovDateField(
        label, required=required_message, invalid="Enter a real date, for example 27 2 2024", **kwargs
    )


def refuse(form, field_name: str, message: str) -> None:
    """Show a refusal from a service as an error on the form's field."""
    field = form[field_name]
    field.errors = [*field.errors, message]


def correction_reason(form) -> str:
    """Why published minutes are being corrected, as the person typed it."""
    return (form.correction_reason.data or "").strip()


class MinutesForm(FlaskForm):
    """A change to a meeting's record; a correction (with a reason) once minutes are published."""

    correction_reason = TextAreaField(
        "Why are you correcting the published minutes?",
        widget=GovTextArea(),
        description="The reason is kept with the new revision of the minutes and in the audit log.",
        validators=[Length(max=2000)],
    )

    def for_meeting(self, meeting) -> "MinutesForm":
        self.correcting = meeting.minutes_status == MinutesStatus.PUBLISHED
        return self

    def validate_correction_reason(self, field):
        if getattr(self, "correcting", False) and not (field.data or "").strip():
            raise ValidationError("Say why you are correcting the published minutes")


class MeetingForm(MinutesForm):
    meeting_type = SelectField(
        "Type of meeting",
        widget=GovSelect(),
        validators=[InputRequired(message="Choose the type of meeting")],
    )
    date = gov_date("Date", "Enter the date of the meeting", description="For example, 27 2 2024")
    time = StringField(
        "Time",
        widget=GovTextInput(),
        description="For example, 10am or 14:30",
        validators=[DataRequired(message="Enter the time the meeting starts"), Length(max=20)],
    )
    place = StringField("Place", widget=GovTextInput(), validators=[Length(max=200)])
    theme = StringField(
        "Theme",
        widget=GovTextInput(),
        description="Optional. For example, Neighbourhood policing",
        validators=[Length(max=200)],
    )
    # Set to the date when the person has been told that the series already has a meeting that
    # day and goes ahead anyway (see services.SameDay); a different date asks again.
    same_day = HiddenField()
    submit = SubmitField("Save", widget=GovSubmitInput())

    def same_day_confirmed(self) -> bool:
        return bool(self.date.data) and self.same_day.data == self.date.data.isoformat()

    def validate_time(self, field):
        self.starts_time = parse_time(field.data or "")
        if self.starts_time is None:
            raise ValidationError("Enter a real time, like 10am or 14:30")


class NewPersonForm(Form):
    """Someone not yet in the people directory, added from the attendance page."""

    name = StringField("Full name", widget=GovTextInput(), validators=[Length(max=200)])
    job_title = StringField(
        "Job title", widget=GovTextInput(), description="For example, Ch. Supt.",
        validators=[Length(max=200)],
    )
    # Checked only when someone is being added (see attendance_form), so they are not errors
    # when the page is saved without adding anyone.
    organisation = SelectField("Organisation", widget=GovSelect(), validate_choice=False)
    kind = RadioField(
        "How did they attend?",
        widget=GovRadioInput(),
        choices=choices(AttendanceKind.choices()),
        default=AttendanceKind.PRESENT,
        validate_choice=False,
    )


ATTENDANCE_CHOICES = choices(AttendanceKind.choices(), blank="Not recorded")


def attendance_form(people, organisations, data=None) -> MinutesForm:
    """A form with one choice per person in the directory, and a section to add someone new."""

    class AttendanceForm(MinutesForm):
        new_person = FormField(NewPersonForm)
        save = SubmitField("Save attendance", widget=GovSubmitInput())
        add = SubmitField("Add this person", widget=GovSubmitInput())

        def person_fields(self):
            return [(person, self[f"person_{person.id}"]) for person in people]

        def adding(self) -> bool:
            # Enter in the name box presses the first button (Save): a typed name still counts.
            return bool(self.add.data or (self.new_person.form.name.data or "").strip())

        def validate(self, extra_validators=None):
            valid = super().validate(extra_validators)
            if self.adding():
                sub = self.new_person.form
                if not (sub.name.data or "").strip():
                    sub.name.errors = [*sub.name.errors, "Enter the person's full name"]
                    valid = False
                known = {choice.value for choice in sub.organisation.choices} - {""}
                if sub.organisation.data not in known:
                    sub.organisation.errors = [*sub.organisation.errors, "Choose their organisation"]
                    valid = False
                if sub.kind.data not in tuple(AttendanceKind):
                    sub.kind.errors = [*sub.kind.errors, "Choose how they attended"]
                    valid = False
            return valid

    for person in people:
        setattr(
            AttendanceForm,
            f"person_{person.id}",
            SelectField(
                f"Attendance of {person.name}",
                widget=GovSelect(),
                choices=ATTENDANCE_CHOICES,
                default="",
            ),
        )
    form = AttendanceForm(data=data)
    form.new_person.organisation.choices = choices(
        ((o.id, o.name) for o in organisations), blank="Choose an organisation"
    )
    return form


class PaperForm(Form):
    title = StringField("Title of the paper", widget=GovTextInput(), validators=[Length(max=300)])
    url = StringField("Web address", widget=GovTextInput(), validators=[Length(max=1000)])

    def validate_url(self, field):
        title, url = (self.title.data or "").strip(), (field.data or "").strip()
        if url and not is_safe_link(url):
            raise ValidationError("Enter a web address starting with https:// or http://")
        if title and not url:
            raise ValidationError("Enter the paper's web address")
        if url and not title:
            raise ValidationError("Enter the paper's title")


class AgendaItemForm(SeenForm, MinutesForm):
    tracked = ("title", "presenter_id", "notes", "paper_links")

    title = StringField(
        "Title",
        widget=GovTextInput(),
        validators=[DataRequired(message="Enter the item's title"), Length(max=300)],
    )
    presenter = SelectField("Presented by", widget=GovSelect(), description="Optional.")
    papers = FieldList(FormField(PaperForm), min_entries=1)
    notes = TextAreaField(
        "Notes",
        widget=GovTextArea(),
        description=(
            "Paste from Word or type. Lists keep their a), 1. or • markers and the paragraphs "
            "under each entry. Use Preview notes to check the layout before you save."
        ),
        validators=[Length(max=100_000)],
    )
    position = SelectField("Place in the agenda", widget=GovSelect())
    save = SubmitField("Save item", widget=GovSubmitInput())
    save_and_raise = SubmitField("Save and raise an action", widget=GovSubmitInput())
    # Shows the notes as the minutes will and saves nothing.
    preview = SubmitField("Preview notes", widget=GovSubmitInput())

    def previewing(self) -> bool:
        return self.is_submitted() and bool(self.preview.data)

    def paper_links(self) -> list[tuple[str, str]]:
        links = []
        for entry in self.papers:
            title, url = (entry.title.data or "").strip(), (entry.url.data or "").strip()
            if title and url:
                links.append((title, url))
        return links

    def validate_presenter(self, field):
        if field.data and field.data not in {choice.value for choice in field.choices}:
            raise ValidationError("Choose a presenter from the list")


class PreviousMinutesForm(MinutesForm):
    outcome = RadioField(
        "The notes of the previous meeting were",
        widget=GovRadioInput(),
        choices=choices(PreviousMinutesOutcome.choices()),
        validators=[InputRequired(message="Choose whether the notes were accepted or amended")],
    )
    amendment = TextAreaField(
        "Amendment",
        widget=GovTextArea(),
        description="What was corrected in the notes of the previous meeting.",
        validators=[Length(max=10_000)],
    )
    submit = SubmitField("Save", widget=GovSubmitInput())

    def validate_amendment(self, field):
        if self.outcome.data == PreviousMinutesOutcome.AMENDED and not (field.data or "").strip():
            raise ValidationError("Enter the amendment")


class NextMeetingForm(MinutesForm):
    next_meeting_on = gov_date("Date of the next meeting", description="For example, 27 2 2024")
    submit = SubmitField("Save date", widget=GovSubmitInput())


class FutureItemForm(MinutesForm):
    title = StringField(
        "Future agenda item",
        widget=GovTextInput(),
        description="For example, Rural Crime (exception item)",
        validators=[DataRequired(message="Enter the future agenda item"), Length(max=300)],
    )
    submit = SubmitField("Add future item", widget=GovSubmitInput())


class ConfirmForm(MinutesForm):
    """A yes-I-mean-it button, with the correction reason when the minutes are published."""

    submit = SubmitField("Confirm", widget=GovSubmitInput())


class FilterForm(Form):
    """The meetings list's filters, read from the address (GET), so a filtered list can be shared."""

    type = SelectField("Type of meeting", widget=GovSelect())
    year = SelectField("Year", widget=GovSelect())
