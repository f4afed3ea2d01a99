"""Services to suggest to someone asking for a mentor without choosing one: those that work in
the area they will live in or visit their prison, take their age, and help with most of what
they asked for."""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from providers.models import LocalAuthority, Prison, Service, TaxonomyTerm
from providers.search import covers_local_authority

MOST_SUGGESTIONS = 8


def suggested_services(
    *,
    local_authority: LocalAuthority | None,
    prison: Prison | None,
    needs: list[TaxonomyTerm],
    age: int | None,
    limit: int = MOST_SUGGESTIONS,
) -> list[Service]:
    """Best first: most needs met, then taking new people, then by name."""
    return list(suggestion_queryset(local_authority, prison, needs, age)[:limit])


def suggestion_queryset(local_authority, prison, needs, age) -> QuerySet:
    services = Service.objects.published()
    reach = Q(national=True)
    if local_authority is not None:
        local = covers_local_authority(Service.objects.all(), local_authority)
        reach |= Q(pk__in=local.values("pk"))
    if prison is not None:
        visits = Service.prisons.through.objects.filter(service_id=OuterRef("pk"), prison=prison)
        reach |= Q(Exists(visits))
    services = services.filter(reach)
    if age is not None:
        services = services.filter(
            Q(minimum_age__isnull=True) | Q(minimum_age__lte=age),
            Q(maximum_age__isnull=True) | Q(maximum_age__gte=age),
        )
    return (
        services.annotate(needs_met=Count("pathways", filter=Q(pathways__in=needs), distinct=True))
        .select_related("organisation")
        .prefetch_related("pathways")
        .order_by("-needs_met", "-accepting_referrals", "name", "pk")
    )
