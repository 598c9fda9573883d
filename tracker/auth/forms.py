"""The sign-in form, and choosing a password."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovPasswordInput, GovSubmitInput, GovTextInput
from wtforms import PasswordField, StringField, SubmitField
from wtforms.validators import EqualTo, InputRequired, Length

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
