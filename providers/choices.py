"""The directory filters' option lists (pathways, areas, prisons), cached.

They come from reference data that changes a few times a year, and building them is most of the
cost of a search form; a cached copy keeps a search page's time on the search itself. Each web
process also keeps the lists it last read for a minute, already in the form Django's fields use
(`fixed_choices`), so a search form does not copy and check ~450 options on every request;
a new copy in the cache (after `forget_directory_choices`, or when it ages out) has a new token,
and every process makes its own again from it.
"""

import uuid

from django.core.cache import cache
from django.utils.choices import BaseChoiceIterator

from .models import LocalAuthority, Prison, TaxonomyTerm

CACHE_KEY = "providers:directory-choices:v1"
# Names the copy now in the cache: a process keeps what it made from that copy until it changes.
TOKEN_KEY = "providers:directory-choices-token:v1"
CACHE_SECONDS = 10 * 60
_in_process: dict = {}  # "token": the copy's token; then FixedChoices by (name, blank label)


def directory_choices() -> dict[str, list]:
    """{"pathway": [...], "area": [... grouped by region ...], "prison": [...]}, as choices."""
    choices = cache.get(CACHE_KEY)
    if choices is None:
        choices = _build()
        cache.set_many({CACHE_KEY: choices, TOKEN_KEY: uuid.uuid4().hex}, CACHE_SECONDS)
    return choices


class FixedChoices(BaseChoiceIterator):
    """Choices already in Django's normal form: a form field takes them as they are, without
    normalising each option again (django.utils.choices.normalize_choices)."""

    def __init__(self, choices):
        self.choices = [
            (value, list(label) if isinstance(label, list | tuple) else label)
            for value, label in choices
        ]

    def __iter__(self):
        return iter(self.choices)


def fixed_choices(name: str, blank_label) -> FixedChoices:
    """directory_choices()[name] after a blank option, as FixedChoices, made once in each
    process for each copy of the lists in the cache (one small cache read a form)."""
    token = cache.get(TOKEN_KEY)
    if token is None or token != _in_process.get("token"):
        _in_process.clear()
        choices = directory_choices()
        _in_process.update(token=cache.get(TOKEN_KEY), choices=choices)
    key = (name, str(blank_label))  # str: a translated label is kept per language
    if key not in _in_process:
        _in_process[key] = FixedChoices([("", blank_label), *_in_process["choices"][name]])
    return _in_process[key]


def forget_directory_choices() -> None:
    cache.delete_many([CACHE_KEY, TOKEN_KEY])
    _in_process.clear()


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
