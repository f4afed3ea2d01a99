"""The daily reminders. Each finds what is due and notifies once: the notification's key names
the thing and the occasion (a relationship and the day of its last meeting, say), so running a
job twice, or again after a worker died half-way, notifies nobody twice.

Notifications name no one; the link leads to the page, behind sign-in.
"""

from datetime import timedelta

from django.db.models import Max, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone

from core.working_days import working_days_between
from mentees.models import Referral
from providers.constants import MembershipRole
from providers.models import Service
from volunteers.constants import MentorStatus
from volunteers.models import DBSCheck, MentorProfile, SupervisionSession, TrainingRecord

from .constants import ACTIVE_STATUSES, MatchStatus
from .models import Match, Meeting
from .notification_kinds import NotificationKind as Kind
from .services.matches import mentee_words
from .services.notifications import notify, notify_staff

MENTOR_NUDGE_DAYS = 7
COORDINATOR_ALERT_DAYS = 14
RELEASE_WARNING_DAYS = 7
REFERRAL_WAIT_WORKING_DAYS = 5
EXPIRY_WARNING_DAYS = 30
SUPERVISION_INTERVAL_DAYS = 56  # every 8 weeks at least


def _active_with_last_meeting():
    last = (
        Meeting.objects.filter(match=OuterRef("pk"))
        .values("match")
        .annotate(d=Max("held_on"))
        .values("d")
    )
    return (
        Match.objects.filter(status__in=ACTIVE_STATUSES)
        .annotate(last_met=Subquery(last))
        .select_related("mentor__user", "mentee", "organisation")
    )


def meeting_tomorrow(today) -> int:
    tomorrow = today + timedelta(days=1)
    latest = Meeting.objects.filter(match=OuterRef("match")).order_by("-held_on", "-starts_at")
    due = Meeting.objects.filter(
        match__status__in=ACTIVE_STATUSES,
        next_meeting_on=tomorrow,
        pk=Subquery(latest.values("pk")[:1]),
    ).select_related("match__mentor__user", "match__mentee", "match__organisation")
    sent = 0
    for meeting in due:
        match = meeting.match
        sent += bool(
            notify(
                user=match.mentor.user,
                organisation=match.organisation,
                kind=Kind.MEETING_TOMORROW,
                key=f"{match.pk}:{tomorrow}",
                title=f"Your meeting with {mentee_words(match.mentee)} is tomorrow",
                link=reverse("matching:mentor_relationship", args=[match.pk]),
                mentee=match.mentee,
            )
        )
    return sent


def no_recent_meeting(today) -> int:
    """7 days without a meeting: the mentor is nudged; 14 days: the coordinators are told."""
    sent = 0
    for match in _active_with_last_meeting():
        since = match.last_met or match.started_on
        if since is None:
            continue
        gap = (today - since).days
        if gap >= MENTOR_NUDGE_DAYS:
            sent += bool(
                notify(
                    user=match.mentor.user,
                    organisation=match.organisation,
                    kind=Kind.NO_MEETING_MENTOR,
                    key=f"{match.pk}:{since}",
                    title=f"No meeting with {mentee_words(match.mentee)} logged for {gap} days",
                    body="If you have met, log the meeting. If not, arrange one.",
                    link=reverse("matching:mentor_relationship", args=[match.pk]),
                    mentee=match.mentee,
                )
            )
        if gap >= COORDINATOR_ALERT_DAYS:
            sent += notify_staff(
                organisation=match.organisation,
                kind=Kind.NO_MEETING_COORDINATOR,
                key=f"{match.pk}:{since}",
                title=f"{match.mentor.user.display_name} and mentee {match.mentee.reference} "
                f"have not met for {gap} days",
                link=reverse("matching:relationship", args=[match.pk]),
                mentee=match.mentee,
            )
    return sent


def release_without_gate_meeting(today) -> int:
    due = Match.objects.filter(
        status=MatchStatus.ACTIVE_IN_CUSTODY,
        gate_meeting_planned_on__isnull=True,
        mentee__release_date__gte=today,
        mentee__release_date__lte=today + timedelta(days=RELEASE_WARNING_DAYS),
    ).select_related("mentee", "organisation")
    sent = 0
    for match in due:
        sent += notify_staff(
            organisation=match.organisation,
            kind=Kind.RELEASE_NO_GATE_MEETING,
            key=f"{match.pk}:{match.mentee.release_date}",
            title=f"Mentee {match.mentee.reference} is released on "
            f"{match.mentee.release_date:%-d %B} with no gate meeting planned",
            link=reverse("matching:gate_meeting", args=[match.pk]),
            mentee=match.mentee,
        )
    return sent


