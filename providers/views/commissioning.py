"""Commissioners compare services: the directory with capacity, accreditation and review
columns, and the filtered list as CSV."""

import csv

from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from accounts.constants import PlatformRole
from accounts.permissions import platform_role_required
from core.spreadsheets import safe_cell

from ..forms import DirectorySearchForm
from ..search import DirectoryFilters, apply_filters, public_services
from .directory import search_results

commissioner_required = platform_role_required(
    PlatformRole.COMMISSIONER, PlatformRole.PLATFORM_ADMIN
)

CSV_HEADER = [
    "Service",
    "Organisation",
    "Charity number",
    "Helps with",
    "Where",
    "Taking new people",
    "Typical wait (weeks)",
    "Approved Provider Standard until",
    "Last checked",
    "Directory link",
]


@commissioner_required
def commissioning(request):
    form, page, status = search_results(request, per_page=50)
    return render(
        request,
        "providers/commissioning/services.html",
        {"form": form, "page": page, "search_url": reverse("providers:commissioning")},
        status=status,
    )


class _Echo:
    """A file-like object whose write returns the line, for streaming csv.writer output."""

    def write(self, value):
        return value


def _csv_row(service, request) -> list[str]:
    organisation = service.organisation
    row = [
        service.name,
        organisation.name,
        organisation.charity_number,
        "; ".join(term.name for term in service.pathways.all()),
        "; ".join(service.settings_display),
        "Yes" if service.accepting_referrals else "No",
        "" if service.typical_wait_weeks is None else service.typical_wait_weeks,
        service.aps_accredited_until.isoformat() if service.aps_accredited_until else "",
        service.last_reviewed_at.isoformat(),
        request.build_absolute_uri(reverse("providers:service_detail", args=[service.pk])),
    ]
    return [safe_cell(value) for value in row]


@commissioner_required
def commissioning_csv(request):
    form = DirectorySearchForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(
            request,
            "providers/commissioning/services.html",
            {"form": form, "page": None, "search_url": reverse("providers:commissioning")},
            status=400,
        )
    filters = form.filters() if form.is_bound else DirectoryFilters()
    services = apply_filters(public_services(), filters)
    writer = csv.writer(_Echo())

    def lines():
        yield writer.writerow(CSV_HEADER)
        for service in services.iterator(chunk_size=2000):
            yield writer.writerow(_csv_row(service, request))

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    filename = f"mentoring-services-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
