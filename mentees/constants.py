from django.db import models


class ReferralStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    IN_REVIEW = "in_review", "Being looked at"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Not accepted"
    PASSED_ON = "passed_on", "Passed to another provider"


OPEN_REFERRAL_STATUSES = (ReferralStatus.RECEIVED, ReferralStatus.IN_REVIEW)


class CompletedBy(models.TextChoices):
    SELF = "self", "The person who wants a mentor"
    WORKER = "worker", "A prison or probation worker on their behalf"


class WorkerRole(models.TextChoices):
    PRISON = "prison", "Prison staff"
    PROBATION = "probation", "Probation practitioner"
    OTHER = "other", "Another support worker"


class Situation(models.TextChoices):
    IN_CUSTODY = "in_custody", "In prison"
    IN_COMMUNITY = "in_community", "In the community (on licence, on a community sentence or free)"


class MentorGenderPreference(models.TextChoices):
    NONE = "none", "No preference"
    WOMAN = "woman", "A woman"
    MAN = "man", "A man"


class LivedExperiencePreference(models.TextChoices):
    NONE = "none", "It does not matter"
    PREFERRED = "preferred", "Yes, someone who has been in prison themselves"


class ContactMethod(models.TextChoices):
    OFFENDER_MANAGEMENT_UNIT = "omu", "Through the prison's offender management unit (OMU)"
    PROBATION = "probation", "Through my probation practitioner"
    PHONE = "phone", "By phone"
    EMAIL = "email", "By email"
    LETTER = "letter", "By letter"


class DeclineReason(models.TextChoices):
    OUTSIDE_AREA = "outside_area", "We do not work in the person's area or prison"
    NOT_ELIGIBLE = "not_eligible", "The person is not eligible for the service"
    NO_CAPACITY = "no_capacity", "We have no places at the moment"
    NOT_WANTED = "not_wanted", "The person no longer wants a mentor"
    NO_CONTACT = "no_contact", "We could not reach the person"
    OTHER = "other", "Another reason"


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
