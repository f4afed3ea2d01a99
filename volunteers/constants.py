"""Choices and limits of volunteering: roles, applications, vetting and mentor records."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# --- Volunteering: roles, applications and vetting -------------------------------------------


class VolunteerRoleStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    CLOSED = "closed", "Closed"


class CriminalRecordPolicy(models.TextChoices):
    """What a criminal record means for a volunteer role. Most mentoring roles welcome people
    with convictions; the wording is shown to applicants as it is written here."""

    WELCOME = "welcome", _("A criminal record does not stop you applying")
    CASE_BY_CASE = "case_by_case", _("We talk through any criminal record with you, case by case")
    SOME_EXCLUDED = "some_excluded", _("Some convictions mean we cannot offer this role")


class DBSLevel(models.TextChoices):
    """Disclosure and Barring Service check levels, lowest first (the order matters)."""

    BASIC = "basic", _("Basic")
    STANDARD = "standard", _("Standard")
    ENHANCED = "enhanced", _("Enhanced")
    ENHANCED_BARRED = "enhanced_barred", _("Enhanced with barred lists")


DBS_LEVEL_ORDER = [level.value for level in DBSLevel]
# Each level as said in a sentence: "This role needs an enhanced check with barred lists."
DBS_CHECK_IN_WORDS = {
    DBSLevel.BASIC: "a basic check",
    DBSLevel.STANDARD: "a standard check",
    DBSLevel.ENHANCED: "an enhanced check",
    DBSLevel.ENHANCED_BARRED: "an enhanced check with barred lists",
}


def dbs_level_meets(level: str, needed: str) -> bool:
    return DBS_LEVEL_ORDER.index(level) >= DBS_LEVEL_ORDER.index(needed)


# A certificate is treated as current for this long after its issue date unless the coordinator
# records another renewal date (many organisations renew every three years).
DBS_RENEW_AFTER_YEARS = 3


class DBSResult(models.TextChoices):
    CLEAR = "clear", "No information disclosed"
    DISCLOSED = "disclosed", "Information disclosed"


class RiskDecision(models.TextChoices):
    PROCEED = "proceed", "Safe to go ahead"
    DO_NOT_PROCEED = "do_not_proceed", "Not safe to go ahead"


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", "Not sent yet"
    SUBMITTED = "submitted", "Being checked"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Not approved"
    WITHDRAWN = "withdrawn", "Withdrawn"


# How long a volunteer application that ended without approval is kept before the retention job
# erases its personal details: counted from the decision (not approved), the withdrawal, or, for
# a draft never sent, the last time it was saved. Approved applications back a mentor record and
# are never erased by the job.
VOLUNTEER_APPLICATION_RETENTION_MONTHS = 12


class VettingStage(models.TextChoices):
    """The first check still outstanding on a submitted application, for the pipeline."""

    INTERVIEW = "interview", "Interview"
    REFERENCES = "references", "References"
    DBS = "dbs", "DBS check"
    TRAINING = "training", "Training"
    READY = "ready", "Ready for a decision"
    DECIDED = "decided", "Decided"


class InterviewOutcome(models.TextChoices):
    PENDING = "", "Not yet held"
    SUITABLE = "suitable", "Suitable to go ahead"
    NOT_SUITABLE = "not_suitable", "Not suitable"
    DID_NOT_ATTEND = "did_not_attend", "Did not attend"


class Gender(models.TextChoices):
    WOMAN = "woman", "Woman"
    MAN = "man", "Man"
    NON_BINARY = "non_binary", "Non-binary"
    SELF_DESCRIBED = "self_described", "I describe myself another way"
    NOT_SAID = "not_said", "I would rather not say"


class LivedExperience(models.TextChoices):
    PRISON = "prison", "I have been in prison"
    PROBATION = "probation", "I have been on probation or a community sentence"
    ADDICTION = "addiction", "Recovery from drugs or alcohol"
    HOMELESSNESS = "homelessness", "Homelessness"
    MENTAL_HEALTH = "mental_health", "Mental ill health"
    CARE = "care", "Growing up in care"
    FAMILY = "family", "A family member or partner in prison"


class AgeBand(models.TextChoices):
    """Age bands for matching; derived from the date of birth, never asked."""

    UNDER_25 = "18-24", "18 to 24"
    FROM_25 = "25-34", "25 to 34"
    FROM_35 = "35-44", "35 to 44"
    FROM_45 = "45-54", "45 to 54"
    FROM_55 = "55-64", "55 to 64"
    FROM_65 = "65+", "65 or over"


MINIMUM_VOLUNTEER_AGE = 18


class ApplicationUpdateKind(models.TextChoices):
    """What an applicant is told, on their page and by email."""

    RECEIVED = "received", "Application received"
    INTERVIEW_ARRANGED = "interview_arranged", "Interview arranged"
    INTERVIEW_PASSED = "interview_passed", "Interview went well"
    REFERENCES_RECEIVED = "references_received", "References received"
    DBS_CLEARED = "dbs_cleared", "DBS check complete"
    TRAINING_COMPLETE = "training_complete", "Training complete"
    APPROVED = "approved", "Approved as a mentor"
    REJECTED = "rejected", "Not approved"
    WITHDRAWN = "withdrawn", "Application withdrawn"


# --- Mentors ---------------------------------------------------------------------------------


class MentorStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    PAUSED = "paused", "Paused"
    LEFT = "left", "Left"


MAXIMUM_MENTOR_CAPACITY = 10
