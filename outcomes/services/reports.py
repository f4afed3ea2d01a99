"""Building report documents, and the scheduled snapshots: each made exactly once per scope and
period, whoever runs the job and however often, then never changed; subscribers are told."""

from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from accounts.audit import audited_save
from matching.notification_kinds import NotificationKind
from matching.services.notifications import notify
from providers.constants import STAFF_ROLES
from providers.models import Membership, Organisation, Region

from .. import reports
from ..accreditation import accredited_organisations
from ..constants import PeriodKind, ScopeKind, SnapshotOrigin
from ..documents import comparison_document, organisation_document
from ..exports import document_csv, document_pdf
from ..models import Comparator, OutcomeSettings, ReportSnapshot, ReportSubscription
from ..periods import Period, is_published_period, quarters_in


def settings_for(organisation: Organisation) -> OutcomeSettings:
    """The organisation's saved settings, or the defaults (unsaved)."""
    existing = OutcomeSettings.objects.filter(organisation=organisation).first()
    return existing or OutcomeSettings(organisation=organisation)


def comparator_for(organisation: Organisation | None, chosen: Comparator | None = None):
    if chosen is not None:
        return chosen
    if organisation is not None:
        saved = settings_for(organisation)
        if saved.comparator_id:
            return saved.comparator
    return Comparator.objects.default()


def organisation_report(
    organisation: Organisation, period: Period, *, today: date | None = None, comparator=None
) -> dict:
    today = today or timezone.localdate()
    figures = reports.compute(reports.organisation_scope(organisation), period, today=today)
    return organisation_document(
        figures=figures[reports.ALL],
        scope_name=organisation.name,
        period=period,
        made_on=today,
        comparator=comparator_for(organisation, comparator),
        settings=settings_for(organisation),
    )


def comparison_report(
    region: Region, period: Period, *, today: date | None = None, comparator=None
) -> dict:
    """Accredited providers of the region side by side, counted in the database grouped by
    organisation, with small counts suppressed."""
    today = today or timezone.localdate()
    providers = list(
        accredited_organisations(on=today).filter(region=region).order_by("name", "pk")
    )
    scope = reports.Scope(name=region.name, organisation_ids=tuple(p.pk for p in providers))
    if providers:
        by_organisation = reports.compute(scope, period, today=today, group=True)
        total = reports.compute(scope, period, today=today)[reports.ALL]
    else:
        by_organisation, total = {}, reports.Figures()
    parts = []
    quarters = quarters_in(period) if is_published_period(period) else []
    if providers and len(quarters) > 1:
        # A financial year hides whatever any of its quarters hides (periods.py).
        for quarter in quarters:
            grouped = reports.compute(scope, quarter, today=today, group=True)
            parts.append([grouped.get(p.pk, reports.Figures()) for p in providers])
    return comparison_document(
        providers=[(p.name, by_organisation.get(p.pk, reports.Figures())) for p in providers],
        parts=parts,
        total=total,
        region_name=region.name,
        period=period,
        made_on=today,
        comparator=comparator or Comparator.objects.default(),
        comparators=None if comparator else comparators_of(providers),
    )


def comparators_of(organisations: list[Organisation]) -> list[Comparator | None]:
    """Each organisation's own comparator (its outcome settings, else the default), read in
    two queries however many there are."""
    chosen = dict(
        OutcomeSettings.objects.filter(
            organisation__in=organisations, comparator__isnull=False
        ).values_list("organisation_id", "comparator_id")
    )
    by_id = Comparator.objects.in_bulk(set(chosen.values())) if chosen else {}
    default = Comparator.objects.default() if len(chosen) < len(organisations) else None
    return [by_id.get(chosen.get(o.pk)) or default for o in organisations]


def _scope_key(scope: str, obj) -> str:
    return f"{scope}:{obj.pk}"


