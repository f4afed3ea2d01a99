"""Open Referral UK read-only endpoints: plain JSON views over published data only.

Every view parses its query parameters strictly (a 400 with a reason for anything it cannot
understand), reads through `Service.objects.published()` and the shared directory search, and
answers with CORS headers, as the profile requires for GET.
"""

from collections.abc import Callable
from functools import wraps

from django.core.cache import cache
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from ..directory_version import directory_cache_key
from ..models import (
    LocalAuthority,
    Organisation,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from ..search import DirectoryFilters, apply_filters, covers_local_authority, text_search
from . import params, serializers
from .geo import Place, distance_expression, nearby_locations, resolve_postcode
from .openapi import openapi_document
from .pagination import page_params, paginate
from .params import ApiError, NotFound

HSDS_VERSION = "3.0"
PROFILE_URL = "https://github.com/openreferral/uk-profile"
ALLOWED_METHODS = "GET, HEAD, OPTIONS"
SEARCH_CACHE_SECONDS = 10 * 60  # bounds the cache's size; the directory version keeps it fresh


def _cors(response: HttpResponse, request) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    if request.method == "OPTIONS":
        response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
        response["Access-Control-Allow-Headers"] = request.headers.get(
            "Access-Control-Request-Headers", "Accept, Content-Type"
        )
        response["Access-Control-Max-Age"] = "86400"
    return response


def api_view(func: Callable) -> Callable:
    """GET (and HEAD) only, errors as JSON `{"detail": ...}`, CORS on every answer.

    CSRF does not apply: nothing here changes state, and every other method is refused.
    """

    @csrf_exempt
    @wraps(func)
    def view(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = ALLOWED_METHODS
        elif request.method not in ("GET", "HEAD"):
            response = JsonResponse(
                {"detail": f"This API is read-only: {request.method} is not allowed."},
                status=405,
            )
            response["Allow"] = ALLOWED_METHODS
        else:
            try:
                response = JsonResponse(func(request, *args, **kwargs))
            except ApiError as error:
                response = JsonResponse({"detail": error.detail}, status=error.status)
        return _cors(response, request)

    view.public_page = True  # Public data: no MFA step, whoever is signed in.
    return view


# Querysets


def _full_services(services: QuerySet) -> QuerySet:
    return services.select_related("organisation").prefetch_related(
        Prefetch("pathways", queryset=TaxonomyTerm.objects.select_related("taxonomy")),
        "regions",
        "local_authorities",
    )


def _published_at_locations() -> QuerySet:
    return ServiceAtLocation.objects.filter(
        service__in=Service.objects.published().values("pk")
    ).select_related("location__local_authority__region")


def _local_authority(query) -> LocalAuthority | None:
    code = params.gss_code_param(query, "local_authority")
    if not code:
        return None
    authority = LocalAuthority.objects.filter(gss_code=code).first()
    if authority is None:
        raise ApiError(f"local_authority {code} is not a local authority we know.")
    return authority


def _place(query) -> tuple[Place | None, float | None]:
    postcode = params.postcode_param(query)
    proximity = params.proximity_param(query)
    if proximity is not None and not postcode:
        raise ApiError("proximity needs a postcode to measure from.")
    if not postcode:
        return None, None
    place = resolve_postcode(postcode)
    if proximity is not None and not place.has_coordinates:
        raise ApiError(
            f"We know the postcode {postcode} but hold no coordinates for it, "
            "so we cannot search by proximity from it."
        )
    if proximity is None and not (place.local_authority or place.prison):
        raise ApiError(
            f"We know the postcode {postcode} but not its area: give a proximity in metres."
        )
    return place, float(proximity) if proximity is not None else None


# The profile lists these for /services and /service_at_locations, but the directory holds no
# opening times (schedules) to filter by: they are refused rather than silently ignored.
SCHEDULE_PARAMETERS = ("day", "start_time", "end_time")


def _refuse_schedule_filters(query) -> None:
    given = [name for name in SCHEDULE_PARAMETERS if name in query]
    if given:
        raise ApiError(
            f"{' and '.join(given)} cannot be used here: this directory does not hold opening "
            "times (schedules), so it cannot filter services by day or time. Leave "
            f"{'it' if len(given) == 1 else 'them'} out."
        )


def filtered_services(query) -> tuple[QuerySet, Place | None, float | None]:
    """Published services matching the query's filters, in the directory's order."""
    _refuse_schedule_filters(query)
    prison = None
    place, proximity = _place(query)
    if place and proximity is None and place.prison:
        prison = place.prison
    services = apply_filters(
        Service.objects.published(),
        DirectoryFilters(
            text=params.text(query, "search"),
            local_authority=_local_authority(query),
            prison=prison,
        ),
    )
    if place and proximity is None and place.local_authority:
        services = covers_local_authority(services, place.local_authority)
    if place and proximity is not None:
        near = ServiceAtLocation.objects.filter(
            service_id=OuterRef("pk"),
            location__in=nearby_locations(place, proximity).values("pk"),
        )
        services = services.filter(Exists(near))

    term_id = params.uuid_param(query, "taxonomy_term_id")
    if term_id:
        services = services.filter(
            Exists(
                Service.pathways.through.objects.filter(
                    service_id=OuterRef("pk"), taxonomyterm_id=term_id
                )
            )
        )
    taxonomy_id = params.uuid_param(query, "taxonomy_id")
    if taxonomy_id:
        services = services.filter(
            Exists(
                Service.pathways.through.objects.filter(
                    service_id=OuterRef("pk"), taxonomyterm__taxonomy_id=taxonomy_id
                )
            )
        )
    organisation_id = params.uuid_param(query, "organization_id")
    if organisation_id:
        services = services.filter(organisation__uuid=organisation_id)
    # The profile: minimum_age "of at least" the value, maximum_age "equal to or below" it.
    # A service with no minimum age takes people of any age (0); with no maximum, no limit.
    minimum_age = params.age_param(query, "minimum_age")
    if minimum_age is not None:
        condition = Q(minimum_age__gte=minimum_age)
        if minimum_age <= 0:
            condition |= Q(minimum_age__isnull=True)
        services = services.filter(condition)
    maximum_age = params.age_param(query, "maximum_age")
    if maximum_age is not None:
        services = services.filter(maximum_age__lte=maximum_age)
    modified_after = params.datetime_param(query, "modified_after")
    if modified_after:
        services = services.filter(updated_at__gte=modified_after)
    return services, place, proximity


# Views


@api_view
def index(request):
    return {
        "version": HSDS_VERSION,
        "profile": PROFILE_URL,
        "openapi_url": request.build_absolute_uri(reverse("api:openapi")),
    }


@api_view
def openapi(request):
    return openapi_document()


@api_view
def services(request):
    """Kept in the shared cache under the directory version, like the directory's search pages:
    every change to what the directory shows moves it (providers/directory_version.py)."""
    key = directory_cache_key("api-services", request.GET)
    answer = cache.get(key)
    if answer is None:
        page, per_page = page_params(request.GET)
        found, _, _ = filtered_services(request.GET)
        answer = paginate(
            found.select_related("organisation"),
            page=page,
            per_page=per_page,
            serialize=lambda items: map(serializers.service_list_item, items),
        )
        cache.set(key, answer, SEARCH_CACHE_SECONDS)
    return answer


@api_view
def service_detail(request, service_id: str):
    pk = params.path_uuid(service_id, "service")
    service = _full_services(Service.objects.published()).filter(pk=pk).first()
    if service is None:
        raise NotFound(f"No service with id {pk}.")
    at_locations = (
        _published_at_locations().filter(service=service).order_by("location__name", "pk")
    )
    return serializers.service_full(service, at_locations)


def _public_organisations() -> QuerySet:
    """Active organisations with at least one published service."""
    published = Service.objects.published().filter(organisation=OuterRef("pk"))
    return Organisation.objects.filter(Exists(published))


@api_view
def organizations(request):
    page, per_page = page_params(request.GET)
    found = _public_organisations()
    search = params.text(request.GET, "search")
    if search:
        matching = text_search(Service.objects.published(), search).filter(
            organisation=OuterRef("pk")
        )
        found = found.filter(Q(name__icontains=search) | Exists(matching))
    modified_after = params.datetime_param(request.GET, "modified_after")
    if modified_after:
        found = found.filter(updated_at__gte=modified_after)
    return paginate(
        found.order_by("name", "pk"),
        page=page,
        per_page=per_page,
        serialize=lambda items: map(serializers.organization_list_item, items),
    )


@api_view
def organization_detail(request, organization_id: str):
    org_uuid = params.path_uuid(organization_id, "organization")
    organisation = _public_organisations().filter(uuid=org_uuid).first()
    if organisation is None:
        raise NotFound(f"No organization with id {org_uuid}.")
    services_of = (
        Service.objects.published()
        .filter(organisation=organisation)
        .order_by("name", "pk")
        .select_related("organisation")
    )
    return serializers.organization_full(organisation, services_of)


def _taxonomies() -> QuerySet:
    return Taxonomy.objects.prefetch_related(
        Prefetch(
            "terms",
            queryset=TaxonomyTerm.objects.select_related("taxonomy").order_by(
                "position", "name", "pk"
            ),
        )
    )


@api_view
def taxonomies(request):
    page, per_page = page_params(request.GET)
    return paginate(
        _taxonomies().order_by("name", "pk"),
        page=page,
        per_page=per_page,
        serialize=lambda items: map(serializers.taxonomy, items),
    )


@api_view
def taxonomy_detail(request, taxonomy_id: str):
    pk = params.path_uuid(taxonomy_id, "taxonomy")
    taxonomy = _taxonomies().filter(pk=pk).first()
    if taxonomy is None:
        raise NotFound(f"No taxonomy with id {pk}.")
    return serializers.taxonomy(taxonomy)


@api_view
def taxonomy_terms(request):
    page, per_page = page_params(request.GET)
    terms = TaxonomyTerm.objects.select_related("taxonomy")
    taxonomy_id = params.uuid_param(request.GET, "taxonomy_id")
    if taxonomy_id:
        terms = terms.filter(taxonomy_id=taxonomy_id)
    parent_id = params.uuid_param(request.GET, "taxonomy_term_id")
    if parent_id:
        terms = terms.filter(parent_id=parent_id)
    return paginate(
        terms.order_by("taxonomy__name", "position", "name", "pk"),
        page=page,
        per_page=per_page,
        serialize=lambda items: map(serializers.taxonomy_term, items),
    )


@api_view
def taxonomy_term_detail(request, term_id: str):
    pk = params.path_uuid(term_id, "taxonomy term")
    term = TaxonomyTerm.objects.select_related("taxonomy").filter(pk=pk).first()
    if term is None:
        raise NotFound(f"No taxonomy term with id {pk}.")
    return serializers.taxonomy_term(term)


@api_view
def service_at_locations(request):
    page, per_page = page_params(request.GET)
    found, place, proximity = filtered_services(request.GET)
    at_locations = ServiceAtLocation.objects.filter(
        service__in=found.order_by().values("pk")
    ).select_related("service__organisation", "location")
    if place and proximity is not None:
        at_locations = (
            at_locations.filter(location__in=nearby_locations(place, proximity).values("pk"))
            .annotate(distance=distance_expression(place, "location__"))
            .order_by("distance", "pk")
        )
    else:
        at_locations = at_locations.order_by("service__name", "location__name", "pk")
    return paginate(
        at_locations,
        page=page,
        per_page=per_page,
        serialize=lambda items: map(serializers.service_at_location_list_item, items),
    )


@api_view
def not_found(request, path: str):
    """Any other address under /api/v1/: the API's own JSON 404, with CORS like every answer."""
    raise NotFound(
        f"There is nothing at /api/v1/{path[:100]}. The addresses this API answers "
        "are listed in /api/v1/openapi.json."
    )


@api_view
def service_at_location_detail(request, service_at_location_id: str):
    pk = params.path_uuid(service_at_location_id, "service_at_location")
    sal = (
        _published_at_locations()
        .select_related("service__organisation")
        .prefetch_related(
            Prefetch("service__pathways", queryset=TaxonomyTerm.objects.select_related("taxonomy")),
            "service__regions",
            "service__local_authorities",
        )
        .filter(pk=pk)
        .first()
    )
    if sal is None:
        raise NotFound(f"No service_at_location with id {pk}.")
    return serializers.service_at_location_full(sal)
