"""A mentee's case record: who they are, key dates, needs, action plan, history, notes and
documents. Everything here is special-category and criminal-offence data: every view and change
is audited, and an org admin can export or erase a person's record."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.ages import age_on
from providers.constants import Language
from providers.models import LocalAuthority, Organisation, Prison, TaxonomyTerm

from ..constants import (
    AssessmentKind,
    ClosureReason,
    GoalStatus,
    LivedExperiencePreference,
    MenteeStatus,
    MentorGenderPreference,
    NeedLevel,
)
from ..querysets import CaseRecordQuerySet, MenteeQuerySet
from .referrals import Referral

CASE_REFERENCE_PREFIX = "MN"


class Mentee(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="mentees")
    referral = models.OneToOneField(
        Referral, null=True, blank=True, on_delete=models.SET_NULL, related_name="mentee"
    )
    reference = models.CharField(max_length=12, unique=True)

    full_name = models.CharField(max_length=150)
    preferred_name = models.CharField(max_length=80, blank=True)
    date_of_birth = models.DateField(null=True)
    prison = models.ForeignKey(Prison, null=True, blank=True, on_delete=models.PROTECT)
    prison_number = models.CharField(max_length=7, blank=True)
    local_authority = models.ForeignKey(
        LocalAuthority, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)
    postal_address = models.TextField(blank=True)
    contact_methods = models.JSONField(default=list, blank=True)
    probation_practitioner = models.CharField(max_length=200, blank=True)
    mentor_gender = models.CharField(
        max_length=10, choices=MentorGenderPreference.choices, default=MentorGenderPreference.NONE
    )
    lived_experience = models.CharField(
        max_length=10,
        choices=LivedExperiencePreference.choices,
        default=LivedExperiencePreference.NONE,
    )
    language = models.CharField(max_length=5, choices=Language.choices, default=Language.ENGLISH)
    # When they can meet, as "<day>_<part>" codes (mentees.constants.AVAILABILITY_SLOTS).
    availability = models.JSONField(default=list, blank=True)

    prison_induction_date = models.DateField(null=True, blank=True)
    release_date = models.DateField(null=True, blank=True)
    licence_end_date = models.DateField(null=True, blank=True)

    status = models.CharField(
        max_length=25, choices=MenteeStatus.choices, default=MenteeStatus.REFERRED
    )
    closure_reason = models.CharField(max_length=25, choices=ClosureReason.choices, blank=True)

    erased_at = models.DateTimeField(null=True, blank=True)
    # A likely duplicate merged by a coordinator into the record kept: its history (notes,
    # meetings, assessments...) now belongs to that record; this row stays as a pointer.
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_records"
    )
    merged_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MenteeQuerySet.as_manager()

    class Meta:
        ordering = ["full_name", "created_at"]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self):
        # The audit log names records by this: a reference, never a person's details.
        return f"Mentee {self.reference}"

    @property
    def display_name(self) -> str:
        if self.erased_at:
            return f"Erased record {self.reference}"
        return self.full_name

    @property
    def age(self) -> int | None:
        return age_on(self.date_of_birth, timezone.localdate()) if self.date_of_birth else None


class CaseRecord(models.Model):
    """What every part of a mentee's case record shares: its organisation and author. Each
    part adds its own `mentee` foreign key, named for the record's list of them."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = CaseRecordQuerySet.as_manager()

    class Meta:
        abstract = True


class MenteeStatusChange(CaseRecord):
    mentee = models.ForeignKey(Mentee, on_delete=models.CASCADE, related_name="status_changes")
    status = models.CharField(max_length=25, choices=MenteeStatus.choices)
    closure_reason = models.CharField(max_length=25, choices=ClosureReason.choices, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.mentee} {self.status}"


class NeedsAssessment(CaseRecord):
    mentee = models.ForeignKey(Mentee, on_delete=models.CASCADE, related_name="assessments")
    kind = models.CharField(max_length=10, choices=AssessmentKind.choices)
    assessed_on = models.DateField()

    class Meta:
        ordering = ["assessed_on", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} assessment of {self.mentee}"


class NeedRating(models.Model):
    assessment = models.ForeignKey(
        NeedsAssessment, on_delete=models.CASCADE, related_name="ratings"
    )
    pathway = models.ForeignKey(TaxonomyTerm, on_delete=models.PROTECT, related_name="+")
    level = models.CharField(max_length=10, choices=NeedLevel.choices)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["pathway__position"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "pathway"], name="one_rating_per_pathway")
        ]

    def __str__(self):
        return f"{self.pathway}: {self.level}"


class Goal(CaseRecord):
    mentee = models.ForeignKey(Mentee, on_delete=models.CASCADE, related_name="goals")
    pathway = models.ForeignKey(TaxonomyTerm, on_delete=models.PROTECT, related_name="+")
    description = models.CharField(max_length=300)
    target_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=15, choices=GoalStatus.choices, default=GoalStatus.NOT_STARTED
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pathway__position", "target_date", "id"]

    def __str__(self):
        return f"Goal {self.pk} of {self.mentee}"


class CaseNote(CaseRecord):
    mentee = models.ForeignKey(Mentee, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Note {self.pk} on {self.mentee}"


def _document_path(instance, filename: str) -> str:
    # Never the uploaded name: it may carry a person's details, and it is never trusted.
    return f"case-documents/{instance.organisation_id}/{uuid.uuid4().hex}"


class CaseDocument(CaseRecord):
    mentee = models.ForeignKey(Mentee, on_delete=models.CASCADE, related_name="documents")
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    title = models.CharField(max_length=150)
    file = models.FileField(upload_to=_document_path, max_length=200)
    content_type = models.CharField(max_length=100)
    extension = models.CharField(max_length=10)
    size = models.PositiveIntegerField()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Document {self.pk} of {self.mentee}"
