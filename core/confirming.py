"""Decisions with consequences are confirmed on a page of their own before anything changes.

A staff form (ending a relationship, closing a case) posts as before. Once the form is valid,
the change is tried inside a transaction that is rolled back, so a refusal (a date before the
relationship began, a case with a live relationship) is shown on the form first, never after a
confirmation. Then the confirmation page lists what will happen, carries the answers as hidden
fields and sends them again with `confirmed=yes`; "Go back and change" sends them back to the
form. Only the confirmed post changes anything.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .forms import apply_validation_error

NOT_SENT_AGAIN = ("csrfmiddlewaretoken", "confirmed", "change")


@dataclass(frozen=True)
class Confirmation:
    """What the confirmation page says: a question, its consequences and the button."""

    heading: str
    consequences: list[str]
    button: str
    back_url: str
    caption: str = ""
    warning: bool = True
    # False where there is no form to go back to: the page offers a link back instead.
    can_change: bool = True
    answers: list[tuple[str, str]] = field(default_factory=list)


class _RolledBack(Exception):
    pass


def would_refuse(change: Callable[[], object]) -> ValidationError | None:
    """Run `change()` in a transaction that is always rolled back; the refusal it gave, if any.
    Emails and tasks it would send go through on_commit or the outbox, so they vanish too."""
    try:
        with transaction.atomic():
            change()
            raise _RolledBack
    except _RolledBack:
        return None
    except ValidationError as error:
        return error


def is_confirmed(request: HttpRequest) -> bool:
    return request.method == "POST" and request.POST.get("confirmed") == "yes"


def wants_change(request: HttpRequest) -> bool:
    return request.method == "POST" and "change" in request.POST


def posted_answers(request: HttpRequest) -> list[tuple[str, str]]:
    return [
        (name, value)
        for name, values in request.POST.lists()
        if name not in NOT_SENT_AGAIN
        for value in values
    ]


def confirmation_page(request: HttpRequest, confirmation: Confirmation) -> HttpResponse:
    answers = confirmation.answers or posted_answers(request)
    return render(request, "components/confirm.html", {"confirm": confirmation, "answers": answers})


@dataclass
class Step:
    """The outcome of a confirmed form: saved, a confirmation page to show, or neither (show
    the form, with its errors if any)."""

    saved: bool = False
    page: HttpResponse | None = None


def confirm_then_save(
    request: HttpRequest,
    form,
    save: Callable[[dict], object],
    *,
    confirmation: Callable[[dict], Confirmation | None],
) -> Step:
    """A valid, unconfirmed post is tried and rolled back, then confirmed on a page of its own;
    a confirmed post saves. `confirmation(cleaned_data)` may answer None when the answers need
    no confirmation (a status change that does not close the case), and the form saves at once.
    The caller adds its success message when `saved`."""
    if request.method != "POST" or wants_change(request) or not form.is_valid():
        return Step()
    data = form.cleaned_data
    confirm = confirmation(data)
    if confirm is not None and not is_confirmed(request):
        refusal = would_refuse(lambda: save(data))
        if refusal is not None:
            apply_validation_error(form, refusal)
            return Step()
        return Step(page=confirmation_page(request, confirm))
    try:
        save(data)
    except ValidationError as error:
        apply_validation_error(form, error)
        return Step()
    return Step(saved=True)
