"""UK postcodes as people type them, made tidy."""

import re

_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")


def normalise_postcode(text: str) -> str | None:
    """'l2 2hb' -> 'L2 2HB'; None when it is not the shape of a UK postcode."""
    compact = re.sub(r"\s+", "", text or "").upper()
    match = _POSTCODE.match(compact)
    return f"{match[1]} {match[2]}" if match else None
