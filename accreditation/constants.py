from django.db import models

# An award is valid for this many years from the date of the decision.
AWARD_YEARS = 3
# An application must be sent within this many months of being started.
SUBMIT_WITHIN_MONTHS = 12
# Re-accreditation may be started this long before an award expires.
RENEWAL_WINDOW_DAYS = 183
# Reminders and the commissioners' "expiring soon" list.
EXPIRING_SOON_DAYS = 90
IDLE_AFTER_DAYS = 60
ASSESSOR_WAIT_WORKING_DAYS = 10

EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
VERIFICATION_PREFIX = "APS"
APPLICATION_PREFIX = "AP"


class StandardStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class ApplicationKind(models.TextChoices):
    INITIAL = "initial", "First accreditation"
    RENEWAL = "renewal", "Re-accreditation"


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", "In progress"
    SUBMITTED = "submitted", "Waiting for an assessor"
    IN_ASSESSMENT = "in_assessment", "Being assessed"
    MORE_INFORMATION = "more_information", "More information asked for"
    AWARDED = "awarded", "Awarded"
    NOT_YET = "not_yet", "Not yet met"
    LAPSED = "lapsed", "Not sent within 12 months"


# An organisation has at most one of these at a time.
OPEN_STATUSES = (
    ApplicationStatus.DRAFT,
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.IN_ASSESSMENT,
    ApplicationStatus.MORE_INFORMATION,
)
# The organisation may change its answers and evidence.
EDITABLE_STATUSES = (ApplicationStatus.DRAFT, ApplicationStatus.MORE_INFORMATION)
# Sent for assessment: what assessors see.
SENT_STATUSES = (
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.IN_ASSESSMENT,
    ApplicationStatus.MORE_INFORMATION,
    ApplicationStatus.AWARDED,
    ApplicationStatus.NOT_YET,
)


class SelfAssessment(models.TextChoices):
    MET = "met", "Met"
    PARTLY_MET = "partly_met", "Partly met"
    NOT_YET_MET = "not_yet_met", "Not yet met"


class ReviewOutcome(models.TextChoices):
    PENDING = "", "Not reviewed yet"
    ACCEPTED = "accepted", "Accepted"
    MORE_NEEDED = "more_needed", "More needed"


class Decision(models.TextChoices):
    AWARDED = "awarded", "Awarded: the organisation meets the standard"
    NOT_YET = "not_yet", "Not yet: the organisation does not meet the standard yet"


class EventKind(models.TextChoices):
    STARTED = "started", "Application started"
    ANSWERED = "answered", "Self-assessment saved"
    CHANGES_DESCRIBED = "changes_described", "Changes since the award described"
    EVIDENCE_ADDED = "evidence_added", "Evidence added"
    EVIDENCE_REMOVED = "evidence_removed", "Evidence removed"
    SUMMARY_ATTACHED = "summary_attached", "Summary from Open Gate attached"
    SUBMITTED = "submitted", "Sent for assessment"
    RESUBMITTED = "resubmitted", "More information sent"
    TAKEN = "taken", "Assessor assigned"
    ACCEPTED = "accepted", "Requirement accepted"
    MORE_NEEDED = "more_needed", "More asked for"
    RETURNED = "returned", "Returned to the organisation"
    VISIT = "visit", "Visit recorded"
    AWARDED = "awarded", "Awarded"
    NOT_YET = "not_yet", "Not yet met"
    WITHDRAWN = "withdrawn", "Award withdrawn"
    LAPSED = "lapsed", "Closed: not sent within 12 months"


class SupportStatus(models.TextChoices):
    OPEN = "open", "Waiting for a reply"
    ANSWERED = "answered", "Answered"
