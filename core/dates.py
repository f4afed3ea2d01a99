"""Dates: calendar months as matching, vetting, accreditation and outcomes all count them, and
dates and times written the GOV.UK way: "3 December 2026", "7:38am", "midday"."""

from datetime import date, datetime, time

from dateutil.relativedelta import relativedelta
from django.utils import timezone


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), on the month's last day where it is shorter:
    31 August plus 6 months is 28 (or 29) February."""
    return day + relativedelta(months=months)


def months_between(start: date, end: date) -> int:
    """Whole months from start to end: 31 January to 30 July is 5, to 31 July is 6.
    outcomes/reports.py counts the same way in SQL."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - (end.day < start.day)


def govuk_time(value: time | datetime) -> str:
    """ "7:38am", "10am", "3:05pm", "midday", "midnight" (the GOV.UK style guide)."""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        value = value.time()
    if value.hour == 0 and value.minute == 0:
        return "midnight"
    if value.hour == 12 and value.minute == 0:
        return "midday"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{suffix}"


def govuk_date(value: date | datetime) -> str:
    """ "3 December 2026": no leading zero, the month in full."""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return f"{value.day} {value:%B %Y}"


def govuk_datetime(value: datetime) -> str:
    """ "3 December 2026 at 7:38am"."""
    return f"{govuk_date(value)} at {govuk_time(value)}"
