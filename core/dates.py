"""Calendar months, as matching, vetting, accreditation and outcomes all count them."""

from datetime import date

from dateutil.relativedelta import relativedelta


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), on the month's last day where it is shorter:
    31 August plus 6 months is 28 (or 29) February."""
    return day + relativedelta(months=months)


def months_between(start: date, end: date) -> int:
    """Whole months from start to end: 31 January to 30 July is 5, to 31 July is 6.
    outcomes/reports.py counts the same way in SQL."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - (end.day < start.day)
