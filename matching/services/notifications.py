"""Telling people things: once, in the app, and by email unless they chose otherwise."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from providers.constants import STAFF_ROLES
from providers.models import Membership

from ..models import EmailPreference, Notification
from ..notification_kinds import SAFEGUARDING_KINDS


def notify(
    *,
    user,
    kind: str,
    key: str,
    title: str,
    body: str = "",
    link: str = "",
    organisation=None,
    mentee=None,
    referral=None,
):
    """Record a notification for `user` unless this (kind, key) was already notified to them,
    and if they want that kind by email, write the email to the outbox in the same transaction.
    `mentee` or `referral`: the person it is about, named on the notifications page only.
    Returns the new notification, or None if it had been sent before."""
    from ..tasks import send_notification_email

    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                user=user,
                organisation=organisation,
                kind=kind,
                key=key[:120],
                title=title[:200],
                body=body,
                link=link,
                mentee=mentee,
                referral=referral,
            )
            if wants_email(user, kind):
                send_notification_email(notification.pk)
    except IntegrityError:
        return None
    return notification


def wants_email(user, kind: str) -> bool:
    if kind in SAFEGUARDING_KINDS:
        return True
    return not EmailPreference.objects.filter(user=user, kind=kind).exists()


def notify_staff(*, organisation, roles=None, **notification) -> int:
    """Notify every member of the organisation with one of `roles` (org admins and
    coordinators unless told). Returns how many notifications were new."""

    members = Membership.objects.active().filter(
        organisation=organisation, role__in=roles or STAFF_ROLES
    )
    sent = 0
    for membership in members.select_related("user"):
        sent += notify(user=membership.user, organisation=organisation, **notification) is not None
    return sent


def mark_read(*, user, notifications) -> int:
    return notifications.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())


def set_email_preferences(*, user, unwanted: set[str]) -> None:
    """`unwanted`: the kinds the user does not want by email (safeguarding kinds are ignored)."""
    unwanted = set(unwanted) - SAFEGUARDING_KINDS
    with transaction.atomic():
        EmailPreference.objects.filter(user=user).exclude(kind__in=unwanted).delete()
        existing = set(EmailPreference.objects.filter(user=user).values_list("kind", flat=True))
        EmailPreference.objects.bulk_create(
            EmailPreference(user=user, kind=kind) for kind in unwanted - existing
        )
