"""Mentor records: the profile matching reads, supervision sessions and status."""

import uuid
from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from core.ages import age_on
from core.availability import AVAILABILITY_CHOICES
from providers.constants import Language
from providers.models import LocalAuthority, Organisation, TaxonomyTerm

from ..constants import MAXIMUM_MENTOR_CAPACITY, AgeBand, Gender, LivedExperience, MentorStatus
from ..querysets import MentorProfileQuerySet, SupervisionSessionQuerySet
from .volunteering import VolunteerApplication, _choice_labels

_BAND_STARTS = [
    (65, AgeBand.FROM_65),
    (55, AgeBand.FROM_55),
    (45, AgeBand.FROM_45),
    (35, AgeBand.FROM_35),
    (25, AgeBand.FROM_25),
]


def age_band(date_of_birth: date | None, on: date | None = None) -> str:
    """The AgeBand value for a date of birth ("" if unknown)."""
    if date_of_birth is None:
        return ""
    age = age_on(date_of_birth, on or timezone.localdate())
    for start, band in _BAND_STARTS:
        if age >= start:
            return band.value
    return AgeBand.UNDER_25.value


class MentorProfile(models.Model):
    """An approved volunteer mentor in one organisation, with what matching needs to know.

    Made when a coordinator approves an application (copying its answers, which the coordinator
    may then correct); the vetting records stay on that application.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="mentor_profiles"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="mentor_profiles"
    )
    application = models.OneToOneField(
        VolunteerApplication, on_delete=models.PROTECT, related_name="mentor_profile"
    )
    status = models.CharField(
        max_length=20, choices=MentorStatus.choices, default=MentorStatus.ACTIVE
    )
    status_reason = models.TextField(blank=True)
    status_changed_at = models.DateTimeField(default=timezone.now)
    approved_at = models.DateTimeField(default=timezone.now)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    # The matching profile.
    capacity = models.PositiveSmallIntegerField(
        "mentees at once",
        validators=[MinValueValidator(1), MaxValueValidator(MAXIMUM_MENTOR_CAPACITY)],
    )
    gender = models.CharField(max_length=20, choices=Gender.choices, blank=True)
    gender_description = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    languages = models.JSONField(default=list, blank=True)
    lived_experience = models.JSONField(default=list, blank=True)
    pathways = models.ManyToManyField(TaxonomyTerm, related_name="+", blank=True)
    local_authorities = models.ManyToManyField(LocalAuthority, related_name="+", blank=True)
    can_visit_prisons = models.BooleanField(default=False)
    availability = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MentorProfileQuerySet.as_manager()

    class Meta:
        ordering = ["user__full_name", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], name="one_mentor_profile_per_organisation"
            )
        ]

    def __str__(self):
        # The audit log names records by this: a reference, never a person's name.
        return f"Mentor record {str(self.pk)[:8]}"

    # Templates ask these rather than compare the status to a string (tests/test_conventions.py).
    @property
    def is_active(self) -> bool:
        return self.status == MentorStatus.ACTIVE

    @property
    def is_paused(self) -> bool:
        return self.status == MentorStatus.PAUSED

    @property
    def has_left(self) -> bool:
        return self.status == MentorStatus.LEFT

    @property
    def tag_colour(self) -> str:
        colours = {MentorStatus.ACTIVE: "green", MentorStatus.PAUSED: "yellow"}
        return colours.get(self.status, "grey")

    @property
    def age_band(self) -> str:
        return age_band(self.date_of_birth)

    @property
    def age_band_display(self) -> str:
        return dict(AgeBand.choices).get(self.age_band, "")

    @property
    def gender_display(self) -> str:
        if self.gender == Gender.SELF_DESCRIBED and self.gender_description:
            return self.gender_description
        return self.get_gender_display()

    @property
    def languages_display(self) -> list[str]:
        return _choice_labels(Language.choices, self.languages)

    @property
    def lived_experience_display(self) -> list[str]:
        return _choice_labels(LivedExperience.choices, self.lived_experience)

    @property
    def availability_display(self) -> list[str]:
        return _choice_labels(AVAILABILITY_CHOICES, self.availability)


class SupervisionSession(models.Model):
    """A coordinator's supervision of a mentor: when, what was discussed, any concerns."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    mentor = models.ForeignKey(
        MentorProfile, on_delete=models.PROTECT, related_name="supervision_sessions"
    )
    held_on = models.DateField()
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    notes = models.TextField()
    concerns = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = SupervisionSessionQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-created_at"]

    def __str__(self):
        return f"Supervision on {self.held_on:%-d %B %Y}"
