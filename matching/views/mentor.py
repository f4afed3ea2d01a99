"""A mentor's own area: proposals to answer, their relationships, their meetings. A mentor sees
only what they need to know about a mentee: no surname, prison number or offence."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from accounts.audit import audit_viewed
from core.forms import form_status, saved
from providers.constants import MembershipRole
from providers.permissions import membership_required

from ..constants import ACTIVE_STATUSES, MatchStatus
from ..forms import DeclineProposalForm
from ..models import Match
from ..services import matches as match_services
from ..tenancy import get_own_match_or_404
from .relationships import meeting_form_page

mentor_required = membership_required(MembershipRole.MENTOR)


def first_name(mentee) -> str:
    return mentee.preferred_name or (mentee.full_name.split() or ["Your mentee"])[0]


@mentor_required
def mentor_home(request):
    mine = (
        Match.objects.of_mentor_user(request.user)
        .filter(organisation=request.membership.organisation)
        .select_related("mentee")
    )
    return render(
        request,
        "matching/mentor/home.html",
        {
            "proposals": [
                (m, first_name(m.mentee)) for m in mine.filter(status=MatchStatus.PROPOSED)
            ],
            "relationships": [
                (m, first_name(m.mentee)) for m in mine.filter(status__in=ACTIVE_STATUSES)
            ],
            "ended": [
                (m, first_name(m.mentee)) for m in mine.filter(status=MatchStatus.ENDED)[:20]
            ],
        },
    )


def _own(request, match_id) -> Match:
    return get_own_match_or_404(request.user, request.membership.organisation, match_id)


@mentor_required
def mentor_proposal(request, match_id):
    match = _own(request, match_id)
    if match.status != MatchStatus.PROPOSED:
        # Declined, lapsed or withdrawn: nothing more of the mentee to see. Accepted: their page.
        status = match.get_status_display().lower()
        if request.method == "POST":
            messages.error(
                request, f"This proposal is no longer waiting for an answer: it is {status}."
            )
        else:
            messages.info(request, f"That proposal is no longer open: it is {status}.")
        if match.status in (*ACTIVE_STATUSES, MatchStatus.ENDED):
            return redirect("matching:mentor_relationship", match_id=match.pk)
        return redirect("matching:mentor_home")
    if request.method == "POST" and request.POST.get("answer") == "yes":
        try:
            match_services.match_respond(
                actor=request.user, match=match, accept=True, request=request
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("matching:mentor_proposal", match_id=match.pk)
        messages.success(request, f"Thank you. You are now {first_name(match.mentee)}'s mentor.")
        return redirect("matching:mentor_relationship", match_id=match.pk)
    form = DeclineProposalForm(request.POST if request.POST.get("answer") == "no" else None)
    if saved(
        request,
        form,
        lambda data: match_services.match_respond(
            actor=request.user, match=match, accept=False, reason=data["reason"], request=request
        ),
        success="Thank you. Your coordinator will find someone else.",
    ):
        return redirect("matching:mentor_home")
    audit_viewed(request, match.mentee, organisation=match.organisation, part="mentor proposal")
    mentee = match.mentee
    needs = _needs(mentee)
    return render(
        request,
        "matching/mentor/proposal.html",
        {
            "match": match,
            "name": first_name(mentee),
            "mentee": mentee,
            "needs": needs,
            "form": form,
        },
        status=form_status(form),
    )


def _needs(mentee) -> list[str]:
    latest = mentee.assessments.order_by("-assessed_on", "-id").first()
    if latest is not None:
        return [
            f"{rating.pathway.name}: {rating.get_level_display().lower()} need"
            for rating in latest.ratings.select_related("pathway").exclude(level="none")
        ]
    if mentee.referral_id:
        return [term.name for term in mentee.referral.needs.all()]
    return []


@mentor_required
def mentor_relationship(request, match_id):
    match = _own(request, match_id)
    if match.status == MatchStatus.PROPOSED:
        return redirect("matching:mentor_proposal", match_id=match.pk)
    if match.status not in (*ACTIVE_STATUSES, MatchStatus.ENDED):
        raise Http404("Not a relationship of yours")
    audit_viewed(request, match, organisation=match.organisation)
    return render(
        request,
        "matching/mentor/relationship.html",
        {
            "match": match,
            "name": first_name(match.mentee),
            "meetings": match.meetings.prefetch_related("pathways"),
            "goals": match.mentee.goals.select_related("pathway"),
            "is_active": match.status in ACTIVE_STATUSES,
        },
    )


@mentor_required
def mentor_meeting_create(request, match_id):
    match = _own(request, match_id)
    return meeting_form_page(
        request, match, done_url=reverse("matching:mentor_relationship", args=[match.pk])
    )
