"""When two case records of one person are merged (mentees.services.merging), their mentoring
relationships, meetings and exclusions follow to the record kept."""

from django.core.exceptions import ValidationError

from .constants import LIVE_STATUSES
from .models import BulkProposalRow, Exclusion, Match


def move_relationships(*, merged, kept) -> None:
    live = Match.objects.filter(mentee__in=[merged, kept], status__in=LIVE_STATUSES)
    if live.filter(mentee=merged).exists() and live.filter(mentee=kept).exists():
        raise ValidationError(
            "Both records have a mentor proposed or working with them. End or withdraw one of "
            "them first, then merge the records."
        )
    # Meetings belong to a relationship, so they follow it.
    Match.objects.filter(mentee=merged).update(mentee=kept)
    kept_mentors = set(Exclusion.objects.filter(mentee=kept).values_list("mentor", flat=True))
    Exclusion.objects.filter(mentee=merged, mentor__in=kept_mentors).delete()
    Exclusion.objects.filter(mentee=merged).update(mentee=kept)
    BulkProposalRow.objects.filter(mentee=merged).update(mentee=kept)
