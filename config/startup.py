"""What a web process does once Django has loaded, before it serves anyone."""

import gc

from django.urls import get_resolver


def load_views_and_freeze() -> None:
    """Import every view now (Django would on the first request), then move everything loaded
    so far out of the garbage collector's reach.

    Those objects live as long as the process, yet each full collection walks all of them; a
    page that builds thousands of objects (the matching page's mentor profiles) set off such
    collections often enough to double its p95. Frozen, they are never walked again
    (docs/performance.md, "The coordinator's matching page").
    """
    get_resolver().url_patterns  # noqa: B018 - imports every URLconf and its views
    gc.freeze()
