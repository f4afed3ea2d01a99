"""Scheduled outcome work. Each task takes ids and dates and is safe to run twice."""

from datetime import date

from celery import shared_task
from django.utils import timezone

from accounts.models import CommissionerRegion
from providers.models import Organisation, Region

from .constants import PeriodKind, ScopeKind
from .periods import month_of, previous_month, previous_quarter, quarter_of
from .reminders import remind_follow_ups as remind
from .services.reports import snapshot_make


@shared_task
def remind_follow_ups() -> int:
    """Daily: tell coordinators of follow-ups that can now be answered."""

    return remind(timezone.localdate())


@shared_task
def monthly_reports() -> int:
    """The 1st of each month: last month's report for every active organisation."""

    period = previous_month(timezone.localdate())
    organisations = Organisation.objects.active().values_list("pk", flat=True)
    for pk in organisations:
        organisation_snapshot.delay(pk, period.start.isoformat())
    return len(organisations)


@shared_task
def quarterly_reports() -> int:
    """The 1st of January, April, July and October: last quarter's comparison for every region
    that has a commissioner."""

    period = previous_quarter(timezone.localdate())
    regions = set(CommissionerRegion.objects.values_list("region_id", flat=True))
    for pk in sorted(regions):
        region_snapshot.delay(pk, period.start.isoformat())
    return len(regions)


@shared_task
def organisation_snapshot(organisation_id: int, month_start: str) -> bool:

    organisation = Organisation.objects.get(pk=organisation_id)
    _, made = snapshot_make(
        scope=ScopeKind.ORGANISATION,
        obj=organisation,
        period_kind=PeriodKind.MONTH,
        period=month_of(date.fromisoformat(month_start)),
    )
    return made


@shared_task
def region_snapshot(region_id: int, quarter_start: str) -> bool:

    region = Region.objects.get(pk=region_id)
    _, made = snapshot_make(
        scope=ScopeKind.REGION,
        obj=region,
        period_kind=PeriodKind.QUARTER,
        period=quarter_of(date.fromisoformat(quarter_start)),
    )
    return made
