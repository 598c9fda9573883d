"""The two forms of importing minutes: the file or text to read, and the review of what was read.

The review form holds everything the meeting will be made from, so a validation error shows the
page again with what the person changed; what the reader found in the source (to show beside the
fields) travels in one signed field, so it cannot be altered between the steps.
"""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovFileInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import DataRequired, InputRequired, Length

from tracker.kit.forms import choices
from tracker.meetings.forms import gov_date, parse_time

KEEP, DROP, MERGE = "keep", "drop", "merge"
FATES = choices([(KEEP, "Keep"), (MERGE, "Merge into the one before"), (DROP, "Drop")])
# A line holding only this splits an item's notes or an action's text in two.
SPLIT = "---"


class ReadForm(FlaskForm):
    file = FileField("Upload the minutes", widget=GovFileInput(),
                     description="A Word document (.docx) or a plain text file (.txt), up to 5 MB.")
    text = TextAreaField("Or paste the minutes' text", widget=GovTextArea(),
                         validators=[Length(max=900_000)])
    meeting_type = SelectField("Type of meeting", widget=GovSelect(), validate_choice=False,
                               description="Leave it to the tracker to guess from the minutes' title, "
                                           "or choose one.")
    submit = SubmitField("Read the minutes", widget=GovSubmitInput())

    def validate_text(self, field):
        if not self.file.data and not (field.data or "").strip():
            raise ValidationError("Upload a Word document or paste the minutes' text")


class AttendeeForm(Form):
    written = HiddenField()
    kind = HiddenField()
    person = SelectField("Person", widget=GovSelect(), validate_choice=False)
    new_name = StringField("Name of the new person", widget=GovTextInput(),
                           validators=[Length(max=200)])
    new_job_title = StringField("Job title or rank", widget=GovTextInput(),
                                validators=[Length(max=200)])
    new_organisation = SelectField("Organisation", widget=GovSelect(), validate_choice=False)


class ItemForm(Form):
    title = StringField("Title", widget=GovTextInput(), validators=[Length(max=300)])
    notes = TextAreaField("Notes", widget=GovTextArea(), validators=[Length(max=200_000)],
                          description=f"A line with only {SPLIT} splits the item in two; the "
                                      "line after it is the new item's title.")
    fate = SelectField("This item", widget=GovSelect(), choices=FATES)


class ActionForm(Form):
    item = SelectField("Raised under item", widget=GovSelect(), validate_choice=False)
    text = TextAreaField("Action", widget=GovTextArea(), validators=[Length(max=5000)],
                         description=f"A line with only {SPLIT} splits it into two actions.")
    owner = SelectField("Owner", widget=GovSelect(), validate_choice=False)
    fate = SelectField("This action", widget=GovSelect(), choices=FATES)


class ReviewForm(FlaskForm):
    source = HiddenField()
    meeting_type = SelectField("Type of meeting", widget=GovSelect(),
                               validators=[InputRequired(message="Choose the type of meeting")])
    date = gov_date("Date", "Enter the date of the meeting", description="For example, 10 10 2023")
    time = StringField("Time", widget=GovTextInput(), description="For example, 10am or 14:30",
                       validators=[DataRequired(message="Enter the time the meeting started"),
                                   Length(max=20)])
    place = StringField("Place", widget=GovTextInput(), validators=[Length(max=200)])
    theme = StringField("Theme", widget=GovTextInput(), validators=[Length(max=200)],
                        description="Optional. For example, Neighbourhood policing")
    previous_minutes_agreed = BooleanField(
        "The previous meeting's minutes were agreed as a correct record", widget=GovCheckboxInput())
    attendance = FieldList(FormField(AttendeeForm))
    items = FieldList(FormField(ItemForm))
    actions = FieldList(FormField(ActionForm))
    same_day = HiddenField()
    submit = SubmitField("Create draft meeting", widget=GovSubmitInput())

    def same_day_confirmed(self) -> bool:
        return bool(self.date.data) and self.same_day.data == self.date.data.isoformat()

    def validate_time(self, field):
        self.starts_time = parse_time(field.data or "")
        if self.starts_time is None:
            raise ValidationError("Enter the time as 10am or 14:30")
