from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone


@shared_task
def send_application_update_email(update_id: int) -> bool:
    """Email a volunteer applicant an update on their application, at most once: the row is
    claimed before the email goes."""
    from .models import ApplicationUpdate

    claimed = ApplicationUpdate.objects.filter(pk=update_id, emailed_at__isnull=True).update(
        emailed_at=timezone.now()
    )
    if not claimed:
        return False
    update = ApplicationUpdate.objects.select_related(
        "application__applicant", "application__role", "organisation"
    ).get(pk=update_id)
    application = update.application
    link = settings.SITE_URL.rstrip("/") + reverse(
        "mentees:volunteer_application", args=[application.pk]
    )
    context = {
        "update": update,
        "application": application,
        "link": link,
        "SERVICE_NAME": settings.SERVICE_NAME,
    }
    send_mail(
        subject=f"{update.get_kind_display()}: your application to {update.organisation}",
        message=render_to_string("mentees/volunteering/email/update.txt", context),
        from_email=None,
        recipient_list=[application.applicant.email],
    )
    return True
