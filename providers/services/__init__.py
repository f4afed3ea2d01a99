"""Every state change in providers/: tenancy (organisations, people, invitations) and listings."""

from .listings import (
    draft_fields,
    publish_problems,
    service_create,
    service_discard_draft,
    service_mark_reviewed,
    service_publish_draft,
    service_save_draft,
    service_set_status,
    service_update,
)
from .locations import location_create, location_remove, location_update
from .registration import (
    organisation_decide,
    organisation_details,
    organisation_register,
    organisation_update,
)
from .tenancy import (
    invitation_accept,
    invitation_create,
    invitation_problem,
    invitation_revoke,
    membership_create,
    membership_remove,
    organisation_create,
    organisation_set_status,
)

__all__ = [
    "draft_fields",
    "service_discard_draft",
    "service_publish_draft",
    "service_save_draft",
    "invitation_accept",
    "invitation_create",
    "invitation_problem",
    "invitation_revoke",
    "location_create",
    "location_remove",
    "location_update",
    "membership_create",
    "membership_remove",
    "organisation_create",
    "organisation_decide",
    "organisation_details",
    "organisation_register",
    "organisation_update",
    "organisation_set_status",
    "publish_problems",
    "service_create",
    "service_mark_reviewed",
    "service_set_status",
    "service_update",
]
