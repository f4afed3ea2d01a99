"""Reads of volunteer roles, applications and vetting records.

Staff (org admins and coordinators) see their organisations' records through `visible_to`;
an applicant reaches their own applications only through
`VolunteerApplication.objects.of_applicant`.
Mentors and people of other organisations see nothing.
"""

from django.db import models
from django.utils import timezone

from providers.constants import OrganisationStatus
from providers.scoping import StaffScopedQuerySet, staff_organisations

from ..constants import ApplicationStatus, DBSResult, RiskDecision, VolunteerRoleStatus


class VolunteerRoleQuerySet(StaffScopedQuerySet):
    def published(self):
        """What the public sees: published roles of active organisations."""
        return self.filter(
            status=VolunteerRoleStatus.PUBLISHED, organisation__status=OrganisationStatus.ACTIVE
        )


class TrainingModuleQuerySet(StaffScopedQuerySet):
    def in_use(self):
        return self.filter(is_active=True)

    def required(self):
        return self.filter(is_active=True, required=True)


def never_sent(prefix: str = "") -> models.Q:
    """Drafts, and drafts withdrawn before they were sent: private to the person writing them."""
    return models.Q(**{f"{prefix}status": ApplicationStatus.DRAFT}) | models.Q(
        **{f"{prefix}status": ApplicationStatus.WITHDRAWN, f"{prefix}submitted_at__isnull": True}
    )


class VolunteerApplicationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Sent applications to organisations where the user is staff. Drafts, withdrawn or
        not, stay private to the person writing them."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(organisation__in=staff_organisations(user)).exclude(never_sent())

    def of_applicant(self, user):
        """The user's own applications, drafts included: the applicant's area."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(applicant=user)

    def open(self):
        """Applications that count as the one application per role: not withdrawn and not
        erased (the constraint `one_open_application_per_role` says the same)."""
        return self.exclude(status=ApplicationStatus.WITHDRAWN).filter(erased_at__isnull=True)


class VettingRecordQuerySet(StaffScopedQuerySet):
    """Interviews, references, training records and disclosures: staff only, sent applications
    only."""

    def visible_to(self, user):
        return super().visible_to(user).exclude(never_sent("application__"))


class DBSCheckQuerySet(VettingRecordQuerySet):
    def current(self, on=None):
        """Checks that let someone mentor: nothing disclosed, or disclosed with a recorded
        decision that it is safe to go ahead; and not past the renewal date."""
        on = on or timezone.localdate()
        return self.filter(
            models.Q(result=DBSResult.CLEAR)
            | models.Q(result=DBSResult.DISCLOSED, risk_decision=RiskDecision.PROCEED)
        ).filter(models.Q(renew_by__isnull=True) | models.Q(renew_by__gte=on))


class TrainingRecordQuerySet(VettingRecordQuerySet):
    def current(self, on=None):
        """Completions that still count: done by `on` and running up to and including their
        expiry day (or for good). The one definition: matching (MentorProfile.matchable) and
        the vetting checklist shown on the record pages both read it."""
        on = on or timezone.localdate()
        return self.filter(
            models.Q(expires_on__isnull=True) | models.Q(expires_on__gte=on), completed_on__lte=on
        )


# --- Single objects: another organisation's is a 404, exactly like a missing one. ------------
