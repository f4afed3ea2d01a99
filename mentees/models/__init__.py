"""The people side: referrals and mentee case records; volunteer roles, applications, vetting
and mentor records. One module per part, re-exported here."""

from .cases import (
    CaseDocument,
    CaseNote,
    Goal,
    Mentee,
    MenteeStatusChange,
    NeedRating,
    NeedsAssessment,
)
from .mentors import MentorProfile, SupervisionSession, age_band
from .referrals import Referral, ReferralStatusChange
from .volunteering import (
    ApplicationUpdate,
    CriminalRecordDisclosure,
    DBSCheck,
    Interview,
    TrainingModule,
    TrainingRecord,
    VolunteerApplication,
    VolunteerReference,
    VolunteerRole,
)

__all__ = [
    "ApplicationUpdate",
    "CaseDocument",
    "CaseNote",
    "CriminalRecordDisclosure",
    "DBSCheck",
    "Goal",
    "Interview",
    "Mentee",
    "MenteeStatusChange",
    "MentorProfile",
    "NeedRating",
    "NeedsAssessment",
    "Referral",
    "ReferralStatusChange",
    "SupervisionSession",
    "TrainingModule",
    "TrainingRecord",
    "VolunteerApplication",
    "VolunteerReference",
    "VolunteerRole",
    "age_band",
]
