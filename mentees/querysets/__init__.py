"""Querysets of the mentees app, re-exported here."""

from .referrals import CaseRecordQuerySet, MenteeQuerySet, ReferralQuerySet

__all__ = [
    "CaseRecordQuerySet",
    "MenteeQuerySet",
    "ReferralQuerySet",
]
