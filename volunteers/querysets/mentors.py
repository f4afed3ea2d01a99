"""Reads of mentor records. `MentorProfile.objects.matchable()` is what matching builds on."""

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from providers.scoping import StaffScopedQuerySet

from ..constants import ApplicationStatus, DBSLevel, MentorStatus, dbs_level_meets


class MentorProfileQuerySet(StaffScopedQuerySet):
    def matchable(self, on=None):
        """Mentors who may be given a mentee today:

        - approved (their application was approved) and active (not paused, not left);
        - a current DBS check at their role's level or higher (a role's level may be raised after
          a check was recorded): nothing disclosed, or disclosed with a recorded decision that it
          is safe to go ahead, and not past its renewal date (the coordinator records the date
          when the check is entered; by default three years after issue, DBS_RENEW_AFTER_YEARS);
        - every training module their organisation marks as required (and still uses) completed
          and not expired.

        Capacity (how many mentees at once) is on the profile; counting current mentees against it
        belongs to matching.
        """
        # Imported here: the models module builds its managers from this one.
        from ..models import DBSCheck, TrainingModule, TrainingRecord

        on = on or timezone.localdate()
        current_dbs = DBSCheck.objects.current(on).filter(
            _meets_role_level(), application=OuterRef("application")
        )
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


def _meets_role_level() -> Q:
    """A DBS check at its application's role's level or higher."""
    meets = Q(pk__in=[])
    for needed in DBSLevel.values:
        enough = [level for level in DBSLevel.values if dbs_level_meets(level, needed)]
        meets |= Q(application__role__dbs_level=needed, level__in=enough)
    return meets


class SupervisionSessionQuerySet(StaffScopedQuerySet):
    pass
