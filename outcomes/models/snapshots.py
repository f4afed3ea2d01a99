"""Scheduled reports: each stored once per scope and period, never changed afterwards (the
database refuses UPDATE and DELETE on the table), and who wants them."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from providers.models import Organisation, Region

from ..constants import PeriodKind, ScopeKind, SnapshotOrigin
from ..querysets import ReportSnapshotQuerySet, ReportSubscriptionQuerySet


class ReportSnapshot(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    scope = models.CharField(max_length=15, choices=ScopeKind.choices)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # "organisation:<id>" or "region:<id>": one key for the once-per-period constraint.
    scope_key = models.CharField(max_length=40)
    period_kind = models.CharField(max_length=10, choices=PeriodKind.choices)
    period_start = models.DateField()
    period_end = models.DateField()
    # The report as shown: for a region, already with small counts suppressed.
    data = models.JSONField()
    csv = models.TextField()
    pdf = models.BinaryField()
    origin = models.CharField(max_length=10, choices=SnapshotOrigin.choices)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ReportSnapshotQuerySet.as_manager()

    class Meta:
        ordering = ["-period_start", "scope_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["scope_key", "period_kind", "period_start"], name="one_snapshot_per_period"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(scope="organisation", organisation__isnull=False, region__isnull=True)
                    | models.Q(scope="region", region__isnull=False, organisation__isnull=True)
                ),
                name="snapshot_has_its_scope",
            ),
        ]

    def __str__(self):
        return f"Report {self.scope_key} {self.period_kind} {self.period_start}"

    @property
    def scope_name(self) -> str:
        return self.data.get("scope", "")

    @property
    def period_label(self) -> str:
        return self.data.get("period", {}).get("label", "")


class ReportSubscription(models.Model):
    """A person who wants an organisation's monthly report or a region's quarterly report."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_subscriptions"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = ReportSubscriptionQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(organisation__isnull=False, region__isnull=True)
                    | models.Q(organisation__isnull=True, region__isnull=False)
                ),
                name="subscription_to_one_scope",
            ),
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=models.Q(organisation__isnull=False),
                name="one_subscription_per_organisation",
            ),
            models.UniqueConstraint(
                fields=["user", "region"],
                condition=models.Q(region__isnull=False),
                name="one_subscription_per_region",
            ),
        ]

    def __str__(self):
        return f"{self.user} wants {self.organisation or self.region}"
