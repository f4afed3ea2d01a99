"""When a proven reoffending answer can be known (outcomes.followup, outcomes.periods)."""

from datetime import date

import pytest

from core.dates import add_months, months_between
from outcomes.followup import FollowUp, complete_if_started_by
from outcomes.periods import Period, financial_year_of, previous_month, previous_quarter


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2025, 1, 15), 18, date(2026, 7, 15)),
        (date(2024, 8, 31), 6, date(2025, 2, 28)),
        (date(2023, 8, 31), 6, date(2024, 2, 29)),
        (date(2026, 3, 31), -18, date(2024, 9, 30)),
    ],
)
def test_add_months_keeps_the_day_or_the_months_last(day, months, expected):
    assert add_months(day, months) == expected


def test_the_follow_up_window_and_when_the_answer_is_final():
    follow_up = FollowUp(date(2025, 1, 15))
    assert follow_up.window_ends == date(2026, 1, 14)
    assert follow_up.final_on == date(2026, 7, 15)
    assert not follow_up.is_complete(date(2026, 7, 14))
    assert follow_up.is_complete(date(2026, 7, 15))
    assert follow_up.counts(date(2026, 1, 14)) and not follow_up.counts(date(2026, 1, 15))
    assert not follow_up.counts(date(2025, 1, 14))


def test_from_a_months_end_the_final_day_agrees_with_the_database_cut_off():
    follow_up = FollowUp(date(2024, 8, 31))
    assert follow_up.final_on == date(2026, 3, 1)
    for day in (date(2026, 2, 28), follow_up.final_on):
        assert follow_up.is_complete(day) == (follow_up.index_date <= complete_if_started_by(day))


def test_months_between_counts_whole_months():
    assert months_between(date(2025, 1, 31), date(2025, 7, 30)) == 5
    assert months_between(date(2025, 1, 31), date(2025, 7, 31)) == 6


def test_periods_are_named_as_people_say_them():
    assert previous_month(date(2026, 3, 1)).label == "February 2026"
    assert previous_quarter(date(2026, 4, 1)).label == "January to March 2026"
    assert financial_year_of(date(2026, 2, 1)).label == "April 2025 to March 2026"
    assert Period(date(2026, 1, 5), date(2026, 1, 9)).label == "5 to 9 January 2026"
    with pytest.raises(ValueError):
        Period(date(2026, 1, 9), date(2026, 1, 5))
