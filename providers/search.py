"""Directory search: ranked full-text search with typo tolerance on Postgres, a plain fallback on
the SQLite demo, and the filters the public directory, commissioners and the API share.

Typos are corrected before searching: each word of the search that is not in the listings' word
list (SearchWord) is replaced by the most similar word that is (pg_trgm), then the corrected
words are matched with English stemming against a GIN-indexed tsvector.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Exists, F, FloatField, OuterRef, Prefetch, Q, QuerySet, Value

from .constants import GenderEligibility, Language
from .directory_version import directory_changed
from .models import LocalAuthority, Prison, Region, Service, TaxonomyTerm
from .searchtext import understand

# Weights for name (A), organisation, summary and pathways (B), description (C). A provider's
# Welsh text goes in with the 'simple' configuration: English stemming would cut Welsh words
# ("gwasanaethau", "cefnogi") into stems no Welsh search makes (docs/decisions/0052).
_REFRESH_VECTOR_SQL = """
UPDATE providers_service AS s SET search_vector =
    setweight(to_tsvector('english', s.name), 'A')
    || setweight(to_tsvector('english', concat_ws(' ', o.name, s.summary, (
        SELECT string_agg(t.name, ' ')
        FROM providers_service_pathways AS sp
        JOIN providers_taxonomyterm AS t ON t.id = sp.taxonomyterm_id
        WHERE sp.service_id = s.id
    ))), 'B')
    || setweight(to_tsvector('english', s.description), 'C')
    || setweight(to_tsvector('simple', s.name_cy), 'A')
    || setweight(to_tsvector('simple', s.summary_cy), 'B')
    || setweight(to_tsvector('simple', s.description_cy), 'C')
FROM providers_organisation AS o
WHERE o.id = s.organisation_id AND s.id = ANY(%s)
"""

# The words come from published listings of active organisations only: a correction must never
# echo a word from a draft or a paused listing back to the public.
_WORDS_OF_PUBLISHED = """
SELECT DISTINCT lower(word)
FROM providers_service AS s
    JOIN providers_organisation AS o ON o.id = s.organisation_id,
    regexp_split_to_table(
        concat_ws(' ', s.search_document, s.description, s.description_cy), '[^[:alpha:]]+'
    ) AS word
WHERE s.status = 'published' AND o.status = 'active' AND length(word) BETWEEN 3 AND 60
"""
_ADD_WORDS_SQL = (
    "INSERT INTO providers_searchword (word) "
    + _WORDS_OF_PUBLISHED
    + " AND s.id = ANY(%s) ON CONFLICT DO NOTHING"
)
_REBUILD_WORDS_SQL = [
    "DELETE FROM providers_searchword",
    "INSERT INTO providers_searchword (word) " + _WORDS_OF_PUBLISHED,
]

# For each searched word: whether the listings use it, and else the most similar word they use.
_SUGGEST_SQL = """
SELECT searched.word, best.word
FROM unnest(%s::text[]) AS searched(word),
    LATERAL (
        SELECT known.word FROM providers_searchword AS known
        WHERE known.word %% searched.word
        ORDER BY similarity(known.word, searched.word) DESC, known.word LIMIT 1
    ) AS best
WHERE NOT EXISTS (SELECT 1 FROM providers_searchword AS known WHERE known.word = searched.word)
    -- Another form of a word the listings use ("mentor" for "mentoring") needs no correcting:
    -- the English stemming of the search finds it.
    AND NOT EXISTS (
        SELECT 1 FROM providers_service AS s
        WHERE s.status = 'published'
            AND s.search_vector @@ plainto_tsquery('english', searched.word)
    )
