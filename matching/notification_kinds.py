from django.db import models


class NotificationKind(models.TextChoices):
    PROPOSAL = "proposal", "A mentee is proposed to you"
    PROPOSAL_ANSWERED = "proposal_answered", "A mentor answered a proposal"
    PROPOSAL_LAPSED = "proposal_lapsed", "A proposal lapsed unanswered"
    MEETING_TOMORROW = "meeting_tomorrow", "A meeting is due tomorrow"
    NO_MEETING_MENTOR = "no_meeting_mentor", "No meeting logged for 7 days"
    NO_MEETING_COORDINATOR = "no_meeting_coordinator", "A pair has not met for 14 days"
    RELEASE_NO_GATE_MEETING = "release_no_gate_meeting", "A release is due with no gate meeting"
    RELEASED_NO_MEETING = "released_no_meeting", "Released 3 working days ago, no meeting"
    REFERRAL_WAITING = "referral_waiting", "A referral has waited over 5 working days"
    VETTING_EXPIRING = "vetting_expiring", "A DBS check or training expires within 30 days"
    SUPERVISION_OVERDUE = "supervision_overdue", "A mentor's supervision is overdue"
    LISTING_REVIEW_DUE = "listing_review_due", "A service listing needs checking"
    APS_RENEWAL_DUE = "aps_renewal_due", "Your Approved Provider Standard award is due for renewal"
    APS_APPLICATION_IDLE = "aps_application_idle", "An accreditation application has been idle"
    APS_WAITING_FOR_ASSESSOR = "aps_waiting", "An accreditation application waits for an assessor"
    FOLLOW_UP_DUE = "follow_up_due", "A reoffending follow-up can now be answered"
    REPORT_READY = "report_ready", "A scheduled outcomes report is ready"


# Always emailed: a person may be at risk if these go unread.
SAFEGUARDING_KINDS = frozenset(
    {
        NotificationKind.NO_MEETING_COORDINATOR,
        NotificationKind.RELEASED_NO_MEETING,
        NotificationKind.RELEASE_NO_GATE_MEETING,
    }
)
