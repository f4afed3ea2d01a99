"""Coordinators merge likely duplicates: a referral into the person's case record, another
referral of the same person into this one, or one case record into another. Each merge is
confirmed on a page of its own before anything changes."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from providers.permissions import staff_required

from ..duplicates import mentee_duplicates
from ..services import cases as case_services
from ..services import merging
from ..tenancy import get_mentee_for_user_or_404, get_referral_for_user_or_404

NOT_CHOSEN = "Select the record of the same person"
NOT_CHOSEN_REFERRAL = "Select the referral of the same person"


def _other_mentee(request, value):
    """The case record chosen in the form: of this organisation, or not found (404)."""
    try:
        pk = uuid.UUID(str(value))
    except ValueError:
        raise Http404(NOT_CHOSEN) from None
    return get_mentee_for_user_or_404(request.user, request.membership.organisation, pk)


def _other_referral(request, value):
    """The referral chosen in the form: of this organisation, or not found (404)."""
    try:
        pk = uuid.UUID(str(value))
    except ValueError:
        raise Http404(NOT_CHOSEN_REFERRAL) from None
    return get_referral_for_user_or_404(request.user, request.membership.organisation, pk)


def _confirm(request, *, heading, consequences, field, value, back_url):
    return render(
        request,
        "mentees/merge_confirm.html",
        {
            "heading": heading,
            "consequences": consequences,
            "field": field,
            "value": value,
            "back_url": back_url,
        },
    )


@require_POST
@staff_required
def referral_merge(request, referral_id):
    referral = get_referral_for_user_or_404(
        request.user, request.membership.organisation, referral_id
    )
    if not request.POST.get("mentee"):
        messages.error(request, NOT_CHOSEN)
        return redirect("mentees:referral_duplicates", referral_id=referral.pk)
    mentee = _other_mentee(request, request.POST.get("mentee"))
    if request.POST.get("confirmed") != "yes":
        return _confirm(
            request,
            heading=f"Merge referral {referral.reference} into case record {mentee.reference}?",
            consequences=[
                f"Referral {referral.reference} is closed as merged. It is not accepted or "
                "declined, and no email is sent about it.",
                f"Case record {mentee.reference} ({mentee.display_name}) gets a note of what "
                "they asked for this time.",
                "Both records keep their history and the change is recorded in the audit log.",
            ],
            field="mentee",
            value=mentee.pk,
            back_url=f"/organisation/referrals/{referral.pk}/duplicates/",
        )
    try:
        merging.referral_merge(actor=request.user, referral=referral, into=mentee, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("mentees:referral_duplicates", referral_id=referral.pk)
    messages.success(
        request, f"Referral {referral.reference} is merged into case record {mentee.reference}."
    )
    return redirect("mentees:mentee_detail", mentee_id=mentee.pk)


@require_POST
@staff_required
def referral_combine(request, referral_id):
    """Merge another open referral of the same person into this one, which goes on."""
    kept = get_referral_for_user_or_404(request.user, request.membership.organisation, referral_id)
    duplicates = reverse("mentees:referral_duplicates", args=[kept.pk])
    if not request.POST.get("other"):
        messages.error(request, NOT_CHOSEN_REFERRAL)
        return redirect(duplicates)
    other = _other_referral(request, request.POST.get("other"))
    if request.POST.get("confirmed") != "yes":
        return _confirm(
            request,
            heading=f"Merge referral {other.reference} into {kept.reference}?",
            consequences=[
                f"{kept.reference} goes on. It gains the needs they listed in {other.reference}.",
                f"{other.reference} is closed as joined to {kept.reference}. It is not accepted "
                "or declined, and no email is sent about it.",
                f"Both keep their history. If they check {other.reference}, they are shown "
                f"{kept.reference}.",
                "The merge is recorded in the audit log of both. It cannot be undone here.",
            ],
            field="other",
            value=other.pk,
            back_url=duplicates,
        )
    try:
        merging.referral_combine(actor=request.user, merged=other, kept=kept, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(duplicates)
    messages.success(request, f"Referral {other.reference} is merged into {kept.reference}.")
    return redirect("mentees:referral_detail", referral_id=kept.pk)


@require_http_methods(["GET", "POST"])
@staff_required
def mentee_merge(request, mentee_id):
    """Merge another case record of the same person into this one, which is kept."""
    kept = get_mentee_for_user_or_404(request.user, request.membership.organisation, mentee_id)
    if kept.erased_at or kept.merged_into_id:
        raise Http404("This record cannot be merged.")
    error = ""
    if request.method == "POST":
        if not request.POST.get("other"):
            error = NOT_CHOSEN
        else:
            other = _other_mentee(request, request.POST.get("other"))
            if request.POST.get("confirmed") != "yes":
                return _confirm(
                    request,
                    heading=f"Merge case record {other.reference} into {kept.reference}?",
                    consequences=[
                        f"{kept.reference} is kept. The notes, needs assessments, goals, "
                        f"documents, status history, relationships and meetings of "
                        f"{other.reference} move to it.",
                        f"{other.reference} is no longer listed. Opening it leads to "
                        f"{kept.reference}.",
                        "The merge is recorded in the audit log of both records. It cannot be "
                        "undone here.",
                    ],
                    field="other",
                    value=other.pk,
                    back_url=f"/organisation/mentees/{kept.pk}/merge/",
                )
            try:
                merging.mentee_merge(actor=request.user, merged=other, kept=kept, request=request)
            except ValidationError as refused:
                error = " ".join(refused.messages)
            else:
                messages.success(
                    request, f"Case record {other.reference} is merged into {kept.reference}."
                )
                return redirect("mentees:mentee_detail", mentee_id=kept.pk)
    others = mentee_duplicates(kept)
    if request.method == "GET":
        case_services.record_view(
            actor=request.user, mentee=kept, request=request, part="duplicate comparison"
        )
        for other in others:
            case_services.record_view(
                actor=request.user, mentee=other, request=request, part="duplicate comparison"
            )
    return render(
        request,
        "mentees/cases/merge.html",
        {"mentee": kept, "others": others, "error": error},
        status=400 if error else 200,
    )
