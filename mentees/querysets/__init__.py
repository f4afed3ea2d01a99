"""Querysets of the mentees app, one module per part, re-exported here."""

from .mentors import MentorProfileQuerySet, SupervisionSessionQuerySet, get_mentor_for_user_or_404
from .referrals import CaseRecordQuerySet, MenteeQuerySet, ReferralQuerySet
from .scoping import StaffScopedQuerySet, staff_organisations
from .volunteering import (
    DBSCheckQuerySet,
    TrainingModuleQuerySet,
    TrainingRecordQuerySet,
    VettingRecordQuerySet,
    VolunteerApplicationQuerySet,
    VolunteerRoleQuerySet,
    get_application_for_user_or_404,
    get_dbs_check_for_user_or_404,
    get_own_application_or_404,
    get_reference_for_user_or_404,
    get_training_module_for_user_or_404,
    get_volunteer_role_for_user_or_404,
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
    "get_application_for_user_or_404",
    "get_dbs_check_for_user_or_404",
    "get_mentor_for_user_or_404",
    "get_own_application_or_404",
    "get_reference_for_user_or_404",
    "get_training_module_for_user_or_404",
    "get_volunteer_role_for_user_or_404",
    "staff_organisations",
]
