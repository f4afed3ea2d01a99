from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import Invitation


@shared_task
def send_invitation_email(invitation_id: int) -> bool:
    """Email the invitation link, at most once: the row is claimed before the email goes."""
    claimed = (
        Invitation.objects.pending()
        .filter(pk=invitation_id, emailed_at__isnull=True)
        .update(emailed_at=timezone.now())
    )
    if not claimed:
        return False
    invitation = Invitation.objects.select_related("organisation").get(pk=invitation_id)
    link = settings.SITE_URL.rstrip("/") + reverse("invitation_accept", args=[invitation.token])
    context = {"invitation": invitation, "link": link, "SERVICE_NAME": settings.SERVICE_NAME}
    send_mail(
        subject=f"Join {invitation.organisation} on {settings.SERVICE_NAME}",
        message=render_to_string("providers/email/invitation.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
    )
    return True
