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
    # The same person asked twice: this request is joined to the other, which goes on.
    COMBINED = "combined", _("Joined to another request")
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
