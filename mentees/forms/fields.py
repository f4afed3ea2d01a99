"""Form fields with the GOV.UK Design System's patterns and wording."""

from datetime import date

from crispy_forms_gds.fields import DateInputField
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator

PARTS = ("day", "month", "year")


class GovukDateField(DateInputField):
    """Day, month and year boxes whose errors name the date, as GOV.UK asks:
    "Date of birth must include a month", "Date of birth must be a real date"."""

    def __init__(self, *, name: str, required_message: str, **kwargs):
        self.date_name = name
        kwargs.setdefault("require_all_fields", False)
        super().__init__(**kwargs)
        self.error_messages.update(required=required_message, incomplete=required_message)
        for part, subfield in zip(PARTS, self.fields, strict=True):
            subfield.error_messages["incomplete"] = f"{name} must include a {part}"
            if part == "year":
                shape = RegexValidator(r"^\s*[0-9]{4}\s*$", "Year must include 4 numbers")
            else:
                shape = RegexValidator(r"^\s*[0-9]{1,2}\s*$", self._unreal)
            subfield.validators = [shape]

    @property
    def _unreal(self) -> str:
        return f"{self.date_name} must be a real date"

    def compress(self, data_list):
        day, month, year = data_list
        if not (day and month and year):
            return None
        try:
            return date(int(year), int(month), int(day))
        except ValueError as error:
            raise forms.ValidationError(self._unreal, code="invalid") from error


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
