"""What matching holds about a mentee, for their subject access export and their erasure."""

from ..models import Exclusion, Match, MatchEvent, Meeting


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
