"""Model instances to Open Referral UK (HSDS 3.0) dicts.

HSDS gives every nested record (language, service area, contact, cost option, address) its own
id. We keep these as fields of the service, so their ids are derived from the owner's id with
uuid5: the same record always has the same id.
"""

import uuid
from collections.abc import Iterable

from django.conf import settings
from django.urls import reverse

from ..constants import Language
from ..models import Location, Organisation, Service, ServiceAtLocation, Taxonomy, TaxonomyTerm

ONS_GEOGRAPHY_URI = "http://statistics.data.gov.uk/id/statistical-geography/{}"
ENGLAND_AND_WALES = "England and Wales"
_LANGUAGE_NAMES = dict(Language.choices)


def derived_id(owner_id: uuid.UUID, kind: str, key: object = "") -> str:
    return str(uuid.uuid5(owner_id, f"{kind}:{key}"))


def _present(record: dict, *optional: str) -> dict:
    """The record without the optional keys that have no value (HSDS types forbid null)."""
    return {k: v for k, v in record.items() if k not in optional or v not in (None, "")}


def _timestamp(moment) -> str:
    return moment.isoformat().replace("+00:00", "Z")


# Taxonomies


def taxonomy_term(term: TaxonomyTerm) -> dict:
    taxonomy = term.taxonomy
    return _present(
        {
            "id": str(term.id),
            "name": term.name,
            "description": term.description,
            "parent_id": str(term.parent_id) if term.parent_id else None,
            "taxonomy": taxonomy.name,
            "taxonomy_id": str(taxonomy.id),
            "term_uri": f"{taxonomy.uri.rstrip('/')}/{term.code}" if taxonomy.uri else None,
            "term": term.code,
            "code": term.code,
        },
        "parent_id",
        "term_uri",
    )


def taxonomy(tax: Taxonomy) -> dict:
    """Needs `terms` prefetched (with their taxonomy)."""
    return _present(
        {
            "id": str(tax.id),
            "name": tax.name,
            "description": tax.description,
            "uri": tax.uri,
            "version": tax.version,
            "taxonomy_terms": [taxonomy_term(term) for term in tax.terms.all()],
        },
        "uri",
        "version",
    )


# Organisations


def _logo_url(org: Organisation) -> str:
    """Where anyone can fetch the logo: the public logo view, as an absolute address."""
    path = reverse("providers:organisation_logo", args=[org.slug])
    return settings.SITE_URL.rstrip("/") + path


def _organization_fields(org: Organisation) -> dict:
    return _present(
        {
            "id": str(org.uuid),
            "name": org.name,
            "description": org.description,
            "email": org.email,
            "website": org.website,
            "logo": _logo_url(org) if org.logo else None,
            "uri": org.uuid.urn,
        },
        "email",
        "website",
        "logo",
    )


def organization_list_item(org: Organisation) -> dict:
    return _organization_fields(org)


def organization_identifiers(org: Organisation) -> list[dict]:
    identifiers = []
    if org.charity_number:
        identifiers.append(
            {
                "id": derived_id(org.uuid, "identifier", "GB-CHC"),
                "organization_id": str(org.uuid),
                "identifier_scheme": "GB-CHC",
                "identifier_type": "Registered charity number",
                "identifier": org.charity_number,
            }
        )
    if org.company_number:
        identifiers.append(
            {
                "id": derived_id(org.uuid, "identifier", "GB-COH"),
                "organization_id": str(org.uuid),
                "identifier_scheme": "GB-COH",
                "identifier_type": "Company number",
                "identifier": org.company_number,
            }
        )
    return identifiers


def organization_full(org: Organisation, services: Iterable[Service]) -> dict:
    """`services` are the organisation's published services."""
    return {
        **_organization_fields(org),
        "organization_identifiers": organization_identifiers(org),
        "services": [_service_fields(service) for service in services],
    }


# Services


def _service_fields(service: Service) -> dict:
    """The service's one-to-one fields."""
    alert = "" if service.accepting_referrals else "Not taking new referrals at the moment."
    wait = service.typical_wait_weeks
    return _present(
        {
            "id": str(service.id),
            "organization_id": str(service.organisation.uuid),
            "name": service.name,
            "description": service.description,
            "url": service.url,
            "email": service.email,
            # Only published services are in the API, and those are open to people.
            "status": "active",
            "fees_description": service.cost_description,
            "eligibility_description": service.eligibility,
            "application_process": service.how_to_refer,
            "wait_time": f"About {wait} week{'s' if wait != 1 else ''}" if wait else None,
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "alert": alert,
            "last_modified": _timestamp(service.updated_at),
        },
        "url",
        "email",
        "fees_description",
        "eligibility_description",
        "application_process",
        "wait_time",
        "minimum_age",
        "maximum_age",
        "alert",
    )


def service_list_item(service: Service) -> dict:
    """Needs `organisation` selected."""
    organisation = organization_list_item(service.organisation)
    return {**_service_fields(service), "organization": organisation}


