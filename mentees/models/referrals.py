"""A request for a mentor, made without an account, and what the provider decided."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from core.ages import age_on
from providers.constants import Language
from providers.models import LocalAuthority, Organisation, Prison, Service, TaxonomyTerm

from ..constants import (
    OPEN_REFERRAL_STATUSES,
    CompletedBy,
    DeclineReason,
    LivedExperiencePreference,
    MentorGenderPreference,
    ReferralStatus,
    Situation,
    WorkerRole,
)
from ..querysets import ReferralQuerySet

REFERRAL_TAG_COLOURS = {
    ReferralStatus.RECEIVED: "blue",
    ReferralStatus.IN_REVIEW: "yellow",
    ReferralStatus.ACCEPTED: "green",
    ReferralStatus.DECLINED: "red",
    ReferralStatus.WITHDRAWN: "grey",
}

REFERENCE_PREFIX = "JM"


class Referral(models.Model):
    """One person's request to one provider. Passing it on makes a new referral for the
    receiving provider, so each provider sees only the referral it was sent."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Empty only while the request waits in the general inbox (or was withdrawn from it): the
    # constraint below holds every other referral to an organisation.
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="referrals"
    )
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals"
    )
    reference = models.CharField(max_length=12, unique=True)
    # The journey's own key: sending the same answers twice finds this row instead of a new one.
    submission_key = models.UUIDField(unique=True)
    status = models.CharField(
        max_length=20, choices=ReferralStatus.choices, default=ReferralStatus.RECEIVED
    )

    completed_by = models.CharField(max_length=10, choices=CompletedBy.choices)
    worker_name = models.CharField(max_length=150, blank=True)
    worker_role = models.CharField(max_length=10, choices=WorkerRole.choices, blank=True)
    worker_organisation = models.CharField(max_length=150, blank=True)
    worker_email = models.EmailField(blank=True)
    worker_phone = models.CharField(max_length=30, blank=True)

    full_name = models.CharField(max_length=150)
    date_of_birth = models.DateField(null=True)  # null only once erased
    situation = models.CharField(max_length=15, choices=Situation.choices)
    prison = models.ForeignKey(Prison, null=True, blank=True, on_delete=models.PROTECT)
    prison_number = models.CharField(max_length=7, blank=True, db_index=True)
    expected_release_date = models.DateField(null=True, blank=True)
    local_authority = models.ForeignKey(
        LocalAuthority, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    needs = models.ManyToManyField(TaxonomyTerm, blank=True, related_name="+")
    needs_details = models.TextField(blank=True)
    mentor_gender = models.CharField(
        max_length=10, choices=MentorGenderPreference.choices, default=MentorGenderPreference.NONE
    )
    lived_experience = models.CharField(
        max_length=10,
        choices=LivedExperiencePreference.choices,
        default=LivedExperiencePreference.NONE,
    )
    language = models.CharField(max_length=5, choices=Language.choices, default=Language.ENGLISH)

    contact_methods = models.JSONField(default=list)
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)
    postal_address = models.TextField(blank=True)
    probation_practitioner = models.CharField(max_length=200, blank=True)

    consented_at = models.DateTimeField()
    privacy_notice_version = models.CharField(max_length=20)

    decline_reason = models.CharField(max_length=20, choices=DeclineReason.choices, blank=True)
    decision_note = models.TextField(
        blank=True, help_text="Shown to the person when they check their request."
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    passed_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="passed_on_as"
    )
    pass_on_consent = models.TextField(
        blank=True, help_text="How the person agreed to their details being passed on."
    )
    decision_emailed_at = models.DateTimeField(null=True, blank=True)
    asked_in = models.CharField(
        max_length=10,
        default="en-gb",
        help_text="The language of the pages the request was made on (en-gb or cy); emails to "
        "the person use it.",
    )
    # The case record of the same person this referral was merged into (status "merged").
    merged_into = models.ForeignKey(
        "mentees.Mentee",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_referrals",
    )
    # The open referral of the same person this one was joined to (status "combined").
    combined_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="combined_from"
    )
    erased_at = models.DateTimeField(null=True, blank=True)

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        indexes = [
            models.Index(fields=["organisation", "status", "created_at"]),
            models.Index(fields=["organisation", "date_of_birth"]),
        ]
        constraints = [
            models.CheckConstraint(
                name="referral_has_organisation_unless_waiting",
                condition=Q(organisation__isnull=False)
                | Q(status__in=[ReferralStatus.WAITING, ReferralStatus.WITHDRAWN]),
            )
        ]

    def __str__(self):
        # The audit log names records by this: a reference, never a person's details.
        return f"Referral {self.reference}"

    @property
    def is_open(self) -> bool:
        """Still to be decided: with a provider, or waiting for one in the general inbox."""
        return self.status in (*OPEN_REFERRAL_STATUSES, ReferralStatus.WAITING)

    @property
    def is_waiting(self) -> bool:
        return self.status == ReferralStatus.WAITING

    # One predicate per status the pages and emails speak about: templates ask these rather
    # than compare the status to a string (tests/test_conventions.py).
    @property
    def is_received(self) -> bool:
        return self.status == ReferralStatus.RECEIVED

    @property
    def is_in_review(self) -> bool:
        return self.status == ReferralStatus.IN_REVIEW

    @property
    def is_accepted(self) -> bool:
        return self.status == ReferralStatus.ACCEPTED

    @property
    def is_declined(self) -> bool:
        return self.status == ReferralStatus.DECLINED

    @property
    def is_passed_on(self) -> bool:
        return self.status == ReferralStatus.PASSED_ON

    @property
    def is_withdrawn(self) -> bool:
        return self.status == ReferralStatus.WITHDRAWN

    @property
    def is_merged(self) -> bool:
        """Added to a case record the organisation already keeps for the person."""
        return self.status == ReferralStatus.MERGED

    @property
    def is_combined(self) -> bool:
        """Joined to another referral for the same person (`combined_into`)."""
        return self.status == ReferralStatus.COMBINED

    @property
    def tag_colour(self) -> str:
        """The GOV.UK tag colour its status is shown in."""
        return REFERRAL_TAG_COLOURS.get(self.status, "purple")

    @property
    def age(self) -> int:
        return age_on(self.date_of_birth, timezone.localdate())

    @property
    def days_waiting(self) -> int:
        return (timezone.localdate() - timezone.localtime(self.created_at).date()).days


class ReferralStatusChange(models.Model):
    """The history shown on the referral and, without names, to the person checking it."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="history")
    # Empty for the changes made while the request waited in the general inbox.
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=20, choices=ReferralStatus.choices)
    changed_at = models.DateTimeField(default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["changed_at", "id"]

    def __str__(self):
        return f"{self.referral} {self.status}"
