"""A new organisation registers itself and waits for a platform admin's decision."""

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction

from accounts.audit import audited_save, locked

from ..constants import MembershipRole, OrganisationStatus
from ..directory_version import directory_changed
from ..models import Organisation, Region
from ..search import refresh_search_index
from ..tasks import send_organisation_decision_email
from .tenancy import membership_create, organisation_create, organisation_set_status


@transaction.atomic
def organisation_register(
    *,
    actor,
    name: str,
    region: Region | None,
    description: str,
    charity_number: str,
    company_number: str,
    website: str,
    email: str,
    phone: str,
    address_1: str,
    city: str,
    postcode: str,
    request=None,
) -> Organisation:
    """Create a pending organisation with the registering person as its first org admin."""
    name = name.strip()
    if Organisation.objects.filter(name__iexact=name).exists():
        raise ValidationError(
            {
                "name": f"An organisation called {name} is already registered. Ask its admin to "
                "invite you, or use its full registered name."
            }
        )
    organisation = organisation_create(
        actor=actor,
        name=name,
        status=OrganisationStatus.PENDING,
        region=region,
        description=description,
        charity_number=charity_number,
        company_number=company_number,
        website=website,
        email=email,
        phone=phone,
        address_1=address_1,
        city=city,
        postcode=postcode,
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


# What an org admin may change about their organisation (organisation_update's arguments).
DETAILS = (
    "name",
    "region",
    "description",
    "charity_number",
    "company_number",
    "website",
    "email",
    "phone",
    "address_1",
    "city",
    "postcode",
    "case_retention_years",
    "logo",
)


def organisation_details(organisation: Organisation) -> dict:
    """The organisation's details as organisation_update takes them, to change some."""
    return {name: getattr(organisation, name) for name in DETAILS}


@transaction.atomic
def organisation_update(
    *,
    actor,
    organisation: Organisation,
    name: str,
    region: Region | None,
    description: str,
    charity_number: str,
    company_number: str,
    website: str,
    email: str,
    phone: str,
    address_1: str,
    city: str,
    postcode: str,
    case_retention_years: int,
    logo: File | str | None,
    request=None,
) -> Organisation:
    """An org admin changes their organisation's details (and logo; "" removes it)."""
    values = {
        "name": name,
        "region": region,
        "description": description,
        "charity_number": charity_number,
        "company_number": company_number,
        "website": website,
        "email": email,
        "phone": phone,
        "address_1": address_1,
        "city": city,
        "postcode": postcode,
        "case_retention_years": case_retention_years,
        "logo": logo,
    }
    organisation = locked(organisation)
    changed = audited_save(
        organisation, actor=actor, organisation=organisation, values=values, request=request
    )
    # Its name is searched and shown with each of its listings; cached searches go either way.
    if "name" in changed:
        refresh_search_index(organisation.services.values_list("pk", flat=True))
    else:
        directory_changed()
    return organisation
