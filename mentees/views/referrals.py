"""The coordinators' referral inbox: their organisation's referrals only."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.ages import years_before
from core.confirming import Confirmation, confirm_then_save
from core.fields import posted
from core.forms import form_status
from providers.permissions import staff_required

from ..constants import OPEN_REFERRAL_STATUSES, REFERRAL_RETENTION_DAYS, Situation
from ..duplicates import duplicates_of, with_duplicate_flag
from ..forms.referrals import AGE_BANDS, OPEN, DeclineForm, PassOnForm, ReferralFilterForm
from ..models import Referral
from ..referral_answers import contact_lines
from ..services import referrals as referral_services
from ..suggestions import suggestion_queryset
from ..tenancy import get_referral_for_user_or_404

PER_PAGE = 50


@staff_required
def referral_inbox(request):
    organisation = request.membership.organisation
    form = ReferralFilterForm(request.GET or None)
    referrals = with_duplicate_flag(
        Referral.objects.visible_to(request.user).filter(
            organisation=organisation, erased_at__isnull=True
        )
    ).select_related("prison", "local_authority")
    status = OPEN
    if form.is_bound and not form.is_valid():
        return render(
            request, "mentees/referrals/inbox.html", {"form": form, "page": None}, status=400
        )
    data = form.cleaned_data if form.is_bound else {}
    status = data.get("status") or OPEN
    if status == OPEN:
        referrals = referrals.filter(status__in=OPEN_REFERRAL_STATUSES)
    elif status != "all":
        referrals = referrals.filter(status=status)
    if data.get("waiting"):
        cutoff = timezone.now() - timedelta(days=int(data["waiting"]))
        referrals = referrals.filter(created_at__lt=cutoff)
    if data.get("age"):
        referrals = referrals.filter(**born_between(data["age"]))
    if data.get("duplicates"):
        referrals = referrals.filter(has_duplicate=True)
    page = Paginator(referrals.order_by("created_at", "pk"), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "mentees/referrals/inbox.html",
        {"form": form, "page": page, "status": status},
    )


def born_between(band: str) -> dict:
    """Lookups for dates of birth that make someone's age today fall in the band."""
    _value, _label, youngest, oldest = next(b for b in AGE_BANDS if b[0] == band)
    today = timezone.localdate()
    lookups = {}
    if youngest is not None:
        lookups["date_of_birth__lte"] = years_before(today, youngest)
    if oldest is not None:
        lookups["date_of_birth__gt"] = years_before(today, oldest + 1)
    return lookups


def _referral_rows(referral: Referral) -> list[dict]:
    rows = [
        {"key": "Name", "value": referral.full_name},
        {
            "key": "Date of birth",
            "value": f"{referral.date_of_birth:%-d %B %Y} (aged {referral.age})",
        },
        {"key": "Where now", "value": referral.get_situation_display()},
    ]
    if referral.situation == Situation.IN_CUSTODY:
        rows += [
            {"key": "Prison", "value": str(referral.prison or "")},
            {"key": "Prison number", "value": referral.prison_number},
            {
                "key": "Expected release",
                "value": f"{referral.expected_release_date:%-d %B %Y}"
                if referral.expected_release_date
                else "",
            },
        ]
    rows += [
        {"key": "Council area", "value": str(referral.local_authority or "Not known yet")},
        {"key": "Help wanted", "value": "\n".join(term.name for term in referral.needs.all())},
        {"key": "Anything else", "value": referral.needs_details},
        {"key": "Mentor", "value": _preferences(referral)},
        {"key": "How to make contact", "value": contact_lines(vars(referral))},
    ]
    if referral.completed_by == "worker":
        rows.append(
            {
                "key": "Filled in by",
                "value": "\n".join(
                    part
                    for part in (
                        referral.worker_name,
                        referral.get_worker_role_display(),
                        referral.worker_organisation,
                        referral.worker_email,
                        referral.worker_phone,
                    )
                    if part
                ),
            }
        )
    return rows


def _preferences(referral: Referral) -> str:
    return "\n".join(
        [
            f"Gender: {referral.get_mentor_gender_display()}",
            f"Lived experience of prison: {referral.get_lived_experience_display()}",
            f"Language: {referral.get_language_display()}",
        ]
    )


@staff_required
def referral_detail(request, referral_id):
    referral = get_referral_for_user_or_404(
        request.user, request.membership.organisation, referral_id
    )
    referral_services.referral_view(actor=request.user, referral=referral, request=request)
    duplicate_referrals, duplicate_mentees = duplicates_of(referral)
    return render(
        request,
        "mentees/referrals/detail.html",
        {
            "referral": referral,
            "rows": _referral_rows(referral),
            "history": referral.history.select_related("changed_by"),
            "duplicate_count": len(duplicate_referrals) + len(duplicate_mentees),
            "mentee": getattr(referral, "mentee", None),
            "combined_from": referral.combined_from.order_by("created_at"),
        },
    )


