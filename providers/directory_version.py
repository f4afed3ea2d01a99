"""A number that moves whenever anything the public directory shows may have changed.

Search pages are kept in the shared cache under a key that holds this number (and today's date,
so an award that expires at midnight drops its badge with the first search of the next day):
publishing, pausing or editing a listing, an organisation joining or leaving the directory, an
award given or withdrawn all move it, after their transaction commits, so the next search is
worked out afresh. Every listing change goes through providers.search.refresh_search_index or
rebuild_search_words, which call `directory_changed`; the accreditation services call it for
awards. Anything kept under an old number is simply never asked for again and ages out.
"""

import hashlib

from django.utils import timezone, translation

from core.versions import current_version, version_changed

VERSION_KEY = "providers:directory-version"


def directory_version() -> int:
    return current_version(VERSION_KEY)


def directory_changed() -> None:
    """Call within the transaction that changes what the directory shows."""
    version_changed(VERSION_KEY)


def directory_cache_key(kind: str, query, version: int | None = None) -> str:
    """Where an answer to a public search (`query`: request.GET) is kept: under the directory
    version, today's date (an award ends at midnight) and the language, then the search itself
    in a fixed order, so the same search written another way is the same key."""
    search = sorted((name, value) for name, values in query.lists() for value in values)
    digest = hashlib.sha256(repr(search).encode()).hexdigest()
    today = timezone.localdate().isoformat()
    language = translation.get_language() or ""
    version = directory_version() if version is None else version
    return f"providers:{kind}:{version}:{today}:{language}:{digest}"
