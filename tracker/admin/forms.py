"""Forms for the administration pages: organisations, people, meeting types, users and filters."""


from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    Length,
    Optional,
    Regexp,
    ValidationError,
)

from tracker.admin.services import agenda_lines
from tracker.auth.forms import PASSWORD_MIN_LENGTH, password_field
from tracker.auth.models import Role
from tracker.kit.conflicts import SeenForm

AGENDA_ITEM_MAX_LENGTH = 300  # AgendaItem.title

ROLE_HINTS = {
    Role.ADMIN: "Manages people, organisations, meeting types and users, and can do everything "
    "the secretariat does.",
    Role.SECRETARIAT: "Runs meetings, writes the minutes and raises actions.",
    Role.LEAD: "Updates the actions their organisation owns. Must be linked to a person.",
    Role.EXECUTIVE: "Reads everything and signs off completed actions.",
    Role.VIEWER: "Reads meetings, actions and plans, but not confidential actions.",
}


def strip(value):
    return value.strip() if isinstance(value, str) else value


def optional_id(value) -> int | None:
    """A select's value as a record id; the empty choice ("Select ...", "Not linked") is None."""
    if value in (None, ""):
        return None
    return int(value)


def yes_no(value) -> bool:
    """A yes/no radio's value as a boolean, either way round."""
    if value in (True, "yes"):
        return True
    if value in (False, "no"):
        return False
    raise ValueError(f"not yes or no: {value!r}")


def text_field(
    label: str, required: str | None = None, max_length: int = 200, **kwargs
) -> StringField:
    """A GOV.UK text input, trimmed, required (with the message given) or optional."""
    validators = [DataRequired(message=required)] if required else [Optional()]
    validators.append(
        Length(max=max_length, message=f"{label} must be {max_length} characters or fewer")
    )
    validators += kwargs.pop("validators", [])
    return StringField(
        label, validators=validators, filters=[strip], widget=GovTextInput(), **kwargs
    )


def id_select(label: str, message: str, **kwargs) -> SelectField:
    """A GOV.UK select of records by id; choices are set by the form for each request."""
    return SelectField(
        label,
        coerce=optional_id,
        choices=[],
        invalid_value_message=message,
        invalid_choice_message=message,
        widget=GovSelect(),
        **kwargs,
    )


class ChangeForm(SeenForm):
    """A form that changes a saved record and notices when someone else saved it first
    (kit.conflicts): where another administrator has since saved a field, their value is kept if
    this person left the field alone, and otherwise the field shows an error rather than silently
    undoing their change; saving again then replaces it knowingly."""

    def show_clashes(self, record, clash) -> None:
        """Put each clash on its field, take the newer value where this person changed nothing,
        and carry the record as it is now, so the next save goes through knowingly."""
        shown = self.shown()
        for name in self.tracked:
            if name in clash.clashes:
                self[name].errors.append(overtaken_message(self[name], clash.clashes[name]))
            elif self[name].data == shown.get(name):
                self[name].data = getattr(record, name)
        self.remember(record)


def overtaken_message(field, value) -> str:
    name = field.label.text.removesuffix(" (optional)")
    if isinstance(field, SelectField):
        value = {field.coerce(c.value): c.label for c in field.iter_choices()}.get(value, value)
    if isinstance(field, TextAreaField) or not value:
        return (
            f"Someone else changed ‘{name}’ after you opened this page. Check it and save again "
            "to replace their change with what you entered"
        )
    return (
        f"Someone else changed ‘{name}’ to “{value}” after you opened this page. Save again to "
        "replace it with what you entered"
    )


class OrganisationForm(ChangeForm):
    tracked = ("name", "short_name")
    name = text_field("Name", "Enter the organisation's name")
    short_name = text_field(
        "Short name",
        "Enter the organisation's short name",
        max_length=40,
        description="As the minutes and the action register show it, for example WYP",
    )
    submit = SubmitField("Save organisation", widget=GovSubmitInput())


class PersonForm(ChangeForm):
    tracked = ("name", "job_title", "organisation_id", "email")
    name = text_field("Name", "Enter the person's name")
    job_title = text_field(
        "Job title (optional)",
        description="As the minutes list it, for example ACC or Head of Policing and Crime",
    )
    email = text_field(
        "Email address (optional)",
        max_length=320,
        description="Where the tracker sends them the actions they lead, reminders and minutes, "
        "whether or not they can sign in",
        validators=[
            Regexp(
                r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
                message="Enter an email address in the correct format, like name@example.com",
            )
        ],
    )
    organisation_id = id_select("Organisation", "Select the organisation the person works for")
    submit = SubmitField("Save person", widget=GovSubmitInput())

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation_id.choices = [
            SelectChoice("", "Select an organisation"),
            *(SelectChoice(str(o.id), f"{o.name} ({o.short_name})") for o in organisations),
        ]

    def validate_organisation_id(self, field):
        if field.data is None:
            raise ValidationError("Select the organisation the person works for")


