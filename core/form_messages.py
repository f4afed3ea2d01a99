"""Our own words for the messages Django and its validators would otherwise show.

Every form should say exactly what is wrong with its own question ("Enter your postcode"), and
ours do where we wrote them. These are the fallbacks for whatever a form leaves to Django: said
in our voice, in the GOV.UK style (no full stop, no "valid", no "field"), never Django's wording.
Set once when the project starts (core.apps), before any form is built, so no form can miss
them. tests/security/test_form_wording.py sends every form empty, wrong and out of range, and
fails on any default wording that still gets through.
"""

from django import forms
from django.core import validators
from django.db import models

ENTER_AN_ANSWER = "Enter an answer"
SELECT_AN_ANSWER = "Select an answer"
FROM_THE_LIST = "Select an answer from the list"

FORM_FIELDS = {
    forms.Field: {"required": ENTER_AN_ANSWER},
    forms.BooleanField: {"required": "Tick the box to confirm"},
    forms.ChoiceField: {"required": SELECT_AN_ANSWER, "invalid_choice": FROM_THE_LIST},
    forms.MultipleChoiceField: {
        "required": "Select at least one answer",
        "invalid_choice": FROM_THE_LIST,
        "invalid_list": FROM_THE_LIST,
    },
    forms.ModelChoiceField: {"required": SELECT_AN_ANSWER, "invalid_choice": FROM_THE_LIST},
    forms.ModelMultipleChoiceField: {
        "required": "Select at least one answer",
        "invalid_choice": FROM_THE_LIST,
        "invalid_list": FROM_THE_LIST,
        "invalid_pk_value": FROM_THE_LIST,
    },
    forms.IntegerField: {"invalid": "Enter a whole number, like 12"},
    forms.FloatField: {"invalid": "Enter a number, like 2.5"},
    forms.DecimalField: {"invalid": "Enter a number, like 2.5"},
    forms.DateField: {"invalid": "Enter a real date, like 27 3 2026"},
    forms.TimeField: {"invalid": "Enter a real time, like 9:30am or 14:15"},
    forms.DateTimeField: {"invalid": "Enter a real date and time"},
    forms.DurationField: {"invalid": "Enter a length of time, like 1:30:00"},
    forms.UUIDField: {"invalid": FROM_THE_LIST},
    forms.JSONField: {"invalid": "Enter the answer in the format asked for"},
    forms.FileField: {
        "required": "Choose a file",
        "invalid": "Choose a file",
        "missing": "Choose a file",
        "empty": "The file you chose is empty",
        "max_length": "The file's name must be %(max)d characters or fewer",
        "contradiction": "Choose a file or tick the box to remove one, not both",
    },
    forms.ImageField: {"invalid_image": "The file you chose must be a picture"},
}

MODEL_FIELDS = {
    models.Field: {
        "blank": ENTER_AN_ANSWER,
        "null": ENTER_AN_ANSWER,
        "invalid_choice": FROM_THE_LIST,
        "unique": "There is already one with this %(field_label)s",
        "unique_for_date": "There is already one with this %(field_label)s on that date",
    },
    models.BooleanField: {"invalid": SELECT_AN_ANSWER},
    models.IntegerField: {"invalid": "Enter a whole number, like 12"},
    models.DecimalField: {"invalid": "Enter a number, like 2.5"},
    models.FloatField: {"invalid": "Enter a number, like 2.5"},
    models.DateField: {
        "invalid": "Enter a real date, like 27 3 2026",
        "invalid_date": "Enter a real date, like 27 3 2026",
    },
    models.DateTimeField: {
        "invalid": "Enter a real date and time",
        "invalid_date": "Enter a real date, like 27 3 2026",
        "invalid_datetime": "Enter a real date and time",
    },
    models.TimeField: {
        "invalid": "Enter a real time, like 9:30am or 14:15",
        "invalid_time": "Enter a real time, like 9:30am or 14:15",
    },
    models.UUIDField: {"invalid": FROM_THE_LIST},
}

VALIDATORS = {
    validators.MinValueValidator: "The number must be %(limit_value)s or more",
    validators.MaxValueValidator: "The number must be %(limit_value)s or less",
    validators.MinLengthValidator: "The answer must be %(limit_value)d characters or more",
    validators.MaxLengthValidator: "The answer must be %(limit_value)d characters or fewer",
    validators.StepValueValidator: "Enter a number in steps of %(limit_value)s",
    validators.EmailValidator: "Enter an email address in the correct format, like "
    "name@example.com",
    validators.URLValidator: "Enter a web address in the correct format, like "
    "https://www.example.org",
    validators.ProhibitNullCharactersValidator: "Take out the hidden characters from the answer",
}
DECIMAL_VALIDATOR = {
    "invalid": "Enter a number, like 2.5",
    "max_digits": "The number must have %(max)s digits or fewer",
    "max_decimal_places": "The number must have %(max)s decimal places or fewer",
    "max_whole_digits": "The number must have %(max)s digits or fewer before the decimal point",
}


# Django's words that ours replaced (lazily translated), kept for the test that looks for them.
REPLACED: list = []


def use_our_wording() -> None:
    if REPLACED:
        return
    fields = FORM_FIELDS | MODEL_FIELDS
    before = {field: dict(field.default_error_messages) for field in fields}
    for field, messages in fields.items():
        REPLACED.extend(before[field].get(code, "") for code in messages)
        field.default_error_messages = {**before[field], **messages}
    for validator, message in VALIDATORS.items():
        REPLACED.append(validator.message)
        validator.message = message
    REPLACED.extend(validators.DecimalValidator.messages.values())
    validators.DecimalValidator.messages = {
        **validators.DecimalValidator.messages,
        **DECIMAL_VALIDATOR,
    }


def our_wording() -> set[str]:
    messages = [text for group in (FORM_FIELDS | MODEL_FIELDS).values() for text in group.values()]
    return {*messages, *VALIDATORS.values(), *DECIMAL_VALIDATOR.values()}