def released_without_meeting(today) -> int:
    due = Match.objects.filter(status=MatchStatus.RELEASED, first_meeting_due_by__lt=today)
    sent = 0
    for match in due.select_related("mentee", "organisation"):
        sent += notify_staff(
            organisation=match.organisation,
            kind=Kind.RELEASED_NO_MEETING,
            key=f"{match.pk}:{match.released_on}",
            title=f"Mentee {match.mentee.reference} was released 3 working days ago and no "
            "meeting is logged",
            link=reverse("matching:relationship", args=[match.pk]),
            mentee=match.mentee,
        )
    return sent


def referrals_waiting(today) -> int:
    sent = 0
    cutoff = today - timedelta(days=REFERRAL_WAIT_WORKING_DAYS)  # fewer working than calendar days
    for referral in (
        Referral.objects.open().filter(created_at__date__lte=cutoff).select_related("organisation")
    ):
        received = timezone.localtime(referral.created_at).date()
        if working_days_between(received, today) > REFERRAL_WAIT_WORKING_DAYS:
            sent += notify_staff(
                organisation=referral.organisation,
                kind=Kind.REFERRAL_WAITING,
                key=str(referral.pk),
                title=f"Referral {referral.reference} has waited more than 5 working days",
                link=reverse("mentees:referral_detail", args=[referral.pk]),
                referral=referral,
            )
    return sent


def vetting_expiring(today) -> int:
    """A mentor's DBS check or required training expiring within 30 days, before it stops them
    being matched."""
    horizon = today + timedelta(days=EXPIRY_WARNING_DAYS)
    mentors = MentorProfile.objects.filter(status=MentorStatus.ACTIVE).select_related(
        "user", "organisation"
    )
    by_application = {mentor.application_id: mentor for mentor in mentors}
    sent = 0
    checks = DBSCheck.objects.filter(
        application_id__in=by_application, renew_by__gte=today, renew_by__lte=horizon
    )
    trainings = TrainingRecord.objects.filter(
        application_id__in=by_application, expires_on__gte=today, expires_on__lte=horizon
    )
    items = [
        *(("DBS check", f"dbs:{check.pk}", check, check.renew_by) for check in checks),
        *(("training", f"training:{record.pk}", record, record.expires_on) for record in trainings),
    ]
    for label, key, record, day in items:
        mentor = by_application[record.application_id]
        occasion = f"{key}:{day}"
        sent += bool(
            notify(
                user=mentor.user,
                organisation=mentor.organisation,
                kind=Kind.VETTING_EXPIRING,
                key=occasion,
                title=f"Your {label} expires on {day:%-d %B %Y}",
                link=reverse("matching:mentor_home"),
            )
        )
        sent += notify_staff(
            organisation=mentor.organisation,
            kind=Kind.VETTING_EXPIRING,
            key=occasion,
            title=f"{mentor.user.display_name}'s {label} expires on {day:%-d %B %Y}",
            link=reverse("volunteers:mentor", args=[mentor.pk]),
        )
    return sent


def supervision_overdue(today) -> int:
    last = (
        SupervisionSession.objects.filter(mentor=OuterRef("pk"))
        .values("mentor")
        .annotate(d=Max("held_on"))
        .values("d")
    )
    mentors = (
        MentorProfile.objects.filter(status=MentorStatus.ACTIVE)
        .annotate(last=Subquery(last))
        .select_related("user", "organisation")
    )
    sent = 0
    for mentor in mentors:
        since = mentor.last or timezone.localtime(mentor.approved_at).date()
        if (today - since).days > SUPERVISION_INTERVAL_DAYS:
            sent += notify_staff(
                organisation=mentor.organisation,
                kind=Kind.SUPERVISION_OVERDUE,
                key=f"{mentor.pk}:{since}",
                title=f"{mentor.user.display_name}'s supervision is overdue",
                link=reverse("volunteers:mentor", args=[mentor.pk]),
            )
    return sent


def listings_to_review(today) -> int:
    sent = 0
    for service in Service.objects.review_due().select_related("organisation"):
        sent += notify_staff(
            organisation=service.organisation,
            roles=[MembershipRole.ORG_ADMIN],
            kind=Kind.LISTING_REVIEW_DUE,
            key=f"{service.pk}:{service.last_reviewed_at}",
            title=f"{service.name} has not been checked for 6 months",
            link=reverse("providers:listing_manage", args=[service.pk]),
        )
    return sent


DAILY = [
    meeting_tomorrow,
    no_recent_meeting,
    release_without_gate_meeting,
    released_without_meeting,
    referrals_waiting,
    vetting_expiring,
    supervision_overdue,
    listings_to_review,
]
