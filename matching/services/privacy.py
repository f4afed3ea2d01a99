"""What matching holds about a mentee, for their subject access export and their erasure, and
why their record cannot be closed yet: registered with mentees.record_parts."""

from ..constants import LIVE_STATUSES, MatchStatus
from ..models import Exclusion, Match, MatchEvent, Meeting


def live_relationship_problem(mentee) -> str | None:
    """Why the record cannot be closed or erased yet: a mentor is proposed to the mentee, or
    mentoring them. Ending it first records how it ended, and stops meetings being logged
    against a closed or erased record."""
    live = mentee.matches.filter(status__in=LIVE_STATUSES).select_related("mentor__user").first()
    if live is None:
        return None
    mentor = live.mentor.user.display_name
    if live.status == MatchStatus.PROPOSED:
        return f"Withdraw the proposal to {mentor} first, on the matching page."
    return f"End the relationship with {mentor} first, on the relationship's page."


def matching_export(mentee) -> dict:
    matches = Match.objects.filter(mentee=mentee).select_related("mentor__user")
    meetings = Meeting.objects.filter(match__mentee=mentee).order_by("held_on", "starts_at")
    return {
        "relationships": [
            {
                "mentor": match.mentor.user.display_name,
                "status": match.get_status_display(),
                "began": match.started_on.isoformat() if match.started_on else None,
                "released": match.released_on.isoformat() if match.released_on else None,
                "ended": match.ended_on.isoformat() if match.ended_on else None,
                "ending": match.get_ending_display(),
                "ending_note": match.ending_note,
                "why_matched": match.reasons,
            }
            for match in matches
        ],
        "meetings": [
            {
                "date": meeting.held_on.isoformat(),
                "minutes": meeting.minutes,
                "where": meeting.get_place_display(),
                "notes": meeting.notes,
                "expenses": meeting.expenses_pounds if meeting.expenses_pence else "",
            }
            for meeting in meetings
        ],
        "must_not_be_matched_with": [
            exclusion.reason for exclusion in Exclusion.objects.filter(mentee=mentee)
        ],
    }


def matching_erase(mentee) -> None:
    """Drop the words written about the person; keep dates, places and statuses, which count."""
    Meeting.objects.filter(match__mentee=mentee).update(notes="", expenses_description="")
    Match.objects.filter(mentee=mentee).update(decline_reason="", ending_note="", reasons=[])
    MatchEvent.objects.filter(match__mentee=mentee).update(note="")
    Exclusion.objects.filter(mentee=mentee).delete()
