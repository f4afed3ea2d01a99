"""An organisation's matching settings."""

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.audit import audit_record
from accounts.constants import AuditAction

from .. import scoring
from ..models import MatchingSettings

WEIGHT_NAMES = (
    "needs",
    "lived_experience",
    "language",
    "availability",
    "distance",
    "age",
    "load",
    "reach_km",
)


@transaction.atomic
def matching_settings_update(
    *,
    actor,
    organisation,
    weights: dict,
    target_months: int,
    meeting_interval_days: int,
    request=None,
) -> MatchingSettings:
    try:
        scoring.Weights.from_mapping(weights)
    except ValueError as error:
        raise ValidationError(
            "At least one of the weights must be more than 0, or every mentor would score the same."
        ) from error
    settings, _ = MatchingSettings.objects.select_for_update().get_or_create(
        organisation=organisation
    )
    settings.weights = dict(weights)
    settings.target_months = target_months
    settings.meeting_interval_days = meeting_interval_days
    settings.full_clean()
    settings.save()
    audit_record(
        actor=actor,
        action=AuditAction.UPDATED,
        obj=settings,
        organisation=organisation,
        request=request,
        details={"fields": [*sorted(weights), "target_months", "meeting_interval_days"]},
    )
    return settings
