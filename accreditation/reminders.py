"""Daily reminders for the Approved Provider Standard, each sent once (see matching.reminders):
renewal 90, 30 and 0 days before an award expires (org admins); an application idle for 60
days (org admins); an application waiting 10 working days for an assessor (assessors)."""

from django.urls import reverse

from accounts.constants import PlatformRole
from accounts.models import User
from matching.notification_kinds import NotificationKind as Kind
from matching.services.notifications import notify, notify_staff
from providers.constants import MembershipRole

from .models import Application, Award

RENEWAL_WARNINGS_DAYS = (90, 30, 0)
ORG_ADMINS = (MembershipRole.ORG_ADMIN,)


def renewals_due(today) -> int:
    sent = 0
    for days in RENEWAL_WARNINGS_DAYS:
        for award in Award.objects.expiring_in(days, on=today).select_related("organisation"):
            when = "today" if days == 0 else f"in {days} days"
            sent += notify_staff(
                organisation=award.organisation,
                roles=ORG_ADMINS,
                kind=Kind.APS_RENEWAL_DUE,
                key=f"{award.pk}:{days}",
                title=f"Your Approved Provider Standard award expires {when}",
                body="Start re-accreditation so your listing keeps its badge.",
                link=reverse("accreditation:overview"),
            )
    return sent


def idle_applications(today) -> int:
    sent = 0
    for application in Application.objects.idle(on=today).select_related("organisation"):
        sent += notify_staff(
            organisation=application.organisation,
            roles=ORG_ADMINS,
            kind=Kind.APS_APPLICATION_IDLE,
            key=f"{application.pk}:{application.last_activity_at:%Y-%m-%d}",
            title="Your accreditation application has not changed for 60 days",
            link=reverse("accreditation:application", args=[application.pk]),
        )
    return sent


def waiting_for_an_assessor(today) -> int:
    assessors = list(User.objects.filter(platform_role=PlatformRole.ASSESSOR, is_active=True))
    sent = 0
    for application in Application.objects.waiting_for_assessor_for(on=today):
        for assessor in assessors:
            sent += bool(
                notify(
                    user=assessor,
                    kind=Kind.APS_WAITING_FOR_ASSESSOR,
                    key=str(application.pk),
                    title="An application has waited 10 working days for an assessor",
                    link=reverse("accreditation:queue"),
                )
            )
    return sent


DAILY = [renewals_due, idle_applications, waiting_for_an_assessor]
