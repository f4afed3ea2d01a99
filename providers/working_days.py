"""Working days in England and Wales: Monday to Friday, less the bank holidays.

The bank holidays come from the `holidays` package (docs/decisions/0018), which is kept up to
date with each year's proclamations, moved days and one-off holidays such as coronations. England
and Wales share one list of bank holidays, so subdivision "ENG" serves both.
"""

from datetime import date, timedelta
from functools import cache

import holidays


@cache
def _calendar() -> holidays.HolidayBase:
    # Years are added to the calendar as dates in them are asked about.
    return holidays.country_holidays("GB", subdiv="ENG")


def is_working_day(day: date) -> bool:
    return _calendar().is_working_day(day)


def add_working_days(day: date, n: int) -> date:
    """The date `n` working days after `day` (before it when `n` is negative).

    `day` itself never counts: 1 working day after a Friday is the next Monday (or Tuesday after
    a bank holiday Monday). With n == 0, `day` if it is a working day, else the next one.
    """
    return _calendar().get_nth_working_day(day, n)


def working_days_between(start: date, end: date) -> int:
    """How many working days have passed from `start` to `end`: the working days after `start`
    up to and including `end`. Negative when `end` is before `start`."""
    if end == start:
        return 0
    if end < start:
        return -working_days_between(end, start)
    return _calendar().get_working_days_count(start + timedelta(days=1), end)
