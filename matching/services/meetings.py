"""Meetings: mentors log their own; coordinators log and correct them, audited."""

import uuid
from datetime import date, time

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from accounts.audit import audit_record, changed_fields
from accounts.constants import AuditAction

from ..constants import ACTIVE_STATUSES, MatchStatus, MeetingPlace
from ..models import Match, Meeting

# The next meeting is planned at most this many days ahead of the one logged.
NEXT_MEETING_MAX_DAYS = 92


def _day(value) -> str:
    return f"{value:%-d %B %Y}"


def _check(match: Match, fields: dict) -> None:
    errors = {}
    today = timezone.localdate()
    held_on = fields["held_on"]
    if held_on > today:
        errors["held_on"] = "The meeting date must be today or in the past"
    elif held_on == today and fields["starts_at"] > timezone.localtime().time():
        errors["starts_at"] = "The meeting cannot start later than now"
    elif match.started_on and held_on < match.started_on:
        began = _day(match.started_on)
        errors["held_on"] = f"The meeting date must be on or after {began}, when the match began"
    if fields.get("place") == MeetingPlace.GATE and "held_on" not in errors:
        if not match.released_on:
            errors["place"] = (
                "A meeting at the prison gate can only be logged once the release is recorded. "
                "Record the release first, or choose where else you met"
            )
        elif held_on < match.released_on:
            errors["held_on"] = (
                "A meeting at the prison gate must be on or after the release date, "
                f"{_day(match.released_on)}"
            )
    if fields["ends_at"] <= fields["starts_at"]:
        errors["ends_at"] = "The meeting must end after it starts"
    next_on = fields.get("next_meeting_on")
    if next_on and next_on <= held_on:
        errors["next_meeting_on"] = "The next meeting must be after this one"
    elif next_on and (next_on - held_on).days > NEXT_MEETING_MAX_DAYS:
        errors["next_meeting_on"] = (
            "The next meeting must be within 3 months of this one. "
            "Plan it nearer the time if it is further away"
        )
    if fields.get("expenses_pence") and not fields.get("expenses_description", "").strip():
        errors["expenses_description"] = "Say what the expenses were for"
    if errors:
        raise ValidationError(errors)


def _goals_of(match: Match, goals) -> list:
    goals = list(goals)
    if any(goal.mentee_id != match.mentee_id for goal in goals):
        raise ValidationError({"goals": "Choose goals from this mentee's action plan"})
    return goals


@transaction.atomic
def meeting_log(
    *,
    actor,
    match: Match,
    held_on: date,
    starts_at: time,
    ends_at: time,
    place: str,
    attendees: list[str],
    next_meeting_on: date | None = None,
    notes: str = "",
    expenses_pence: int = 0,
    expenses_description: str = "",
    pathways=(),
    goals=(),
    submission_key=None,
    request=None,
) -> Meeting:
    """Log a meeting of a relationship under way. The same form sent twice logs one meeting."""
    fields = {
        "held_on": held_on,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "place": place,
        "attendees": attendees,
        "next_meeting_on": next_meeting_on,
        "notes": notes,
        "expenses_pence": expenses_pence,
        "expenses_description": expenses_description,
    }
    existing = (
        Meeting.objects.filter(submission_key=submission_key).first() if submission_key else None
    )
    if existing is not None:
        return existing
    match = Match.objects.select_for_update().select_related("mentee").get(pk=match.pk)
    if match.status not in ACTIVE_STATUSES:
        raise ValidationError("Meetings can only be logged while the relationship is under way.")
    if match.mentee.erased_at:
        raise ValidationError("The mentee's record has been erased, so no meeting can be logged.")
    _check(match, fields)
    goals = _goals_of(match, goals)
    try:
        with transaction.atomic():
            meeting = Meeting.objects.create(
                organisation_id=match.organisation_id,
                match=match,
                logged_by=actor,
                submission_key=submission_key or uuid.uuid4(),
                **fields,
            )
    except IntegrityError:
        return Meeting.objects.get(submission_key=submission_key)
    meeting.pathways.set(pathways)
    meeting.goals.set(goals)
    if (
        match.status == MatchStatus.RELEASED
        and match.released_on
        and meeting.held_on >= match.released_on
    ):
        match.status = MatchStatus.ONGOING
        match.save(update_fields=["status", "updated_at"])
        match.events.create(
            organisation_id=match.organisation_id,
            status=match.status,
            by=actor,
            note="First meeting after release",
        )
    audit_record(
        actor=actor,
        action=AuditAction.CREATED,
        obj=meeting,
        organisation=match.organisation,
        request=request,
        details={"match": str(match.pk)},
    )
    return meeting


@transaction.atomic
def meeting_correct(
    *,
    actor,
    meeting: Meeting,
    held_on: date,
    starts_at: time,
    ends_at: time,
    place: str,
    attendees: list[str],
    next_meeting_on: date | None,
    notes: str,
    expenses_pence: int,
    expenses_description: str,
    pathways=(),
    goals=(),
    request=None,
) -> Meeting:
    fields = {
        "held_on": held_on,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "place": place,
        "attendees": attendees,
        "next_meeting_on": next_meeting_on,
        "notes": notes,
        "expenses_pence": expenses_pence,
        "expenses_description": expenses_description,
    }
    meeting = Meeting.objects.select_for_update().select_related("match").get(pk=meeting.pk)
    _check(meeting.match, fields)
    goals = _goals_of(meeting.match, goals)
    changed = changed_fields(meeting, fields)
    for name, value in fields.items():
        setattr(meeting, name, value)
    meeting.corrected_at = timezone.now()
    meeting.save()
    if set(meeting.pathways.all()) != set(pathways):
        changed.append("pathways")
    if set(meeting.goals.all()) != set(goals):
        changed.append("goals")
    meeting.pathways.set(pathways)
    meeting.goals.set(goals)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATED,
        obj=meeting,
        organisation=meeting.organisation,
        request=request,
        details={"fields": changed},
    )
    return meeting


def last_meeting_days(matches) -> dict:
    """{match id: days since its last meeting (None if none)}, in one query."""

    today = timezone.localdate()
    latest = dict(
        Meeting.objects.filter(match__in=matches)
        .values("match")
        .annotate(last=Max("held_on"))
        .values_list("match", "last")
    )
    return {
        match.pk: (today - latest[match.pk]).days if match.pk in latest else None
        for match in matches
    }
