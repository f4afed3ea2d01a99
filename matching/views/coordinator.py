"""Coordinators match: who is waiting, ranked mentors for one mentee, and bulk suggestions."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.audit import audit_viewed
from core.fields import posted
from core.forms import form_status, saved
from core.wording import counted
from mentees.models import Mentee
from mentees.tenancy import get_mentee_for_user_or_404
from providers.permissions import staff_required
from volunteers.constants import MentorStatus
from volunteers.models import MentorProfile

from .. import scoring
from ..forms import ExclusionForm
from ..models import Match
from ..profiles import mentee_profiles, mentor_profiles_of, mentors_of, weights_for
from ..services import bulk as bulk_services
from ..services import exclusions as exclusion_services
from ..services import matches as match_services
from ..tenancy import get_bulk_for_user_or_404, get_exclusion_for_user_or_404
from ..waiting import waiting_mentees

SUGGESTIONS_SHOWN = 10
# Those nearest to being allowed come first; past these, the count says how many more.
EXCLUDED_SHOWN = 30


@staff_required
def waiting_list(request):
    organisation = request.membership.organisation
    waiting = waiting_mentees(organisation).select_related("local_authority", "prison")
    proposals = (
        Match.objects.visible_to(request.user)
        .filter(organisation=organisation)
        .proposed()
        .select_related("mentee", "mentor__user")
        .order_by("respond_by")
    )
    return render(
        request,
        "matching/waiting.html",
        {"waiting": waiting, "proposals": proposals},
    )


def _own_mentors(request):
    return (
        MentorProfile.objects.visible_to(request.user)
        .filter(organisation=request.membership.organisation)
        .exclude(status=MentorStatus.LEFT)
        .select_related("user")
    )


@staff_required
def mentee_matching(request, mentee_id):
    """Ranked mentors for one mentee, with reasons; the excluded with why; propose one."""
    organisation = request.membership.organisation
    mentee = get_mentee_for_user_or_404(request.user, organisation, mentee_id)
    if request.method == "POST":
        return _propose(request, mentee)
    [profile] = mentee_profiles(Mentee.objects.filter(pk=mentee.pk))
    weights = weights_for(organisation)
    # Only mentors near the mentee's area can pass the area rule: the rest are counted, not loaded.
    mentors = mentor_profiles_of(organisation, near=profile.area, reach_km=weights.reach_km)
    suggestions, excluded = scoring.rank(profile, mentors, weights)
    out_of_reach = mentors_of(organisation).count() - len(mentors)
    audit_viewed(request, mentee, organisation=organisation, part="matching")
    live = Match.objects.live().filter(mentee=mentee).select_related("mentor__user").first()
    exclusions = mentee.exclusions.select_related("mentor__user")
    return render(
        request,
        "matching/mentee.html",
        {
            "mentee": mentee,
            "live": live,
            "suggestions": suggestions[:SUGGESTIONS_SHOWN],
            "more": max(0, len(suggestions) - SUGGESTIONS_SHOWN),
            "excluded": excluded[:EXCLUDED_SHOWN],
            "excluded_count": len(excluded) + out_of_reach,
            "out_of_reach": out_of_reach,
            "reach_km": round(weights.reach_km),
            "exclusions": exclusions,
            "history": Match.objects.filter(mentee=mentee)
            .exclude(pk=getattr(live, "pk", None))
            .select_related("mentor__user"),
        },
    )


def _propose(request, mentee):
    mentor = _own_mentors(request).filter(pk=_uuid(request.POST.get("mentor"))).first()
    if mentor is None:
        messages.error(request, "Choose one of your organisation's mentors.")
        return redirect("matching:mentee_matching", mentee_id=mentee.pk)
    try:
        match_services.match_propose(
            actor=request.user, mentee=mentee, mentor=mentor, request=request
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, f"We have asked {mentor.user.display_name}. They have 3 days to say yes or no."
        )
    return redirect("matching:mentee_matching", mentee_id=mentee.pk)


def _uuid(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


@staff_required
def exclusion_add(request, mentee_id):
    """Record a pair that must not be matched (a page of its own: the list of every mentor of
    the organisation can be long)."""
    organisation = request.membership.organisation
    mentee = get_mentee_for_user_or_404(request.user, organisation, mentee_id)
    mentors = _own_mentors(request)
    shown = list(mentors.order_by("user__full_name").values_list("pk", "user__full_name"))
    form = ExclusionForm(posted(request), mentors=mentors, shown=shown)
    if saved(
        request,
        form,
        lambda data: exclusion_services.exclusion_create(
            actor=request.user,
            mentee=mentee,
            mentor=data["mentor"],
            reason=data["reason"],
            request=request,
        ),
        success="They will not be matched.",
    ):
        return redirect("matching:mentee_matching", mentee_id=mentee.pk)
    return render(
        request,
        "matching/exclusion_form.html",
        {"form": form, "mentee": mentee},
        status=form_status(form),
    )


@require_POST
@staff_required
def exclusion_remove(request, mentee_id, exclusion_id):
    organisation = request.membership.organisation
    mentee = get_mentee_for_user_or_404(request.user, organisation, mentee_id)
    exclusion = get_exclusion_for_user_or_404(request.user, mentee, exclusion_id)
    exclusion_services.exclusion_remove(actor=request.user, exclusion=exclusion, request=request)
    messages.success(request, "They can be matched again.")
    return redirect("matching:mentee_matching", mentee_id=mentee.pk)


@require_POST
@staff_required
def bulk_create(request):
    proposal = bulk_services.bulk_suggest(
        actor=request.user, organisation=request.membership.organisation, request=request
    )
    return redirect("matching:bulk_review", proposal_id=proposal.pk)


@staff_required
def bulk_review(request, proposal_id):
    proposal = get_bulk_for_user_or_404(request.user, request.membership.organisation, proposal_id)
    if request.method == "POST":
        action = request.POST.get("action", "")
        chosen = {int(pk) for pk in request.POST.getlist("rows") if pk.isdigit()}
        try:
            if action == "discard":
                bulk_services.bulk_discard(actor=request.user, proposal=proposal)
                messages.success(request, "The suggestions are discarded. Nothing was proposed.")
                return redirect("matching:waiting")
            bulk_services.bulk_set_included(
                actor=request.user, proposal=proposal, included_row_ids=chosen
            )
            if action == "confirm":
                count = bulk_services.bulk_confirm(
                    actor=request.user, proposal=proposal, request=request
                )
                messages.success(request, f"{counted(count, 'mentor')} asked.")
                return redirect("matching:waiting")
            messages.success(request, "Your choices are saved.")
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect("matching:bulk_review", proposal_id=proposal.pk)
    rows = proposal.rows.select_related("mentee__local_authority", "mentor__user")
    return render(
        request,
        "matching/bulk.html",
        {
            "proposal": proposal,
            "rows": rows,
            "unmatched": proposal.waiting - proposal.optimal_matched,
            "difference": proposal.optimal_total - proposal.greedy_total,
        },
    )
