import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone

from core.emails import html_version

from .models import Notification
from .reminders import DAILY
from .services.matches import lapse_overdue_proposals


def send_notification_email(notification_id: int) -> bool:
    """Write a notification's email to the outbox, at most once: the notification is claimed in
    the same transaction (core/outbox.py sends it). Not a task: call it inside the change's
    transaction."""

    claimed = Notification.objects.filter(pk=notification_id, emailed_at__isnull=True).update(
        emailed_at=timezone.now()
    )
    if not claimed:
        return False
    notification = Notification.objects.select_related("user").get(pk=notification_id)
    link = settings.SITE_URL.rstrip("/") + notification.link if notification.link else ""
    body = "\n\n".join(part for part in (notification.body, link) if part)
    text = f"{body}\n\n{settings.SERVICE_NAME}"
    send_mail(
        subject=f"{settings.SERVICE_NAME}: {notification.title}",
        message=text,
        html_message=html_version(text),
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
