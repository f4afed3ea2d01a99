"""Reporting periods: months, quarters and financial years, named as people say them."""

from dataclasses import dataclass
from datetime import date, timedelta

from core.dates import add_months


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __post_init__(self):
        if self.end < self.start:
            raise ValueError("A period cannot end before it starts.")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def label(self) -> str:
        whole_months = self.start.day == 1 and (self.end + timedelta(days=1)).day == 1
        if whole_months and self.start.month == self.end.month and self.start.year == self.end.year:
            return f"{self.start:%B %Y}"
        if whole_months and self.start.year == self.end.year:
            return f"{self.start:%B} to {self.end:%B %Y}"
        if whole_months:
            return f"{self.start:%B %Y} to {self.end:%B %Y}"
        if self.start.year == self.end.year:
            if self.start.month == self.end.month:
                return f"{self.start.day} to {self.end:%-d %B %Y}"
            return f"{self.start:%-d %B} to {self.end:%-d %B %Y}"
        return f"{self.start:%-d %B %Y} to {self.end:%-d %B %Y}"

    def as_dict(self) -> dict:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "label": self.label}

    @property
    def slug(self) -> str:
        return f"{self.start.isoformat()}-to-{self.end.isoformat()}"


def month_of(day: date) -> Period:
    start = day.replace(day=1)
    return Period(start, add_months(start, 1) - timedelta(days=1))


def quarter_of(day: date) -> Period:
    start = date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return Period(start, add_months(start, 3) - timedelta(days=1))


def previous_month(today: date) -> Period:
    return month_of(today.replace(day=1) - timedelta(days=1))


def previous_quarter(today: date) -> Period:
    return quarter_of(quarter_of(today).start - timedelta(days=1))


def financial_year_of(day: date) -> Period:
    """1 April to 31 March."""
    year = day.year if day.month >= 4 else day.year - 1
    return Period(date(year, 4, 1), date(year + 1, 3, 31))


def last_twelve_months(today: date) -> Period:
    return Period(add_months(today, -12) + timedelta(days=1), today)


def months_between_periods(first: date, last: date) -> list[Period]:
    """Every calendar month from the one holding `first` to the one holding `last`."""
    periods, day = [], first.replace(day=1)
    while day <= last:
        periods.append(month_of(day))
        day = add_months(day, 1)
    return periods


def quarters_between(first: date, last: date) -> list[Period]:
    periods, day = [], quarter_of(first).start
    while day <= last:
        periods.append(quarter_of(day))
        day = add_months(day, 3)
    return periods


# The periods an audience outside the organisation (commissioners) may see: whole quarters
# (April to June, July to September, October to December, January to March) and whole
# financial years, each made of four of those quarters. Any two of them either do not overlap
# or one is a year holding the other, so the disclosure rule can be applied across the family
# (outcomes/services/reports.comparison_report): a figure two overlapping windows of any length
# would give away by subtraction is never published.
PUBLISHED_PERIODS_MESSAGE = (
    "Choose a whole quarter (for example 1 4 2025 to 30 6 2025) or a whole financial year "
    "(1 4 2025 to 31 3 2026). Reports for commissioners cover only these, so that no one's "
    "figures can be worked out by taking one report away from another"
)


def is_published_period(period: Period) -> bool:
    return period in (quarter_of(period.start), financial_year_of(period.start))


def quarters_in(period: Period) -> list[Period]:
    """The quarters a published period is made of: itself if it is a quarter."""
    return quarters_between(period.start, period.end)


def latest_complete_financial_year(complete_if_started_by: date) -> Period:
    """The latest financial year whose every follow-up started on or before the given day."""
    year = financial_year_of(complete_if_started_by)
    if year.end > complete_if_started_by:
        year = financial_year_of(year.start - timedelta(days=1))
    return year


def published_choices(today: date) -> list[tuple[str, Period]]:
    """Quick links for commissioners: the last finished quarter and financial year."""
    last_quarter = previous_quarter(today)
    last_year = financial_year_of(financial_year_of(today).start - timedelta(days=1))
    return [
        (f"Last quarter ({last_quarter.label})", last_quarter),
        (f"Financial year {last_year.start.year}/{str(last_year.end.year)[2:]}", last_year),
    ]
