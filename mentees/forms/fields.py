"""Form fields with the GOV.UK Design System's wording for errors."""

from datetime import date

from crispy_forms_gds.fields import DateInputField
from django import forms
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
