"""The people who volunteer: roles, applications, vetting, training, supervision and mentor
records. One module per part, re-exported here."""

from .mentors import MentorProfile, SupervisionSession, age_band
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
    "CriminalRecordDisclosure",
    "DBSCheck",
    "Interview",
    "MentorProfile",
    "SupervisionSession",
    "TrainingModule",
    "TrainingRecord",
    "VolunteerApplication",
    "VolunteerReference",
    "VolunteerRole",
    "age_band",
]
