"""Requests waiting in the general inbox, for coordinators whose services work near the person:
a summary that names no one, and "Take this request" (decision 0031)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from core.dates import govuk_date
from providers.permissions import staff_required

from ..constants import Situation
from ..general_inbox import age_band, get_waiting_for_organisation_or_404, waiting_for
from ..models import Referral
from ..services.referrals import referral_take


def summary(referral: Referral) -> list[tuple[str, str]]:
    """What a provider sees before taking a request: nothing that names the person."""
    in_prison = referral.situation == Situation.IN_CUSTODY
    release = referral.expected_release_date
    rows = [
        ("Sent", govuk_date(referral.created_at)),
        (
            "Where they are now",
            referral.prison.name
            if in_prison and referral.prison
            else referral.get_situation_display(),
        ),
        (
            "Where they will live",
            referral.local_authority.name if referral.local_authority else "Does not know yet",
        ),
        (
            "Wants help with",
            ", ".join(term.name for term in referral.needs.all()) or "Not said",
        ),
        ("Age", age_band(referral.age) if referral.date_of_birth else "Not known"),
    ]
    if in_prison:
        rows.append(("Expected release", f"{release:%B %Y}" if release else "Not known"))
    return rows


@staff_required
def waiting_list(request):
    organisation = request.membership.organisation
    waiting = [(referral, summary(referral)) for referral in waiting_for(organisation)]
    return render(request, "mentees/referrals/waiting.html", {"waiting": waiting})


@staff_required
def waiting_take(request, referral_id):
    organisation = request.membership.organisation
    referral = get_waiting_for_organisation_or_404(organisation, referral_id)
    if request.method == "POST":
        try:
            taken = referral_take(
                actor=request.user, organisation=organisation, referral=referral, request=request
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("mentees:waiting_list")
        messages.success(
            request, f"You have taken request {taken.reference}. It is now one of your referrals."
        )
        return redirect("mentees:referral_detail", referral_id=taken.pk)
    return render(
        request,
        "mentees/referrals/waiting_take.html",
        {"referral": referral, "rows": summary(referral), "organisation": organisation},
    )
