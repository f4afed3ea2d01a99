"""How often pairs should meet, and how a relationship is doing by days since the last meeting."""

from django.utils import timezone

from .constants import DEFAULT_MEETING_INTERVAL_DAYS, DEFAULT_TARGET_MONTHS
from .models import MatchingSettings

# Days without a meeting, as a multiple of how often pairs should meet, for amber and red.
AMBER_AFTER, RED_AFTER = 1, 2


def rag(days: int | None, interval: int, started_on) -> str:
    """red, amber or green by days since the last meeting (or since the start, if none)."""
    if days is None:
        days = (timezone.localdate() - started_on).days if started_on else 0
    if days > RED_AFTER * interval:
        return "red"
    if days > AMBER_AFTER * interval:
        return "amber"
    return "green"


def meeting_interval(organisation) -> int:
    settings = MatchingSettings.objects.filter(organisation=organisation).first()
    return settings.meeting_interval_days if settings else DEFAULT_MEETING_INTERVAL_DAYS


def target_months(organisation) -> int:
    settings = MatchingSettings.objects.filter(organisation=organisation).first()
    return settings.target_months if settings else DEFAULT_TARGET_MONTHS
