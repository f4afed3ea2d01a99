"""What a coordinator needs to see first: who is waiting, proposals out, how each relationship
is going (days since the last meeting), releases this week, and reminders not yet read."""

from datetime import timedelta

from django.utils import timezone

from mentees.models import Mentee

from .cadence import meeting_interval, rag
from .constants import ACTIVE_STATUSES
from .models import Match, Notification
from .notification_names import with_names
from .services.meetings import last_meeting_days
from .waiting import waiting_mentees

SHOWN = 10


def coordinator_overview(user, organisation) -> dict:
    today = timezone.localdate()
    active = list(
        Match.objects.visible_to(user)
        .filter(organisation=organisation, status__in=ACTIVE_STATUSES)
        .select_related("mentee", "mentor__user")
    )
    since = last_meeting_days(active)
    interval = meeting_interval(organisation)
    relationships = sorted(
        (
            {
                "match": match,
                "days": since[match.pk],
                "rag": rag(since[match.pk], interval, match.started_on),
            }
            for match in active
        ),
        key=lambda row: (
            {"red": 0, "amber": 1, "green": 2}[row["rag"]],
            row["match"].mentee.full_name,
        ),
    )
    waiting = waiting_mentees(organisation)
    return {
        "waiting_count": waiting.count(),
        "waiting": list(waiting.select_related("local_authority")[:SHOWN]),
        "proposals": list(
            Match.objects.visible_to(user)
            .filter(organisation=organisation)
            .proposed()
            .select_related("mentee", "mentor__user")
            .order_by("respond_by")
        ),
        "relationships": relationships,
        "red_count": sum(row["rag"] == "red" for row in relationships),
        "releases": list(
            Mentee.objects.visible_to(user)
            .filter(
                organisation=organisation,
                erased_at__isnull=True,
                release_date__gte=today,
                release_date__lte=today + timedelta(days=7),
            )
            .order_by("release_date")
        ),
        "reminders": with_names(
            user,
            Notification.objects.filter(user=user, organisation=organisation, read_at__isnull=True)[
                :SHOWN
            ],
        ),
    }
