"""The Approved Provider Standard: the standard itself, applications and their evidence,
assessment, awards and support requests. One module per part, re-exported here."""

from .applications import (
    Application,
    ApplicationEvent,
    EvidenceFile,
    EvidenceSummary,
    RequirementResponse,
    Visit,
)
from .awards import Award, SupportRequest, award_expiry
from .standard import Area, Requirement, Standard

__all__ = [
    "Application",
    "ApplicationEvent",
    "Area",
    "Award",
    "EvidenceFile",
    "EvidenceSummary",
    "Requirement",
    "RequirementResponse",
    "Standard",
    "SupportRequest",
    "Visit",
    "award_expiry",
]
