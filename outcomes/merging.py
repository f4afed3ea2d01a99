"""When two case records of one person are merged (mentees.services.merging), the outcome
record follows to the record kept; two outcome records cannot be joined, so that is refused."""

from django.core.exceptions import ValidationError

from .models import OutcomeRecord


def move_outcome_record(*, merged, kept) -> None:
    theirs = OutcomeRecord.objects.filter(mentee=merged)
    if not theirs.exists():
        return
    if OutcomeRecord.objects.filter(mentee=kept).exists():
        raise ValidationError(
            "Both records have outcomes recorded. Outcome records cannot be joined: keep the "
            "record with the outcomes, or ask an org admin to correct one first."
        )
    theirs.update(mentee=kept)
