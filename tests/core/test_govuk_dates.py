"""Dates and times follow the GOV.UK style guide: "7:38am", "3 December 2026" (issue 19)."""

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from hypothesis import given
from hypothesis import strategies as st

from core.dates import govuk_date, govuk_datetime, govuk_time


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (time(7, 38), "7:38am"),
        (time(10, 0), "10am"),
        (time(15, 5), "3:05pm"),
        (time(12, 0), "midday"),
        (time(0, 0), "midnight"),
        (time(0, 30), "12:30am"),
        (time(12, 1), "12:01pm"),
    ],
)
def test_times(value, expected):
    assert govuk_time(value) == expected


@given(st.times())
def test_every_time_reads_the_govuk_way(value):
    text = govuk_time(value)
    assert text in ("midday", "midnight") or re.fullmatch(r"(1[0-2]|[1-9])(:[0-5]\d)?(am|pm)", text)
    assert "." not in text and " " not in text


@given(st.dates())
def test_every_date_reads_the_govuk_way(value):
    assert re.fullmatch(r"[1-9]\d? [A-Z][a-z]+ \d{1,4}", govuk_date(value))


def test_a_moment_is_shown_in_uk_time_with_at():
    moment = datetime(2026, 7, 3, 6, 38, tzinfo=ZoneInfo("UTC"))  # 7:38am in London (BST)
    assert govuk_datetime(moment) == "3 July 2026 at 7:38am"
    assert govuk_date(date(2026, 12, 3)) == "3 December 2026"


def test_the_filters_are_built_in_and_leave_nothing_for_no_value():
    template = Template("{{ a|govuk_datetime }}|{{ b|govuk_time }}|{{ c|govuk_date }}")
    moment = datetime(2026, 12, 3, 7, 38, tzinfo=ZoneInfo("Europe/London"))
    assert (
        template.render(Context({"a": moment, "b": None, "c": date(2026, 12, 3)}))
        == "3 December 2026 at 7:38am||3 December 2026"
    )
