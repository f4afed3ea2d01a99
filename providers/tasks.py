from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from core.emails import html_version

from .constants import MembershipRole
from .models import Invitation, Membership, Organisation


def send_invitation_email(invitation_id: int) -> bool:
    """Write the invitation link's email to the outbox, at most once: the row is claimed in the
    same transaction. Not a task: call it inside the change's transaction."""
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
    message = render_to_string("providers/email/invitation.txt", context)
    send_mail(
        subject=f"Join {invitation.organisation} on {settings.SERVICE_NAME}",
        message=message,
        html_message=html_version(message),
        from_email=None,
        recipient_list=[invitation.email],
    )
    return True


def send_organisation_decision_email(organisation_id: int, status: str) -> int:
    """Tell an organisation's admins it was approved or rejected (through the outbox; call it in
    the decision's transaction). Returns how many addresses were emailed."""

    organisation = Organisation.objects.get(pk=organisation_id)
    if organisation.status != status:
        return 0  # The decision changed again before this ran; that change sends its own.
    # Not Membership.objects.active(): that leaves out rejected organisations, whom we also tell.
    admins = Membership.objects.filter(
        organisation=organisation, role=MembershipRole.ORG_ADMIN, removed_at__isnull=True
    )
    recipients = sorted(admins.values_list("user__email", flat=True))
    if not recipients:
        return 0
    context = {
        "organisation": organisation,
        "link": settings.SITE_URL.rstrip("/") + reverse("dashboard"),
        "SERVICE_NAME": settings.SERVICE_NAME,
    }
    message = render_to_string("providers/email/organisation_decision.txt", context)
    send_mail(
        subject=f"{organisation} on {settings.SERVICE_NAME}: {organisation.get_status_display()}",
        message=message,
        html_message=html_version(message),
        from_email=None,
        recipient_list=recipients,
    )
    return len(recipients)
