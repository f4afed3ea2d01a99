from django.db import models


class PlatformRole(models.TextChoices):
    """Roles not tied to one organisation."""

    NONE = "", "None"
    COMMISSIONER = "commissioner", "Commissioner"
    ASSESSOR = "assessor", "Approved Provider Standard assessor"
    PLATFORM_ADMIN = "platform_admin", "Platform administrator"


class AuditAction(models.TextChoices):
    VIEWED = "viewed", "Viewed"
    CREATED = "created", "Created"
    UPDATED = "updated", "Updated"
    REMOVED = "removed", "Removed"
    INVITED = "invited", "Invited"
    INVITATION_REVOKED = "invitation_revoked", "Invitation revoked"
    INVITATION_ACCEPTED = "invitation_accepted", "Invitation accepted"
    EXPORTED = "exported", "Exported"
    ERASED = "erased", "Erased"
    STATUS_CHANGED = "status_changed", "Status changed"
    REVIEWED = "reviewed", "Reviewed"
    MERGED = "merged", "Merged"
