"""Who may read referrals and case records: the staff of the organisation they belong to."""

from django.db import models

from providers.constants import STAFF_ROLES


def _staff_organisations(user):
    from providers.models import Membership

    return (
        Membership.objects.active()
        .filter(user=user, role__in=STAFF_ROLES, organisation__status="active")
        .values("organisation")
    )


class StaffVisibleQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Rows of active organisations where the user is an org admin or coordinator."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(organisation__in=_staff_organisations(user))


class ReferralQuerySet(StaffVisibleQuerySet):
    def open(self):
        from ..constants import OPEN_REFERRAL_STATUSES

        return self.filter(status__in=OPEN_REFERRAL_STATUSES)


class MenteeQuerySet(StaffVisibleQuerySet):
    def current(self):
        return self.filter(erased_at__isnull=True)


class CaseRecordQuerySet(StaffVisibleQuerySet):
    pass