"""
_WORD = re.compile(r"[^\W\d_]{3,60}")
MAX_CORRECTED_WORDS = 8


def search_document(service: Service) -> str:
    """The text matched for typo tolerance and, on SQLite, for the whole search."""
    pathways = " ".join(term.name for term in service.pathways.all())
    parts = (
        service.name,
        service.organisation.name,
        service.summary,
        pathways,
        service.name_cy,
        service.summary_cy,
    )
    return " ".join(part for part in parts if part)


def refresh_search_index(service_ids=None) -> None:
    """Rebuild the search text and vector of the given services (all when None)."""
    services = Service.objects.select_related("organisation").prefetch_related("pathways")
    if service_ids is not None:
        services = services.filter(pk__in=list(service_ids))
    changed = []
    for service in services.iterator(chunk_size=2000):
        service.search_document = search_document(service)
        changed.append(service)
    Service.objects.bulk_update(changed, ["search_document"], batch_size=1000)
    directory_changed()
    if connection.vendor == "postgresql" and changed:
        ids = [service.pk for service in changed]
        with connection.cursor() as cursor:
            cursor.execute(_REFRESH_VECTOR_SQL, [ids])
            cursor.execute(_ADD_WORDS_SQL, [ids])


def rebuild_search_words() -> None:
    """The word list afresh, when a listing or an organisation leaves the directory."""
    directory_changed()
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for statement in _REBUILD_WORDS_SQL:
            cursor.execute(statement)


def correct_spelling(text: str) -> str:
    """The search with each unknown word replaced by the closest word the listings use."""
    words = list(dict.fromkeys(word.lower() for word in _WORD.findall(text)))
    if connection.vendor != "postgresql" or not words:
        return text
    with connection.cursor() as cursor:
        cursor.execute(_SUGGEST_SQL, [words[:MAX_CORRECTED_WORDS]])
        corrections = dict(cursor.fetchall())  # only words the listings do not use
    if not corrections:
        return text
    return _WORD.sub(lambda match: corrections.get(match[0].lower(), match[0]), text)


@dataclass(frozen=True)
class ReadSearch:
    """A search as typed, read: the words to look for and the council of a place it names."""

    text: str  # corrected words, without the place
    corrected: bool  # whether a word was corrected (say so, so people see why)
    place_typed: str = ""  # the words that named the place
    local_authority: LocalAuthority | None = None


def read_search(typed: str, *, find_place: bool = True) -> ReadSearch:
    """Find a place (town, council, postcode) and correct misspelt words in a search. On SQLite
    the words are corrected against the help words only; on Postgres against the listings too."""
    correct_words = connection.vendor != "postgresql"
    understood = understand(typed, find_place=find_place, correct_words=correct_words)
    council = None
    if understood.place:
        council = LocalAuthority.objects.filter(gss_code=understood.place.gss_code).first()
        if council is None:  # Its council is not loaded: search for every word.
            understood = understand(typed, find_place=False, correct_words=correct_words)
    text = correct_spelling(understood.text)
    return ReadSearch(
        text=text,
        corrected=text != understood.uncorrected,
        place_typed=understood.place.typed if council else "",
        local_authority=council,
    )


def text_search(services: QuerySet, text: str, *, correct: bool = True) -> QuerySet:
    """Services matching the words, annotated with `rank` (higher is better)."""
    if not text:
        return services.annotate(rank=Value(0.0, output_field=FloatField()))
    if connection.vendor != "postgresql":
        for word in text.split()[:10]:
            services = services.filter(
                Q(search_document__icontains=word)
                | Q(description__icontains=word)
                | Q(description_cy__icontains=word)
            )
        return services.annotate(rank=Value(0.0, output_field=FloatField()))
    if correct:
        text = correct_spelling(text)
    # websearch syntax accepts anything people type (quotes, OR, a leading minus) without errors.
    # English words stemmed as English, or every word as typed, which is how Welsh is indexed.
    query = SearchQuery(text, config="english", search_type="websearch") | SearchQuery(
        text, config="simple", search_type="websearch"
    )
    return services.filter(search_vector=query).annotate(rank=SearchRank(F("search_vector"), query))


@dataclass(frozen=True)
class DirectoryFilters:
    """What a directory search asks for; every field is optional."""

    text: str = ""
    pathway: str = ""  # a pathway term's code
    region: Region | None = None
    local_authority: LocalAuthority | None = None
    prison: Prison | None = None
    setting: str = ""  # a DeliverySetting value, which is also the field's name
    gender: str = ""  # women or men
    age: int | None = None
    lived_experience: bool = False
    accepting: bool = False
    approved_provider_only: bool = False
    welsh_speaking: bool = False  # mentors who speak Welsh (Cymraeg)
    sort: str = "relevance"
    text_is_corrected: bool = False  # correct_spelling has already been applied to `text`


def _through(field: str):
    return Service._meta.get_field(field).remote_field.through.objects.filter(
        service_id=OuterRef("pk")
    )


def covers_local_authority(services: QuerySet, local_authority: LocalAuthority) -> QuerySet:
    return services.filter(
        Q(national=True)
        | Exists(_through("regions").filter(region_id=local_authority.region_id))
        | Exists(_through("local_authorities").filter(localauthority_id=local_authority.pk))
    )


def covers_region(services: QuerySet, region: Region) -> QuerySet:
    return services.filter(
        Q(national=True)
        | Exists(_through("regions").filter(region_id=region.pk))
        | Exists(_through("local_authorities").filter(localauthority__region_id=region.pk))
    )


def apply_filters(services: QuerySet, filters: DirectoryFilters) -> QuerySet:
    """Filter and order services; the text search ranks them when sorting by relevance."""
    services = text_search(services, filters.text, correct=not filters.text_is_corrected)
    if filters.pathway:
        services = services.filter(
            Exists(_through("pathways").filter(taxonomyterm__code=filters.pathway))
        )
    if filters.local_authority:
        services = covers_local_authority(services, filters.local_authority)
    elif filters.region:
        services = covers_region(services, filters.region)
    if filters.prison:
        services = services.filter(Exists(_through("prisons").filter(prison_id=filters.prison.pk)))
    if filters.setting:
        services = services.filter(**{filters.setting: True})
    if filters.gender:
        services = services.filter(gender__in=[GenderEligibility.ANYONE, filters.gender])
    if filters.age is not None:
        services = services.filter(
            Q(minimum_age__isnull=True) | Q(minimum_age__lte=filters.age),
            Q(maximum_age__isnull=True) | Q(maximum_age__gte=filters.age),
        )
    if filters.lived_experience:
        services = services.filter(lived_experience_mentors=True)
    if filters.accepting:
        services = services.filter(accepting_referrals=True)
    if filters.approved_provider_only:
        services = services.accredited()
    if filters.welsh_speaking:
        services = services.filter(languages__contains=[Language.WELSH])
    if filters.sort == "relevance" and filters.text:
        return services.order_by(F("rank").desc(), "name", "pk")
    return services.order_by("name", "pk")


def public_services():
    """Published services with what a results list or service page shows, in a fixed number of
    queries whatever the page size: `aps_accredited_until` says whether to show the Approved
    Provider Standard badge."""
    return (
        Service.objects.published()
        .with_accreditation()
        .select_related("organisation")
        .prefetch_related(Prefetch("pathways", queryset=TaxonomyTerm.objects.order_by("position")))
    )
