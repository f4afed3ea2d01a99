"""Commissioners compare the accredited providers of their region: aggregated figures with
small counts suppressed, never a person's row. Platform admins may look at any region."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.constants import PlatformRole
from accounts.permissions import platform_role_required
from accounts.roles import has_platform_role
from providers.models import Region

from ..models import ReportSnapshot
from ..querysets import commissioner_region_id
from ..resuppression import apply_rule, needs_rule
from ..services import reports as report_services
from .common import (
    download,
    latest_complete_published_year,
    period_query,
    published_quick_periods,
    read_period,
)
from .organisation import SNAPSHOTS_PER_PAGE, stored_file

commissioners_only = platform_role_required(PlatformRole.COMMISSIONER, PlatformRole.PLATFORM_ADMIN)


class RegionRefused(Exception):
    pass


def _region(request) -> Region | None:
    """The region the page is about: a commissioner's own (asking for another is refused with
    a message); for a platform admin, the one chosen, else the first."""
    asked = request.GET.get("region", "")
    if has_platform_role(request.user, PlatformRole.PLATFORM_ADMIN):
        chosen = Region.objects.filter(pk=asked).first() if asked.isdigit() else None
        if asked and chosen is None:
            raise RegionRefused("Choose a region from the list.")
        return chosen or Region.objects.first()
    own = commissioner_region_id(request.user)
    if asked and (not asked.isdigit() or int(asked) != own):
        raise RegionRefused
    return Region.objects.filter(pk=own).first() if own else None


def _refused(request, own: Region | None):
    return render(request, "outcomes/region_refused.html", {"own_region": own}, status=403)


def _comparison(request):
    try:
        region = _region(request)
    except RegionRefused:
        return None, None, None, "refused"
    form, period = read_period(
        request,
        published_only=True,
        default=latest_complete_published_year(timezone.localdate()),
    )
    document = None
    if region is not None and period is not None:
        document = report_services.comparison_report(region, period)
    return region, form, period, document


def _own_region(request):
    own = commissioner_region_id(request.user)
    return Region.objects.filter(pk=own).first() if own else None


@commissioners_only
def comparison(request):
    region, form, period, document = _comparison(request)
    if document == "refused":
        return _refused(request, _own_region(request))
    is_admin = has_platform_role(request.user, PlatformRole.PLATFORM_ADMIN)
    region_extra = {"region": region.pk} if region and is_admin else {}
    extra = dict(region_extra)
    return render(
        request,
        "outcomes/comparison.html",
        {
            "form": form,
            "region": region,
            "regions": Region.objects.all() if is_admin else None,
            "region_hidden": {"region": region.pk} if region and is_admin else {},
            "document": document,
            "query": period_query(period, **extra) if period else "",
            "complete_query": period_query(
                latest_complete_published_year(timezone.localdate()), **region_extra
            ),
            "quick_periods": published_quick_periods(
                timezone.localdate(), region=region.pk if region and is_admin else None
            ),
            "subscribed": bool(region)
            and report_services.is_subscribed(request.user, region=region),
            "is_commissioner": has_platform_role(request.user, PlatformRole.COMMISSIONER),
        },
        status=400 if form.errors else 200,
    )


def _comparison_download(request, extension):
    region, form, period, document = _comparison(request)
    if document == "refused":
        return _refused(request, _own_region(request))
    if document is None:
        return redirect("outcomes:comparison")
    return download(document, extension)


@commissioners_only
def comparison_csv(request):
    return _comparison_download(request, "csv")


@commissioners_only
def comparison_pdf(request):
    return _comparison_download(request, "pdf")


@require_POST
@platform_role_required(PlatformRole.COMMISSIONER)
def region_subscription(request):
    region = _own_region(request)
    if region is None:
        messages.error(request, "You have no region yet: a platform administrator sets it.")
        return redirect("outcomes:comparison")
    wanted = request.POST.get("wanted") == "yes"
    report_services.subscription_set(actor=request.user, wanted=wanted, region=region)
    messages.success(
        request,
        "You will be told when each quarterly report is ready."
        if wanted
        else "You will no longer be told about quarterly reports.",
    )
    return redirect("outcomes:comparison")


@commissioners_only
def region_snapshot_list(request):
    snapshots = (
        ReportSnapshot.objects.visible_to(request.user)
        .filter(scope="region")
        .select_related("region")
        .only("pk", "period_kind", "period_start", "period_end", "created_at", "region__name")
    )
    page = Paginator(snapshots, SNAPSHOTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "outcomes/region_snapshots.html",
        {"page": page, "own_region": _own_region(request)},
    )


def _region_snapshot(request, snapshot_id) -> ReportSnapshot:
    """A region report the user may read: another region's is a 404, like a missing one."""
    return get_object_or_404(
        ReportSnapshot.objects.visible_to(request.user).filter(scope="region"), pk=snapshot_id
    )


@commissioners_only
def region_snapshot(request, snapshot_id):
    snapshot = _region_snapshot(request, snapshot_id)
    return render(
        request,
        "outcomes/snapshot.html",
        {
            "snapshot": snapshot,
            "document": apply_rule(snapshot.data),
            "back": "outcomes:region_snapshots",
        },
    )


def _region_snapshot_file(request, snapshot_id, extension: str):
    """The stored file; for a report stored under an older disclosure rule, the file made
    again from it with the rule applied (outcomes/resuppression.py)."""
    snapshot = _region_snapshot(request, snapshot_id)
    if needs_rule(snapshot.data):
        return download(apply_rule(snapshot.data), extension)
    return stored_file(snapshot, extension)


@commissioners_only
def region_snapshot_csv(request, snapshot_id):
    return _region_snapshot_file(request, snapshot_id, "csv")


@commissioners_only
def region_snapshot_pdf(request, snapshot_id):
    return _region_snapshot_file(request, snapshot_id, "pdf")
