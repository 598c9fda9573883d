"""The sign-in form, choosing a password, and making a personal access token for the API."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovPasswordInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import IntegerField, PasswordField, RadioField, StringField, SubmitField
from wtforms.validators import EqualTo, InputRequired, Length

from tracker.auth import tokens
from tracker.auth.models import TokenScope
from tracker.kit.forms import choices

PASSWORD_MIN_LENGTH = 12


def password_field(label: str, description: str = "", *extra_validators) -> PasswordField:
    """A new password: 12 to 128 characters (long beats complicated, as NCSC advises)."""
    return PasswordField(
        label,
        description=description,
        validators=[
            InputRequired(message=f"Enter {label[0].lower() + label[1:]}"),
            Length(
                min=PASSWORD_MIN_LENGTH,
                max=128,
                message=f"{label} must be between {PASSWORD_MIN_LENGTH} and 128 characters",
            ),
            *extra_validators,
        ],
        widget=GovPasswordInput(),
    )


class SignInForm(FlaskForm):
    username = StringField(
        "Username",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter your username"), Length(max=80)],
    )
    password = PasswordField(
        "Password",
        widget=GovPasswordInput(),
        validators=[InputRequired(message="Enter your password"), Length(max=200)],
    )
    submit = SubmitField("Sign in", widget=GovSubmitInput())


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(
        "Current password",
        widget=GovPasswordInput(),
        validators=[InputRequired(message="Enter your current password"), Length(max=200)],
    )
    new_password = password_field(
        "New password", f"At least {PASSWORD_MIN_LENGTH} characters. A few unrelated words work well."
    )
    confirm_password = PasswordField(
        "Confirm new password",
        widget=GovPasswordInput(),
        validators=[
            InputRequired(message="Enter the new password again"),
            EqualTo("new_password", message="The new passwords do not match"),
        ],
    )
    submit = SubmitField("Change password", widget=GovSubmitInput())


class SignOutOtherSessionsForm(FlaskForm):
    """A button, with its CSRF token: end every session but this one."""

    submit = SubmitField("Sign out of all other sessions", widget=GovSubmitInput())


# What each scope lets a script do, shown under its radio.
SCOPE_HINTS = {
    TokenScope.READ: "Read meetings, actions, plans, indicators and reports: nothing more.",
    TokenScope.WRITE: "Also make the changes you could make on these pages, such as updating "
    "your actions or loading indicator values.",
}


class ExpiryDaysField(IntegerField):
    """A whole number of days, with a GOV.UK message (not WTForms' own) when it is not one."""

    def process_formdata(self, valuelist):
        if valuelist and not str(valuelist[0]).strip():
            self.data = None  # left empty: InputRequired says so
            return
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(f"{self.label.text} must be a whole number, like 90") from None


class NewTokenForm(FlaskForm):
    """A personal access token for the API: its name, what it may do and how long it lasts.

    The form only reads what was sent; `tokens.issue` holds the rules (a name, a scope, the
    expiry's limits) and its refusals are shown on the fields here.
    """

    name = StringField(
        "Name",
        description="So you can tell your tokens apart, for example “Quarterly figures script”",
        widget=GovTextInput(),
    )
    scope = RadioField(
        "What may the token do?",
        description="Never more than you may do on these pages yourself.",
        widget=GovRadioInput(),
        choices=choices(TokenScope.choices()),
        default=TokenScope.READ.value,
        validate_choice=False,  # the service refuses any other value, with its own message
    )
    expires_in_days = ExpiryDaysField(
        "Expires after",
        description=f"Up to {tokens.MAX_EXPIRY_DAYS} days. The token stops working then; make a "
        "new one if you still need it.",
        widget=GovTextInput(),
        default=tokens.DEFAULT_EXPIRY_DAYS,
        validators=[InputRequired(message="Enter how many days the token lasts")],
    )
    submit = SubmitField("Create token", widget=GovSubmitInput())

    def scope_items(self) -> list[dict]:
        """Each scope's hint, in the order of the choices."""
        return [{"hint": {"text": SCOPE_HINTS[scope]}} for scope in TokenScope]
