"""Our own OpenAPI 3 description of this API, served at /api/v1/openapi.json."""

from copy import deepcopy

from .pagination import DEFAULT_PER_PAGE, MAX_PAGE, MAX_PER_PAGE
from .params import MAX_AGE, MAX_PROXIMITY_METRES, MAX_TEXT_LENGTH

_UUID = {"type": "string", "format": "uuid"}


def _ref(kind: str, name: str) -> dict:
    return {"$ref": f"#/components/{kind}/{name}"}


def _query(name: str, description: str, schema: dict) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


PARAMETERS = {
    "page": _query(
        "page",
        "Which page of results to return, counting from 1.",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
    ),
    "per_page": _query(
        "per_page",
        f"How many results a page holds; more than {MAX_PER_PAGE} is treated as {MAX_PER_PAGE}.",
        {"type": "integer", "minimum": 1, "default": DEFAULT_PER_PAGE},
    ),
    "search": _query(
        "search",
        "Words to look for in service names, summaries, descriptions, pathways and provider "
        "names; results are ranked by relevance and tolerate small typing mistakes.",
        {"type": "string", "maxLength": MAX_TEXT_LENGTH},
    ),
    "taxonomy_term_id": _query(
        "taxonomy_term_id",
        "Only services linked to this taxonomy term (a resettlement pathway).",
        _UUID,
    ),
    "taxonomy_id": _query(
        "taxonomy_id", "Only services linked to some term of this taxonomy.", _UUID
    ),
    "organization_id": _query("organization_id", "Only services run by this organization.", _UUID),
    "local_authority": _query(
        "local_authority",
        "Only services that cover this local authority, given by its ONS GSS code: services "
        "covering all of England and Wales, its region, or the authority itself.",
        {"type": "string", "pattern": "^[EWSN][0-9]{8}$", "example": "E08000006"},
    ),
    "minimum_age": _query(
        "minimum_age",
        "Only services whose minimum age is at least this (a service without a minimum age "
        "counts as 0).",
        {"type": "number", "minimum": 0, "maximum": MAX_AGE},
    ),
    "maximum_age": _query(
        "maximum_age",
        "Only services whose maximum age is this or lower (services without a maximum age are "
        "left out).",
        {"type": "number", "minimum": 0, "maximum": MAX_AGE},
    ),
    "modified_after": _query(
        "modified_after",
        "Only records changed at or after this moment (ISO 8601; UTC when no offset is given).",
        {"type": "string", "format": "date-time"},
    ),
    "postcode": _query(
        "postcode",
        "A postcode to search around. There is no general postcode lookup: it must be the "
        "postcode of a location or a prison in the directory, otherwise the answer is a 400. "
        "Without proximity, only services covering that postcode's local authority (or working "
        "in that prison) are returned.",
        {"type": "string", "example": "M1 1AA"},
    ),
    "proximity": _query(
        "proximity",
        "With postcode: only results with a location within this many metres of it.",
        {
            "type": "number",
            "minimum": 0,
            "exclusiveMinimum": True,
            "maximum": MAX_PROXIMITY_METRES,
        },
    ),
    "terms_taxonomy_id": _query("taxonomy_id", "Only the terms of this taxonomy.", _UUID),
    "parent_term_id": _query(
        "taxonomy_term_id", "Only the terms whose parent is this term.", _UUID
    ),
}

SERVICE_FILTERS = [
    "search",
    "taxonomy_term_id",
    "taxonomy_id",
    "organization_id",
    "local_authority",
    "minimum_age",
    "maximum_age",
    "modified_after",
    "postcode",
    "proximity",
]

_ORGANIZATION = {
    "type": "object",
    "required": ["id", "name", "description"],
    "properties": {
        "id": _UUID,
        "name": {"type": "string"},
        "description": {"type": "string"},
        "email": {"type": "string"},
        "website": {"type": "string"},
        "uri": {"type": "string"},
    },
}

_SERVICE_SUMMARY = {
    "type": "object",
    "required": ["id", "name", "status"],
    "properties": {
        "id": _UUID,
        "organization_id": _UUID,
        "name": {"type": "string"},
        "description": {"type": "string"},
        "status": {"type": "string", "enum": ["active"]},
        "minimum_age": {"type": "number"},
        "maximum_age": {"type": "number"},
        "last_modified": {"type": "string", "format": "date-time"},
        "organization": _ref("schemas", "Organization"),
    },
}

_LOCATION = {
    "type": "object",
    "required": ["id", "location_type"],
    "properties": {
        "id": _UUID,
        "location_type": {"type": "string", "enum": ["physical"]},
        "name": {"type": "string"},
        "latitude": {"type": "number"},
        "longitude": {"type": "number"},
        "addresses": {"type": "array", "items": {"type": "object"}},
    },
}

_NESTED_LIST = {"type": "array", "items": {"type": "object", "required": ["id"]}}

