"""What the service tells people: an in-app list, each also emailed unless they chose not to
have that kind by email (safeguarding ones always are)."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from mentees.models import Mentee, Referral
from providers.models import Organisation

from ..notification_kinds import NotificationKind


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=40, choices=NotificationKind.choices)
    # What the notification is about and for when, e.g. "<match id>:2026-11-24": the same key
    # is never notified twice, so a job can run again, or die half-way, and send nothing twice.
    key = models.CharField(max_length=120)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    link = models.CharField(max_length=300, blank=True)
    # The person it is about. The title names them by reference only, as it is also emailed;
    # the notifications page shows the name, read from the record when the page is shown and
    # only if the reader may see that record (matching.notification_names).
    mentee = models.ForeignKey(
        Mentee, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    referral = models.ForeignKey(
        Referral, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["user", "kind", "key"], name="notify_once")]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self):
        return self.title


class EmailPreference(models.Model):
    """A kind of notification the user does not want by email (absent: they do)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_opt_outs"
    )
    kind = models.CharField(max_length=40, choices=NotificationKind.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_opt_out_per_kind")
        ]

    def __str__(self):
        return f"{self.user} no email for {self.kind}"
