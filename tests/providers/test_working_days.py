"""Working days in England and Wales: weekends and bank holidays do not count."""

from datetime import date, timedelta

import pytest

from providers.working_days import add_working_days, is_working_day, working_days_between

GOOD_FRIDAY_2026 = date(2026, 4, 3)
EASTER_MONDAY_2026 = date(2026, 4, 6)


def test_bank_holidays_and_weekends_are_not_working_days():
    assert not is_working_day(GOOD_FRIDAY_2026)
    assert not is_working_day(EASTER_MONDAY_2026)
    assert not is_working_day(date(2026, 11, 28))  # a Saturday
    assert not is_working_day(date(2026, 12, 28))  # Boxing Day moved to the Monday
    assert is_working_day(date(2026, 11, 24))


def test_adding_working_days_skips_weekends_and_bank_holidays():
    assert add_working_days(date(2026, 11, 20), 1) == date(2026, 11, 23)  # Friday to Monday
    # Thursday before Easter: Good Friday and Easter Monday do not count.
    assert add_working_days(date(2026, 4, 2), 1) == date(2026, 4, 7)
    # Christmas Eve 2026 (Thursday): Christmas Day, the weekend and Boxing Day observed.
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)
    assert add_working_days(date(2026, 12, 29), -1) == date(2026, 12, 24)
    assert add_working_days(date(2026, 11, 24), 10) == date(2026, 12, 8)


def test_working_days_between_counts_the_days_after_the_start():
    assert working_days_between(date(2026, 11, 20), date(2026, 11, 23)) == 1
    assert working_days_between(date(2026, 4, 2), date(2026, 4, 7)) == 1
    assert working_days_between(date(2026, 11, 24), date(2026, 11, 24)) == 0
    assert working_days_between(date(2026, 11, 23), date(2026, 11, 20)) == -1


@pytest.mark.parametrize("start", [date(2026, 3, 20) + timedelta(days=n) for n in range(0, 300, 7)])
def test_adding_and_counting_agree(start):
    for n in (1, 5, 10, 23):
        end = add_working_days(start, n)
        assert working_days_between(start, end) == n
        assert add_working_days(end, -n) <= start
