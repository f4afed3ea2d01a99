"""An organisation's application for the standard: its self-assessment of each requirement with
evidence, the assessor's review and visits, and a timeline of every step."""

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.dates import add_months
from providers.models import Organisation

from ..constants import (
    EDITABLE_STATUSES,
    OPEN_STATUSES,
    SUBMIT_WITHIN_MONTHS,
    ApplicationKind,
    ApplicationStatus,
    EventKind,
    ReviewOutcome,
    SelfAssessment,
)
from ..querysets import ApplicationQuerySet, EvidenceQuerySet
from .standard import Requirement, Standard

APPLICATION_TAG_COLOURS = {
    ApplicationStatus.DRAFT: "blue",
    ApplicationStatus.SUBMITTED: "purple",
    ApplicationStatus.IN_ASSESSMENT: "light-blue",
    ApplicationStatus.MORE_INFORMATION: "orange",
    ApplicationStatus.AWARDED: "green",
    ApplicationStatus.NOT_YET: "red",
}


class Application(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(max_length=12, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="aps_applications"
    )
    standard = models.ForeignKey(Standard, on_delete=models.PROTECT, related_name="applications")
    kind = models.CharField(
        max_length=20, choices=ApplicationKind.choices, default=ApplicationKind.INITIAL
    )
    status = models.CharField(
        max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    previous_award = models.ForeignKey(
        "accreditation.Award",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="renewals",
    )
    changes_since_award = models.TextField(blank=True)

    started_at = models.DateTimeField(default=timezone.now)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # The organisation's last change: what the "idle for 60 days" reminder reads.
    last_activity_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # Set on every sending, the first and after more information was asked for.
    sent_at = models.DateTimeField(null=True, blank=True)

    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="aps_assessments",
    )
    taken_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    feedback = models.TextField(blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=models.Q(status__in=OPEN_STATUSES),
                name="one_open_aps_application_per_organisation",
            )
        ]
        indexes = [models.Index(fields=["status", "sent_at"])]

    def __str__(self):
        return f"Accreditation application {self.reference}"

    @property
    def is_renewal(self) -> bool:
        return self.kind == ApplicationKind.RENEWAL

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    # Predicates the pages ask instead of comparing the status to a string
    # (tests/test_conventions.py).
    @property
    def is_draft(self) -> bool:
        return self.status == ApplicationStatus.DRAFT

    @property
    def is_submitted(self) -> bool:
        """Sent and waiting for an assessor to take it."""
        return self.status == ApplicationStatus.SUBMITTED

    @property
    def is_in_assessment(self) -> bool:
        return self.status == ApplicationStatus.IN_ASSESSMENT

    @property
    def needs_more_information(self) -> bool:
        return self.status == ApplicationStatus.MORE_INFORMATION

    @property
    def is_awarded(self) -> bool:
        return self.status == ApplicationStatus.AWARDED

    @property
    def is_not_yet_met(self) -> bool:
        return self.status == ApplicationStatus.NOT_YET

    def is_assessed_by(self, user) -> bool:
        """Being assessed now, by this assessor: the only one who may review it."""
        return self.is_in_assessment and self.assessor_id == user.pk

    @property
    def tag_colour(self) -> str:
        """The GOV.UK tag colour its status is shown in."""
        return APPLICATION_TAG_COLOURS.get(self.status, "grey")

    @property
    def submit_by(self) -> date:
        return add_months(timezone.localdate(self.started_at), SUBMIT_WITHIN_MONTHS)

    @property
    def is_past_deadline(self) -> bool:
        return self.status == ApplicationStatus.DRAFT and timezone.localdate() > self.submit_by

    @property
    def needs_visit(self) -> bool:
        """First accreditation includes a visit; re-accreditation is a desk review."""
        return not self.is_renewal


class RequirementResponse(models.Model):
    """The organisation's answer to one requirement, and the assessor's review of it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="responses")
    requirement = models.ForeignKey(Requirement, on_delete=models.PROTECT, related_name="+")

    self_assessment = models.CharField(max_length=20, choices=SelfAssessment.choices, blank=True)
    narrative = models.TextField(blank=True)
    action_plan = models.TextField(blank=True)
    updated_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    review_outcome = models.CharField(
        max_length=20, choices=ReviewOutcome.choices, blank=True, default=ReviewOutcome.PENDING
    )
    review_comment = models.TextField(blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Given with a "not yet" decision.
    decision_feedback = models.TextField(blank=True)

    class Meta:
        ordering = ["requirement__area__position", "requirement__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "requirement"], name="one_response_per_requirement"
            )
        ]

    def __str__(self):
        return f"Response to {self.requirement.code} ({self.application.reference})"

    @property
    def is_answered(self) -> bool:
        return bool(self.self_assessment and self.narrative.strip())

    @property
    def needs_action_plan(self) -> bool:
        return self.self_assessment in (SelfAssessment.PARTLY_MET, SelfAssessment.NOT_YET_MET)

    @property
    def evidence_count(self) -> int:
        """Files and summaries attached (from the prefetch cache when there is one)."""
        return len(self.files.all()) + len(self.summaries.all())

    @property
    def is_complete(self) -> bool:
        return self.is_answered and (not self.needs_action_plan or bool(self.action_plan.strip()))


def _evidence_path(instance, filename: str) -> str:
    # Never the uploaded name: it is not trusted, and the folder is outside the web root.
    return f"accreditation-evidence/{instance.organisation_id}/{uuid.uuid4().hex}"


class EvidenceFile(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="evidence_files"
    )
    response = models.ForeignKey(
        RequirementResponse, on_delete=models.CASCADE, related_name="files"
    )
    title = models.CharField(max_length=150)
    file = models.FileField(upload_to=_evidence_path, max_length=200)
    content_type = models.CharField(max_length=100)
    extension = models.CharField(max_length=10)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        ordering = ["uploaded_at"]

    def __str__(self):
        return f"Evidence {self.pk} ({self.application.reference})"


class EvidenceSummary(models.Model):
    """A summary of records Open Gate holds, as it stood on the day it was attached."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="evidence_summaries"
    )
    response = models.ForeignKey(
        RequirementResponse, on_delete=models.CASCADE, related_name="summaries"
    )
    kind = models.CharField(max_length=40)
    title = models.CharField(max_length=150)
    text = models.TextField()
    generated_on = models.DateField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        verbose_name_plural = "evidence summaries"

    def __str__(self):
        return f"{self.title} ({self.generated_on})"


class Visit(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="visits")
    visited_on = models.DateField()
    interviewed = models.TextField("who was interviewed")
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["visited_on", "recorded_at"]

    def __str__(self):
        return f"Visit on {self.visited_on} ({self.application.reference})"


class ApplicationEvent(models.Model):
    """One line of the application's timeline, seen by the organisation and the assessors."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=30, choices=EventKind.choices)
    requirement = models.ForeignKey(
        Requirement, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    message = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    occurred_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-occurred_at", "-id"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.application.reference})"
