import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from .models import EmailPreference, Notification
from .notification_kinds import SAFEGUARDING_KINDS
from .reminders import DAILY
from .services.matches import lapse_overdue_proposals


@shared_task
def send_notification_email(notification_id: int) -> bool:
    """Email a notification at most once: the row is claimed before the email goes."""

    claimed = Notification.objects.filter(pk=notification_id, emailed_at__isnull=True).update(
        emailed_at=timezone.now()
    )
    if not claimed:
        return False
    notification = Notification.objects.select_related("user").get(pk=notification_id)
    link = settings.SITE_URL.rstrip("/") + notification.link if notification.link else ""
    body = "\n\n".join(part for part in (notification.body, link) if part)
    send_mail(
        subject=f"{settings.SERVICE_NAME}: {notification.title}",
        message=f"{body}\n\n{settings.SERVICE_NAME}",
        from_email=None,
        recipient_list=[notification.user.email],
    )
    return True


@shared_task
def lapse_proposals() -> int:
    """Hourly: proposals not answered in time lapse and coordinators are told."""

    return lapse_overdue_proposals()


@shared_task
def send_daily_reminders() -> dict:
    """Daily: every reminder job, each idempotent; one failing does not stop the others."""

    today = timezone.localdate()
    sent = {}
    for job in DAILY:
        try:
            sent[job.__name__] = job(today)
        except Exception:  # noqa: BLE001 (logged; the other reminders still go)
            logging.getLogger(__name__).exception("Reminder job %s failed", job.__name__)
            sent[job.__name__] = None
    return sent


@shared_task
def send_unsent_emails() -> int:
    """Every 15 minutes: email notifications whose email was never sent (say the worker died
    between saving the notification and sending it). Each is claimed first, so sent once."""

    opted_out = EmailPreference.objects.filter(user=OuterRef("user"), kind=OuterRef("kind"))
    stale = Notification.objects.filter(
        Q(kind__in=SAFEGUARDING_KINDS) | ~Exists(opted_out),
        emailed_at__isnull=True,
        created_at__lt=timezone.now() - timedelta(minutes=10),
        created_at__gt=timezone.now() - timedelta(days=2),
    )
    sent = 0
    for notification_id in stale.values_list("pk", flat=True)[:500]:
        sent += send_notification_email(notification_id)
    return sent
