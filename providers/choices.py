"""The directory filters' option lists (pathways, areas, prisons), cached.

They come from reference data that changes a few times a year, and building them is most of the
cost of a search form; a cached copy keeps a search page's time on the search itself.
"""

from django.core.cache import cache

from .models import LocalAuthority, Prison, TaxonomyTerm

CACHE_KEY = "providers:directory-choices:v1"
CACHE_SECONDS = 10 * 60


def directory_choices() -> dict[str, list]:
    """{"pathway": [...], "area": [... grouped by region ...], "prison": [...]}, as choices."""
    choices = cache.get(CACHE_KEY)
    if choices is None:
        choices = _build()
        cache.set(CACHE_KEY, choices, CACHE_SECONDS)
    return choices


def forget_directory_choices() -> None:
    cache.delete(CACHE_KEY)


def _build() -> dict[str, list]:
    groups: dict[tuple[int, str], list] = {}
    councils = LocalAuthority.objects.select_related("region").order_by("region__name", "name")
    for council in councils:
        groups.setdefault((council.region_id, council.region.name), []).append(
            (f"la-{council.gss_code}", council.name)
        )
    return {
        "pathway": [(term.code, term.name) for term in TaxonomyTerm.objects.pathways()],
        "area": [
            (name, [(f"region-{pk}", f"All of {name}"), *options])
            for (pk, name), options in groups.items()
        ],
        "prison": [
            (str(pk), name)
            for pk, name in Prison.objects.filter(is_open=True).values_list("pk", "name")
        ],
    }
