"""Commissioners' view of the standard: accredited providers by region and pathway, awards
expiring soon and applications in progress. Never the evidence."""

from collections import Counter

from django.db.models import Exists, OuterRef, Prefetch
from django.shortcuts import render

from accounts.constants import PlatformRole
from accounts.permissions import platform_role_required
from providers.models import Organisation, Service, TaxonomyTerm

from ..constants import EXPIRING_SOON_DAYS
from ..forms import CommissionerFilterForm
from ..models import Application, Award

commissioner_required = platform_role_required(
    PlatformRole.COMMISSIONER, PlatformRole.PLATFORM_ADMIN
)


def accredited_providers(region=None, pathway=None):
    """Active organisations holding the standard, with `aps_accredited_until` and their published
    services' pathways (`listed_services`), in a fixed number of queries."""
    organisations = (
        Organisation.objects.active()
        .accredited()
        .with_accreditation()
        .select_related("region")
        .prefetch_related(
            Prefetch(
                "services",
                queryset=Service.objects.published().prefetch_related(
                    Prefetch("pathways", queryset=TaxonomyTerm.objects.order_by("position"))
                ),
                to_attr="listed_services",
            )
        )
        .order_by("name")
    )
    if region is not None:
        organisations = organisations.filter(region=region)
    if pathway is not None:
        organisations = organisations.filter(
            Exists(
                Service.objects.published().filter(organisation=OuterRef("pk"), pathways=pathway)
            )
        )
    return organisations


def pathways_of(organisation) -> list:
    seen = {}
    for service in organisation.listed_services:
        for term in service.pathways.all():
            seen.setdefault(term.pk, term)
    return sorted(seen.values(), key=lambda term: term.position)


@commissioner_required
def commissioning(request):
    form = CommissionerFilterForm(request.GET or None)
    region = pathway = None
    status = 200
    if form.is_bound and form.is_valid():
        region, pathway = form.cleaned_data.get("region"), form.cleaned_data.get("pathway")
    elif form.is_bound:
        status = 400
    providers = list(accredited_providers(region, pathway)) if status == 200 else []
    rows = [(organisation, pathways_of(organisation)) for organisation in providers]
    by_region = sorted(
        Counter(o.region.name if o.region else "No region given" for o in providers).items()
    )
    expiring = (
        Award.objects.visible_to(request.user)
        .expiring_within(EXPIRING_SOON_DAYS)
        .filter(organisation__status="active")
        .select_related("organisation__region")
        .order_by("expires_on")
    )
    in_progress = (
        Application.objects.visible_to(request.user)
        .open()
        .select_related("organisation__region")
        .order_by("organisation__name")
    )
    if region is not None:
        expiring = expiring.filter(organisation__region=region)
        in_progress = in_progress.filter(organisation__region=region)
    return render(
        request,
        "accreditation/commissioning.html",
        {
            "form": form,
            "rows": rows,
            "by_region": by_region,
            "expiring": expiring,
            "in_progress": in_progress,
            "expiring_days": EXPIRING_SOON_DAYS,
        },
        status=status,
    )
