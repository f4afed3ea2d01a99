"""Organisations register themselves; platform admins approve or reject them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.constants import PlatformRole
from accounts.permissions import platform_role_required
from core.fields import posted
from core.forms import apply_validation_error

from .. import services
from ..constants import OrganisationStatus
from ..forms.registration import OrganisationRegistrationForm, RejectionForm
from ..models import Organisation
from ..tenancy import set_active_organisation

platform_admin_required = platform_role_required(PlatformRole.PLATFORM_ADMIN)


@login_required
def organisation_register(request):
    form = OrganisationRegistrationForm(posted(request))
    if request.method == "POST" and form.is_valid():
        details = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            organisation = services.organisation_register(
                actor=request.user, request=request, **details
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            membership = organisation.memberships.get(user=request.user, removed_at__isnull=True)
            set_active_organisation(request, membership)
            return render(
                request, "providers/registration/registered.html", {"organisation": organisation}
            )
    return render(
        request,
        "providers/registration/register.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@platform_admin_required
def moderation(request):
    pending = Organisation.objects.filter(status=OrganisationStatus.PENDING).order_by("created_at")
    return render(request, "providers/registration/moderation.html", {"pending": pending})


def _pending_organisation(pk: int) -> Organisation:
    return get_object_or_404(
        Organisation.objects.filter(status=OrganisationStatus.PENDING).select_related("region"),
        pk=pk,
    )


@platform_admin_required
def moderation_review(request, organisation_id: int):
    organisation = _pending_organisation(organisation_id)
    form = RejectionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_decide(
                actor=request.user,
                organisation=organisation,
                approve=False,
                reason=form.cleaned_data["reason"],
                request=request,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"{organisation} is rejected. We have emailed its admins.")
            return redirect("providers:moderation")
    admins = organisation.memberships.filter(removed_at__isnull=True).select_related("user")
    return render(
        request,
        "providers/registration/review.html",
        {"organisation": organisation, "form": form, "admins": admins},
        status=400 if form.errors else 200,
    )


@require_POST
@platform_admin_required
def moderation_approve(request, organisation_id: int):
    organisation = _pending_organisation(organisation_id)
    services.organisation_decide(
        actor=request.user, organisation=organisation, approve=True, request=request
    )
    messages.success(request, f"{organisation} is approved. We have emailed its admins.")
    return redirect("providers:moderation")
