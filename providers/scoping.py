"""The one rule for who reads a provider's private people records: its staff."""

from django.db import models

from providers.constants import STAFF_ROLES
from providers.models import Membership


def staff_organisations(user):
    """A subquery of the organisations where the user is an org admin or coordinator."""

    return (
        Membership.objects.active().filter(user=user, role__in=STAFF_ROLES).values("organisation")
    )


class StaffScopedQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Rows of organisations where the user is staff (org admin or coordinator)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(organisation__in=staff_organisations(user))
