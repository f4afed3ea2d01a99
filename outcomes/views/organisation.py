"""An organisation's outcomes: the dashboard with its downloads, settings, scheduled reports
and the Justice Data Lab export. For its org admins and coordinators."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.audit import audit_record
from accounts.constants import AuditAction
from core.fields import posted
from core.forms import form_status, saved
from providers.permissions import org_admin_required, staff_required

from .. import justice_data_lab
from ..constants import JUSTICE_DATA_LAB_MINIMUM
from ..documents import comparator_dict, comparator_name
from ..exports import filename
from ..forms import JusticeDataLabForm, SettingsForm
from ..models import ReportSnapshot
from ..services import reports as report_services
from .common import (
    attachment,
    download,
    latest_complete_year,
    period_query,
    quick_periods,
    read_period,
)

SNAPSHOTS_PER_PAGE = 24


def _report(request):
    organisation = request.membership.organisation
    form, period = read_period(request)
    document = None
    if period is not None:
        document = report_services.organisation_report(organisation, period)
    return organisation, form, period, document


@staff_required
def dashboard(request):
    organisation, form, period, document = _report(request)
    query = period_query(period) if period else ""
    return render(
        request,
        "outcomes/dashboard.html",
        {
            "form": form,
            "document": document,
            "query": query,
            "complete_query": period_query(latest_complete_year(timezone.localdate())),
            "quick_periods": quick_periods(timezone.localdate()),
            "subscribed": report_services.is_subscribed(request.user, organisation=organisation),
            "organisation": organisation,
        },
        status=form_status(form),
    )


def _download(request, extension: str):
    organisation, form, period, document = _report(request)
    if document is None:
        return render(
            request,
            "outcomes/dashboard.html",
            {
                "form": form,
                "document": None,
                "quick_periods": quick_periods(timezone.localdate()),
                "organisation": organisation,
            },
            status=400,
        )
    return download(document, extension)


@staff_required
def dashboard_csv(request):
    return _download(request, "csv")


@staff_required
def dashboard_pdf(request):
    return _download(request, "pdf")


@require_POST
@staff_required
def subscription(request):
    wanted = request.POST.get("wanted") == "yes"
    report_services.subscription_set(
        actor=request.user, wanted=wanted, organisation=request.membership.organisation
    )
    messages.success(
        request,
        "You will be told when each monthly report is ready."
        if wanted
        else "You will no longer be told about monthly reports.",
    )
    return redirect("outcomes:dashboard")


@org_admin_required
def outcome_settings(request):
    organisation = request.membership.organisation
    current = report_services.settings_for(organisation)
    initial = {
        "comparator": report_services.comparator_for(organisation),
        "cost_per_crime": current.cost_per_crime,
        "hourly_earnings": current.hourly_earnings,
        "hourly_earnings_source": current.hourly_earnings_source,
    }
    form = SettingsForm(posted(request), initial=initial)
    if saved(
        request,
        form,
        lambda data: report_services.outcome_settings_update(
            actor=request.user, organisation=organisation, request=request, **data
        ),
        success="The outcome settings are saved.",
    ):
        return redirect("outcomes:dashboard")
    return render(request, "outcomes/settings.html", {"form": form}, status=form_status(form))


@staff_required
def snapshot_list(request):
    snapshots = (
        ReportSnapshot.objects.visible_to(request.user)
        .of_organisation(request.membership.organisation)
        .only("pk", "period_kind", "period_start", "period_end", "created_at", "origin")
    )
    page = Paginator(snapshots, SNAPSHOTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "outcomes/snapshots.html", {"page": page})


def _snapshot(request, snapshot_id) -> ReportSnapshot:
    return get_object_or_404(
        ReportSnapshot.objects.visible_to(request.user).of_organisation(
            request.membership.organisation
        ),
        pk=snapshot_id,
    )


@staff_required
def snapshot_detail(request, snapshot_id):
    snapshot = _snapshot(request, snapshot_id)
    return render(
        request,
        "outcomes/snapshot.html",
        {"snapshot": snapshot, "document": snapshot.data, "back": "outcomes:snapshots"},
    )


@staff_required
def snapshot_csv(request, snapshot_id):
    return stored_file(_snapshot(request, snapshot_id), "csv")


@staff_required
def snapshot_pdf(request, snapshot_id):
    return stored_file(_snapshot(request, snapshot_id), "pdf")


def stored_file(snapshot: ReportSnapshot, extension: str) -> HttpResponse:
    if extension == "csv":
        response = HttpResponse(snapshot.csv, content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(bytes(snapshot.pdf), content_type="application/pdf")
    return attachment(response, filename(snapshot.data, extension))


@org_admin_required
def justice_data_lab_export(request):
    """Org admins choose a cohort by follow-up start date and download it. Refused under 60
    people; every download is audited with the references it held."""
    organisation = request.membership.organisation
    form = JusticeDataLabForm(posted(request))
    if request.method == "POST" and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        try:
            rows = justice_data_lab.rows(organisation, start, end)
        except justice_data_lab.CohortTooSmall as error:
            form.add_error(None, str(error))
        else:
            audit_record(
                actor=request.user,
                action=AuditAction.EXPORTED,
                object_type="outcomes.justicedatalabcohort",
                object_repr=f"Justice Data Lab cohort of {len(rows)} people",
                organisation=organisation,
                request=request,
                details={
                    "from": start.isoformat(),
                    "to": end.isoformat(),
                    "people": len(rows),
                    "references": [row.reference for row in rows],
                },
            )
            response = HttpResponse(
                justice_data_lab.csv_text(rows), content_type="text/csv; charset=utf-8"
            )
            name = f"justice-data-lab-{start.isoformat()}-to-{end.isoformat()}.csv"
            return attachment(response, name)
    return render(
        request,
        "outcomes/justice_data_lab.html",
        {
            "form": form,
            "minimum": JUSTICE_DATA_LAB_MINIMUM,
            "comparator": comparator_name(
                comparator_dict(report_services.comparator_for(organisation))
            ),
        },
        status=form_status(form),
    )
