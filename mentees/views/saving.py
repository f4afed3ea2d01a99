"""The shape every staff form page here shares: validate, save through a service, say so."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError

from accounts.forms import apply_validation_error


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
