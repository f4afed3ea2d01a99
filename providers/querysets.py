from collections.abc import Callable
from datetime import date, timedelta

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils import timezone

from accounts.roles import is_platform_admin

from .constants import (
    PATHWAYS_TAXONOMY,
    REVIEW_DUE_AFTER_DAYS,
    STAFF_ROLES,
    MembershipRole,
    OrganisationStatus,
    ServiceStatus,
)


class _Accreditation:
    """Where the directory asks whether an organisation holds the Approved Provider Standard.

    Awards belong to the accreditation app, a layer above this one, so the directory cannot
    import them: the accreditation app registers its two query expressions here when Django
    starts (AccreditationConfig.ready). Each takes the path from the outer query to the
    organisation ("pk" or "organisation") and the day to judge on (today if None).
    """

    def __init__(self):
        self._accredited = self._accredited_until = None

    def register(self, *, accredited: Callable, accredited_until: Callable) -> None:
        self._accredited, self._accredited_until = accredited, accredited_until

    def _registered(self, expression):
        if expression is None:
            raise ImproperlyConfigured(
                "The accreditation app is not installed, so nothing says who is accredited."
            )
        return expression

    def accredited(self, organisation_ref: str, on: date | None):
        return self._registered(self._accredited)(organisation_ref, on)

    def accredited_until(self, organisation_ref: str, on: date | None):
        return self._registered(self._accredited_until)(organisation_ref, on)


accreditation = _Accreditation()


class OrganisationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Organisations the user belongs to (any status); platform admins see all."""

        if not user.is_authenticated:
            return self.none()
        if is_platform_admin(user):
            return self.all()
        return self.filter(memberships__user=user, memberships__removed_at__isnull=True).distinct()

    def active(self):
        return self.filter(status=OrganisationStatus.ACTIVE)

    # The Approved Provider Standard, worked out from awards in the query itself: an
    # organisation is accredited while it has an award that is not withdrawn and whose expiry
    # date is today or later, so nothing has to run when an award expires.

    def accredited(self, on=None):
        return self.filter(accreditation.accredited("pk", on))

    def with_accreditation(self, on=None):
        """Annotate `aps_accredited_until`: the last day of the current award, or None."""
        return self.annotate(aps_accredited_until=accreditation.accredited_until("pk", on))


class MembershipQuerySet(models.QuerySet):
    def active(self):
        """Memberships not removed, in organisations that are not rejected."""
        return self.filter(removed_at__isnull=True).exclude(
            organisation__status=OrganisationStatus.REJECTED
        )

    def administering(self):
        """Memberships, not removed, that make their person an org admin of the organisation."""
        return self.filter(removed_at__isnull=True, role=MembershipRole.ORG_ADMIN)

    def visible_to(self, user):
        """The user's own memberships, and every membership of organisations they administer."""
        if not user.is_authenticated:
            return self.none()
        administered = self.active().filter(user=user, role=MembershipRole.ORG_ADMIN)
        return self.active().filter(
            models.Q(user=user) | models.Q(organisation__in=administered.values("organisation"))
        )


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )

    def visible_to(self, user):
        """Invitations of organisations the user administers."""
        # Imported here: the models module builds its managers from this one.
        from .models import Membership

        if not user.is_authenticated:
            return self.none()

        administered = Membership.objects.active().filter(user=user, role=MembershipRole.ORG_ADMIN)
        return self.filter(organisation__in=administered.values("organisation"))


class TaxonomyTermQuerySet(models.QuerySet):
    def pathways(self):
        return self.filter(taxonomy__slug=PATHWAYS_TAXONOMY)


class ServiceQuerySet(models.QuerySet):
    def published(self):
        """What the public sees: published services of active organisations."""

        return self.filter(
            status=ServiceStatus.PUBLISHED, organisation__status=OrganisationStatus.ACTIVE
        )

    def review_due(self):
        """Not checked by their organisation for 6 months: flagged until someone checks them."""

        cutoff = timezone.localdate() - timedelta(days=REVIEW_DUE_AFTER_DAYS)
        return self.filter(last_reviewed_at__lte=cutoff)

    def accredited(self, on=None):
        """Services of organisations holding the Approved Provider Standard."""
        return self.filter(accreditation.accredited("organisation", on))

    def with_accreditation(self, on=None):
        """Annotate `aps_accredited_until` from the service's organisation's current award."""
        return self.annotate(
            aps_accredited_until=accreditation.accredited_until("organisation", on)
        )

    def visible_to(self, user):
        """Every service, whatever its status, of organisations where the user is staff."""
        # Imported here: the models module builds its managers from this one.
        from .models import Membership

        if not user.is_authenticated:
            return self.none()
        staff_of = Membership.objects.active().filter(user=user, role__in=STAFF_ROLES)
        return self.filter(organisation__in=staff_of.values("organisation"))


class LocationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Meeting places of organisations where the user is staff."""
        # Imported here: the models module builds its managers from this one.
        from .models import Membership

        if not user.is_authenticated:
            return self.none()
        staff_of = Membership.objects.active().filter(user=user, role__in=STAFF_ROLES)
        return self.filter(organisation__in=staff_of.values("organisation"))
