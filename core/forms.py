"""Form helpers every app's views share: a service's ValidationError shown on the form, and
the save-then-message step of a POST."""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError


def apply_validation_error(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: beside its field, or at the top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def saved(request, form, save: Callable[[dict], object], *, success: str | Callable) -> bool:
    """On a valid POST, call `save(cleaned_data)` and add the success message (or the message
    `success(what save returned)`); a service's ValidationError is shown on the form instead.
    True when it saved."""
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        result = save(form.cleaned_data)
    except ValidationError as error:
        apply_validation_error(form, error)
        return False
    messages.success(request, success(result) if callable(success) else success)
    return True


def form_status(form) -> int:
    return 400 if form.errors else 200
