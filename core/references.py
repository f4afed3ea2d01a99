"""Reference numbers people can read out and type: JM-7K3Q-9XRT for a referral, MN-… for a
case record, VA-… for a volunteer application, and the accreditation's own.

The alphabet leaves out letters and digits that are easily confused (0 and O, 1, I and L, 5 and
S, 2 and Z, 8 and B, U and V) so a reference read over the phone or copied from paper is typed
right. Eight random characters from 23 give about 8·10^10 references: far too many to guess, and
the look-up is rate-limited besides.
"""

import re
import secrets

from django.db import IntegrityError

ALPHABET = "34679ACDEFGHJKMNPQRTWXY"
_GROUP = f"[{ALPHABET}]{{4}}"


def new_reference(prefix: str) -> str:
    characters = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"{prefix}-{characters[:4]}-{characters[4:]}"


def unique_reference(model, field: str, prefix: str) -> str:
    """A reference not yet used in `model.field` (a clash among 8·10^10 is rare, not impossible).
    The field must also be unique in the database: two requests may draw the same one at once."""
    for _ in range(10):
        candidate = new_reference(prefix)
        if not model.objects.filter(**{field: candidate}).exists():
            return candidate
    raise IntegrityError(f"Could not find an unused {prefix} reference")


def normalise_reference(text: str, prefix: str) -> str | None:
    """The reference in its canonical form, or None if it cannot be one.

    Forgiving of spaces, missing dashes and lower case; the characters themselves are never
    guessed at.
    """
    compact = re.sub(r"[\s\-–—]", "", text or "").upper()
    if compact.startswith(prefix):
        compact = compact[len(prefix) :]
    candidate = f"{prefix}-{compact[:4]}-{compact[4:]}"
    if re.fullmatch(f"{prefix}-{_GROUP}-{_GROUP}", candidate):
        return candidate
    return None
