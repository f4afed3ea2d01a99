from django.db import models


class OrganisationStatus(models.TextChoices):
    PENDING = "pending", "Pending approval"
    ACTIVE = "active", "Active"
    SUSPENDED = "suspended", "Suspended"
    REJECTED = "rejected", "Rejected"


class MembershipRole(models.TextChoices):
    ORG_ADMIN = "org_admin", "Organisation admin"
    COORDINATOR = "coordinator", "Coordinator"
    MENTOR = "mentor", "Mentor"


STAFF_ROLES = (MembershipRole.ORG_ADMIN, MembershipRole.COORDINATOR)


class Nation(models.TextChoices):
    ENGLAND = "England", "England"
    WALES = "Wales", "Wales"
