"""The transactional outbox: every email is a row written in the same transaction as the change
that causes it (through core.mail.OutboxEmailBackend, Django's EMAIL_BACKEND), and this relay
sends the rows later.

- A relay claims a few due rows with SELECT ... FOR UPDATE SKIP LOCKED, stamps them with a lease
  (a token and an expiry) and commits; then sends each and marks it sent only if it still holds
  the lease. A relay that dies (a killed worker, a lost machine) leaves its rows leased, and once
  the lease runs out the next relay sends them: nothing is claimed for ever.
- Rows to one address go in the order they were written: a row is not claimed while an earlier
  row to the same address is still waiting (even one waiting to be tried again).
- A failed send is tried again after a growing wait; after OUTBOX_MAX_ATTEMPTS the row is "dead"
  and platform admins see it in Django's admin, where they can send it again.
- Each email's Message-ID comes from its row, so if a relay is killed between the mail server's
  "accepted" and our "sent" (the one gap no outbox can close), a second copy has the same
  Message-ID and mail systems drop it.
"""

import logging
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone

from .models import OutboxMessage, OutboxStatus

logger = logging.getLogger(__name__)


def lease_seconds() -> int:
    return settings.OUTBOX_LEASE_SECONDS


def backoff_seconds(attempts: int) -> int:
    """The wait before try number `attempts + 1`: 30 s, 1 min, 2 min, ... at most an hour."""
    first = settings.OUTBOX_FIRST_RETRY_SECONDS
    return min(first * 2 ** max(attempts - 1, 0), 3600)


def enqueue(
    *,
    recipient: str,
    subject: str,
    body: str,
    from_email: str = "",
    html_body: str = "",
    headers: dict | None = None,
) -> OutboxMessage:
    """Write one email to the outbox. Call it inside the transaction that makes the change."""
    return OutboxMessage.objects.create(
        recipient=recipient.strip(),
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        subject=subject,
        body=body,
        html_body=html_body,
        headers=headers or {},
        available_at=timezone.now(),
    )


def claim(limit: int) -> tuple[uuid.UUID, list[int]]:
    """Lease up to `limit` due rows, the first waiting one of each address only."""
    now = timezone.now()
    token = uuid.uuid4()
    earlier = OutboxMessage.objects.filter(
        recipient=OuterRef("recipient"), status=OutboxStatus.PENDING, id__lt=OuterRef("id")
    )
    with transaction.atomic():
        # A row whose relay died too often (say it is too big to send) stops going round.
        OutboxMessage.objects.filter(
            status=OutboxStatus.PENDING,
            attempts__gte=settings.OUTBOX_MAX_ATTEMPTS,
            leased_until__lt=now,
        ).update(status=OutboxStatus.DEAD, leased_until=None, lease_token=None)
        due = (
            OutboxMessage.objects.filter(status=OutboxStatus.PENDING, available_at__lte=now)
            .filter(Q(leased_until__isnull=True) | Q(leased_until__lt=now))
            .filter(~Exists(earlier))
            .order_by("id")
            .select_for_update(skip_locked=True, of=("self",))
        )
        ids = list(due.values_list("id", flat=True)[:limit])
        if ids:
            OutboxMessage.objects.filter(id__in=ids).update(
                leased_until=now + timedelta(seconds=lease_seconds()),
                lease_token=token,
                attempts=F("attempts") + 1,
            )
    return token, ids


def message_id(row: OutboxMessage) -> str:
    return f"<outbox-{row.pk}-{row.created_at:%Y%m%d%H%M%S}@{settings.OUTBOX_MESSAGE_ID_DOMAIN}>"


def deliver(row_id: int, token: uuid.UUID, connection) -> bool:
    """Send one leased row and mark it sent; on failure, wait and try again, or give up."""
    row = OutboxMessage.objects.filter(
        id=row_id, lease_token=token, status=OutboxStatus.PENDING
    ).first()
    if row is None:
        return False  # Our lease ran out and another relay has it.
    email = EmailMultiAlternatives(
        subject=row.subject,
        body=row.body,
        from_email=row.from_email,
        to=[row.recipient],
        headers={**row.headers, "Message-ID": message_id(row)},
        connection=connection,
    )
    if row.html_body:
        email.attach_alternative(row.html_body, "text/html")
    try:
        email.send()
    except Exception as error:  # noqa: BLE001 (any failure to send is a failed try, recorded)
        failed(row, token, error)
        _close(connection)  # The next row opens a fresh connection.
        return False
    OutboxMessage.objects.filter(id=row.pk, lease_token=token).update(
        status=OutboxStatus.SENT,
        sent_at=timezone.now(),
        leased_until=None,
        lease_token=None,
        last_error="",
    )
    return True


def failed(row: OutboxMessage, token: uuid.UUID, error: Exception) -> None:
    logger.warning("Email %s to the outbox's recipient not sent: %r", row.pk, error)
    message = f"{type(error).__name__}: {error}"[:2000]
    if row.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        changes = {"status": OutboxStatus.DEAD}
    else:
        wait = timedelta(seconds=backoff_seconds(row.attempts))
        changes = {"available_at": timezone.now() + wait}
    OutboxMessage.objects.filter(id=row.pk, lease_token=token).update(
        leased_until=None, lease_token=None, last_error=message, **changes
    )


def relay(*, batch: int = 20, seconds: float | None = None) -> int:
    """Send what is due, batch by batch, for at most `seconds`. Returns how many were sent."""
    budget = settings.OUTBOX_RELAY_SECONDS if seconds is None else seconds
    started = time.monotonic()
    sent = 0
    while time.monotonic() - started < budget:
        token, ids = claim(batch)
        if not ids:
            break
        connection = get_connection(settings.OUTBOX_DELIVERY_BACKEND)
        try:
            for row_id in ids:
                sent += deliver(row_id, token, connection)
        finally:
            _close(connection)
    return sent


def _close(connection) -> None:
    try:
        connection.close()
    except Exception:  # noqa: BLE001 (a broken connection is as good as closed)
        logger.debug("Closing the mail connection failed", exc_info=True)


def retry(*, ids) -> int:
    """Send dead rows again (a platform admin's choice): they wait for the relay afresh."""
    return OutboxMessage.objects.filter(id__in=ids, status=OutboxStatus.DEAD).update(
        status=OutboxStatus.PENDING,
        attempts=0,
        available_at=timezone.now(),
        leased_until=None,
        lease_token=None,
    )


def forget_sent(*, days: int, given_up_days: int) -> int:
    """Delete emails sent more than `days` ago, and emails given up more than `given_up_days`
    after they were written: their bodies may be about a person, and the change that caused
    each is recorded where it belongs (audit log, history)."""
    now = timezone.now()
    sent = Q(status=OutboxStatus.SENT, sent_at__lt=now - timedelta(days=days))
    given_up = Q(status=OutboxStatus.DEAD, created_at__lt=now - timedelta(days=given_up_days))
    deleted, _ = OutboxMessage.objects.filter(sent | given_up).delete()
    return deleted


def forget_address(address: str) -> int:
    """Delete the copies we keep of emails to `address`, sent or given up: called when the person
    it belongs to is erased, so what we wrote to them does not outlive their record. Emails still
    waiting are left to go (the same address may have a live record with another organisation)
    and are deleted OUTBOX_KEEP_SENT_DAYS after sending, like every other."""
    if not address.strip():
        return 0
    kept = OutboxMessage.objects.filter(
        recipient__iexact=address.strip(), status__in=(OutboxStatus.SENT, OutboxStatus.DEAD)
    )
    deleted, _ = kept.delete()
    return deleted
