"""Volunteer roles an organisation offers, the applications people make to them, and the
vetting records coordinators keep: interview, references, DBS check and training."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from providers.constants import Language
from providers.models import LocalAuthority, Organisation, TaxonomyTerm

from ..constants import (
    DBS_CHECK_IN_WORDS,
    ApplicationStatus,
    ApplicationUpdateKind,
    CriminalRecordPolicy,
    DBSLevel,
    DBSResult,
    Gender,
    InterviewOutcome,
    LivedExperience,
    RiskDecision,
    VettingStage,
    VolunteerRoleStatus,
)
from ..querysets import (
    DBSCheckQuerySet,
    TrainingModuleQuerySet,
    TrainingRecordQuerySet,
    VettingRecordQuerySet,
    VolunteerApplicationQuerySet,
    VolunteerRoleQuerySet,
)

# Volunteer application references look like VA-7K3Q-9XRT (see core.references). Those made
# before were V and seven characters; both fit the field and stay valid.
APPLICATION_REFERENCE_PREFIX = "VA"


def _choice_labels(choices, codes) -> list[str]:
    names = dict(choices)
    return [names.get(code, code) for code in codes]


class VolunteerRole(models.Model):
    """A volunteer role an organisation recruits for, public once published."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="volunteer_roles"
    )
    title = models.CharField(max_length=120)
    summary = models.CharField(max_length=300)
    description = models.TextField("what a mentor does")
    time_commitment = models.CharField("time asked", max_length=300)
    training_given = models.TextField("training we give")
    expenses = models.CharField("expenses we pay", max_length=300)
    where = models.CharField("where you would volunteer", max_length=300, blank=True)
    criminal_record_policy = models.CharField(
        max_length=20, choices=CriminalRecordPolicy.choices, default=CriminalRecordPolicy.WELCOME
    )
    criminal_record_notes = models.TextField(blank=True)
    dbs_level = models.CharField(
        "DBS check needed", max_length=20, choices=DBSLevel.choices, default=DBSLevel.ENHANCED
    )
    status = models.CharField(
        max_length=20, choices=VolunteerRoleStatus.choices, default=VolunteerRoleStatus.DRAFT
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = VolunteerRoleQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "title"], name="unique_volunteer_role_title"
            )
        ]

    def __str__(self):
        return self.title

    @property
    def dbs_check_in_words(self) -> str:
        """ "a basic check", "an enhanced check with barred lists": for a sentence."""
        return DBS_CHECK_IN_WORDS.get(self.dbs_level, "a DBS check")

    @property
    def is_published(self) -> bool:
        return self.status == VolunteerRoleStatus.PUBLISHED

    @property
    def tag_colour(self) -> str:
        return {VolunteerRoleStatus.PUBLISHED: "green", VolunteerRoleStatus.CLOSED: "grey"}.get(
            self.status, "yellow"
        )


