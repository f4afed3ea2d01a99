from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from providers.models import Organisation

from ..constants import DEFAULT_MEETING_INTERVAL_DAYS, DEFAULT_TARGET_MONTHS


class MatchingSettings(models.Model):
    """An organisation's choices for matching and for its relationships. Weights not set here
    take the documented defaults (matching.scoring.Weights.default)."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="matching_settings"
    )
    weights = models.JSONField(default=dict, blank=True)
    target_months = models.PositiveSmallIntegerField(
        "target length of a relationship (months)",
        default=DEFAULT_TARGET_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(36)],
    )
    meeting_interval_days = models.PositiveSmallIntegerField(
        "how often pairs should meet (days)",
        default=DEFAULT_MEETING_INTERVAL_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "matching settings"

    def __str__(self):
        return f"Matching settings of {self.organisation}"
