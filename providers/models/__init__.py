from .directory import Location, Service, ServiceAtLocation, Taxonomy, TaxonomyTerm
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
    "Service",
    "ServiceAtLocation",
    "Taxonomy",
    "TaxonomyTerm",
]
