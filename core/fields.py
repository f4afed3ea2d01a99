"""Form fields with the GOV.UK Design System's patterns and wording."""

from datetime import date

from crispy_forms_gds.fields import DateInputField
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


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


YES_NO = [(True, _("Yes")), (False, _("No"))]


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


def _digits(text: str) -> bool:
    """Plain 0-9 only: "²" or "١" pass str.isdigit() but are no part of a date we can read."""
    return text.isascii() and text.isdigit()


class GovDateField(DateInputField):
    """The GOV.UK date input (day, month, year) with its recommended error messages.

    `subject` names the date in messages, e.g. "the interview date" gives "Enter the interview
    date" and "The interview date must be a real date". `example` is a date that would be a
    right answer, as typed ("27 3 1990"); messages quote it.
    """

    def __init__(self, *, subject: str, example: str = "27 3 2026", **kwargs):
        super().__init__(**kwargs)
        self.subject = subject
        self.example = example

    def clean(self, value):
        parts = list(value) if isinstance(value, list | tuple) else []
        day, month, year = [str(part or "").strip() for part in (parts + [None] * 3)[:3]]
        subject = str(self.subject)
        subject = subject[0].upper() + subject[1:]
        if not (day or month or year):
            if self.required:
                raise ValidationError(
                    _("Enter %(subject)s") % {"subject": self.subject}, code="required"
                )
            return None
        missing = [
            name
            for name, part in ((_("day"), day), (_("month"), month), (_("year"), year))
            if not part
        ]
        if missing:
            raise ValidationError(
                _("%(subject)s must include a %(parts)s")
                % {"subject": subject, "parts": str(_(" and ")).join(str(n) for n in missing)},
                code="incomplete",
            )
        not_real = ValidationError(
            _("%(subject)s must be a real date, like %(example)s")
            % {"subject": subject, "example": self.example},
            code="invalid",
        )
        if not (_digits(day) and _digits(month) and _digits(year)):
            raise not_real
        if len(year) != 4:
            raise ValidationError(
                _("The year must include 4 numbers, like %(year)s")
                % {"year": self.example.split()[-1]},
                code="invalid_year",
            )
        if len(day) > 2 or len(month) > 2:
            raise not_real
        try:
            return date(int(year), int(month), int(day))
        except (ValueError, OverflowError):
            raise not_real from None


# Our own words for what Django would otherwise say in its own.
NULL_CHARACTER = _(
    "This contains a hidden character that cannot be saved. Type it again rather than pasting it"
)
TOO_LONG = _("Write %(limit_value)s characters or fewer. You wrote %(show_value)s")
NOT_IN_THE_LIST = _("Select one of the options shown")
REQUIRED = _("Answer this question")
LONG_ENOUGH_TO_SAY = 100  # Free text this long or longer says its limit in the hint.


def _django_default(field: forms.Field, code: str) -> bool:
    message = field.error_messages.get(code)
    return message is None or any(
        message is getattr(klass, "default_error_messages", {}).get(code)
        for klass in type(field).__mro__
    )


def in_our_words(form: forms.Form) -> None:
    """Give every field of `form` our own messages where it still has Django's, and make free
    text say how long it may be (in the hint, and with maxlength on one-line inputs: a text area
    has none, so pasted text is never cut short without a word, as GOV.UK's character count
    does)."""
    for field in form.fields.values():
        if _django_default(field, "required"):
            field.error_messages["required"] = REQUIRED
        if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
            for code in ("invalid_choice", "invalid_pk_value", "invalid_list"):
                if _django_default(field, code):
                    field.error_messages[code] = NOT_IN_THE_LIST
        if isinstance(field, forms.CharField):
            field.error_messages.setdefault("null_characters_not_allowed", NULL_CHARACTER)
            field.error_messages.setdefault("max_length", TOO_LONG)
            limit = field.max_length
            if limit and limit >= LONG_ENOUGH_TO_SAY:
                said = str(_("You can write up to %(limit)s characters") % {"limit": f"{limit:,}"})
                if said not in str(field.help_text):
                    field.help_text = f"{field.help_text}. {said}" if field.help_text else said
                if isinstance(field.widget, forms.Textarea):
                    field.widget.attrs.pop("maxlength", None)


def posted(request):
    """The form data of a POST, even an empty one (all boxes unticked), else None."""
    return request.POST if request.method == "POST" else None
