"""Check your request: a reference number and date of birth show a request's progress.

A wrong date of birth looks exactly like an unknown reference, so the page cannot be used to
find out who has asked for a mentor. Five wrong tries for one reference in an hour stop checks
of that reference; a limit by address is set high enough that a prison, whose terminals all
share one address, does not reach it. Other people's wrong tries never stop the right answer.

The result is shown on a page of its own after a redirect (so going back or refreshing sends
nothing again), from the session, for a few minutes only; "Finish" forgets it at once.
"""

import time

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from accounts.middleware import public_page
from accounts.ratelimits import allowed, failures_left
from core.fields import posted

from ..constants import ReferralStatus
from ..forms.check import CheckRequestForm
from ..models import Referral
from ..services.referrals import referral_withdraw

CHECKED_KEY = "checked_request"
RESULT_SECONDS = 10 * 60

NOT_FOUND = _(
    "We could not find a request with that reference number and date of birth. Check both "
    "and try again."
)


def _next_in_chain(referral: Referral):
    if referral.status == ReferralStatus.PASSED_ON:
        return Referral.objects.filter(passed_from=referral)
    if referral.status == ReferralStatus.COMBINED and referral.combined_into_id:
        # Followed only to a request with the same date of birth, the one the person gave to
        # check: a mistaken merge never shows them someone else's request.
        return Referral.objects.filter(
            pk=referral.combined_into_id, date_of_birth=referral.date_of_birth
        )
    return None


def request_chain(referral: Referral) -> list[Referral]:
    """The referral and, if it was passed on or joined to another request of theirs, each
    referral it became, in order."""
    chain = [referral]
    while (following := _next_in_chain(chain[-1])) is not None and len(chain) < 10:
        onward = (
            following.filter(erased_at__isnull=True)
            .select_related("organisation")
            .prefetch_related("history__organisation")
            .first()
        )
        if onward is None:
            break
        chain.append(onward)
    return chain


TIMELINE_WORDS = {
    ReferralStatus.RECEIVED: _("Received by {organisation}"),
    ReferralStatus.IN_REVIEW: _("Being looked at by {organisation}"),
    ReferralStatus.ACCEPTED: _("Accepted by {organisation}"),
    ReferralStatus.DECLINED: _("Not accepted by {organisation}"),
    ReferralStatus.PASSED_ON: _("Passed by {organisation} to {onward}"),
    ReferralStatus.WITHDRAWN: _("Withdrawn by the person who asked"),
    ReferralStatus.WAITING: _("Sent to mentoring services near you"),
    ReferralStatus.MERGED: _("Added by {organisation} to the record they already keep for you"),
    ReferralStatus.COMBINED: _("Joined by {organisation} to your other request"),
}


def timeline(chain: list[Referral]) -> list[tuple[str, object]]:
    """(what happened, when) for every change of every referral in the chain, oldest first."""
    events = []
    for position, referral in enumerate(chain):
        onward = chain[position + 1].organisation.name if position + 1 < len(chain) else ""
        for change in referral.history.all():
            words = TIMELINE_WORDS[change.status].format(
                organisation=change.organisation.name if change.organisation else "",
                onward=onward or _("another organisation"),
            )
            events.append((words, change.changed_at))
    # A request joined to an earlier one: the earlier one's events come first.
    return sorted(events, key=lambda event: event[1])


@public_page
def check_request(request):
    form = CheckRequestForm(posted(request))
    if request.method != "POST" or not form.is_valid():
        status = 400 if form.is_bound else 200
        return render(request, "mentees/check/form.html", {"form": form}, status=status)
    reference = form.cleaned_data["reference"]
    if not allowed(request, "check_request") or not failures_left(
        request, "check_request_failed", reference
    ):
        return render(request, "mentees/check/too_many.html", status=429)
    referral = (
        Referral.objects.filter(
            reference=reference,
            date_of_birth=form.cleaned_data["date_of_birth"],
            erased_at__isnull=True,
        )
        .only("pk")
        .first()
    )
    if referral is None:
        allowed(request, "check_request_failed", key=reference)  # Counts this failure.
        form.add_error(None, NOT_FOUND)
        return render(request, "mentees/check/form.html", {"form": form}, status=404)
    request.session.cycle_key()
    request.session[CHECKED_KEY] = {"referral": str(referral.pk), "at": time.time()}
    return redirect("mentees:check_result")


def checked_referral(request) -> Referral | None:
    """The request this visitor checked in the last few minutes, if any."""
    checked = request.session.get(CHECKED_KEY)
    if not checked or time.time() - checked["at"] > RESULT_SECONDS:
        request.session.pop(CHECKED_KEY, None)
        return None
    return (
        Referral.objects.filter(pk=checked["referral"], erased_at__isnull=True)
        .select_related("organisation", "service")
        .prefetch_related("history__organisation")
        .first()
    )


@public_page
@require_GET
def check_result(request):
    referral = checked_referral(request)
    if referral is None:
        return redirect("mentees:check_request")
    chain = request_chain(referral)
    return render(
        request,
        "mentees/check/status.html",
        {"chain": chain, "first": referral, "current": chain[-1], "timeline": timeline(chain)},
    )


@public_page
@require_POST
def check_finish(request):
    """Finish: the checked request is forgotten, so the next person cannot see it."""
    request.session.pop(CHECKED_KEY, None)
    return redirect("mentees:check_request")


@public_page
def check_withdraw(request):
    """Withdraw the request just checked: a page that asks to be sure, then a POST."""
    referral = checked_referral(request)
    if referral is None:
        return redirect("mentees:check_request")
    current = request_chain(referral)[-1]
    if request.method == "POST":
        try:
            referral_withdraw(referral=current, request=request)
        except ValidationError:
            pass  # Decided meanwhile (or a second click): the result page says where it stands.
        else:
            messages.success(request, _("Your request has been withdrawn"))
        return redirect("mentees:check_result")
    if not current.is_open:
        return redirect("mentees:check_result")
    return render(request, "mentees/check/withdraw.html", {"current": current})
