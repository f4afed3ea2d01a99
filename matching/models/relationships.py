"""Relationships between a mentee and a mentor, from proposal through the gate to their end."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from mentees.models import Mentee
from providers.models import Organisation
from volunteers.models import MentorProfile

from ..constants import EarlyEndingReason, Ending, MatchStatus
from ..querysets import ExclusionQuerySet, MatchQuerySet


class Exclusion(models.Model):
    """A pair that must not be matched, e.g. known associates or co-defendants."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    mentee = models.ForeignKey(Mentee, on_delete=models.CASCADE, related_name="exclusions")
    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="exclusions")
    reason = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = ExclusionQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["mentee", "mentor"], name="one_exclusion_per_pair")
        ]

    def __str__(self):
        return f"Exclusion {self.pk}"


class Match(models.Model):
    """A proposed or agreed mentoring relationship. Changing mentor ends one and starts another
    (`replaces`), so the history of who mentored whom is kept."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    mentee = models.ForeignKey(Mentee, on_delete=models.PROTECT, related_name="matches")
    mentor = models.ForeignKey(MentorProfile, on_delete=models.PROTECT, related_name="matches")
    status = models.CharField(max_length=20, choices=MatchStatus.choices)
    score = models.FloatField(null=True, blank=True)
    reasons = models.JSONField(default=list, blank=True)  # why it was suggested, as shown then

    proposed_at = models.DateTimeField(default=timezone.now)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    respond_by = models.DateTimeField()
    responded_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.TextField(blank=True)

    started_on = models.DateField(null=True, blank=True)
    gate_meeting_planned_on = models.DateField(null=True, blank=True)
    released_on = models.DateField(null=True, blank=True)
    first_meeting_due_by = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    ending = models.CharField(max_length=10, choices=Ending.choices, blank=True)
    early_reason = models.CharField(max_length=25, choices=EarlyEndingReason.choices, blank=True)
    ending_note = models.TextField(blank=True)
    shorter_than_advised = models.BooleanField(default=False)
    replaces = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replaced_by"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = MatchQuerySet.as_manager()

    class Meta:
        ordering = ["-proposed_at"]
        verbose_name_plural = "matches"
        indexes = [
            models.Index(fields=["organisation", "status"]),
            models.Index(fields=["mentor", "status"]),
        ]
        constraints = [
            # At most one live relationship (proposed or under way) per mentee.
            models.UniqueConstraint(
                fields=["mentee"],
                condition=models.Q(
                    status__in=["proposed", "active_in_custody", "released", "ongoing"]
                ),
                name="one_live_match_per_mentee",
            )
        ]

    def __str__(self):
        return f"Match {str(self.pk)[:8]}"

    @property
    def is_proposed(self) -> bool:
        """Asked of the mentor and not answered yet."""
        return self.status == MatchStatus.PROPOSED

    @property
    def is_in_custody(self) -> bool:
        """Under way while the mentee is still inside: the gate meeting and the release are
        still to come."""
        return self.status == MatchStatus.ACTIVE_IN_CUSTODY


class MatchEvent(models.Model):
    """The relationship's timeline."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="events")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=20, choices=MatchStatus.choices)
    note = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.match} {self.status}"
