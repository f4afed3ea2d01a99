"""Querysets of the volunteers app, one module per part, re-exported here."""

from .mentors import MentorProfileQuerySet, SupervisionSessionQuerySet
from .volunteering import (
    DBSCheckQuerySet,
    TrainingModuleQuerySet,
    TrainingRecordQuerySet,
    VettingRecordQuerySet,
    VolunteerApplicationQuerySet,
    VolunteerRoleQuerySet,
)

__all__ = [
    "DBSCheckQuerySet",
    "MentorProfileQuerySet",
    "SupervisionSessionQuerySet",
    "TrainingModuleQuerySet",
    "TrainingRecordQuerySet",
    "VettingRecordQuerySet",
    "VolunteerApplicationQuerySet",
    "VolunteerRoleQuerySet",
]