def snapshot_make(
    *,
    scope: str,
    obj: Organisation | Region,
    period_kind: str,
    period: Period,
    origin: str = SnapshotOrigin.SCHEDULED,
    today: date | None = None,
    tell_subscribers: bool = True,
) -> tuple[ReportSnapshot, bool]:
    """The snapshot of `obj` for the period: the stored one if it exists, else a new one.
    Two runs at once both compute, but the unique constraint lets one row in: the other finds
    it and reports that it made nothing. Returns (snapshot, made)."""
    key = _scope_key(scope, obj)
    lookup = {"scope_key": key, "period_kind": period_kind, "period_start": period.start}
    existing = ReportSnapshot.objects.filter(**lookup).first()
    if existing is not None:
        return existing, False
    if scope == ScopeKind.ORGANISATION:
        document = organisation_report(obj, period, today=today)
        document["title"] = f"{PeriodKind(period_kind).label} outcomes report"
    else:
        document = comparison_report(obj, period, today=today)
        document["title"] = f"Quarterly report: {document['title']}"
    try:
        with transaction.atomic():
            snapshot = ReportSnapshot.objects.create(
                scope=scope,
                organisation=obj if scope == ScopeKind.ORGANISATION else None,
                region=obj if scope == ScopeKind.REGION else None,
                period_end=period.end,
                data=document,
                csv=document_csv(document),
                pdf=document_pdf(document),
                origin=origin,
                **lookup,
            )
            if tell_subscribers:  # In the same transaction: their emails go to the outbox.
                tell_subscribers_of(snapshot)
    except IntegrityError:
        return ReportSnapshot.objects.get(**lookup), False
    return snapshot, True


def snapshot_url(snapshot: ReportSnapshot) -> str:
    if snapshot.scope == ScopeKind.ORGANISATION:
        return reverse("outcomes:snapshot", args=[snapshot.pk])
    return reverse("outcomes:region_snapshot", args=[snapshot.pk])


def tell_subscribers_of(snapshot: ReportSnapshot) -> int:
    """Notify (and so email, unless they chose not) each subscriber once. The email holds a
    link behind sign-in, never the figures."""

    if snapshot.scope == ScopeKind.ORGANISATION:
        staff = Membership.objects.active().filter(
            organisation=snapshot.organisation_id, role__in=STAFF_ROLES
        )
        subscribers = ReportSubscription.objects.filter(
            organisation=snapshot.organisation_id, user__in=staff.values("user")
        )
    else:
        subscribers = ReportSubscription.objects.filter(
            region=snapshot.region_id,
            user__commissioner_region__region=snapshot.region_id,
            user__platform_role="commissioner",
        )
    sent = 0
    for subscription in subscribers.select_related("user"):
        sent += (
            notify(
                user=subscription.user,
                organisation=snapshot.organisation,
                kind=NotificationKind.REPORT_READY,
                key=f"snapshot:{snapshot.pk}",
                title=f"{snapshot.data['title']}, {snapshot.period_label}, is ready",
                body="Sign in to read it or download it as CSV or PDF.",
                link=snapshot_url(snapshot),
            )
            is not None
        )
    return sent


@transaction.atomic
def subscription_set(*, actor, wanted: bool, organisation=None, region=None) -> bool:
    """Subscribe or unsubscribe `actor`; returns whether they are subscribed now."""
    scope = {"organisation": organisation} if organisation is not None else {"region": region}
    if wanted:
        ReportSubscription.objects.get_or_create(user=actor, **scope)
    else:
        ReportSubscription.objects.filter(user=actor, **scope).delete()
    return wanted


def is_subscribed(user, *, organisation=None, region=None) -> bool:
    scope = {"organisation": organisation} if organisation is not None else {"region": region}
    return ReportSubscription.objects.filter(user=user, **scope).exists()


@transaction.atomic
def outcome_settings_update(
    *,
    actor,
    organisation: Organisation,
    comparator: Comparator | None,
    cost_per_crime: int,
    hourly_earnings: Decimal,
    hourly_earnings_source: str,
    request=None,
) -> OutcomeSettings:
    saved, _ = OutcomeSettings.objects.select_for_update().get_or_create(organisation=organisation)
    audited_save(
        saved,
        actor=actor,
        organisation=organisation,
        values={
            "comparator": comparator,
            "cost_per_crime": cost_per_crime,
            "hourly_earnings": hourly_earnings,
            "hourly_earnings_source": hourly_earnings_source,
        },
        request=request,
    )
    return saved
