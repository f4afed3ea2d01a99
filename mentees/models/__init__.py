"""The people who ask for a mentor: referrals and mentee case records. One module per part,
re-exported here."""

from .cases import (
    CaseDocument,
    CaseNote,
    Goal,
    Mentee,
    MenteeStatusChange,
    NeedRating,
    NeedsAssessment,
)
from .referrals import Referral, ReferralStatusChange

__all__ = [
    "CaseDocument",
    "CaseNote",
    "Goal",
    "Mentee",
    "MenteeStatusChange",
    "NeedRating",
    "NeedsAssessment",
    "Referral",
    "ReferralStatusChange",
]
