"""Form fields with the GOV.UK Design System's patterns and wording."""

from datetime import date

from crispy_forms_gds.fields import DateInputField
from django import forms
from django.core.exceptions import ValidationError


class ModelChoiceField(forms.ModelChoiceField):
    """Django's, but a value that is not even a valid id (a tampered form) gets the field's own
    "choose from the list" message, not the model field's '"x" is not a valid UUID'."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except forms.ValidationError as error:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from error


YES_NO = [(True, "Yes"), (False, "No")]


def yes_no(value) -> bool:
    return value in (True, "True", "true", "on", "1")


def yes_no_field(label: str, required_message: str, **kwargs) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=yes_no,
        widget=forms.RadioSelect,
        error_messages={"required": required_message},
        **kwargs,
    )


class GovDateField(DateInputField):
    """The GOV.UK date input (day, month, year) with its recommended error messages.

    `subject` names the date in messages, e.g. "the interview date" gives "Enter the interview
    date" and "The interview date must be a real date".
    """

    def __init__(self, *, subject: str, **kwargs):
        super().__init__(**kwargs)
        self.subject = subject

    def clean(self, value):
        parts = list(value) if isinstance(value, list | tuple) else []
        day, month, year = [str(part or "").strip() for part in (parts + [None] * 3)[:3]]
        subject = self.subject[0].upper() + self.subject[1:]
        if not (day or month or year):
            if self.required:
                raise ValidationError(f"Enter {self.subject}", code="required")
            return None
        missing = [
            name for name, part in (("day", day), ("month", month), ("year", year)) if not part
        ]
        if missing:
            raise ValidationError(
                f"{subject} must include a {' and '.join(missing)}", code="incomplete"
            )
        if not (day.isdigit() and month.isdigit() and year.isdigit()) or len(year) != 4:
            raise ValidationError(f"{subject} must be a real date, like 27 3 2026", code="invalid")
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(
                f"{subject} must be a real date, like 27 3 2026", code="invalid"
            ) from None


def posted(request):
    """The form data of a POST, even an empty one (all boxes unticked), else None."""
    return request.POST if request.method == "POST" else None
