from django.db import models

# The Ministry of Justice's proven reoffending measure: an offence in the 12 months after the
# start date (release from custody, or the start of the order in the community), proven by a
# conviction or caution in that year or in a further 6 months. The answer is final only then.
FOLLOW_UP_MONTHS = 12
WAITING_MONTHS = 6
ANSWER_FINAL_AFTER_MONTHS = FOLLOW_UP_MONTHS + WAITING_MONTHS

# Disclosure control (outcomes/suppression.py): anything a commissioner sees hides counts under
# this. The only place the number is written.
SUPPRESS_BELOW = 5

# A 95% interval wider than this (20 percentage points) says too little to draw conclusions.
WIDE_INTERVAL = 0.20

# The Justice Data Lab needs at least this many people in a cohort.
JUSTICE_DATA_LAB_MINIMUM = 60

# The Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS): 7 statements scored 1 to 5,
# a raw total from 7 to 35. A rise of 3 points or more is counted as an improvement (the upper
# end of the range the scale's authors describe as a meaningful change).
WELLBEING_SCALE = "Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS)"
WELLBEING_MIN = 7
WELLBEING_MAX = 35
WELLBEING_MEANINGFUL_CHANGE = 3

# The value of a volunteer hour when an organisation has set none: the rate behind a published
# figure (27,782 hours valued at £364,617 at local average hourly earnings, Merseyside), kept to
# the 4 decimal places that reproduce it to the pound (27,782 x £13.1242 = £364,616.52).
DEFAULT_HOURLY_EARNINGS = "13.1242"
HOURLY_EARNINGS_PLACES = 4
HOURLY_EARNINGS_MIN = "0.01"
HOURLY_EARNINGS_MAX = "100"
DEFAULT_HOURLY_EARNINGS_SOURCE = (
    "Local average hourly earnings behind a Merseyside mentoring project's published figure "
    "(27,782 hours valued at £364,617). Set your own area's figure."
)


class Answer(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    UNKNOWN = "unknown", "Not yet known"


class IndexKind(models.TextChoices):
    RELEASE = "release", "Released from custody"
    COMMUNITY = "community", "Started in the community"


class ProofKind(models.TextChoices):
    CONVICTION = "conviction", "A conviction"
    CAUTION = "caution", "A caution"


class EvidenceSource(models.TextChoices):
    POLICE = "police", "Police (for example a Police National Computer check)"
    PROBATION = "probation", "Probation"
    SELF_REPORTED = "self_reported", "Self-reported by the mentee"


class RecordedGender(models.TextChoices):
    """Gender as the Justice Data Lab asks for it."""

    MALE = "male", "Male"
    FEMALE = "female", "Female"
    NOT_RECORDED = "", "Not recorded"


class ScopeKind(models.TextChoices):
    ORGANISATION = "organisation", "Organisation"
    REGION = "region", "Region"


class PeriodKind(models.TextChoices):
    MONTH = "month", "Monthly"
    QUARTER = "quarter", "Quarterly"


class SnapshotOrigin(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    BACKFILL = "backfill", "Backfilled"


# The pathway outcomes recorded per mentee: (field, what it means).
PATHWAY_OUTCOMES = [
    ("accommodation", "Stable accommodation secured"),
    ("education_training_employment", "Entered education, training, employment or volunteering"),
    ("substance_misuse_services", "Accessed substance-misuse services"),
    ("health_services", "Accessed health and wellbeing services"),
    ("confidence_life_skills", "Confidence and life skills improved"),
]
