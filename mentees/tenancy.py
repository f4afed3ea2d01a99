"""Single records for the organisation a staff page acts for, or 404.

Another organisation's record and a missing one give the same 404, so ids cannot be probed."""

from django.shortcuts import get_object_or_404

from .models import Mentee, Referral


def get_referral_for_user_or_404(user, organisation, pk) -> Referral:
    return get_object_or_404(
        Referral.objects.visible_to(user)
        .filter(organisation=organisation, erased_at__isnull=True)
        .select_related(
            "organisation", "service", "prison", "local_authority", "passed_from__organisation"
        ),
        pk=pk,
    )


def get_mentee_for_user_or_404(user, organisation, pk) -> Mentee:
    return get_object_or_404(
        Mentee.objects.visible_to(user)
        .filter(organisation=organisation)
        .select_related("organisation", "prison", "local_authority", "referral"),
        pk=pk,
    )
