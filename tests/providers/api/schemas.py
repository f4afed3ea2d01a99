"""Validating our answers against the Open Referral UK profile's own JSON schemas.

The profile's files refer to each other by their raw.githubusercontent.com addresses; a
`referencing` registry maps those addresses to the copies in /work/shared/standards, so nothing
is fetched from the network (an unknown address fails to resolve instead).
"""

import json
from datetime import datetime
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

STANDARD = Path("/work/shared/standards/oruk-hsds3")
BASE = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"
PAGE_KEYS = [
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
]

_formats = FormatChecker()
for _name, _check in Draft202012Validator.FORMAT_CHECKER.checkers.items():
    _formats.checkers[_name] = _check


@_formats.checks("date-time", raises=ValueError)
def _is_datetime(value) -> bool:
    if not isinstance(value, str):
        return True
    return datetime.fromisoformat(value).tzinfo is not None


@_formats.checks("uri", raises=ValueError)
def _is_uri(value) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme) and bool(parts.netloc or parts.path)


@cache
def registry() -> Registry:
    resources = []
    for path in STANDARD.rglob("*.json"):
        contents = json.loads(path.read_text())
        uri = BASE + path.relative_to(STANDARD).as_posix()
        resources.append((uri, Resource.from_contents(contents, DRAFT202012)))
    return Registry().with_resources(resources)


@cache
def _profile_page_schema() -> dict:
    openapi = json.loads((STANDARD / "openapi.json").read_text())
    return openapi["components"]["schemas"]["Page"]


def page_of(item_file: str) -> dict:
    """The profile's Page envelope whose contents are items of `item_file`."""
    return {
        "allOf": [_profile_page_schema()],
        "required": PAGE_KEYS,
        "properties": {"contents": {"type": "array", "items": {"$ref": BASE + item_file}}},
    }


def one(item_file: str) -> dict:
    return {"$ref": BASE + item_file}


def api_meta() -> dict:
    openapi = json.loads((STANDARD / "openapi.json").read_text())
    schema = openapi["paths"]["/"]["get"]["responses"]["200"]["content"]["application/json"]
    return {**schema["schema"], "required": ["version", "profile", "openapi_url"]}


def validate(instance, schema: dict) -> None:
    Draft202012Validator(schema, registry=registry(), format_checker=_formats).validate(instance)
