"""Demo relationships, made through the real services: Mark and his mentor meeting in the
community, Gary matched in custody with his gate meeting planned, and Jordan waiting for a
mentor. Safe to run again: each step is taken only if it has not been."""

from datetime import time, timedelta

from django.utils import timezone

from mentees.models import Mentee
from providers.models import TaxonomyTerm
from volunteers.models import MentorProfile

from .constants import MatchStatus
from .models import Match
from .services import matches, meetings


def _relationship(
    mentee: Mentee, mentor: MentorProfile, coordinator, *, began_days_ago: int
) -> Match:
    match = Match.objects.filter(mentee=mentee, mentor=mentor).first()
    if match is None:
        match = matches.match_propose(actor=coordinator, mentee=mentee, mentor=mentor)
        match = matches.match_respond(actor=mentor.user, match=match, accept=True)
        began = timezone.localdate() - timedelta(days=began_days_ago)
        Match.objects.filter(pk=match.pk).update(started_on=began)
        match.refresh_from_db()
    return match


def seed_matching(*, staff: dict) -> None:
    """staff: organisation key -> a coordinator."""
    mark = Mentee.objects.filter(full_name="Mark Hughes").first()
    gary = Mentee.objects.filter(full_name="Gary Pearson").first()
    tony = MentorProfile.objects.filter(user__full_name="Tony Walsh").first()
    lee = MentorProfile.objects.filter(user__full_name="Lee Armstrong").first()
    if mark and tony:
        match = _relationship(mark, tony, staff["mersey"], began_days_ago=40)
        if not match.meetings.exists():
            _meetings(match, tony)
    if gary and lee:
        match = _relationship(gary, lee, staff["tyneside"], began_days_ago=12)
        if match.status == MatchStatus.ACTIVE_IN_CUSTODY and not match.gate_meeting_planned_on:
            matches.match_plan_gate_meeting(
                actor=staff["tyneside"], match=match, day=gary.release_date or timezone.localdate()
            )


def _meetings(match: Match, mentor: MentorProfile) -> None:
    today = timezone.localdate()
    housing = TaxonomyTerm.objects.pathways().get(code="accommodation")
    work = TaxonomyTerm.objects.pathways().get(code="education-training-employment")
    plan = [
        (35, "community", ["mentor", "mentee"], [housing], 0, ""),
        (28, "community", ["mentor", "mentee", "probation"], [housing, work], 450, "Bus fares"),
        (21, "phone", ["mentor", "mentee"], [work], 0, ""),
        (9, "community", ["mentor", "mentee"], [housing], 380, "Coffee and a sandwich"),
    ]
    for days_ago, place, attendees, pathways, pence, spent_on in plan:
        held_on = today - timedelta(days=days_ago)
        meetings.meeting_log(
            actor=mentor.user,
            match=match,
            held_on=held_on,
            starts_at=time(10, 30),
            ends_at=time(11, 45),
            place=place,
            attendees=attendees,
            pathways=pathways,
            goals=list(match.mentee.goals.all()[:1]),
            next_meeting_on=held_on + timedelta(days=7),
            notes="",
            expenses_pence=pence,
            expenses_description=spent_on,
        )
