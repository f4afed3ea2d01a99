"""Template filters writing dates and times the GOV.UK way (core/dates.py). They are built in
(config/settings.py TEMPLATES builtins), so every template can use them without a load:

    {{ event.at|govuk_datetime }}  → 3 December 2026 at 7:38am
    {{ meeting.starts_at|govuk_time }}  → 10am
    {{ award.awarded_on|govuk_date }}  → 3 December 2026
"""

from django import template

from .. import dates

register = template.Library()


def _or_blank(function):
    def wrapped(value):
        return function(value) if value not in (None, "") else ""

    wrapped.__name__ = function.__name__
    wrapped.__doc__ = function.__doc__
    return wrapped


register.filter("govuk_date", _or_blank(dates.govuk_date))
register.filter("govuk_time", _or_blank(dates.govuk_time))
register.filter("govuk_datetime", _or_blank(dates.govuk_datetime))
