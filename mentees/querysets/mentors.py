"""Reads of mentor records. `MentorProfile.objects.matchable()` is what matching builds on."""

from django.db.models import Exists, OuterRef
from django.utils import timezone

from ..constants import ApplicationStatus, MentorStatus
from .scoping import StaffScopedQuerySet


class MentorProfileQuerySet(StaffScopedQuerySet):
    def matchable(self, on=None):
        """Mentors who may be given a mentee today:

        - approved (their application was approved) and active (not paused, not left);
        - a current DBS check: nothing disclosed, or disclosed with a recorded decision that it is
          safe to go ahead, and not past its renewal date (the coordinator records the date when
          the check is entered; by default three years after issue, DBS_RENEW_AFTER_YEARS);
        - every training module their organisation marks as required (and still uses) completed
          and not expired.

        Capacity (how many mentees at once) is on the profile; counting current mentees against it
        belongs to matching.
        """
        from ..models import DBSCheck, TrainingModule, TrainingRecord

        on = on or timezone.localdate()
        current_dbs = DBSCheck.objects.current(on).filter(application=OuterRef("application"))
        completed = TrainingRecord.objects.current(on).filter(
            application=OuterRef(OuterRef("application")), module=OuterRef("pk")
        )
        missing_training = (
            TrainingModule.objects.required()
            .filter(organisation=OuterRef("organisation"))
            .exclude(Exists(completed))
        )
        return self.filter(
            status=MentorStatus.ACTIVE,
            application__status=ApplicationStatus.APPROVED,
        ).filter(Exists(current_dbs), ~Exists(missing_training))


class SupervisionSessionQuerySet(StaffScopedQuerySet):
    pass
