import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from mentees.models import Mentee
from providers.models import Organisation
from volunteers.models import MentorProfile

from ..constants import BulkProposalStatus
from ..querysets import BulkProposalQuerySet


class BulkProposal(models.Model):
    """Matches suggested for everyone waiting, for a coordinator to review, edit and confirm.
    Nothing is proposed to any mentor until it is confirmed, once."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        max_length=10, choices=BulkProposalStatus.choices, default=BulkProposalStatus.DRAFT
    )
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    waiting = models.PositiveIntegerField()
    optimal_total = models.FloatField()
    optimal_matched = models.PositiveIntegerField()
    greedy_total = models.FloatField()
    greedy_matched = models.PositiveIntegerField()
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = BulkProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Bulk proposal {str(self.pk)[:8]}"

    @property
    def is_draft(self) -> bool:
        """Still waiting for the coordinator's review: rows may be changed, then confirmed."""
        return self.status == BulkProposalStatus.DRAFT


class BulkProposalRow(models.Model):
    proposal = models.ForeignKey(BulkProposal, on_delete=models.CASCADE, related_name="rows")
    mentee = models.ForeignKey(Mentee, on_delete=models.CASCADE, related_name="+")
    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    reasons = models.JSONField(default=list)
    included = models.BooleanField(default=True)

    class Meta:
        ordering = ["-score", "id"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "mentee"], name="one_row_per_mentee")
        ]

    def __str__(self):
        return f"{self.proposal} row {self.pk}"
