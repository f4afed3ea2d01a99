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
