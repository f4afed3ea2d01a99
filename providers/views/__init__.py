from .commissioning import commissioning, commissioning_csv
from .directory import (
    directory,
    organisation_detail,
    organisation_volunteer,
    service_ask,
    service_detail,
)
from .listings import (
    listing_create,
    listing_draft,
    listing_edit,
    listing_manage,
    listing_preview,
    listing_reviewed,
    listing_status,
    listings,
)
from .locations import location_create, location_edit, location_remove, locations
from .organisation import organisation_details, organisation_logo
from .registration import (
    moderation,
    moderation_approve,
    moderation_review,
    organisation_register,
)
from .tenancy import (
    invitation_accept,
    invitation_create,
    invitation_revoke,
    member_remove,
    organisation_switch,
    team,
)

__all__ = [
    "commissioning",
    "commissioning_csv",
    "directory",
    "invitation_accept",
    "invitation_create",
    "invitation_revoke",
    "listing_create",
    "listing_draft",
    "listing_edit",
    "listing_manage",
    "listing_preview",
    "listing_reviewed",
    "listing_status",
    "listings",
    "location_create",
    "location_edit",
    "location_remove",
    "locations",
    "member_remove",
    "moderation",
    "moderation_approve",
    "moderation_review",
    "organisation_register",
    "organisation_detail",
    "organisation_details",
    "organisation_logo",
    "organisation_switch",
    "organisation_volunteer",
    "service_ask",
    "service_detail",
    "team",
]
