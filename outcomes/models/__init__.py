"""Outcome records, comparators and settings, and scheduled report snapshots."""

from .records import OutcomeRecord
from .settings import CommissionerRegion, Comparator, OutcomeSettings
from .snapshots import ReportSnapshot, ReportSubscription

__all__ = [
    "CommissionerRegion",
    "Comparator",
    "OutcomeRecord",
    "OutcomeSettings",
    "ReportSnapshot",
    "ReportSubscription",
]
