"""A number that moves whenever a council (LocalAuthority) is added, changed or removed.

Matching works every council's place (centroid) out once per process and keeps it under this
number (matching/profiles.py), instead of reading and building about 300 of them per request.
Councils change only when the reference data is loaded again or an administrator edits one; both
save through the model, so the signals below see every change.
"""

from django.db.models.signals import post_delete, post_save

from core.versions import current_version, version_changed

from .models import LocalAuthority

COUNCILS_VERSION_KEY = "providers:councils-version"


def councils_version() -> int:
    return current_version(COUNCILS_VERSION_KEY)


def _councils_changed(**_kwargs) -> None:
    version_changed(COUNCILS_VERSION_KEY)


def connect_signals() -> None:
    post_save.connect(_councils_changed, sender=LocalAuthority, dispatch_uid="councils-version")
    post_delete.connect(_councils_changed, sender=LocalAuthority, dispatch_uid="councils-version")