class TrainingModule(models.Model):
    """One module of an organisation's mentor training; `required` ones must be done (and not
    expired) before someone can be approved or matched."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="training_modules"
    )
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    required = models.BooleanField(default=True)
    valid_for_months = models.PositiveSmallIntegerField(null=True, blank=True)
    is_active = models.BooleanField("still in use", default=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = TrainingModuleQuerySet.as_manager()

    class Meta:
        ordering = ["-required", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="unique_training_module_name"
            )
        ]

    def __str__(self):
        return self.name


class VolunteerApplication(models.Model):
    """One person's application to one volunteer role: a draft saved page by page, then sent,
    vetted and decided. Its vetting records hang off it; if approved, so does the mentor record.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(max_length=12, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="volunteer_applications"
    )
    role = models.ForeignKey(VolunteerRole, on_delete=models.PROTECT, related_name="applications")
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="volunteer_applications"
    )
    status = models.CharField(
        max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    stage = models.CharField(max_length=20, choices=VettingStage.choices, blank=True)
    completed_steps = models.JSONField(default=list, blank=True)

    # About you.
    full_name = models.CharField(max_length=150, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    gender = models.CharField(max_length=20, choices=Gender.choices, blank=True)
    gender_description = models.CharField(max_length=100, blank=True)
    phone = models.CharField(max_length=30, blank=True)
    postcode = models.CharField(max_length=10, blank=True)

    # Lived experience (optional).
    lived_experience = models.JSONField(default=list, blank=True)
    lived_experience_details = models.TextField(blank=True)

    # When and where.
    availability = models.JSONField(default=list, blank=True)
    local_authorities = models.ManyToManyField(LocalAuthority, related_name="+", blank=True)
    can_visit_prisons = models.BooleanField(null=True, blank=True)
    languages = models.JSONField(default=list, blank=True)
    other_languages = models.CharField(max_length=200, blank=True)

    # Skills and motivation.
    pathways = models.ManyToManyField(TaxonomyTerm, related_name="+", blank=True)
    experience = models.TextField(blank=True)
    motivation = models.TextField(blank=True)

    dbs_consent = models.BooleanField(default=False)
    dbs_consent_at = models.DateTimeField(null=True, blank=True)

    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision_reason = models.TextField(blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    # When the retention job erased its personal details (services/volunteer_retention.py).
    erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = VolunteerApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-created_at"]
        constraints = [
            # An erased application no longer counts: its owner may apply to the role again.
            models.UniqueConstraint(
                fields=["applicant", "role"],
                condition=~models.Q(status=ApplicationStatus.WITHDRAWN)
                & models.Q(erased_at__isnull=True),
                name="one_open_application_per_role",
            )
        ]
        indexes = [models.Index(fields=["organisation", "status", "stage"])]

    def __str__(self):
        return f"Volunteer application {self.reference}"

    @property
    def is_draft(self) -> bool:
        return self.status == ApplicationStatus.DRAFT

    @property
    def is_open(self) -> bool:
        """Sent and waiting for checks or a decision."""
        return self.status == ApplicationStatus.SUBMITTED

    @property
    def is_approved(self) -> bool:
        return self.status == ApplicationStatus.APPROVED

    @property
    def is_rejected(self) -> bool:
        return self.status == ApplicationStatus.REJECTED

    @property
    def is_sent_or_approved(self) -> bool:
        """Checks (DBS, training) may be recorded: being checked, or a mentor already."""
        return self.status in (ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED)

    @property
    def tag_colour(self) -> str:
        return {
            ApplicationStatus.APPROVED: "green",
            ApplicationStatus.REJECTED: "red",
            ApplicationStatus.SUBMITTED: "blue",
            ApplicationStatus.DRAFT: "yellow",
        }.get(self.status, "grey")

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None

    @property
    def name(self) -> str:
        # An erased application keeps its link to the account, never the person's name.
        if self.erased_at:
            return "Name erased"
        return self.full_name or self.applicant.display_name

    @property
    def gender_display(self) -> str:
        if self.gender == Gender.SELF_DESCRIBED and self.gender_description:
            return self.gender_description
        return self.get_gender_display()

    @property
    def lived_experience_display(self) -> list[str]:
        return _choice_labels(LivedExperience.choices, self.lived_experience)

    @property
    def languages_display(self) -> list[str]:
        names = _choice_labels(Language.choices, self.languages)
        return [*names, self.other_languages] if self.other_languages else names


class VolunteerReference(models.Model):
    """A referee the applicant names, and what the coordinator heard back."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    application = models.ForeignKey(
        VolunteerApplication, on_delete=models.CASCADE, related_name="references"
    )
    position = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=150)
    relationship = models.CharField("how they know you", max_length=200)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    requested_on = models.DateField(null=True, blank=True)
    received_on = models.DateField(null=True, blank=True)
    satisfactory = models.BooleanField(null=True, blank=True)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = VettingRecordQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "position"], name="one_reference_per_position"
            )
        ]

    def __str__(self):
        return f"Reference {self.position} for {self.application.reference}"

    def clean(self):
        if self.received_on and self.requested_on and self.received_on < self.requested_on:
            raise ValidationError(
                {"received_on": "The date received must be the same as or after the date asked"}
            )

    @property
    def status_label(self) -> str:
        if self.received_on:
            return "Received" if self.satisfactory else "Received: not satisfactory"
        return "Asked for" if self.requested_on else "Not asked for yet"


class CriminalRecordDisclosure(models.Model):
    """What an applicant chose to tell us about a criminal record: criminal-offence data (UK GDPR
    Article 10). Kept apart from the application so lists never load it; shown only to the
    organisation's staff on its own page, and every view is audited."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    application = models.OneToOneField(
        VolunteerApplication, on_delete=models.CASCADE, related_name="disclosure"
    )
    has_record = models.BooleanField(null=True)
    details = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = VettingRecordQuerySet.as_manager()

    def __str__(self):
        return f"Criminal record disclosure for {self.application.reference}"


class Interview(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    application = models.ForeignKey(
        VolunteerApplication, on_delete=models.CASCADE, related_name="interviews"
    )
    interview_date = models.DateField()
    arrangements = models.CharField("time and place", max_length=300, blank=True)
    outcome = models.CharField(
        max_length=20,
        choices=InterviewOutcome.choices,
        blank=True,
        default=InterviewOutcome.PENDING,
    )
    notes = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = VettingRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-interview_date", "-created_at"]

    def __str__(self):
        return f"Interview for {self.application.reference}"


class DBSCheck(models.Model):
    """A Disclosure and Barring Service certificate seen by the organisation. If information is
    disclosed, someone named must record whether it is safe to go ahead."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    application = models.ForeignKey(
        VolunteerApplication, on_delete=models.CASCADE, related_name="dbs_checks"
    )
    level = models.CharField(max_length=20, choices=DBSLevel.choices)
    certificate_number = models.CharField(max_length=12)
    issue_date = models.DateField()
    result = models.CharField(max_length=20, choices=DBSResult.choices)
    update_service = models.BooleanField("on the DBS Update Service", default=False)
    renew_by = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    risk_decision = models.CharField(max_length=20, choices=RiskDecision.choices, blank=True)
    risk_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    risk_decided_on = models.DateField(null=True, blank=True)
    risk_decision_reason = models.TextField(blank=True)

    objects = DBSCheckQuerySet.as_manager()

    class Meta:
        ordering = ["-issue_date", "-recorded_at"]
        verbose_name = "DBS check"
        constraints = [
            # Erasure blanks the numbers, so blank ones may repeat.
            models.UniqueConstraint(
                fields=["application", "certificate_number"],
                condition=~models.Q(certificate_number=""),
                name="one_record_per_certificate",
            )
        ]

    def __str__(self):
        return f"DBS check for {self.application.reference}"

    def clean(self):
        errors = {}
        if self.issue_date and self.issue_date > timezone.localdate():
            errors["issue_date"] = "The issue date must be today or in the past"
        if self.renew_by and self.issue_date and self.renew_by <= self.issue_date:
            errors["renew_by"] = "The renewal date must be after the issue date"
        if self.risk_decision and not (self.risk_decided_by_id and self.risk_decided_on):
            errors["risk_decided_by"] = "Say who made the decision and when"
        if self.risk_decision and self.result != DBSResult.DISCLOSED:
            errors["risk_decision"] = "A risk decision is only needed when information is disclosed"
        if errors:
            raise ValidationError(errors)

    @property
    def needs_risk_decision(self) -> bool:
        return self.result == DBSResult.DISCLOSED and not self.risk_decision

    def is_current(self, on=None) -> bool:
        on = on or timezone.localdate()
        cleared = self.result == DBSResult.CLEAR or self.risk_decision == RiskDecision.PROCEED
        return cleared and (self.renew_by is None or self.renew_by >= on)


class TrainingRecord(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    application = models.ForeignKey(
        VolunteerApplication, on_delete=models.CASCADE, related_name="training_records"
    )
    module = models.ForeignKey(TrainingModule, on_delete=models.PROTECT, related_name="records")
    completed_on = models.DateField()
    expires_on = models.DateField(null=True, blank=True)
    notes = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = TrainingRecordQuerySet.as_manager()

    class Meta:
        ordering = ["module__name", "-completed_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "module", "completed_on"],
                name="one_record_per_module_completion",
            )
        ]

    def __str__(self):
        return f"{self.module} for {self.application.reference}"

    def clean(self):
        errors = {}
        if self.completed_on and self.completed_on > timezone.localdate():
            errors["completed_on"] = "The date completed must be today or in the past"
        if self.expires_on and self.completed_on and self.expires_on <= self.completed_on:
            errors["expires_on"] = "The expiry date must be after the date completed"
        if errors:
            raise ValidationError(errors)


class ApplicationUpdate(models.Model):
    """Something the applicant is told: shown on their application's page and emailed once."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    application = models.ForeignKey(
        VolunteerApplication, on_delete=models.CASCADE, related_name="updates"
    )
    kind = models.CharField(max_length=30, choices=ApplicationUpdateKind.choices)
    message = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.application.reference})"
