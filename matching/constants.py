from django.db import models


class MatchStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    DECLINED = "declined", "Declined by the mentor"
    LAPSED = "lapsed", "Lapsed (not answered in time)"
    WITHDRAWN = "withdrawn", "Withdrawn"
    ACTIVE_IN_CUSTODY = "active_in_custody", "Active in custody"
    RELEASED = "released", "Released: first meeting due"
    ONGOING = "ongoing", "Ongoing"
    ENDED = "ended", "Ended"


# A relationship in one of these takes a place of the mentor's capacity.
LIVE_STATUSES = (
    MatchStatus.PROPOSED,
    MatchStatus.ACTIVE_IN_CUSTODY,
    MatchStatus.RELEASED,
    MatchStatus.ONGOING,
)
# A relationship in one of these is under way (the mentor said yes, and it has not ended).
ACTIVE_STATUSES = (MatchStatus.ACTIVE_IN_CUSTODY, MatchStatus.RELEASED, MatchStatus.ONGOING)


class Ending(models.TextChoices):
    PLANNED = "planned", "Planned ending"
    EARLY = "early", "Ended early"


class EarlyEndingReason(models.TextChoices):
    MENTEE_DISENGAGED = "mentee_disengaged", "The mentee stopped engaging"
    MENTOR_LEFT = "mentor_left", "The mentor left or paused"
    RETURNED_TO_CUSTODY = "returned_to_custody", "The mentee returned to custody"
    MOVED_AWAY = "moved_away", "The mentee moved away"
    CHANGE_OF_MENTOR = "change_of_mentor", "Changing to another mentor"
    SAFEGUARDING = "safeguarding", "A safeguarding concern"
    OTHER = "other", "Another reason"


class MeetingPlace(models.TextChoices):
    GATE = "gate", "At the prison gate on release day"
    IN_CUSTODY = "in_custody", "In custody"
    COMMUNITY = "community", "In the community"
    PHONE = "phone", "By phone"
    VIDEO = "video", "By video call"


class Attendee(models.TextChoices):
    MENTOR = "mentor", "Mentor"
    MENTEE = "mentee", "Mentee"
    PROBATION = "probation", "Probation practitioner"
    COORDINATOR = "coordinator", "Coordinator or project worker"
    OTHER = "other", "Someone else"


class BulkProposalStatus(models.TextChoices):
    DRAFT = "draft", "Waiting for review"
    CONFIRMED = "confirmed", "Confirmed"
    DISCARDED = "discarded", "Discarded"


# Days a mentor has to answer a proposal before it lapses.
PROPOSAL_DAYS = 3
# A relationship ending sooner than this is flagged (the evidence says short ones can harm).
SHORT_RELATIONSHIP_MONTHS = 6
# Working days after release by which the first meeting should have happened.
FIRST_MEETING_WORKING_DAYS = 3
DEFAULT_TARGET_MONTHS = 10
DEFAULT_MEETING_INTERVAL_DAYS = 7
# A gate meeting is planned at most this far ahead.
GATE_PLAN_MAX_DAYS = 730