@staff_required
def referral_duplicates(request, referral_id):
    referral = get_referral_for_user_or_404(
        request.user, request.membership.organisation, referral_id
    )
    duplicate_referrals, duplicate_mentees = duplicates_of(referral)
    referral_services.referral_view(actor=request.user, referral=referral, request=request)
    referral_services.duplicates_viewed(
        actor=request.user,
        referrals=duplicate_referrals,
        mentees=duplicate_mentees,
        request=request,
    )
    return render(
        request,
        "mentees/referrals/duplicates.html",
        {
            "referral": referral,
            "others": duplicate_referrals,
            "open_others": [
                other for other in duplicate_referrals if other.status in OPEN_REFERRAL_STATUSES
            ],
            "mentees": duplicate_mentees,
        },
    )


@require_POST
@staff_required
def referral_accept(request, referral_id):
    referral = get_referral_for_user_or_404(
        request.user, request.membership.organisation, referral_id
    )
    try:
        mentee = referral_services.referral_accept(
            actor=request.user, referral=referral, request=request
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("mentees:referral_detail", referral_id=referral.pk)
    messages.success(
        request,
        f"Referral {referral.reference} accepted. This is {mentee.full_name}'s case record.",
    )
    return redirect("mentees:mentee_detail", mentee_id=mentee.pk)


@staff_required
def referral_decline(request, referral_id):
    referral = get_referral_for_user_or_404(
        request.user, request.membership.organisation, referral_id
    )
    if not referral.is_open:
        messages.error(request, "This referral has already been decided.")
        return redirect("mentees:referral_detail", referral_id=referral.pk)
    form = DeclineForm(posted(request))
    step = confirm_then_save(
        request,
        form,
        lambda data: referral_services.referral_decline(
            actor=request.user, referral=referral, request=request, **data
        ),
        confirmation=lambda data: Confirmation(
            heading=f"Tell {referral.full_name} you cannot accept their referral?",
            caption=f"Referral {referral.reference}",
            consequences=[
                "The referral is closed as not accepted. It cannot be accepted later: they "
                "would need to ask again.",
                "They see your reason when they check their request, and it is emailed to "
                "whoever gave an email address.",
                f"Its personal details are erased {REFERRAL_RETENTION_DAYS} days from today.",
            ],
            button="Yes, do not accept it",
            back_url=reverse("mentees:referral_decline", args=[referral.pk]),
        ),
    )
    if step.page:
        return step.page
    if step.saved:
        messages.success(request, f"Referral {referral.reference} is marked as not accepted.")
        return redirect("mentees:referral_inbox")
    return render(
        request,
        "mentees/referrals/decline.html",
        {"form": form, "referral": referral},
        status=form_status(form),
    )


def _pass_on_choices(referral: Referral):
    return suggestion_queryset(
        referral.local_authority,
        referral.prison if referral.situation == Situation.IN_CUSTODY else None,
        list(referral.needs.all()),
        referral.age,
    ).exclude(organisation=referral.organisation)


@staff_required
def referral_pass_on(request, referral_id):
    referral = get_referral_for_user_or_404(
        request.user, request.membership.organisation, referral_id
    )
    if not referral.is_open:
        messages.error(request, "This referral has already been decided.")
        return redirect("mentees:referral_detail", referral_id=referral.pk)
    form = PassOnForm(posted(request), services=_pass_on_choices(referral))
    step = confirm_then_save(
        request,
        form,
        lambda data: referral_services.referral_pass_on(
            actor=request.user, referral=referral, request=request, **data
        ),
        confirmation=lambda data: Confirmation(
            heading=f"Pass referral {referral.reference} to {data['service'].organisation.name}?",
            caption=referral.full_name,
            consequences=[
                f"{data['service'].organisation.name} gets a referral of its own for "
                f"{data['service'].name}, with this person's details and what they asked for.",
                "This referral is closed as passed on. It cannot be accepted here later.",
                "They cannot see anything else your organisation holds about the person.",
            ],
            button="Yes, pass it on",
            back_url=reverse("mentees:referral_pass_on", args=[referral.pk]),
        ),
    )
    if step.page:
        return step.page
    if step.saved:
        onward = form.cleaned_data["service"].organisation.name
        messages.success(request, f"Referral {referral.reference} is passed to {onward}.")
        return redirect("mentees:referral_inbox")
    return render(
        request,
        "mentees/referrals/pass_on.html",
        {"form": form, "referral": referral},
        status=form_status(form),
    )
