"""Check your request: a reference number and date of birth show a request's progress.

Rate-limited by address and by reference, and a wrong date of birth looks exactly like an
unknown reference, so the page cannot be used to find out who has asked for a mentor."""

from django.shortcuts import render

from accounts.middleware import public_page
from accounts.ratelimits import allowed

from ..constants import ReferralStatus
from ..forms.check import CheckRequestForm
from ..models import Referral

NOT_FOUND = (
    "We could not find a request with that reference number and date of birth. Check both "
    "and try again."
)


def request_chain(referral: Referral) -> list[Referral]:
    """The referral and, if it was passed on, each referral it became, in order."""
    chain = [referral]
    while chain[-1].status == ReferralStatus.PASSED_ON and len(chain) < 10:
        onward = (
            Referral.objects.filter(passed_from=chain[-1], erased_at__isnull=True)
            .select_related("organisation")
            .prefetch_related("history")
            .first()
        )
        if onward is None:
            break
        chain.append(onward)
    return chain


TIMELINE_WORDS = {
    ReferralStatus.RECEIVED: "Received by {organisation}",
    ReferralStatus.IN_REVIEW: "Being looked at by {organisation}",
    ReferralStatus.ACCEPTED: "Accepted by {organisation}",
    ReferralStatus.DECLINED: "Not accepted by {organisation}",
    ReferralStatus.PASSED_ON: "Passed by {organisation} to {onward}",
}


def timeline(chain: list[Referral]) -> list[tuple[str, object]]:
    """(what happened, when) for every change of every referral in the chain, oldest first."""
    events = []
    for position, referral in enumerate(chain):
        onward = chain[position + 1].organisation.name if position + 1 < len(chain) else ""
        for change in referral.history.all():
            words = TIMELINE_WORDS[change.status].format(
                organisation=referral.organisation.name, onward=onward or "another organisation"
            )
            events.append((words, change.changed_at))
    return events


@public_page
def check_request(request):
    form = CheckRequestForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        status = 400 if form.is_bound else 200
        return render(request, "mentees/check/form.html", {"form": form}, status=status)
    reference = form.cleaned_data["reference"]
    if not allowed(request, "check_request", key=reference):
        return render(request, "mentees/check/too_many.html", status=429)
    referral = (
        Referral.objects.filter(
            reference=reference,
            date_of_birth=form.cleaned_data["date_of_birth"],
            erased_at__isnull=True,
        )
        .select_related("organisation", "service")
        .prefetch_related("history")
        .first()
    )
    if referral is None:
        form.add_error(None, NOT_FOUND)
        return render(request, "mentees/check/form.html", {"form": form}, status=404)
    chain = request_chain(referral)
    return render(
        request,
        "mentees/check/status.html",
        {"chain": chain, "first": referral, "current": chain[-1], "timeline": timeline(chain)},
    )
