"""Who may read referrals and case records: the staff of the organisation they belong to."""

from providers.scoping import StaffScopedQuerySet

from ..constants import OPEN_REFERRAL_STATUSES


class ReferralQuerySet(StaffScopedQuerySet):
    def open(self):
        return self.filter(status__in=OPEN_REFERRAL_STATUSES)


class MenteeQuerySet(StaffScopedQuerySet):
    pass


class CaseRecordQuerySet(StaffScopedQuerySet):
    pass
