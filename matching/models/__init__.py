from .bulk import BulkProposal, BulkProposalRow
from .meetings import Meeting
from .notifications import EmailPreference, Notification
from .relationships import Exclusion, Match, MatchEvent
from .settings import MatchingSettings

__all__ = [
    "BulkProposal",
    "BulkProposalRow",
    "EmailPreference",
    "Exclusion",
    "Match",
    "MatchEvent",
    "MatchingSettings",
    "Meeting",
    "Notification",
]
