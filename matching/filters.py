"""Filters for the coordinator's list of relationships."""

import django_filters

from core.filters import status_filter

from .constants import MatchStatus
from .models import Match

UNDER_WAY = "active"  # every status of a relationship still going (ACTIVE_STATUSES)
SHOW_CHOICES = [(UNDER_WAY, "Under way"), *MatchStatus.choices]


class RelationshipListFilter(django_filters.FilterSet):
    status = status_filter(SHOW_CHOICES, method="filter_status")

    class Meta:
        model = Match
        fields = ["status"]

    def filter_status(self, queryset, name, value):
        if value == UNDER_WAY:
            return queryset.active()
        return queryset.filter(status=value)

    def shown(self) -> str:
        """The choice the list shows: under way unless another valid one was asked for."""
        if self.is_valid() and self.form.cleaned_data.get("status"):
            return self.form.cleaned_data["status"]
        return UNDER_WAY
