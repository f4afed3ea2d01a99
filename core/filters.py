"""Helpers for staff list filters (django-filter FilterSets, GET forms that work without
JavaScript)."""

import django_filters
from django.contrib import messages

STATUS_NOT_LISTED = "Choose a status from the list."


def status_filter(choices, **kwargs) -> django_filters.ChoiceFilter:
    """A status to filter by, refused in our words when it is not one of `choices`."""
    return django_filters.ChoiceFilter(
        choices=choices, error_messages={"invalid_choice": STATUS_NOT_LISTED}, **kwargs
    )


def filtered(request, filterset: django_filters.FilterSet):
    """The filterset's rows; a value that is not allowed is left out and said on the page."""
    if not filterset.is_valid():
        for errors in filterset.errors.values():
            for error in errors:
                messages.error(request, error)
    return filterset.qs
