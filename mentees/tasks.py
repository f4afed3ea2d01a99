from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from core.emails import html_version
from providers.models import Membership

from .constants import REFERRAL_RETENTION_DAYS, CompletedBy, ContactMethod, ReferralStatus
from .models import Referral


def send_referral_decision_email(referral_id: str) -> int:
    """Tell whoever gave an email address what the provider decided, at most once: the row is
    claimed in the same transaction as the email is written to the outbox. Not a task: call it
    inside the decision's transaction. Returns how many addresses were emailed."""

    claimed = Referral.objects.filter(
        pk=referral_id, decided_at__isnull=False, decision_emailed_at__isnull=True
    ).update(decision_emailed_at=timezone.now())
    if not claimed:
        return 0
    referral = Referral.objects.select_related("organisation").get(pk=referral_id)
    recipients = decision_recipients(referral)
    if not recipients:
        return 0
    # In the language the request was made in, with the check link in that language too.
    known = {code for code, _name in settings.LANGUAGES}
    language = referral.asked_in if referral.asked_in in known else settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "referral": referral,
            "for_worker": referral.completed_by == CompletedBy.WORKER,
            "check_link": settings.SITE_URL.rstrip("/") + reverse("mentees:check_request"),
            "SERVICE_NAME": settings.SERVICE_NAME,
        }
        subject = translation.gettext("Your request for a mentor %(reference)s: %(status)s") % {
            "reference": referral.reference,
            "status": str(referral.get_status_display()).lower(),
        }
        message = render_to_string("mentees/email/referral_decision.txt", context)
    # The email names no one: it may be read by someone else, and the reference is enough.
    send_mail(
        subject=subject,
        message=message,
        html_message=html_version(message),
        from_email=None,
        recipient_list=recipients,
    )
    return len(recipients)


def send_referral_withdrawn_email(referral_id: str) -> int:
    """Tell the provider's org admins and coordinators that a request was withdrawn, through the
    outbox. Not a task: call it in the withdrawal's transaction, which happens once per request
    (the referral is locked while open). Returns how many addresses were emailed."""

    referral = (
        Referral.objects.select_related("organisation")
        .filter(pk=referral_id, status=ReferralStatus.WITHDRAWN)
        .first()
    )
    if referral is None:
        return 0
    recipients = sorted(
        {
            membership.user.email
            for membership in Membership.objects.active()
            .filter(organisation=referral.organisation)
            .select_related("user")
            if membership.is_staff_role
        }
    )
    if not recipients:
        return 0
    link = settings.SITE_URL.rstrip("/") + reverse("mentees:referral_detail", args=[referral.pk])
    message = render_to_string(
        "mentees/email/referral_withdrawn.txt",
        {"referral": referral, "link": link, "SERVICE_NAME": settings.SERVICE_NAME},
    )
    send_mail(
        subject=f"Request {referral.reference} withdrawn",
        message=message,
        html_message=html_version(message),
        from_email=None,
        recipient_list=recipients,
    )
    return len(recipients)


def decision_recipients(referral) -> list[str]:
    recipients = []
    if referral.completed_by == CompletedBy.WORKER and referral.worker_email:
        recipients.append(referral.worker_email)
    if ContactMethod.EMAIL in referral.contact_methods and referral.email:
        recipients.append(referral.email)
    return sorted(set(recipients))


@shared_task
def erase_expired_referrals() -> int:
    """Daily: erase referrals decided more than the retention period ago that did not become a
    case record. Running it twice, or after a worker died half-way, erases nothing twice."""
    # Imported here: the services enqueue this module's emails, so they import it.
    from .services.privacy import referrals_erase_expired

    return referrals_erase_expired(before=timezone.now() - timedelta(days=REFERRAL_RETENTION_DAYS))


@shared_task
def erase_expired_case_records() -> int:
    """Daily: erase case records closed longer ago than their organisation keeps them. Running it
    twice, or after a worker died half-way, erases nothing twice."""
    # Imported here: the services enqueue this module's emails, so they import it.
    from .services.privacy import case_records_erase_expired

    return case_records_erase_expired()
