"""Awards of the standard, and organisations' requests for support to reach it."""

import uuid
from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from providers.models import Organisation

from ..constants import AWARD_YEARS, SupportStatus
from ..querysets import AwardQuerySet, SupportRequestQuerySet
from .applications import Application
from .standard import Area, Standard


def award_expiry(awarded_on: date) -> date:
    """The last day an award made on `awarded_on` is valid: the day before its third
    anniversary (an award made on 29 February runs to the end of February)."""
    try:
        anniversary = awarded_on.replace(year=awarded_on.year + AWARD_YEARS)
    except ValueError:
        anniversary = date(awarded_on.year + AWARD_YEARS, 3, 1)
    return anniversary - timedelta(days=1)


class Award(models.Model):
    """The standard, awarded. An organisation is accredited while it has an award that is not
    withdrawn and whose expiry date is today or later: worked out in each query
    (AwardQuerySet.current), so nothing has to run when an award expires."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="aps_awards"
    )
    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="award")
    standard = models.ForeignKey(Standard, on_delete=models.PROTECT, related_name="awards")
    awarded_on = models.DateField()
    expires_on = models.DateField(help_text="The last day the award is valid.")
    verification_code = models.CharField(max_length=16, unique=True, editable=False)
    awarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdrawal_reason = models.TextField(blank=True)

    objects = AwardQuerySet.as_manager()

    class Meta:
        ordering = ["-awarded_on"]
        indexes = [models.Index(fields=["organisation", "expires_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_on__gt=models.F("awarded_on")),
                name="award_expires_after_it_is_made",
            )
        ]

    def __str__(self):
        return f"Approved Provider Standard award {self.verification_code}"

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    def is_expired(self, on: date | None = None) -> bool:
        return self.expires_on < (on or timezone.localdate())

    @property
    def is_current(self) -> bool:
        return not self.is_withdrawn and not self.is_expired()

    @property
    def status_label(self) -> str:
        if self.is_withdrawn:
            return _("Withdrawn")
        return _("Expired") if self.is_expired() else _("Current")


class SupportRequest(models.Model):
    """An organisation asking for help to reach the standard; assessors see and answer it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="aps_support_requests"
    )
    areas = models.ManyToManyField(Area, blank=True, related_name="+")
    message = models.TextField("what you would like help with")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(
        max_length=20, choices=SupportStatus.choices, default=SupportStatus.OPEN
    )
    reply = models.TextField(blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    replied_at = models.DateTimeField(null=True, blank=True)

    objects = SupportRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Support request from {self.organisation}"
