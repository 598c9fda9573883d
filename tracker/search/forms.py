"""The search form, read from the address (GET) so a search can be bookmarked and shared."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSelect, GovTextInput
from wtforms import RadioField, SelectField, StringField
from wtforms.validators import Length, Optional

from tracker.kit.forms import GovDateField, choices

# Far longer than any question; a longer text is refused with a message, not searched.
LONGEST_QUERY = 200


class SearchForm(FlaskForm):
    class Meta:
        csrf = False

    q = StringField(
        "Search for",
        description='Words must all appear; "a phrase" in quotes, or, and -word to leave out',
        widget=GovTextInput(),
        validators=[
            Optional(),
            Length(max=LONGEST_QUERY, message=f"Search for {LONGEST_QUERY} characters or fewer"),
        ],
    )
    kind = RadioField("Show", widget=GovRadioInput(), default="", validate_choice=False)
    type = SelectField("Type of meeting", widget=GovSelect(), default="", validate_choice=False)
    since = GovDateField("Meetings from", description="For example, 1 10 2023")
    until = GovDateField("Meetings to", description="For example, 31 3 2024")


def search_form(args, kinds, meeting_types) -> SearchForm:
    """The form over `args`, offering `kinds` of result and `meeting_types`."""
    form = SearchForm(args)
    form.kind.choices = choices(((kind.value, kind.label) for kind in kinds), blank="Everything")
    form.type.choices = choices(
        ((meeting_type.id, meeting_type.name) for meeting_type in meeting_types), blank="All types"
    )
    return form
