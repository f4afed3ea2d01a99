from django.db import models
from django.utils.translation import gettext_lazy as _


class ReferralStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    IN_REVIEW = "in_review", _("Being looked at")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Not accepted")
    PASSED_ON = "passed_on", _("Passed to another provider")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    MERGED = "merged", _("Merged into a case record")
    # Sent to the general inbox when no listed service could take the person: held by the
    # platform, with no organisation, until a provider near them takes it.
    WAITING = "waiting", _("Waiting for a service to take it")


OPEN_REFERRAL_STATUSES = (ReferralStatus.RECEIVED, ReferralStatus.IN_REVIEW)

# The answer to "Choose a mentoring service" when none can take the person: the request goes to
# the general inbox, for a provider near them to take.
SERVICES_NEARBY = "nearby"


class CompletedBy(models.TextChoices):
    SELF = "self", _("The person who wants a mentor")
    WORKER = "worker", _("A prison or probation worker on their behalf")


class WorkerRole(models.TextChoices):
    PRISON = "prison", _("Prison staff")
    PROBATION = "probation", _("Probation practitioner")
    OTHER = "other", _("Another support worker")


class Situation(models.TextChoices):
    IN_CUSTODY = "in_custody", _("In prison")
    IN_COMMUNITY = (
        "in_community",
        _("In the community (on licence, on a community sentence or free)"),
    )


class MentorGenderPreference(models.TextChoices):
    NONE = "none", _("No preference")
    WOMAN = "woman", _("A woman")
    MAN = "man", _("A man")


class LivedExperiencePreference(models.TextChoices):
    NONE = "none", _("It does not matter")
    PREFERRED = "preferred", _("Yes, someone who has been in prison themselves")


class ContactMethod(models.TextChoices):
    OFFENDER_MANAGEMENT_UNIT = "omu", _("Through the prison's offender management unit (OMU)")
    PROBATION = "probation", _("Through my probation practitioner")
    PHONE = "phone", _("By phone")
    EMAIL = "email", _("By email")
    LETTER = "letter", _("By letter")


class DeclineReason(models.TextChoices):
    OUTSIDE_AREA = "outside_area", _("We do not work in the person's area or prison")
    NOT_ELIGIBLE = "not_eligible", _("The person is not eligible for the service")
    NO_CAPACITY = "no_capacity", _("We have no places at the moment")
    NOT_WANTED = "not_wanted", _("The person no longer wants a mentor")
    NO_CONTACT = "no_contact", _("We could not reach the person")
    OTHER = "other", _("Another reason")


class MenteeStatus(models.TextChoices):
    REFERRED = "referred", "Referred"
    ENGAGED_IN_CUSTODY = "engaged_in_custody", "Engaged in custody"
    MATCHED = "matched", "Matched with a mentor"
    ACTIVE_AFTER_RELEASE = "active_after_release", "Active after release"
    CLOSED = "closed", "Closed"


class ClosureReason(models.TextChoices):
    PLANNED_ENDING = "planned_ending", "Planned ending"
    DISENGAGED = "disengaged", "Disengaged"
    RETURNED_TO_CUSTODY = "returned_to_custody", "Returned to custody"
    MOVED_AWAY = "moved_away", "Moved away"
    OTHER = "other", "Other"


class AssessmentKind(models.TextChoices):
    INITIAL = "initial", "At the start"
    REVIEW = "review", "Review"


class NeedLevel(models.TextChoices):
    NONE = "none", "No need"
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"


class GoalStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    ACHIEVED = "achieved", "Achieved"
    NOT_ACHIEVED = "not_achieved", "Not achieved"


# The privacy notice a referral agreed to; raise it when the notice's wording changes.
PRIVACY_NOTICE_VERSION = "2026-11"
# How long a declined or passed-on referral is kept before the retention job erases it.
REFERRAL_RETENTION_DAYS = 365


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


class Day(models.TextChoices):
    MONDAY = "mon", "Monday"
    TUESDAY = "tue", "Tuesday"
    WEDNESDAY = "wed", "Wednesday"
    THURSDAY = "thu", "Thursday"
    FRIDAY = "fri", "Friday"
    SATURDAY = "sat", "Saturday"
    SUNDAY = "sun", "Sunday"


class PartOfDay(models.TextChoices):
    MORNING = "morning", "Morning"
    AFTERNOON = "afternoon", "Afternoon"
    EVENING = "evening", "Evening"


# Availability is stored as a list of "<day>_<part>" codes, e.g. "mon_evening", in this order.
AVAILABILITY_SLOTS = [f"{day.value}_{part.value}" for day in Day for part in PartOfDay]
AVAILABILITY_CHOICES = [
    (f"{day.value}_{part.value}", f"{day.label} {part.label.lower()}")
    for day in Day
    for part in PartOfDay
]


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
