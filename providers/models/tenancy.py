import secrets
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from ..constants import (
    CASE_RETENTION_MESSAGE,
    DEFAULT_CASE_RETENTION_YEARS,
    MAX_CASE_RETENTION_YEARS,
    MIN_CASE_RETENTION_YEARS,
    MembershipRole,
    OrganisationStatus,
)
from ..querysets import InvitationQuerySet, MembershipQuerySet, OrganisationQuerySet
from .reference import Region


class Organisation(models.Model):
    """A mentoring provider: the tenant. Everything private to a provider points here."""

    # The public identifier in URLs and the Open Referral UK API; the integer key stays internal.
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    status = models.CharField(
        max_length=20, choices=OrganisationStatus.choices, default=OrganisationStatus.PENDING
    )
    status_reason = models.TextField(blank=True)
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.PROTECT, related_name="organisations"
    )
    description = models.TextField(blank=True)
    charity_number = models.CharField(max_length=20, blank=True)
    company_number = models.CharField(max_length=20, blank=True)
    website = models.URLField(blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    logo = models.ImageField(upload_to="logos/", blank=True)
    address_1 = models.CharField("address line 1", max_length=200, blank=True)
    city = models.CharField("town or city", max_length=100, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    case_retention_years = models.PositiveSmallIntegerField(
        "years to keep a closed case record",
        default=DEFAULT_CASE_RETENTION_YEARS,
        validators=[
            MinValueValidator(MIN_CASE_RETENTION_YEARS, message=CASE_RETENTION_MESSAGE),
            MaxValueValidator(MAX_CASE_RETENTION_YEARS, message=CASE_RETENTION_MESSAGE),
        ],
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_active(self) -> bool:
        return self.status == OrganisationStatus.ACTIVE

    @property
    def is_pending(self) -> bool:
        """Registered and waiting for a platform admin's decision."""
        return self.status == OrganisationStatus.PENDING

    @property
    def is_aps_accredited(self) -> bool:
        """Holds a current Approved Provider Standard award. Lists annotate
        `aps_accredited_until` (OrganisationQuerySet.with_accreditation) so this costs no query;
        without the annotation it asks the database."""
        if "aps_accredited_until" not in self.__dict__:
            one = Organisation.objects.filter(pk=self.pk).with_accreditation()
            self.aps_accredited_until = one.values_list("aps_accredited_until", flat=True).first()
        return self.aps_accredited_until is not None


class Membership(models.Model):
    """A person's role in one organisation. Removing someone keeps the row for the record."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=MembershipRole.choices)
    joined_at = models.DateTimeField(default=timezone.now)
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=models.Q(removed_at__isnull=True),
                name="one_active_membership_per_user_and_organisation",
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()}, {self.organisation}"

    @property
    def is_org_admin(self) -> bool:
        return self.role == MembershipRole.ORG_ADMIN

    @property
    def is_staff_role(self) -> bool:
        return self.role in (MembershipRole.ORG_ADMIN, MembershipRole.COORDINATOR)


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    """An emailed invitation to join an organisation with a role; the link expires."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="invitations"
    )
    email = models.EmailField()
    role = models.CharField(max_length=20, choices=MembershipRole.choices)
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Invitation for {self.email} to {self.organisation}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def status_label(self) -> str:
        if self.accepted_at:
            return "Accepted"
        if self.revoked_at:
            return "Revoked"
        if self.is_expired:
            return "Expired"
        return "Pending"
