from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin
from django.db import models
from django.utils import timezone

from .constants import AuditAction, PlatformRole
from .managers import UserManager
from .querysets import AuditEventQuerySet


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in. Organisation roles come from providers.Membership."""

    email = models.EmailField("email address", unique=True)
    full_name = models.CharField(max_length=150, blank=True)
    platform_role = models.CharField(
        max_length=32, choices=PlatformRole.choices, blank=True, default=PlatformRole.NONE
    )
    is_staff = models.BooleanField(
        default=False, help_text="Can use Django's admin (platform administrators only)."
    )
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        ordering = ["email"]

    def __str__(self):
        return self.full_name or self.email

    @property
    def display_name(self) -> str:
        return self.full_name or self.email


class AuditEvent(models.Model):
    """One append-only line of who viewed or changed what, when and from where.

    The database itself refuses UPDATE and DELETE on this table (see migration 0002), so the
    record stands even against a bug or a hostile admin. Keep personal details out of
    object_repr: it names a record, it does not copy it.
    """

    occurred_at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="audit_events"
    )
    actor_email = models.EmailField(blank=True)
    organisation = models.ForeignKey(
        "providers.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_events",
    )
    action = models.CharField(max_length=32, choices=AuditAction.choices)
    object_type = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(max_length=200, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    details = models.JSONField(default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "-occurred_at"]),
            models.Index(fields=["object_type", "object_id"]),
        ]

    def __str__(self):
        return (
            f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_email} {self.action} {self.object_repr}"
        )


class CommissionerRegion(models.Model):
    """The region a commissioner compares providers in: part of the commissioner's platform role,
    set by a platform admin with the role. Outcomes and accreditation read it.

    The region is a providers.Region, named by its label so this app imports nothing of the
    layer above it (the audit event's organisation does the same).
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="commissioner_region")
    region = models.ForeignKey("providers.Region", on_delete=models.PROTECT, related_name="+")

    def __str__(self):
        return f"{self.user} commissions in {self.region}"
