"""Every change to a relationship: proposed, answered, released, ended, mentor changed.

Notifications name no one: they say what happened and link to the page, which needs signing in.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from accounts.audit import audit_record
from accounts.constants import AuditAction
from core.dates import months_between
from core.working_days import add_working_days
from mentees.constants import MenteeStatus
from mentees.models import Mentee
from mentees.services.cases import mentee_set_status
from volunteers.models import MentorProfile

from .. import scoring
from ..constants import (
    ACTIVE_STATUSES,
    FIRST_MEETING_WORKING_DAYS,
    GATE_PLAN_MAX_DAYS,
    PROPOSAL_DAYS,
    SHORT_RELATIONSHIP_MONTHS,
    EarlyEndingReason,
    Ending,
    MatchStatus,
)
from ..models import Match, MatchEvent
from ..notification_kinds import NotificationKind
from ..profiles import mentee_profiles, mentor_profiles_of, weights_for
from .notifications import notify, notify_staff


def _event(match: Match, *, actor, note: str = "") -> None:
    MatchEvent.objects.create(
        match=match,
        organisation_id=match.organisation_id,
        status=match.status,
        note=note,
        by=actor if actor is not None and actor.is_authenticated else None,
    )


def _audit(actor, action, match: Match, request=None, **details) -> None:
    audit_record(
        actor=actor,
        action=action,
        obj=match,
        organisation=match.organisation,
        request=request,
        details=details,
    )


def assess_pair(
    mentee: Mentee, mentor: MentorProfile
) -> tuple[list[str], scoring.Suggestion | None]:
    """(hard rules broken, the suggestion if none is): judged now, from the database."""
    weights = weights_for(mentee.organisation)
    [mentee_profile] = mentee_profiles(Mentee.objects.filter(pk=mentee.pk))
    [mentor_profile] = mentor_profiles_of(mentor.organisation, only=[mentor.pk])
    failures = scoring.hard_rule_failures(mentee_profile, mentor_profile, weights)
    if failures:
        return failures, None
    return [], scoring.score(mentee_profile, mentor_profile, weights)


def mentee_words(mentee) -> str:
    """How a notification names a mentee: by reference, never by name, as notifications are
    also emailed and a name there would say who has a criminal record."""
    return f"mentee {mentee.reference}"


def _mentee_link(mentee) -> str:
    return reverse("matching:mentee_matching", args=[mentee.pk])


@transaction.atomic
def match_propose(
    *, actor, mentee: Mentee, mentor: MentorProfile, request=None, replaces=None
) -> Match:
    """Propose the mentor to the mentee; the mentor has PROPOSAL_DAYS to answer. The hard rules
    are checked again here, whatever the form said."""
    mentee = Mentee.objects.select_for_update().get(pk=mentee.pk)
    if mentee.erased_at or mentee.status == MenteeStatus.CLOSED:
        raise ValidationError("This mentee's case is closed.")
    if mentor.organisation_id != mentee.organisation_id:
        raise ValidationError({"mentor": "Choose one of your organisation's mentors"})
    MentorProfile.objects.select_for_update().get(pk=mentor.pk)  # one proposal at a time per mentor
    if (
        Match.objects.live()
        .filter(mentee=mentee)
        .exclude(pk=getattr(replaces, "pk", None))
        .exists()
    ):
        raise ValidationError("This mentee already has a mentor proposed or in place.")
    failures, suggestion = assess_pair(mentee, mentor)
    if failures:
        raise ValidationError(
            {"mentor": [f"This mentor cannot be proposed: {reason}" for reason in failures]}
        )
    now = timezone.now()
    try:
        with transaction.atomic():
            match = Match.objects.create(
                organisation=mentee.organisation,
                mentee=mentee,
                mentor=mentor,
                status=MatchStatus.PROPOSED,
                score=suggestion.score,
                reasons=list(suggestion.reasons),
                proposed_by=actor,
                proposed_at=now,
                respond_by=now + timedelta(days=PROPOSAL_DAYS),
                replaces=replaces,
            )
    except IntegrityError as error:
        raise ValidationError("This mentee already has a mentor proposed or in place.") from error
    _event(match, actor=actor)
    _audit(actor, AuditAction.CREATED, match, request, mentor=str(mentor.pk), score=match.score)
    notify(  # In this transaction: the notification and its email are written with the match.
        user=mentor.user,
        organisation=match.organisation,
        kind=NotificationKind.PROPOSAL,
        key=str(match.pk),
        title=f"{actor.display_name} proposed {mentee_words(match.mentee)} to you",
        body=f"Say yes or no by {timezone.localtime(match.respond_by):%-d %B %Y}.",
        link=reverse("matching:mentor_proposal", args=[match.pk]),
        mentee=match.mentee,
    )
    return match


def _lock(match: Match) -> Match:
    return (
        Match.objects.select_for_update().select_related("mentee", "mentor__user").get(pk=match.pk)
    )


def _lapse(match: Match) -> None:
    match.status = MatchStatus.LAPSED
    match.save(update_fields=["status", "updated_at"])
    _event(match, actor=None, note="Not answered in time")
    notify_staff(
        organisation=match.organisation,
        kind=NotificationKind.PROPOSAL_LAPSED,
        key=str(match.pk),
        title=f"{match.mentor.user.display_name} did not answer in time about "
        f"{mentee_words(match.mentee)}",
        body="The proposal has lapsed. Propose another mentor.",
        link=_mentee_link(match.mentee),
        mentee=match.mentee,
    )


def match_respond(*, actor, match: Match, accept: bool, reason: str = "", request=None) -> Match:
    """The mentor says yes or no. A proposal past its time has lapsed and cannot be answered:
    it is lapsed there and then (and the coordinator told), even before the nightly job."""
    with transaction.atomic():
        locked = _lock(match)
        overdue = locked.status == MatchStatus.PROPOSED and timezone.now() > locked.respond_by
        if overdue:
            _lapse(locked)
    if overdue:
        raise ValidationError(
            "This proposal lapsed on "
            f"{timezone.localtime(locked.respond_by):%-d %B %Y}. Your coordinator has been told."
        )
    return _respond(actor=actor, match=match, accept=accept, reason=reason, request=request)


@transaction.atomic
def _respond(*, actor, match: Match, accept: bool, reason: str, request) -> Match:
    match = _lock(match)
    if match.status != MatchStatus.PROPOSED:
        status = match.get_status_display().lower()
        raise ValidationError(f"This proposal is no longer waiting for an answer: it is {status}.")
    if not accept and not reason.strip():
        raise ValidationError({"reason": "Say why, so your coordinator can find someone else"})
    match.responded_at = timezone.now()
    if accept:
        mentee = match.mentee
        in_custody = bool(mentee.prison_id) and (
            mentee.release_date is None or mentee.release_date > timezone.localdate()
        )
        match.status = MatchStatus.ACTIVE_IN_CUSTODY if in_custody else MatchStatus.ONGOING
        match.started_on = timezone.localdate()
    else:
        match.status = MatchStatus.DECLINED
        match.decline_reason = reason.strip()
    match.save()
    _event(match, actor=actor, note=match.decline_reason)
    _audit(actor, AuditAction.STATUS_CHANGED, match, request, to=match.status)
    if accept and match.mentee.status not in (
        MenteeStatus.MATCHED,
        MenteeStatus.ACTIVE_AFTER_RELEASE,
    ):
        mentee_set_status(
            actor=actor, mentee=match.mentee, status=MenteeStatus.MATCHED, request=request
        )
    notify_staff(
        organisation=match.organisation,
        kind=NotificationKind.PROPOSAL_ANSWERED,
        key=str(match.pk),
        title=f"{match.mentor.user.display_name} "
        f"{'accepted' if accept else 'declined'} {mentee_words(match.mentee)}",
        body="" if accept else f"Their reason: {match.decline_reason}",
        link=_mentee_link(match.mentee),
        mentee=match.mentee,
    )
    return match


@transaction.atomic
def match_withdraw(*, actor, match: Match, request=None) -> Match:
    match = _lock(match)
    if match.status != MatchStatus.PROPOSED:
        raise ValidationError("Only a proposal waiting for an answer can be withdrawn.")
    match.status = MatchStatus.WITHDRAWN
    match.save(update_fields=["status", "updated_at"])
    _event(match, actor=actor)
    _audit(actor, AuditAction.STATUS_CHANGED, match, request, to=match.status)
    return match


def lapse_overdue_proposals() -> int:
    """Lapse every proposal past its time (Celery beat). Safe to run again."""
    lapsed = 0
    overdue = Match.objects.filter(status=MatchStatus.PROPOSED, respond_by__lt=timezone.now())
    for pk in overdue.values_list("pk", flat=True):
        with transaction.atomic():
            match = (
                Match.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, status=MatchStatus.PROPOSED, respond_by__lt=timezone.now())
                .select_related("mentee")
                .first()
            )
            if match is not None:
                _lapse(match)
                lapsed += 1
    return lapsed


@transaction.atomic
def match_plan_gate_meeting(*, actor, match: Match, day, request=None) -> Match:
    match = _lock(match)
    if match.status != MatchStatus.ACTIVE_IN_CUSTODY:
        raise ValidationError("A gate meeting is planned while the mentee is still in custody.")
    today = timezone.localdate()
    if day < today:
        raise ValidationError({"day": "The gate meeting must be today or in the future"})
    release = match.mentee.release_date
    if release and release >= today and day != release:
        raise ValidationError(
            {
                "day": "The gate meeting is on the day of release. "
                f"The release date on the record is {release:%-d %B %Y}: "
                "plan the meeting for that day, or change the release date first"
            }
        )
    if day > today + timedelta(days=GATE_PLAN_MAX_DAYS):
        raise ValidationError(
            {"day": "The gate meeting must be within 2 years. Plan it nearer the release"}
        )
    match.gate_meeting_planned_on = day
    match.save(update_fields=["gate_meeting_planned_on", "updated_at"])
    _event(match, actor=actor, note=f"Gate meeting planned for {day:%-d %B %Y}")
    _audit(actor, AuditAction.UPDATED, match, request, fields=["gate_meeting_planned_on"])
    return match


@transaction.atomic
def match_record_release(*, actor, match: Match, released_on, request=None) -> Match:
    """The mentee is out: the first meeting is due at the gate, or within 3 working days."""
    match = _lock(match)
    if match.status != MatchStatus.ACTIVE_IN_CUSTODY:
        raise ValidationError("Only a relationship that began in custody can record a release.")
    if released_on > timezone.localdate():
        raise ValidationError({"released_on": "The release date must be today or in the past"})
    if match.started_on and released_on < match.started_on:
        raise ValidationError({"released_on": "The release date must be after the match began"})
    match.status = MatchStatus.RELEASED
    match.released_on = released_on
    match.first_meeting_due_by = add_working_days(released_on, FIRST_MEETING_WORKING_DAYS)
    match.save()
    if match.meetings.filter(held_on__gte=released_on).exists():
        match.status = MatchStatus.ONGOING  # They met at the gate, logged before the release was.
        match.save(update_fields=["status", "updated_at"])
    _event(match, actor=actor, note=f"Released on {released_on:%-d %B %Y}")
    _audit(actor, AuditAction.STATUS_CHANGED, match, request, to=match.status)
    mentee = match.mentee
    mentee.release_date = released_on
    mentee.save(update_fields=["release_date", "updated_at"])
    if mentee.status != MenteeStatus.ACTIVE_AFTER_RELEASE:
        mentee_set_status(
            actor=actor, mentee=mentee, status=MenteeStatus.ACTIVE_AFTER_RELEASE, request=request
        )
    return match


@transaction.atomic
def match_end(
    *,
    actor,
    match: Match,
    ended_on,
    ending: str,
    early_reason: str = "",
    note: str = "",
    request=None,
) -> Match:
    match = _lock(match)
    if match.status not in ACTIVE_STATUSES:
        raise ValidationError("Only a relationship under way can be ended.")
    if ended_on > timezone.localdate():
        raise ValidationError({"ended_on": "The end date must be today or in the past"})
    if match.started_on and ended_on < match.started_on:
        raise ValidationError({"ended_on": "The end date must be on or after the day it began"})
    if ending not in Ending.values:
        raise ValidationError({"ending": "Select whether the ending was planned"})
    if ending == Ending.EARLY and early_reason not in EarlyEndingReason.values:
        raise ValidationError({"early_reason": "Select why it ended early"})
    match.status = MatchStatus.ENDED
    match.ended_on = ended_on
    match.ending = ending
    match.early_reason = early_reason if ending == Ending.EARLY else ""
    match.ending_note = note.strip()
    match.shorter_than_advised = bool(
        match.started_on and months_between(match.started_on, ended_on) < SHORT_RELATIONSHIP_MONTHS
    )
    match.save()
    _event(match, actor=actor, note=match.ending_note)
    _audit(actor, AuditAction.STATUS_CHANGED, match, request, to=match.status, ending=ending)
    return match


@transaction.atomic
def match_change_mentor(
    *, actor, match: Match, mentor: MentorProfile, note: str = "", request=None
) -> Match:
    """End the relationship early and propose another mentor; the history keeps both."""
    match_end(
        actor=actor,
        match=match,
        ended_on=timezone.localdate(),
        ending=Ending.EARLY,
        early_reason=EarlyEndingReason.CHANGE_OF_MENTOR,
        note=note,
        request=request,
    )
    return match_propose(
        actor=actor, mentee=match.mentee, mentor=mentor, request=request, replaces=match
    )
