"""Filters for the staff lists of mentees."""

import django_filters

from core.filters import status_filter

from .constants import MenteeStatus
from .models import Mentee


class MenteeListFilter(django_filters.FilterSet):
    status = status_filter(MenteeStatus.choices)

    class Meta:
        model = Mentee
        fields = ["status"]
