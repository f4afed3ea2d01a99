from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.fields import posted
from core.forms import apply_validation_error

from .. import services
from ..forms import InvitationForm, SwitchOrganisationForm
from ..models import Invitation, Membership
from ..permissions import org_admin_required
from ..tenancy import (
    get_invitation_for_user_or_404,
    get_membership_for_user_or_404,
    set_active_organisation,
)


@login_required
def organisation_switch(request):
    if not request.memberships:
        messages.info(request, "You do not belong to an organisation yet.")
        return redirect("dashboard")
    form = SwitchOrganisationForm(
        posted(request),
        memberships=request.memberships,
        initial={"organisation": request.membership and request.membership.organisation_id},
    )
    if request.method == "POST" and form.is_valid():
        membership = form.chosen_membership()
        set_active_organisation(request, membership)
        messages.success(request, f"You are now working for {membership.organisation}.")
        return redirect("dashboard")
    return render(request, "providers/organisation_switch.html", {"form": form})


@org_admin_required
def team(request):
    organisation = request.membership.organisation
    members = (
        Membership.objects.visible_to(request.user)
        .filter(organisation=organisation)
        .select_related("user")
        .order_by("role", "user__email")
    )
    invitations = (
        Invitation.objects.visible_to(request.user)
        .filter(organisation=organisation, accepted_at__isnull=True, revoked_at__isnull=True)
        .order_by("-created_at")
    )
    return render(
        request,
        "providers/team.html",
        {"members": members, "invitations": invitations, "organisation": organisation},
    )


@org_admin_required
def invitation_create(request):
    organisation = request.membership.organisation
    form = InvitationForm(posted(request))
    form.fields["email"].help_text = (
        f"We will email them a link to join. The link expires after "
        f"{settings.INVITATION_VALID_DAYS} days."
    )
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_create(
                actor=request.user,
                organisation=organisation,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                submission_key=form.cleaned_data["submission_key"],
                request=request,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"Invitation sent to {invitation.email}.")
            return redirect("providers:team")
    return render(request, "providers/invitation_form.html", {"form": form})


@org_admin_required
def member_remove(request, membership_id: int):
    organisation = request.membership.organisation
    membership = get_membership_for_user_or_404(request.user, organisation, membership_id)
    error = None
    if request.method == "POST":
        try:
            services.membership_remove(actor=request.user, membership=membership, request=request)
        except ValidationError as exc:
            error = exc.messages[0]
        else:
            messages.success(request, f"{membership.user.display_name} has been removed.")
            return redirect("providers:team")
    return render(request, "providers/member_remove.html", {"member": membership, "error": error})


@org_admin_required
@require_POST
def invitation_revoke(request, invitation_id: int):
    organisation = request.membership.organisation
    invitation = get_invitation_for_user_or_404(request.user, organisation, invitation_id)
    try:
        services.invitation_revoke(actor=request.user, invitation=invitation, request=request)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"The invitation for {invitation.email} has been withdrawn.")
    return redirect("providers:team")


def invitation_accept(request, token: str):
    """The emailed link. Anyone with the link may see which organisation invited them."""
    invitation = get_object_or_404(Invitation.objects.select_related("organisation"), token=token)
    problem = services.invitation_problem(invitation, request.user)
    if request.method == "POST" and request.user.is_authenticated and not problem:
        try:
            membership = services.invitation_accept(
                user=request.user, invitation=invitation, request=request
            )
        except ValidationError as error:
            problem = error.messages[0]
        else:
            request.memberships.append(membership)
            set_active_organisation(request, membership)
            messages.success(request, f"You have joined {membership.organisation}.")
            return redirect("dashboard")
    return render(
        request,
        "providers/invitation_accept.html",
        {"invitation": invitation, "problem": problem},
    )
