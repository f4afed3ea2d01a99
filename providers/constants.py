from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationStatus(models.TextChoices):
    PENDING = "pending", "Pending approval"
    ACTIVE = "active", "Active"
    SUSPENDED = "suspended", "Suspended"
    REJECTED = "rejected", "Rejected"


class MembershipRole(models.TextChoices):
    ORG_ADMIN = "org_admin", "Organisation admin"
    COORDINATOR = "coordinator", "Coordinator"
    MENTOR = "mentor", "Mentor"


STAFF_ROLES = (MembershipRole.ORG_ADMIN, MembershipRole.COORDINATOR)


class Nation(models.TextChoices):
    ENGLAND = "England", "England"
    WALES = "Wales", "Wales"


class ServiceStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    PAUSED = "paused", "Paused"


class GenderEligibility(models.TextChoices):
    ANYONE = "anyone", _("Anyone")
    WOMEN = "women", _("Women only")
    MEN = "men", _("Men only")


class DeliverySetting(models.TextChoices):
    IN_CUSTODY = "in_custody", _("In prison")
    THROUGH_THE_GATE = "through_the_gate", _("Through the gate")
    IN_COMMUNITY = "in_community", _("In the community")


class MentorType(models.TextChoices):
    VOLUNTEER = "volunteer", _("Volunteer mentors")
    LIVED_EXPERIENCE = "lived_experience", _("Peer mentors with lived experience of prison")
    PAID = "paid", _("Paid mentors")


class ReferralRoute(models.TextChoices):
    SELF = "self", _("You can ask yourself")
    PROBATION = "probation", _("Your probation practitioner can refer you")
    PRISON_STAFF = "prison_staff", _("Prison staff can refer you")


class ExcludedOffence(models.TextChoices):
    SEXUAL = "sexual", _("Sexual offences")
    ARSON = "arson", _("Arson")
    DOMESTIC_ABUSE = "domestic_abuse", _("Domestic abuse")
    TERRORISM = "terrorism", _("Terrorism-related offences")
    SERIOUS_VIOLENCE = "serious_violence", _("Serious violent offences")


# ISO 639-1 codes of the languages mentoring services most often offer besides English.
class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    WELSH = "cy", _("Welsh")
    POLISH = "pl", _("Polish")
    ROMANIAN = "ro", _("Romanian")
    URDU = "ur", _("Urdu")
    PUNJABI = "pa", _("Punjabi")
    BENGALI = "bn", _("Bengali")
    GUJARATI = "gu", _("Gujarati")
    ARABIC = "ar", _("Arabic")
    SOMALI = "so", _("Somali")
    LITHUANIAN = "lt", _("Lithuanian")
    PORTUGUESE = "pt", _("Portuguese")
    BRITISH_SIGN_LANGUAGE = "sgn", _("British Sign Language")


PATHWAYS_TAXONOMY = "resettlement-pathways"
# A service unreviewed for this long is flagged to its organisation.
REVIEW_DUE_AFTER_DAYS = 183


# How long a closed case record keeps its personal details before the daily retention job erases
# them (mentees.tasks.erase_expired_case_records). Never under 2 years: proven reoffending is
# known only 18 months after release, and a record may close before then.
DEFAULT_CASE_RETENTION_YEARS = 6
MIN_CASE_RETENTION_YEARS = 2
MAX_CASE_RETENTION_YEARS = 20
CASE_RETENTION_MESSAGE = (
    f"Enter a number of years from {MIN_CASE_RETENTION_YEARS} to {MAX_CASE_RETENTION_YEARS}"
)
