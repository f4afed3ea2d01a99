"""Outcome records, comparators and settings, and scheduled report snapshots."""

from .records import OutcomeRecord
from .settings import Comparator, OutcomeSettings
from .snapshots import ReportSnapshot, ReportSubscription

__all__ = [
    "Comparator",
    "OutcomeRecord",
    "OutcomeSettings",
    "ReportSnapshot",
    "ReportSubscription",
]
