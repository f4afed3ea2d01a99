"""A new organisation registers itself and waits for a platform admin's decision."""

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.audit import audit_record
from accounts.constants import AuditAction

from ..constants import MembershipRole, OrganisationStatus
from ..directory_version import directory_changed
from ..models import Organisation
from ..search import refresh_search_index
from ..tasks import send_organisation_decision_email
from .tenancy import membership_create, organisation_create, organisation_set_status


@transaction.atomic
def organisation_register(*, actor, request=None, **details) -> Organisation:
    """Create a pending organisation with the registering person as its first org admin."""
    name = details.pop("name").strip()
    if Organisation.objects.filter(name__iexact=name).exists():
        raise ValidationError(
            {
                "name": f"An organisation called {name} is already registered. Ask its admin to "
                "invite you, or use its full registered name."
            }
        )
    organisation = organisation_create(
        actor=actor, name=name, status=OrganisationStatus.PENDING, **details
    )
    membership_create(
        actor=actor, organisation=organisation, user=actor, role=MembershipRole.ORG_ADMIN
    )
    return organisation


@transaction.atomic
def organisation_decide(
    *, actor, organisation: Organisation, approve: bool, reason: str = "", request=None
) -> Organisation:
    """A platform admin approves or rejects a pending organisation; its admins are emailed."""

    if organisation.status != OrganisationStatus.PENDING:
        raise ValidationError(
            f"{organisation} is already {organisation.get_status_display().lower()}."
        )
    status = OrganisationStatus.ACTIVE if approve else OrganisationStatus.REJECTED
    organisation = organisation_set_status(
        actor=actor, organisation=organisation, status=status, reason=reason, request=request
    )
    send_organisation_decision_email(organisation.pk, status)  # to the outbox, in this transaction
    return organisation


@transaction.atomic
def organisation_update(*, actor, organisation: Organisation, request=None, **fields):
    """An org admin changes their organisation's details (and logo)."""

    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    changed = sorted(name for name, value in fields.items() if getattr(organisation, name) != value)
    for name, value in fields.items():
        setattr(organisation, name, value)
    organisation.full_clean()
    organisation.save()
    # Its name is searched and shown with each of its listings; cached searches go either way.
    if "name" in changed:
        refresh_search_index(organisation.services.values_list("pk", flat=True))
    else:
        directory_changed()
    audit_record(
        actor=actor,
        action=AuditAction.UPDATED,
        obj=organisation,
        organisation=organisation,
        request=request,
        details={"fields": changed},
    )
    return organisation
