"""Volunteering's emails and scheduled jobs."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from core.emails import html_version

from .models import ApplicationUpdate


def send_application_update_email(update_id: int) -> bool:
    """Email a volunteer applicant an update on their application, at most once: the row is
    claimed in the same transaction as the email is written to the outbox. Not a task: call it
    inside the update's transaction."""

    claimed = ApplicationUpdate.objects.filter(
        pk=update_id, emailed_at__isnull=True, application__erased_at__isnull=True
    ).update(emailed_at=timezone.now())
    if not claimed:
        return False
    update = ApplicationUpdate.objects.select_related(
        "application__applicant", "application__role", "organisation"
    ).get(pk=update_id)
    application = update.application
    link = settings.SITE_URL.rstrip("/") + reverse(
        "volunteers:volunteer_application", args=[application.pk]
    )
    context = {
        "update": update,
        "application": application,
        "link": link,
        "SERVICE_NAME": settings.SERVICE_NAME,
    }
    message = render_to_string("volunteers/volunteering/email/update.txt", context)
    send_mail(
        subject=f"{update.get_kind_display()}: your application to {update.organisation}",
        message=message,
        html_message=html_version(message),
        from_email=None,
        recipient_list=[application.applicant.email],
    )
    return True


@shared_task
def erase_expired_volunteer_applications() -> int:
    """Daily: erase volunteer applications that ended without approval (not approved, withdrawn,
    or a draft left unsent) longer ago than the retention period. Running it twice, or after a
    worker died half-way, erases nothing twice."""
    # Imported here: the services enqueue this module's emails, so they import it.
    from .services.volunteer_retention import volunteer_applications_erase_expired

    return volunteer_applications_erase_expired()
