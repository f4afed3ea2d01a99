"""The public directory: search, service and organisation pages. No sign-in, no JavaScript."""

from django.core.cache import cache
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse

from accounts.middleware import public_page, shows_nothing_personal
from core.paging import page_with_total

from ..constants import OrganisationStatus
from ..directory_version import directory_cache_key, directory_version
from ..eligibility import who_it_takes
from ..forms import DirectorySearchForm
from ..models import Organisation
from ..search import DirectoryFilters, apply_filters, public_services

RESULTS_PER_PAGE = 20
# How long a search page's results are kept. Every change to what the directory shows moves the
# directory version (providers/directory_version.py), so this only bounds the cache's size.
RESULTS_CACHE_SECONDS = 10 * 60
CONTENT_ONLY = "components/content_only.html"


def listed_services():
    """public_services() without the long columns a results list never shows, so sorting
    thousands of matches moves less data."""
    return public_services().defer(
        "description", "description_cy", "how_to_refer_cy", "search_vector", "search_document"
    )


def search_results(request, *, per_page: int = RESULTS_PER_PAGE):
    """Validate the search form and return (form, page or None, status)."""
    form = DirectorySearchForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return form, None, 400
    filters = form.filters() if form.is_bound else DirectoryFilters()
    number = (form.cleaned_data.get("page") if form.is_bound else None) or 1
    page, total = page_with_total(apply_filters(listed_services(), filters), number, per_page)
    if page is None:
        last = max(1, -(-total // per_page))
        form.add_error(
            "page", f"There is no page {number}. The last page of these results is {last}."
        )
        return form, None, 404
    return form, page, 200


@public_page
@shows_nothing_personal
def directory(request):
    """The search page. For visitors who are not signed in, the page's content (the search
    form, filters and results: the same for everyone who sends the same search) is kept in the
    shared cache under the directory version, so a repeated search costs one cache look-up."""
    template = "providers/directory/search.html"
    version = directory_version()
    key = results_cache_key(request, version)
    content = cache.get(key) if key else None
    if content is not None:
        return render(request, template, {"cached_content": content})
    form, page, status = search_results(request)
    context = {
        "form": form,
        "page": page,
        "search_url": reverse("providers:directory"),
        "directory_version": version,  # each result's HTML is kept for it (directory_result)
    }
    if key and status == 200:
        content = render_to_string(template, {**context, "layout_base": CONTENT_ONLY}, request)
        cache.set(key, content, RESULTS_CACHE_SECONDS)
        context["cached_content"] = content
    return render(request, template, context, status=status)


def results_cache_key(request, version: int) -> str | None:
    """Where a search page's content is cached, or None when it is not: signed-in people may see
    more (links to print the directory)."""
    if request.user.is_authenticated:
        return None
    return directory_cache_key("directory-page", request.GET, version)


@public_page
@shows_nothing_personal
def service_detail(request, service_id):
    service = get_object_or_404(
        public_services().prefetch_related("regions", "local_authorities", "prisons", "locations"),
        pk=service_id,
    )
    return render(request, "providers/directory/service.html", {"service": service})


@public_page
def service_ask(request, service_id):
    """How to ask this service for a mentor (the request journey links here)."""
    service = get_object_or_404(public_services(), pk=service_id)
    return render(
        request,
        "providers/directory/service_ask.html",
        {"service": service, "limits": who_it_takes(service)},
    )


@public_page
@shows_nothing_personal
def organisation_detail(request, slug):
    organisation = get_object_or_404(
        Organisation.objects.filter(status=OrganisationStatus.ACTIVE).with_accreditation(),
        slug=slug,
    )
    services = public_services().filter(organisation=organisation).order_by("name")
    return render(
        request,
        "providers/directory/organisation.html",
        {
            "organisation": organisation,
            "services": services,
            "volunteer_roles": _volunteer_roles(organisation),
        },
    )


def _volunteer_roles(organisation):
    # Volunteer roles belong to an app above this one: reached through the relation it adds
    # to Organisation, not imported.
    return organisation.volunteer_roles.published().order_by("title")


@public_page
def organisation_volunteer(request, slug):
    """The organisation's volunteer roles, each linking to its application."""
    organisation = get_object_or_404(
        Organisation.objects.filter(status=OrganisationStatus.ACTIVE), slug=slug
    )
    return render(
        request,
        "providers/directory/volunteer.html",
        {"organisation": organisation, "volunteer_roles": _volunteer_roles(organisation)},
    )