def service_areas(service: Service) -> list[dict]:
    """Needs `regions` and `local_authorities` prefetched."""
    areas = []

    def add(kind: str, key: object, name: str, uri: str | None = None):
        areas.append(
            _present(
                {
                    "id": derived_id(service.id, f"area-{kind}", key),
                    "service_id": str(service.id),
                    "name": name,
                    "extent": name,
                    "extent_type": "text",
                    "uri": uri,
                    "service_area": name,
                },
                "uri",
            )
        )

    if service.national:
        add("national", "", ENGLAND_AND_WALES)
    for region in service.regions.all():
        add("region", region.pk, region.name)
    for authority in service.local_authorities.all():
        add(
            "local-authority",
            authority.gss_code,
            authority.name,
            ONS_GEOGRAPHY_URI.format(authority.gss_code),
        )
    return areas


def languages(service: Service) -> list[dict]:
    return [
        {
            "id": derived_id(service.id, "language", code),
            "service_id": str(service.id),
            "name": _LANGUAGE_NAMES.get(code, code),
            "code": code,
        }
        for code in service.languages
        if isinstance(code, str)
    ]


def contacts(service: Service) -> list[dict]:
    if not (service.email or service.phone):
        return []
    contact_id = derived_id(service.id, "contact")
    phones = []
    if service.phone:
        phones.append(
            {
                "id": derived_id(service.id, "phone"),
                "contact_id": contact_id,
                "number": service.phone,
            }
        )
    contact = _present(
        {
            "id": contact_id,
            "service_id": str(service.id),
            "name": service.name,
            "email": service.email,
            "phones": phones,
        },
        "email",
    )
    return [contact]


def cost_options(service: Service) -> list[dict]:
    option = {"id": derived_id(service.id, "cost"), "service_id": str(service.id)}
    if service.is_free:
        option |= {
            "option": "Free",
            "amount": 0,
            "amount_description": service.cost_description or "Free to the person mentored.",
        }
    else:
        option |= {
            "option": "There is a charge",
            "amount_description": service.cost_description or "Ask the service about the cost.",
        }
    return [option]


def attributes(service: Service) -> list[dict]:
    """The service's pathways as links to taxonomy terms; needs `pathways__taxonomy`."""
    return [
        {
            "id": derived_id(service.id, "attribute", term.id),
            "link_id": str(service.id),
            "link_type": "service",
            "taxonomy_term_id": str(term.id),
            "taxonomy_term": taxonomy_term(term),
        }
        for term in service.pathways.all()
    ]


def service_full(service: Service, at_locations: Iterable[ServiceAtLocation] | None) -> dict:
    """A fully nested service. `at_locations` None leaves out service_at_locations (used when
    the service is itself nested in a service_at_location)."""
    record = {
        **service_list_item(service),
        "service_areas": service_areas(service),
        "languages": languages(service),
        "contacts": contacts(service),
        "cost_options": cost_options(service),
        "attributes": attributes(service),
        "schedules": [],
        "funding": [],
    }
    if at_locations is not None:
        record["service_at_locations"] = [
            service_at_location_in_service(sal) for sal in at_locations
        ]
    return record


# Locations


def address(location: Location) -> dict:
    authority = location.local_authority
    return {
        "id": derived_id(location.id, "address"),
        "location_id": str(location.id),
        "address_1": location.address_1,
        "city": location.city,
        "region": authority.name if authority else "",
        "state_province": authority.region.name if authority else "",
        "postal_code": location.postcode,
        "country": "GB",
        "address_type": "physical",
    }


def location(loc: Location, *, full: bool) -> dict:
    """`full` adds the address; it needs `local_authority__region` selected."""
    record = _present(
        {
            "id": str(loc.id),
            "location_type": "physical",
            "name": loc.name,
            "latitude": float(loc.latitude) if loc.latitude is not None else None,
            "longitude": float(loc.longitude) if loc.longitude is not None else None,
        },
        "latitude",
        "longitude",
    )
    if full:
        record["addresses"] = [address(loc)]
    return record


def service_at_location_in_service(sal: ServiceAtLocation) -> dict:
    return {
        "id": str(sal.id),
        "service_id": str(sal.service_id),
        "location_id": str(sal.location_id),
        "location": location(sal.location, full=True),
    }


def service_at_location_list_item(sal: ServiceAtLocation) -> dict:
    """Needs `service__organisation` and `location` selected."""
    return {
        "id": str(sal.id),
        "service_id": str(sal.service_id),
        "location_id": str(sal.location_id),
        "location": location(sal.location, full=False),
        "service": service_list_item(sal.service),
    }


def service_at_location_full(sal: ServiceAtLocation) -> dict:
    return {
        "id": str(sal.id),
        "service_id": str(sal.service_id),
        "location_id": str(sal.location_id),
        "location": location(sal.location, full=True),
        "service": service_full(sal.service, None),
    }
