"""A mentee's outcome record: part of their case record, for their organisation's staff.
Every view and change is audited."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from core.fields import posted
from core.forms import form_status, saved
from mentees.tenancy import get_mentee_for_user_or_404
from providers.permissions import staff_required

from ..constants import PATHWAY_OUTCOMES, WELLBEING_SCALE, Answer
from ..followup import FollowUp
from ..forms import PathwaysForm, ReoffendingForm
from ..services import records as record_services


def _mentee(request, mentee_id, *, changing=False):
    mentee = get_mentee_for_user_or_404(request.user, request.membership.organisation, mentee_id)
    if changing and mentee.erased_at:
        raise Http404("This record has been erased.")
    return mentee


@staff_required
def record(request, mentee_id):
    mentee = _mentee(request, mentee_id)
    outcome = record_services.record_for(mentee)
    record_services.record_view(actor=request.user, mentee=mentee, request=request)
    today = timezone.localdate()
    follow_up = FollowUp(outcome.index_date) if outcome.index_date else None
    return render(
        request,
        "outcomes/record.html",
        {
            "mentee": mentee,
            "part": "outcomes",
            "outcome": outcome,
            "outcome_saved": not outcome._state.adding,
            "follow_up": follow_up,
            "complete": follow_up.is_complete(today) if follow_up else False,
            "started": bool(follow_up and outcome.index_date <= today),
            "pathways": [
                (label, getattr(outcome, f"get_{name}_display")(), getattr(outcome, name))
                for name, label in PATHWAY_OUTCOMES
            ],
            "wellbeing_scale": WELLBEING_SCALE,
            "unknown": Answer.UNKNOWN,
        },
    )


def _form_page(request, mentee, form, template, save, success):
    if saved(request, form, save, success=success):
        return redirect("outcomes:record", mentee_id=mentee.pk)
    return render(
        request,
        template,
        {"mentee": mentee, "part": "outcomes", "form": form},
        status=form_status(form),
    )


@staff_required
def reoffending(request, mentee_id):
    mentee = _mentee(request, mentee_id, changing=True)
    outcome = record_services.record_for(mentee)
    form = ReoffendingForm(posted(request), initial=ReoffendingForm.initial_for(outcome))
    return _form_page(
        request,
        mentee,
        form,
        "outcomes/reoffending_form.html",
        lambda data: record_services.outcome_record_reoffending(
            actor=request.user, mentee=mentee, request=request, **data
        ),
        "The follow-up is saved.",
    )


@staff_required
def pathways(request, mentee_id):
    mentee = _mentee(request, mentee_id, changing=True)
    outcome = record_services.record_for(mentee)
    form = PathwaysForm(posted(request), initial=PathwaysForm.initial_for(outcome))
    return _form_page(
        request,
        mentee,
        form,
        "outcomes/pathways_form.html",
        lambda data: record_services.outcome_record_pathways(
            actor=request.user, mentee=mentee, request=request, **data
        ),
        "The pathway outcomes are saved.",
    )
