"""The Delivery Quarterly pack's options, read from the URL: the day the pack is "as at"."""

from datetime import date

from flask_wtf import FlaskForm
from wtforms import ValidationError

from tracker.kit.dates import long_date
from tracker.kit.forms import GovDateField


class DeliveryQuarterlyForm(FlaskForm):
    class Meta:
        csrf = False

    as_at = GovDateField(
        "As at",
        description="Ratings, figures and actions as they stood at the end of this day. Leave it "
        "blank for the quarter's last day. For example, 31 12 2020",
    )

    def __init__(self, *args, starts_on: date, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.starts_on = starts_on
        self.today = today

    def validate_as_at(self, field) -> None:
        if field.data is None:
            return
        if field.data < self.starts_on:
            raise ValidationError(
                f"The as at date must be on or after {long_date(self.starts_on)}, the quarter's "
                "first day"
            )
        if field.data > self.today:
            raise ValidationError("The as at date must be today or in the past")
