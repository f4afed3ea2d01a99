"""The organisation a staff page acts for.

It comes from the user's active membership, remembered in the session and switchable when they
have several. It is never taken from a form field or an unchecked URL part: a session value that
no longer matches one of the user's memberships is ignored.
"""

from django.shortcuts import get_object_or_404

from .models import Invitation, Location, Membership, Service

SESSION_KEY = "active_organisation_id"


def load_memberships(user) -> list[Membership]:
    if not user.is_authenticated:
        return []
    return list(
        Membership.objects.active()
        .filter(user=user)
        .select_related("organisation")
        .order_by("organisation__name")
    )


def choose_active_membership(session, memberships: list[Membership]) -> Membership | None:
    wanted = session.get(SESSION_KEY)
    for membership in memberships:
        if membership.organisation_id == wanted:
            return membership
    if wanted is not None:
        session.pop(SESSION_KEY, None)
    return memberships[0] if memberships else None


def set_active_organisation(request, membership: Membership) -> None:
    request.session[SESSION_KEY] = membership.organisation_id
    request.membership = membership


def get_membership_for_user_or_404(user, organisation, pk) -> Membership:
    """A membership of the organisation the page acts for, visible to this user, or 404."""
    return get_object_or_404(
        Membership.objects.visible_to(user)
        .filter(organisation=organisation)
        .select_related("user"),
        pk=pk,
    )


def get_invitation_for_user_or_404(user, organisation, pk) -> Invitation:
    return get_object_or_404(
        Invitation.objects.visible_to(user).filter(organisation=organisation), pk=pk
    )


def get_service_for_user_or_404(user, organisation, pk):
    """A service of the organisation the page acts for, that this user may manage, or 404."""

    return get_object_or_404(
        Service.objects.visible_to(user)
        .filter(organisation=organisation)
        .select_related("organisation"),
        pk=pk,
    )


def get_location_for_user_or_404(user, organisation, pk):
    """A meeting place of the organisation the page acts for, if the user is its staff."""

    return get_object_or_404(
        Location.objects.visible_to(user).filter(organisation=organisation), pk=pk
    )
