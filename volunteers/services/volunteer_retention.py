"""Retention of volunteer applications that did not lead to a mentor record.

A draft never sent, an application withdrawn and one not approved are kept for
VOLUNTEER_APPLICATION_RETENTION_MONTHS after they ended, then a daily job erases them: what
identifies the applicant or their referees goes, with what they told us about a criminal
record; what the counts need (status, role, organisation, council areas, kinds of help, the
month of each date) stays. The row keeps its link to the applicant's account, so they still see
that it existed, and may apply to the role again. Approved applications back a mentor record and
are never erased here.
"""

from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts.audit import audit_record
from accounts.constants import AuditAction
from core.dates import add_months

from ..constants import VOLUNTEER_APPLICATION_RETENTION_MONTHS, ApplicationStatus
from ..models import (
    ApplicationUpdate,
    CriminalRecordDisclosure,
    DBSCheck,
    Interview,
    TrainingRecord,
    VolunteerApplication,
    VolunteerReference,
)

APPLICATION_PERSONAL_FIELDS = {
    "full_name": "",
    "date_of_birth": None,
    "gender": "",
    "gender_description": "",
    "phone": "",
    "postcode": "",
    # What is left stays linked to the applicant's account, so every answer about them that no
    # count reads goes: the experiences they have lived through (prison among them), the
    # languages they speak (British Sign Language among them), when they are free.
    "lived_experience": [],
    "lived_experience_details": "",
    "availability": [],
    "can_visit_prisons": None,
    "languages": [],
    "other_languages": "",
    "experience": "",
    "motivation": "",
    "decision_reason": "",
}
APPLICATION_DATES = ("created_at", "submitted_at", "decided_at", "withdrawn_at", "dbs_consent_at")

# What started the retention period, by status; a missing date falls back to the last save.
_ENDED_BY_STATUS = {
    ApplicationStatus.DRAFT: None,
    ApplicationStatus.REJECTED: "decided_at",
    ApplicationStatus.WITHDRAWN: "withdrawn_at",
}
_REASONS = {
    ApplicationStatus.DRAFT: "not sent, and last changed",
    ApplicationStatus.REJECTED: "not approved",
    ApplicationStatus.WITHDRAWN: "withdrawn",
}


def _ended_before(cutoff: datetime) -> Q:
    """Applications whose retention period started before `cutoff`."""
    expired = Q()
    for status, field in _ENDED_BY_STATUS.items():
        if field is None:
            expired |= Q(status=status, updated_at__lt=cutoff)
        else:
            expired |= Q(status=status, **{f"{field}__lt": cutoff}) | Q(
                status=status, **{f"{field}__isnull": True}, updated_at__lt=cutoff
            )
    return expired


def erasable_applications(*, now: datetime | None = None):
    """Applications that may be due for erasure at `now`: ended without approval about the
    retention period ago or longer, not erased yet, and backing no mentor record. A few days
    too many, as months differ in length; erase_due_on says which are due."""
    now = now or timezone.now()
    cutoff = add_months(now, -VOLUNTEER_APPLICATION_RETENTION_MONTHS) + timedelta(days=4)
    return VolunteerApplication.objects.filter(
        _ended_before(cutoff), erased_at__isnull=True, mentor_profile__isnull=True
    )


def erase_due_on(application: VolunteerApplication) -> date | None:
    """The day the retention job will erase this application, or None if it never will (yet):
    the same calendar day (in UK time) the retention period after it ended, the last day of
    February for 29 February. The job runs early each morning, so it is gone on that day."""
    if application.erased_at or application.status not in _ENDED_BY_STATUS:
        return None
    field = _ENDED_BY_STATUS[application.status]
    ended = (getattr(application, field) if field else None) or application.updated_at
    return add_months(timezone.localdate(ended), VOLUNTEER_APPLICATION_RETENTION_MONTHS)


def _month(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return timezone.localtime(moment).replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def _erase_application(application: VolunteerApplication) -> None:
    """Blank the personal details of the application and of every record hanging off it. The
    caller holds the row lock and audits."""
    for name, blank in APPLICATION_PERSONAL_FIELDS.items():
        setattr(application, name, blank)
    for name in APPLICATION_DATES:
        setattr(application, name, _month(getattr(application, name)))
    application.erased_at = timezone.now()
    application.save()
    CriminalRecordDisclosure.objects.filter(application=application).delete()
    VolunteerReference.objects.filter(application=application).update(
        name="", relationship="", email="", phone="", notes=""
    )
    Interview.objects.filter(application=application).update(notes="", arrangements="")
    DBSCheck.objects.filter(application=application).update(
        certificate_number="", risk_decision_reason=""
    )
    TrainingRecord.objects.filter(application=application).update(notes="")
    # Updates quote interview arrangements and decision reasons: only their kind and date stay.
    ApplicationUpdate.objects.filter(application=application).update(message="")


def volunteer_applications_erase_expired(*, now: datetime | None = None) -> int:
    """Erase every application past its retention period. Each is erased in its own
    transaction; one already erased, changed since (a draft saved again), or locked by another
    worker is skipped, so running twice, or again after a worker died half-way, erases nothing
    twice."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    count = 0
    for pk in erasable_applications(now=now).values_list("pk", flat=True).iterator():
        with transaction.atomic():
            application = (
                erasable_applications(now=now)
                .select_for_update(skip_locked=True, of=("self",))
                .filter(pk=pk)
                .first()
            )
            if application is None or erase_due_on(application) > today:
                continue
            status, sent = application.status, application.submitted_at is not None
            _erase_application(application)
            audit_record(
                actor=None,
                action=AuditAction.ERASED,
                obj=application,
                # A draft never sent is private to the applicant, so stays out of the
                # organisation's log.
                organisation=application.organisation if sent else None,
                details={
                    "reason": f"{_REASONS[status]} more than "
                    f"{VOLUNTEER_APPLICATION_RETENTION_MONTHS} months ago (retention period)"
                },
            )
        count += 1
    return count
