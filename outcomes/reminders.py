"""Coordinators are reminded when a mentee's reoffending follow-up can be answered: 18 months
after its start, with no yes or no recorded. Once per mentee and start date, however often the
job runs."""

from django.db.models import Min, Q
from django.db.models.functions import Coalesce
from django.urls import reverse

from matching.notification_kinds import NotificationKind
from matching.services.notifications import notify_staff
from mentees.models import Mentee

from .constants import Answer
from .followup import complete_if_started_by


def follow_ups_due(today):
    """Mentored people (not erased) whose follow-up started at least 18 months ago and has no
    answer. The start is the outcome record's, else the release date, else when their first
    relationship began."""

    cutoff = complete_if_started_by(today)
    return (
        Mentee.objects.filter(erased_at__isnull=True, matches__started_on__isnull=False)
        .annotate(start=Coalesce("outcome__index_date", "release_date", Min("matches__started_on")))
        .filter(start__lte=cutoff)
        .filter(Q(outcome__isnull=True) | Q(outcome__reoffended=Answer.UNKNOWN))
        .select_related("organisation")
        .order_by("organisation", "reference")
    )


def remind_follow_ups(today) -> int:
    sent = 0
    for mentee in follow_ups_due(today):
        sent += notify_staff(
            organisation=mentee.organisation,
            kind=NotificationKind.FOLLOW_UP_DUE,
            key=f"{mentee.pk}:{mentee.start}",
            title=f"A reoffending follow-up can now be answered ({mentee.reference})",
            body="18 months have passed since the follow-up started: record whether the person "
            "was proven to have reoffended.",
            link=reverse("outcomes:record", args=[mentee.pk]),
        )
    return sent
