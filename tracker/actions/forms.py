"""Forms for the register's filters, a lead's update, the DMPC's decisions and the secretariat's edits.

Forms that change an action carry the version the person saw in a hidden field; the service
refuses the change if the action has moved on since (see services.check_version).
"""

import json
from urllib.parse import urlsplit

from flask import current_app
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovCheckboxInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from werkzeug.datastructures import MultiDict
from wtforms import (
    BooleanField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from tracker.actions.models import ActionStatus
from tracker.actions.queries import SORTS
from tracker.actions.services import LEAD_STATUSES
from tracker.kit.conflicts import SeenForm
from tracker.kit.dates import today
from tracker.kit.forms import GovDateField, choices
from tracker.kit.widgets import QuickCheckbox, QuickSelect, QuickTextInput
from tracker.meetings.forms import MinutesForm


def web_address(form, field) -> None:
    """An evidence link must be a full http(s) address, never a script or a local file."""
    if not field.data:
        return
    parts = urlsplit(field.data.strip())
    if parts.scheme not in ("http", "https") or "." not in parts.netloc:
        raise ValidationError("Enter a full web address, like https://www.example.org/report.pdf")


class LeadFollowsOwner:
    """An action's lead works for its owner: the lead list offers the chosen owner's people
    (everyone, labelled with their organisation, until an owner is chosen), and a lead from
    another organisation is refused with an error naming both. The page's script narrows the
    list as the owner changes; this rule stands without it."""

    def offer_leads(self, people, blank: str) -> None:
        """`people` with their organisations loaded; call after the owner choices are set."""
        self.people = {str(person.id): person for person in people}
        owners = {choice.value for choice in self.owner.choices} - {""}
        owner = self.owner.data if self.owner.data in owners else None
        offered = [p for p in people if owner is None or str(p.organisation_id) == owner]
        self.lead.choices = choices(((p.id, p.description) for p in offered), blank=blank)
        # Everyone, for the page's script to rebuild the list when the owner changes.
        self.lead_directory = json.dumps([
            {"value": str(p.id), "text": p.description, "owner": str(p.organisation_id)}
            for p in people
        ])

    def validate_lead(self, field) -> None:
        if not field.data:
            return
        person = self.people.get(field.data)
        if person is None:
            raise ValidationError("Choose a lead from the list, or no lead")
        if self.owner.data and str(person.organisation_id) != self.owner.data:
            owner = next((choice.label for choice in self.owner.choices
                          if choice.value == self.owner.data), "the owner organisation")
            raise ValidationError(
                f"{person.name} does not work for {owner}: choose a lead from {owner}, or no lead"
            )


class VersionedForm(SeenForm):
    """A form that changes an action, carrying the version its page showed (kit.conflicts)."""


# How many register filter forms the app keeps (a few hundred kilobytes at most).
KEPT_FORMS = 128


class RegisterFilterForm(FlaskForm):
    """The register's filters, read from the URL so a view can be bookmarked and shared.

    Its fields are written by the quick widgets: they are written on every view of the
    register, and the GOV.UK macros made them a third of its page time. A form is kept for each
    URL and set of choices (`for_view`), and writes each field once.
    """

    class Meta:
        csrf = False

        def render_field(self, field, render_kw):
            # The same field with the same parameters writes the same HTML: kept, as the form is.
            key = (field.name, repr(render_kw))
            written = self.__dict__.setdefault("written", {})
            if key not in written:
                written[key] = super().render_field(field, render_kw)
            return written[key]

    q = StringField(
        "Search",
        description="A reference or words from the action",
        widget=QuickTextInput(),
        validators=[Optional(), Length(max=200)],
    )
    status = SelectField("Status", widget=QuickSelect(), default="")
    owner = SelectField("Owner", widget=QuickSelect(), default="")
    # Leads and meetings are offered once an owner, or a meeting type and year, narrow them: the
    # lists would otherwise grow with years of data.
    lead = SelectField(
        "Lead", description="Choose an owner to list its leads", widget=QuickSelect(), default=""
    )
    meeting_type = SelectField("Meeting type", widget=QuickSelect(), default="")
    year = SelectField("Meeting year", widget=QuickSelect(), default="")
    meeting = SelectField(
        "Meeting",
        description="Choose a meeting type and year to list their meetings",
        widget=QuickSelect(),
        default="",
    )
    priority = SelectField("Plan priority", widget=QuickSelect(), default="")
    indicator = SelectField("Indicator", widget=QuickSelect(), default="")
    earlier = BooleanField(
        "Include earlier plan versions",
        description="Their priorities and indicators are labelled with their version",
        widget=QuickCheckbox(),
    )
    due = SelectField(
        "Due",
        widget=QuickSelect(),
        choices=choices(
            [
                ("", "Any due date"),
                ("overdue", "Overdue"),
                ("within", "Due within the number of days below"),
            ]
        ),
        default="",
    )
    days = IntegerField(
        "Number of days",
        widget=QuickTextInput(),
        default=14,
        validators=[
            Optional(),
            NumberRange(min=1, max=3650, message="Number of days must be between 1 and 3650"),
        ],
    )
    sort = SelectField("Sort by", widget=QuickSelect(), choices=choices(SORTS.items()), default="due")

    def __init__(self, *args, options: dict[str, list], **kwargs):
        super().__init__(*args, **kwargs)
        self.status.choices = choices(
            [("", "Any status"), ("outstanding", "Outstanding (not closed, superseded or dropped)")]
            + list(ActionStatus.choices())
        )
        for name, pairs in options.items():
            getattr(self, name).choices = choices([("", "Any")] + list(pairs))

    @classmethod
    def for_view(cls, args, options: dict[str, list]) -> "RegisterFilterForm":
        """The form of the URL's `args` with these `options`, validated: kept by the app for the
        URLs asked for most (the plain register above all), as it is built and written the same
        each time while the URL and the choices are the same. Nothing in it is the reader's."""
        key = (
            tuple(args.items(multi=True)),
            tuple((name, tuple(pairs)) for name, pairs in options.items()),
        )
        kept = current_app.extensions.setdefault("register_filter_forms", {})
        form = kept.get(key)
        if form is None:
            if len(kept) >= KEPT_FORMS:
                kept.clear()
            form = cls(formdata=MultiDict(args.items(multi=True)), options=options)
            form.validate()
            kept[key] = form
        return form

    def value(self, name: str):
        """A filter's value, or None when it is empty or not valid."""
        field = getattr(self, name)
        if field.errors or field.data in (None, ""):
            return None
        return field.data

    def id_value(self, name: str) -> int | None:
        value = self.value(name)
        return int(value) if value is not None else None


class UpdateForm(VersionedForm):
    """A lead's progress update."""

    note = TextAreaField(
        "Progress update",
        description="What has been done since the last update, and what happens next",
        widget=GovTextArea(),
        validators=[DataRequired(message="Enter a progress update"), Length(max=10_000)],
    )
    status = RadioField(
        "Status",
        widget=GovRadioInput(),
        choices=choices((status.value, status.label) for status in LEAD_STATUSES),
        validators=[InputRequired(message="Select the action's status")],
    )
    evidence_url = StringField(
        "Link to evidence (optional)",
        description="For example, a link to the report or figures sent to the DMPC",
        widget=GovTextInput(),
        validators=[Optional(), Length(max=1000), web_address],
    )
    requested_due_on = GovDateField(
        "New due date (optional)",
        description="Only if you need more time. The Deputy Mayor decides. For example, 30 4 2024",
    )
    reason = TextAreaField(
        "Reason for the new due date",
        widget=GovTextArea(),
        validators=[Length(max=5_000)],
    )
    submit = SubmitField("Send update", widget=GovSubmitInput())

    def update(self) -> dict:
        """What `services.add_update` takes from the form, whether it came from the page or the API."""
        return {
            "note": self.note.data,
            "status": self.status.data,
            "evidence_url": self.evidence_url.data or "",
            "requested_due_on": self.requested_due_on.data,
            "reason": self.reason.data or "",
        }

    def validate_requested_due_on(self, field) -> None:
        if field.data is not None and field.data <= today():
            raise ValidationError("New due date must be in the future")

    def validate_reason(self, field) -> None:
        if self.requested_due_on.data and not (field.data or "").strip():
            raise ValidationError("Give a reason for the new due date")
        if (
            (field.data or "").strip()
            and not self.requested_due_on.data
            and not self.requested_due_on.errors
        ):
            raise ValidationError("Enter the new due date you are asking for, or clear the reason")


class SignOffForm(VersionedForm):
    """The DMPC's decision on an action completed and awaiting sign-off."""

    decision = RadioField(
        "Your decision",
        widget=GovRadioInput(),
        choices=choices(
            [("close", "Sign off and close the action"), ("send_back", "Send it back to the lead")]
        ),
        validators=[InputRequired(message="Select whether to sign off the action or send it back")],
    )
    note = TextAreaField(
        "Note",
        description="Needed if you send it back: say what is still to do",
        widget=GovTextArea(),
        validators=[Length(max=10_000)],
    )
    due_on = GovDateField(
        "New due date (optional, if you send it back)",
        description="For example, 30 4 2024",
    )
    submit = SubmitField("Save decision", widget=GovSubmitInput())

    def validate_note(self, field) -> None:
        if self.decision.data == "send_back" and not (field.data or "").strip():
            raise ValidationError("Say what is still to do before the action can be signed off")


class ExtensionForm(VersionedForm):
    """The DMPC's decision on a lead's request for more time."""

    decision = RadioField(
        "Do you agree to the new due date?",
        widget=GovRadioInput(),
        choices=choices(
            [("accept", "Yes, move the due date"), ("refuse", "No, keep the due date")]
        ),
        validators=[InputRequired(message="Select whether you agree to the new due date")],
    )
    note = TextAreaField(
        "Note",
        description="Needed if you refuse: say why",
        widget=GovTextArea(),
        validators=[Length(max=10_000)],
    )
    submit = SubmitField("Save decision", widget=GovSubmitInput())

    def validate_note(self, field) -> None:
        if self.decision.data == "refuse" and not (field.data or "").strip():
            raise ValidationError("Say why more time is refused")


class EditActionForm(LeadFollowsOwner, VersionedForm):
    """The secretariat's corrections to an action."""

    text = TextAreaField(
        "Action",
        description="As the minutes word it, owner first",
        widget=GovTextArea(),
        validators=[DataRequired(message="Enter the action"), Length(max=5_000)],
    )
    # No InputRequired: the browser would demand a blank first option; the choice is checked anyway.
    owner = SelectField("Owner", widget=GovSelect())
    lead = SelectField("Lead", widget=GovSelect(), default="", validate_choice=False)
    due_on = GovDateField("Due date", description="For example, 31 1 2024")
    priorities = SelectMultipleField("Plan priorities it serves", widget=GovCheckboxesInput())
    indicators = SelectMultipleField("Indicators it serves", widget=GovCheckboxesInput())
    confidential = BooleanField(
        "Confidential: not shown to read-only users or the public", widget=GovCheckboxInput()
    )
    recurring = BooleanField(
        "Recurring: asked for regularly or in future reports", widget=GovCheckboxInput()
    )
    note = TextAreaField(
        "Reason for the change (optional)", widget=GovTextArea(), validators=[Length(max=5_000)]
    )
    submit = SubmitField("Save changes", widget=GovSubmitInput())

    def __init__(self, *args, options: dict[str, list], **kwargs):
        super().__init__(*args, **kwargs)
        self.owner.choices = choices(options["owner"])
        self.priorities.choices = choices(options["priorities"])
        self.indicators.choices = choices(options["indicators"])


class SetAsideForm(VersionedForm):
    """The secretariat marks an action superseded or dropped."""

    status = RadioField(
        "What has happened to the action?",
        widget=GovRadioInput(),
        choices=choices(
            [
                (ActionStatus.SUPERSEDED, "Superseded: replaced by another action or decision"),
                (ActionStatus.DROPPED, "Dropped: no longer needed"),
            ]
        ),
        validators=[InputRequired(message="Select superseded or dropped")],
    )
    reason = TextAreaField(
        "Reason",
        description="This is kept in the action's history",
        widget=GovTextArea(),
        validators=[DataRequired(message="Give the reason"), Length(max=5_000)],
    )
    submit = SubmitField("Save", widget=GovSubmitInput())


class RaiseActionForm(LeadFollowsOwner, MinutesForm):
    text = TextAreaField(
        "Action",
        widget=GovTextArea(),
        description="Start with who will do it, for example: WYP to provide the DMPC with ...",
        validators=[DataRequired(message="Enter the action"), Length(max=4000)],
    )
    owner = SelectField(
        "Owner",
        widget=GovSelect(),
        description="The organisation responsible for the action.",
        validators=[InputRequired(message="Choose the organisation that owns the action")],
    )
    lead = SelectField(
        "Lead",
        widget=GovSelect(),
        description="Optional. Someone in the owner organisation.",
        validate_choice=False,
    )
    due_on = GovDateField(
        "Due date",
        invalid="Enter a real date, for example 27 2 2024",
        description="Optional. For example, 29 2 2024",
    )
    confidential = BooleanField(
        "Confidential: leave it out of the public minutes and hide it from read-only users",
        widget=GovCheckboxInput(),
    )
    recurring = BooleanField(
        "Recurring: for example, “in future reports” or “regularly”", widget=GovCheckboxInput()
    )
    priorities = SelectMultipleField(
        "Police and Crime Plan priorities", widget=GovCheckboxesInput(), description="Optional."
    )
    indicators = SelectMultipleField(
        "Indicators", widget=GovCheckboxesInput(), description="Optional."
    )
    submit = SubmitField("Raise action", widget=GovSubmitInput())