class MeetingTypeForm(ChangeForm):
    tracked = ("name", "short_name", "cadence", "is_public", "standing_agenda")
    name = text_field("Name", "Enter the name of the meeting type")
    short_name = text_field(
        "Short name",
        "Enter the short name",
        max_length=20,
        description="Used in action references, for example COM in COM-2023-10-04a. "
        "Letters and numbers only.",
        validators=[
            Regexp(r"^[A-Za-z0-9]+$", message="Short name must only include letters and numbers")
        ],
    )
    cadence = text_field(
        "How often it meets (optional)",
        max_length=100,
        description="For example, Quarterly or Bi-monthly",
    )
    is_public = RadioField(
        "Are its minutes public?",
        description="Published minutes of a public meeting can be read by anyone without signing "
        "in. Confidential actions are always left out.",
        choices=[SelectChoice("yes", "Yes"), SelectChoice("no", "No")],
        coerce=yes_no,
        invalid_value_message="Select yes if the minutes are public",
        invalid_choice_message="Select yes if the minutes are public",
        widget=GovRadioInput(),
    )
    standing_agenda = TextAreaField(
        "Standing agenda (optional)",
        description="One agenda item per line, in order. A new meeting of this type starts with "
        "these items.",
        filters=[agenda_lines],
        widget=GovTextArea(),
    )
    submit = SubmitField("Save meeting type", widget=GovSubmitInput())

    def validate_standing_agenda(self, field):
        for number, line in enumerate(field.data.splitlines(), start=1):
            if len(line) > AGENDA_ITEM_MAX_LENGTH:
                raise ValidationError(
                    f"Agenda item {number} must be {AGENDA_ITEM_MAX_LENGTH} characters or fewer"
                )


def _role_field() -> RadioField:
    return RadioField(
        "Role",
        description="What they can do in the tracker.",
        choices=[SelectChoice(role.value, role.label) for role in Role],
        invalid_value_message="Select the user's role",
        invalid_choice_message="Select the user's role",
        widget=GovRadioInput(),
    )


def _person_field() -> SelectField:
    return id_select(
        "Person",
        "Select a person from the list",
        description="Who the user is, from the people directory. Their organisation decides which "
        "actions a lead can update.",
    )


class _UserFields:
    """What the add and change forms share: role hints and the people to link to."""

    def set_people(self, people) -> None:
        self.person_id.choices = [
            SelectChoice("", "Not linked to a person"),
            *(SelectChoice(str(p.id), p.description) for p in people),
        ]

    def role_items(self) -> list[dict]:
        """Per-role hints for the radios, in the order of the choices."""
        return [{"hint": {"text": ROLE_HINTS[role]}} for role in Role]


class UserForm(_UserFields, FlaskForm):
    username = text_field(
        "Username",
        "Enter a username",
        max_length=80,
        description="What they type to sign in. Letters, numbers, full stops, hyphens, "
        "underscores and @ only.",
        validators=[
            Regexp(
                r"^[A-Za-z0-9._@-]+$",
                message="Username must only include letters, numbers, full stops, hyphens, "
                "underscores and @",
            )
        ],
    )
    role = _role_field()
    person_id = _person_field()
    password = password_field(
        "Initial password",
        f"At least {PASSWORD_MIN_LENGTH} characters. Give it to the user in person or by phone, "
        "not in the same email as their username.",
    )
    submit = SubmitField("Add user", widget=GovSubmitInput())


class UserChangeForm(_UserFields, ChangeForm):
    tracked = ("role", "person_id", "active")
    role = _role_field()
    person_id = _person_field()
    active = RadioField(
        "Account",
        description="A deactivated user cannot sign in. Their name stays on everything they did.",
        choices=[
            SelectChoice("yes", "Active: can sign in"),
            SelectChoice("no", "Deactivated: cannot sign in"),
        ],
        coerce=yes_no,
        invalid_value_message="Select whether the account is active",
        invalid_choice_message="Select whether the account is active",
        widget=GovRadioInput(),
    )
    submit = SubmitField("Save user", widget=GovSubmitInput())


class PasswordForm(FlaskForm):
    password = password_field(
        "New password",
        f"At least {PASSWORD_MIN_LENGTH} characters. Give it to the user in person or by phone.",
    )
    submit = SubmitField("Reset password", widget=GovSubmitInput())


class PeopleFilters(FlaskForm):
    """Search the directory by name and organisation (a GET form: nothing to protect)."""

    class Meta:
        csrf = False

    q = StringField("Name", filters=[strip], widget=GovTextInput())
    organisation = id_select("Organisation", "Select an organisation from the list")

    def __init__(self, formdata, organisations=()):
        super().__init__(formdata=formdata)
        self.organisation.choices = [
            SelectChoice("", "All organisations"),
            *(SelectChoice(str(o.id), o.name) for o in organisations),
        ]


class AuditFilters(FlaskForm):
    """Narrow the audit log to one kind of record (a GET form)."""

    class Meta:
        csrf = False

    entity_type = SelectField("Record", choices=[], default="", widget=GovSelect())

    def __init__(self, formdata, entity_types=()):
        super().__init__(formdata=formdata)
        self.entity_type.choices = [
            SelectChoice("", "All records"),
            *(SelectChoice(value, label) for value, label in entity_types),
        ]
