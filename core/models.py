from django.conf import settings
from django.db import models


class Submission(models.Model):
    """A form sent once: its key (a hidden field the form was drawn with) is the primary key, so
    the same form sent again, even at the same moment, finds the first one (see core/once.py)."""

    key = models.UUIDField(primary_key=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Submission {self.key} ({self.object_type} {self.object_id})"


class OutboxStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENT = "sent", "Sent"
    DEAD = "dead", "Given up (needs a person)"


class OutboxMessage(models.Model):
    """One email to one address, written in the same transaction as the change that caused it
    and sent later by the relay (core/outbox.py). A row is never claimed for good: a relay holds
    it for a lease (`leased_until`), and if that relay dies the lease runs out and another sends
    it. Rows for one address go in the order they were written."""

    created_at = models.DateTimeField(auto_now_add=True)
    recipient = models.CharField(max_length=254)
    from_email = models.CharField(max_length=254)
    subject = models.TextField()
    body = models.TextField()
    html_body = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    available_at = models.DateTimeField(
        help_text="Not sent before this time (the wait after a failed try)."
    )
    leased_until = models.DateTimeField(null=True, blank=True)
    lease_token = models.UUIDField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(
                fields=["recipient", "id"],
                name="outbox_pending_by_recipient",
                condition=models.Q(status="pending"),
            ),
            models.Index(
                fields=["available_at"],
                name="outbox_pending_due",
                condition=models.Q(status="pending"),
            ),
            models.Index(
                fields=["-created_at"],
                name="outbox_dead",
                condition=models.Q(status="dead"),
            ),
        ]

    def __str__(self):
        return f"Email {self.pk} to {self.recipient}: {self.subject}"
