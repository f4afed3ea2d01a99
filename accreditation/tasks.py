from celery import shared_task
from django.utils import timezone

from .reminders import DAILY


@shared_task
def send_accreditation_reminders() -> dict:
    """Daily: every accreditation reminder; each sends nothing twice (see reminders)."""

    today = timezone.localdate()
    return {job.__name__: job(today) for job in DAILY}
