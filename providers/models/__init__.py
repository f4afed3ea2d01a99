from .directory import (
    Location,
    SearchWord,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from .reference import LocalAuthority, Prison, Region
from .tenancy import Invitation, Membership, Organisation

__all__ = [
    "Invitation",
    "LocalAuthority",
    "Location",
    "Membership",
    "Organisation",
    "Prison",
    "Region",
    "SearchWord",
    "Service",
    "ServiceAtLocation",
    "Taxonomy",
    "TaxonomyTerm",
]
