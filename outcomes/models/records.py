"""A mentee's outcomes: proven reoffending on the Ministry of Justice definition, return to
custody, pathway outcomes and wellbeing. One record per mentee, kept (without personal details)
when the case record is erased, so the organisation's reports still count it."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from mentees.models import Mentee
from providers.models import Organisation

from ..constants import (
    WELLBEING_MAX,
    WELLBEING_MIN,
    Answer,
    EvidenceSource,
    IndexKind,
    ProofKind,
    RecordedGender,
)
from ..followup import FollowUp
from ..querysets import OutcomeRecordQuerySet


def _answer(verbose_name: str) -> models.CharField:
    return models.CharField(
        verbose_name, max_length=10, choices=Answer.choices, default=Answer.UNKNOWN
    )


def _wellbeing(verbose_name: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        verbose_name,
        null=True,
        blank=True,
        validators=[MinValueValidator(WELLBEING_MIN), MaxValueValidator(WELLBEING_MAX)],
    )


class OutcomeRecord(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    mentee = models.OneToOneField(Mentee, on_delete=models.PROTECT, related_name="outcome")

    # The start of the follow-up: release from custody, or the start in the community.
    index_date = models.DateField("follow-up start date", null=True, blank=True)
    index_kind = models.CharField(max_length=10, choices=IndexKind.choices, blank=True)

    reoffended = _answer("proven reoffending")
    offence_date = models.DateField(null=True, blank=True)
    # When and how the offence was proven. Counted as proven reoffending only when proven within
    # 18 months of the start (counts_as_proven, set from the dates whenever they are saved); a
    # "yes" with no proof date (recorded before it was asked for) is not counted until checked.
    proven_on = models.DateField("date proven", null=True, blank=True)
    proven_by = models.CharField(max_length=10, choices=ProofKind.choices, blank=True)
    counts_as_proven = models.BooleanField(default=False)
    reoffending_source = models.CharField(max_length=15, choices=EvidenceSource.choices, blank=True)
    reoffending_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reoffending_recorded_at = models.DateTimeField(null=True, blank=True)

    returned_to_custody = _answer("returned to custody")
    returned_on = models.DateField("date returned to custody", null=True, blank=True)

    accommodation = _answer("stable accommodation secured")
    education_training_employment = _answer(
        "entered education, training, employment or volunteering"
    )
    substance_misuse_services = _answer("accessed substance-misuse services")
    health_services = _answer("accessed health and wellbeing services")
    confidence_life_skills = _answer("confidence and life skills improved")

    wellbeing_start = _wellbeing("wellbeing score at the start")
    wellbeing_start_on = models.DateField(null=True, blank=True)
    wellbeing_end = _wellbeing("wellbeing score at the end")
    wellbeing_end_on = models.DateField(null=True, blank=True)

    # Only for the Justice Data Lab, which matches people on it; the case record has no gender.
    gender = models.CharField(max_length=10, choices=RecordedGender.choices, blank=True)

    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = OutcomeRecordQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["organisation", "index_date"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(reoffended="yes") | models.Q(offence_date__isnull=True),
                name="offence_date_only_when_reoffended",
            ),
            models.CheckConstraint(
                condition=models.Q(reoffended="yes")
                | models.Q(proven_on__isnull=True, proven_by="", counts_as_proven=False),
                name="proof_only_when_reoffended",
            ),
            models.CheckConstraint(
                condition=models.Q(proven_on__isnull=True)
                | models.Q(offence_date__isnull=False, proven_on__gte=models.F("offence_date")),
                name="proven_on_or_after_the_offence",
            ),
            models.CheckConstraint(
                condition=models.Q(counts_as_proven=False) | models.Q(proven_on__isnull=False),
                name="counted_only_with_a_proof_date",
            ),
            models.CheckConstraint(
                condition=models.Q(returned_to_custody="yes") | models.Q(returned_on__isnull=True),
                name="custody_date_only_when_returned",
            ),
        ]

    def __str__(self):
        return f"Outcomes of {self.mentee}"

    @property
    def reoffending_note(self) -> str:
        """Why a "yes" is not counted as proven reoffending, or "" when it is (or is not yes)."""

        if self.reoffended != Answer.YES or self.counts_as_proven:
            return ""
        if self.proven_on is None or self.index_date is None:
            return (
                "Not counted yet: the date the offence was proven (by a conviction or caution) "
                "is not recorded. Record it to count this answer."
            )
        return (
            f"Not counted: proven on {self.proven_on:%-d %B %Y}, after "
            f"{FollowUp(self.index_date).proof_by:%-d %B %Y} (18 months after the start). The "
            "Ministry of Justice counts only offences proven within 18 months."
        )