SCHEMAS = {
    "Error": {
        "type": "object",
        "required": ["detail"],
        "properties": {"detail": {"type": "string"}},
    },
    "Page": {
        "type": "object",
        "required": [
            "total_items",
            "total_pages",
            "page_number",
            "size",
            "first_page",
            "last_page",
            "empty",
            "contents",
        ],
        "properties": {
            "total_items": {"type": "integer"},
            "total_pages": {"type": "integer"},
            "page_number": {"type": "integer"},
            "size": {"type": "integer"},
            "first_page": {"type": "boolean"},
            "last_page": {"type": "boolean"},
            "empty": {"type": "boolean"},
            "contents": {"type": "array", "items": {}},
        },
    },
    "Organization": _ORGANIZATION,
    "OrganizationFull": {
        "allOf": [
            _ref("schemas", "Organization"),
            {
                "type": "object",
                "properties": {
                    "organization_identifiers": _NESTED_LIST,
                    "services": {"type": "array", "items": _ref("schemas", "ServiceSummary")},
                },
            },
        ]
    },
    "ServiceSummary": _SERVICE_SUMMARY,
    "Service": {
        "allOf": [
            _ref("schemas", "ServiceSummary"),
            {
                "type": "object",
                "properties": dict.fromkeys(
                    (
                        "service_areas",
                        "languages",
                        "contacts",
                        "cost_options",
                        "attributes",
                        "schedules",
                        "funding",
                        "service_at_locations",
                    ),
                    _NESTED_LIST,
                ),
            },
        ]
    },
    "Location": _LOCATION,
    "ServiceAtLocation": {
        "type": "object",
        "required": ["id"],
        "properties": {
            "id": _UUID,
            "service_id": _UUID,
            "location_id": _UUID,
            "location": _ref("schemas", "Location"),
            "service": _ref("schemas", "ServiceSummary"),
        },
    },
    "TaxonomyTerm": {
        "type": "object",
        "required": ["id", "name", "description"],
        "properties": {
            "id": _UUID,
            "name": {"type": "string"},
            "description": {"type": "string"},
            "parent_id": _UUID,
            "taxonomy": {"type": "string"},
            "taxonomy_id": _UUID,
            "term": {"type": "string"},
        },
    },
    "Taxonomy": {
        "type": "object",
        "required": ["id", "name", "description"],
        "properties": {
            "id": _UUID,
            "name": {"type": "string"},
            "description": {"type": "string"},
            "taxonomy_terms": {"type": "array", "items": _ref("schemas", "TaxonomyTerm")},
        },
    },
}


def _json(schema: dict) -> dict:
    return {"application/json": {"schema": schema}}


def _error(description: str) -> dict:
    return {"description": description, "content": _json(_ref("schemas", "Error"))}


def _list(summary: str, item: str, filters: list[str]) -> dict:
    page_schema = {
        "allOf": [
            _ref("schemas", "Page"),
            {
                "type": "object",
                "properties": {"contents": {"type": "array", "items": _ref("schemas", item)}},
            },
        ]
    }
    return {
        "get": {
            "summary": summary,
            "operationId": f"list_{item}",
            "parameters": [_ref("parameters", name) for name in ["page", "per_page", *filters]],
            "responses": {
                "200": {"description": "One page of results.", "content": _json(page_schema)},
                "400": _error("A query parameter could not be understood."),
            },
        }
    }


def _detail(summary: str, item: str, what: str) -> dict:
    return {
        "get": {
            "summary": summary,
            "operationId": f"get_{item}",
            "parameters": [
                {
                    "name": "id",
                    "in": "path",
                    "required": True,
                    "description": f"The {what}'s id (a UUID).",
                    "schema": {"type": "string"},
                }
            ],
            "responses": {
                "200": {"description": f"The {what}.", "content": _json(_ref("schemas", item))},
                "404": _error(f"There is no published {what} with this id."),
            },
        }
    }


PATHS = {
    "/": {
        "get": {
            "summary": "Which version and profile of Open Referral this API follows.",
            "operationId": "about",
            "responses": {
                "200": {
                    "description": "The HSDS version, profile and this document's address.",
                    "content": _json(
                        {
                            "type": "object",
                            "required": ["version", "profile", "openapi_url"],
                            "properties": {
                                "version": {"type": "string"},
                                "profile": {"type": "string", "format": "uri"},
                                "openapi_url": {"type": "string", "format": "uri"},
                            },
                        }
                    ),
                }
            },
        }
    },
    "/services": _list("Published mentoring services.", "ServiceSummary", SERVICE_FILTERS),
    "/services/{id}": _detail("One published service, fully nested.", "Service", "service"),
    "/organizations": _list(
        "Organizations with at least one published service.",
        "Organization",
        ["search", "modified_after"],
    ),
    "/organizations/{id}": _detail(
        "One organization and its published services.", "OrganizationFull", "organization"
    ),
    "/taxonomies": _list("Taxonomies and their terms.", "Taxonomy", []),
    "/taxonomies/{id}": _detail("One taxonomy and its terms.", "Taxonomy", "taxonomy"),
    "/taxonomy_terms": _list(
        "Taxonomy terms.", "TaxonomyTerm", ["terms_taxonomy_id", "parent_term_id"]
    ),
    "/taxonomy_terms/{id}": _detail("One taxonomy term.", "TaxonomyTerm", "taxonomy term"),
    "/service_at_locations": _list(
        "Where published services meet people; nearest first when searching by proximity.",
        "ServiceAtLocation",
        SERVICE_FILTERS,
    ),
    "/service_at_locations/{id}": _detail(
        "One service at one location, fully nested.", "ServiceAtLocation", "service_at_location"
    ),
}


def openapi_document() -> dict:
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Open Gate directory API",
            "version": "1",
            "description": (
                "Read-only access to the published mentoring services in the Open Gate "
                "directory, following the Open Referral UK profile of HSDS 3.0. Anyone may use "
                "it; every answer allows cross-origin requests. Errors are JSON objects with a "
                "`detail` message. The directory holds no opening times (schedules), so the "
                "profile's `day`, `start_time` and `end_time` filters are refused with a 400."
            ),
        },
        "servers": [{"url": "/api/v1"}],
        "paths": deepcopy(PATHS),
        "components": {"parameters": deepcopy(PARAMETERS), "schemas": deepcopy(SCHEMAS)},
    }
