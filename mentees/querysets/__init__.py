from .referrals import CaseRecordQuerySet, MenteeQuerySet, ReferralQuerySet

__all__ = ["CaseRecordQuerySet", "MenteeQuerySet", "ReferralQuerySet"]
