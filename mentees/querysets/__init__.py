"""Querysets of the mentees app, one module per part, re-exported here."""

from .mentors import MentorProfileQuerySet, SupervisionSessionQuerySet
from .referrals import CaseRecordQuerySet, MenteeQuerySet, ReferralQuerySet
from .scoping import StaffScopedQuerySet, staff_organisations
from .volunteering import (
    DBSCheckQuerySet,
    TrainingModuleQuerySet,
    TrainingRecordQuerySet,
    VettingRecordQuerySet,
    VolunteerApplicationQuerySet,
    VolunteerRoleQuerySet,
)

__all__ = [
    "CaseRecordQuerySet",
    "DBSCheckQuerySet",
    "MenteeQuerySet",
    "ReferralQuerySet",
    "MentorProfileQuerySet",
    "StaffScopedQuerySet",
    "SupervisionSessionQuerySet",
    "TrainingModuleQuerySet",
    "TrainingRecordQuerySet",
    "VettingRecordQuerySet",
    "VolunteerApplicationQuerySet",
    "VolunteerRoleQuerySet",
    "staff_organisations",
]
