"""Who may read what of the accreditation records, and the reads other parts build on.

- Org admins see their own organisation's applications, evidence, awards and support requests.
- Assessors see applications waiting for an assessor and those they have taken themselves
  (never a draft, never one another assessor has taken), with their evidence, and every award
  and support request.
- Commissioners (and platform admins) see applications and awards, never evidence.
- The public sees current awards of active organisations (`AwardQuerySet.public`).
"""

from datetime import date, timedelta

from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone

from accounts.constants import PlatformRole
from accounts.roles import has_platform_role
from core.working_days import add_working_days
from providers.constants import MembershipRole, OrganisationStatus
from providers.models import Membership

from .constants import (
    ASSESSOR_WAIT_WORKING_DAYS,
    EDITABLE_STATUSES,
    IDLE_AFTER_DAYS,
    OPEN_STATUSES,
    SENT_STATUSES,
    ApplicationStatus,
    StandardStatus,
)

OVERSIGHT_ROLES = (PlatformRole.COMMISSIONER, PlatformRole.PLATFORM_ADMIN)


def administered_organisations(user):
    """A subquery of the organisations where the user is an org admin."""

    return (
        Membership.objects.active()
        .filter(user=user, role=MembershipRole.ORG_ADMIN)
        .values("organisation")
    )


def assessor_may_see(user, application: str = "") -> Q:
    """Applications (at `application`, e.g. "application__" from evidence) waiting to be taken,
    or taken by this assessor: one assessor never reads another's assessment."""
    waiting = Q(**{f"{application}status": ApplicationStatus.SUBMITTED})
    waiting &= Q(**{f"{application}assessor__isnull": True})
    theirs = Q(**{f"{application}assessor": user, f"{application}status__in": SENT_STATUSES})
    return waiting | theirs


class StandardQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=StandardStatus.PUBLISHED)

    def current(self):
        """The version new applications are assessed against: the latest published, or None."""
        return self.published().order_by("-published_at", "-pk").first()


class ApplicationQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if has_platform_role(user, *OVERSIGHT_ROLES):
            return self.all()
        visible = Q(organisation__in=administered_organisations(user))
        if has_platform_role(user, PlatformRole.ASSESSOR):
            visible |= assessor_may_see(user)
        return self.filter(visible)

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def sent(self):
        return self.filter(status__in=SENT_STATUSES)

    def waiting_for_assessor(self):
        return self.filter(status=ApplicationStatus.SUBMITTED)

    # What the reminder jobs select; each takes the day to count from, today by default.

    def idle(self, days: int = IDLE_AFTER_DAYS, on: date | None = None):
        """With the organisation and unchanged by it for at least `days` days."""
        on = on or timezone.localdate()
        return self.filter(
            status__in=EDITABLE_STATUSES, last_activity_at__date__lte=on - timedelta(days=days)
        )

    def waiting_for_assessor_for(
        self, working_days: int = ASSESSOR_WAIT_WORKING_DAYS, on: date | None = None
    ):
        """Sent, and no assessor has taken them for at least `working_days` working days
        (weekends and England and Wales bank holidays do not count)."""

        on = on or timezone.localdate()
        return self.waiting_for_assessor().filter(
            sent_at__date__lte=add_working_days(on, -working_days)
        )


class EvidenceQuerySet(models.QuerySet):
    """Evidence files and generated summaries: the organisation's admins, and assessors while
    the application waits for one and then the one who took it. Nobody else, commissioners
    included."""

    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        visible = Q(organisation__in=administered_organisations(user))
        if has_platform_role(user, PlatformRole.ASSESSOR):
            visible |= assessor_may_see(user, "application__")
        return self.filter(visible)


class AwardQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if has_platform_role(user, PlatformRole.ASSESSOR, *OVERSIGHT_ROLES):
            return self.all()
        return self.filter(organisation__in=administered_organisations(user))

    def current(self, on: date | None = None):
        """Not withdrawn, and valid on `on` (today by default)."""
        on = on or timezone.localdate()
        return self.filter(withdrawn_at__isnull=True, expires_on__gte=on)

    def public(self, on: date | None = None):
        """What the public register shows: current awards of active organisations."""
        return self.current(on).filter(organisation__status=OrganisationStatus.ACTIVE)

    def latest_per_organisation(self):
        """Of each organisation's awards here, the one that runs longest (after a renewal both
        the old and the new award are current until the old one expires)."""
        longer = self.filter(
            organisation=OuterRef("organisation"), expires_on__gt=OuterRef("expires_on")
        )
        return self.exclude(Exists(longer))

    def expiring_in(self, days: int, on: date | None = None):
        """Current awards whose last valid day is exactly `days` days after `on`: a daily job
        finds each award once."""
        on = on or timezone.localdate()
        return self.current(on).filter(expires_on=on + timedelta(days=days))

    def expiring_within(self, days: int, on: date | None = None):
        on = on or timezone.localdate()
        return self.current(on).filter(expires_on__lte=on + timedelta(days=days))


def accredited(organisation_ref: str = "pk", on: date | None = None) -> Exists:
    """Whether the organisation at `organisation_ref` (of the outer query) holds a current
    award: for filters, e.g. Service.objects.filter(accredited("organisation"))."""
    # Imported here: the models module builds its managers from this one.
    from .models import Award

    return Exists(Award.objects.current(on).filter(organisation=OuterRef(organisation_ref)))


def accredited_until(organisation_ref: str = "pk", on: date | None = None) -> Subquery:
    """The last valid day of the organisation's current award (the latest, after a renewal), or
    None: for annotations that show the badge without a query per row."""
    # Imported here: the models module builds its managers from this one.
    from .models import Award

    latest = (
        Award.objects.current(on)
        .filter(organisation=OuterRef(organisation_ref))
        .order_by("-expires_on")
        .values("expires_on")[:1]
    )
    return Subquery(latest, output_field=models.DateField())


class SupportRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if has_platform_role(user, PlatformRole.ASSESSOR, PlatformRole.PLATFORM_ADMIN):
            return self.all()
        return self.filter(organisation__in=administered_organisations(user))
