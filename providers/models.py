import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from .constants import MembershipRole, Nation, OrganisationStatus
from .querysets import InvitationQuerySet, MembershipQuerySet, OrganisationQuerySet


class Region(models.Model):
    """A region of England, or Wales: the areas commissioners and reports work in."""

    name = models.CharField(max_length=100, unique=True)
    nation = models.CharField(max_length=20, choices=Nation.choices)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class LocalAuthority(models.Model):
    """A lower-tier or unitary local authority (ONS GSS code), with its centroid."""

    gss_code = models.CharField("GSS code", max_length=9, unique=True)
    name = models.CharField(max_length=100)
    official_name = models.CharField(max_length=200)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="local_authorities")
    kind = models.CharField(max_length=60)
    latitude = models.DecimalField(max_digits=12, decimal_places=9)
    longitude = models.DecimalField(max_digits=12, decimal_places=9)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "local authorities"

    def __str__(self):
        return self.name


class Prison(models.Model):
    """A prison establishment. Seed data from about 2016: admins may edit or close them.

    The name is the key: in the source register two combined sites have no NOMIS code, and two
    codes are shared by a prison and the immigration removal centre it became.
    """

    code = models.CharField("NOMIS code", max_length=5, blank=True, db_index=True)
    name = models.CharField(max_length=120, unique=True)
    probation_region = models.CharField(max_length=100)
    function = models.CharField(max_length=100, blank=True)
    estate = models.CharField(max_length=100, blank=True)
    womens_estate = models.BooleanField(default=False)
    postcode = models.CharField(max_length=10, blank=True)
    address = models.CharField(max_length=250, blank=True)
    # Some sites list two numbers, e.g. "Wolds: (01430) 428000 Everthorpe: (01430) 426500".
    telephone = models.CharField(max_length=100, blank=True)
    is_open = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Organisation(models.Model):
    """A mentoring provider: the tenant. Everything private to a provider points here."""

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
    created_at = models.DateTimeField(default=timezone.now)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_active(self) -> bool:
        return self.status == OrganisationStatus.ACTIVE


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
