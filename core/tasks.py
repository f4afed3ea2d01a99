import logging

from celery import shared_task
from django.conf import settings

from . import once, outbox

logger = logging.getLogger(__name__)


@shared_task
def relay_outbox() -> int:
    """Send the outbox's due emails. Beat runs it every OUTBOX_SWEEP_SECONDS and each commit that
    writes an email asks for it at once; any number may run together, each row goes once."""
    return outbox.relay()


@shared_task
def forget_sent_emails() -> int:
    """Daily: sent emails are kept OUTBOX_KEEP_SENT_DAYS and given-up ones
    OUTBOX_KEEP_GIVEN_UP_DAYS, then deleted."""
    return outbox.forget_sent(
        days=settings.OUTBOX_KEEP_SENT_DAYS, given_up_days=settings.OUTBOX_KEEP_GIVEN_UP_DAYS
    )


@shared_task
def forget_old_submissions() -> int:
    """Daily: the double-submission keys of forms (core/once.py) are kept SUBMISSION_KEEP_DAYS,
    then deleted. Running it twice deletes nothing more."""
    return once.forget_old_submissions(days=settings.SUBMISSION_KEEP_DAYS)


def kick_relay() -> None:
    """Ask a worker to send now. If the broker cannot be reached the email still goes: beat's
    next sweep sends it, so this never fails the request that wrote it."""
    try:
        relay_outbox.apply_async(retry=False, ignore_result=True)
    except Exception:  # noqa: BLE001 (the broker is down; the sweep will find the row)
        logger.warning("Could not ask a worker to send the outbox now", exc_info=True)
