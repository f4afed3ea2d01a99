import uuid
from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

from mentees.models import Goal
from providers.models import Organisation, TaxonomyTerm

from ..constants import MeetingPlace
from ..querysets import MeetingQuerySet
from .relationships import Match


class Meeting(models.Model):
    """A meeting of mentor and mentee (sometimes with probation or a coordinator)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    match = models.ForeignKey(Match, on_delete=models.PROTECT, related_name="meetings")
    held_on = models.DateField()
    starts_at = models.TimeField()
    ends_at = models.TimeField()
    place = models.CharField(max_length=15, choices=MeetingPlace.choices)
    attendees = models.JSONField(default=list)
    pathways = models.ManyToManyField(TaxonomyTerm, blank=True, related_name="+")
    goals = models.ManyToManyField(Goal, blank=True, related_name="meetings")
    next_meeting_on = models.DateField(null=True, blank=True)
    notes = models.TextField("private notes", blank=True)
    expenses_pence = models.PositiveIntegerField(default=0)
    expenses_description = models.CharField(max_length=200, blank=True)

    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    logged_at = models.DateTimeField(default=timezone.now)
    # The form's own key: sending the same meeting twice finds this row.
    submission_key = models.UUIDField(unique=True, default=uuid.uuid4)
    corrected_at = models.DateTimeField(null=True, blank=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-starts_at"]
        indexes = [models.Index(fields=["match", "-held_on"])]

    def __str__(self):
        return f"Meeting {str(self.pk)[:8]}"

    @property
    def minutes(self) -> int:
        start = datetime.combine(self.held_on, self.starts_at)
        end = datetime.combine(self.held_on, self.ends_at)
        return int((end - start).total_seconds() // 60)

    @property
    def expenses_pounds(self) -> str:
        return f"£{self.expenses_pence // 100}.{self.expenses_pence % 100:02d}"
