from datetime import date

from core.working_days import add_working_days, is_working_day, working_days_between


def test_weekends_and_bank_holidays_are_not_working_days():
    assert not is_working_day(date(2026, 11, 28))  # Saturday
    assert not is_working_day(date(2026, 12, 28))  # Boxing Day, observed
    assert is_working_day(date(2026, 11, 24))


def test_three_working_days_after_a_release_before_christmas():
    # Released Wednesday 23 December 2026: Thursday 24th, then Tuesday 29th and Wednesday 30th
    # (25th, 26th is a Saturday, 28th is the substitute Boxing Day).
    assert add_working_days(date(2026, 12, 23), 3) == date(2026, 12, 30)


def test_counting_back_and_between():
    assert add_working_days(date(2027, 3, 30), -1) == date(2027, 3, 25)  # over Easter
    assert working_days_between(date(2026, 11, 20), date(2026, 11, 27)) == 5
    assert working_days_between(date(2026, 11, 27), date(2026, 11, 20)) == 0
