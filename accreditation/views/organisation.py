"""The organisation's side, for its org admins: accreditation status, the application with its
self-assessment and evidence, sending it, certificates and asking for support."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from accounts.audit import audit_record, audit_viewed
from accounts.constants import AuditAction
from core.fields import posted
from core.files import private_file_response
from core.forms import apply_validation_error
from core.upload_limits import upload_limit
from providers.permissions import org_admin_required

from .. import evidence as summaries
from .. import services
from ..certificate import certificate_pdf
from ..constants import EVIDENCE_MAX_BYTES, ApplicationStatus, ReviewOutcome
from ..forms import ChangesForm, EvidenceUploadForm, SelfAssessmentForm, SupportRequestForm
from ..models import Application, Award, Standard, SupportRequest
from ..tenancy import (
    get_application_for_user_or_404,
    get_award_for_user_or_404,
    get_evidence_for_user_or_404,
    get_response_or_404,
)
from .shared import area_groups, timeline


def _organisation(request):
    return request.membership.organisation


def _application(request, application_id) -> Application:
    return get_application_for_user_or_404(request.user, _organisation(request), application_id)


def _to_application(application):
    return redirect("accreditation:application", application_id=application.pk)


@org_admin_required
def overview(request):
    organisation = _organisation(request)
    applications = list(
        Application.objects.visible_to(request.user)
        .filter(organisation=organisation)
        .select_related("standard")
    )
    current = next((a for a in applications if a.is_open), None)
    awards = list(
        Award.objects.visible_to(request.user)
        .filter(organisation=organisation)
        .select_related("standard")
    )
    award = services.current_award(organisation)
    renew_from = services.renewal_opens_on(award) if award else None
    return render(
        request,
        "accreditation/organisation/overview.html",
        {
            "organisation": organisation,
            "current": current,
            "past": [a for a in applications if not a.is_open],
            "awards": awards,
            "award": award,
            "renew_from": renew_from,
            "can_renew": award is not None
            and current is None
            and timezone.localdate() >= renew_from,
            "can_start": award is None and (current is None or current.is_past_deadline),
            "standard": Standard.objects.current(),
            "support_requests": SupportRequest.objects.visible_to(request.user)
            .filter(organisation=organisation)
            .prefetch_related("areas")[:5],
        },
    )


def _start(request, *, renewal: bool):
    try:
        application = services.application_start(
            actor=request.user,
            organisation=_organisation(request),
            renewal=renewal,
            request=request,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("accreditation:overview")
    return _to_application(application)


@org_admin_required
@require_POST
def start(request):
    return _start(request, renewal=False)


@org_admin_required
@require_POST
def renew(request):
    return _start(request, renewal=True)


@org_admin_required
def application_detail(request, application_id):
    application = _application(request, application_id)
    responses = list(
        application.responses.select_related("requirement__area").prefetch_related(
            "files", "summaries"
        )
    )
    return render(
        request,
        "accreditation/organisation/application.html",
        {
            "application": application,
            "areas": area_groups(responses),
            "completed": sum(1 for r in responses if r.is_complete),
            "total": len(responses),
            "more_needed": [r for r in responses if r.review_outcome == ReviewOutcome.MORE_NEEDED],
            "events": timeline(application),
            "award": getattr(application, "award", None)
            if application.status == ApplicationStatus.AWARDED
            else None,
        },
    )


def _requirement_page(request, application, response, *, form=None, upload_form=None):
    if form is None:
        form = SelfAssessmentForm(
            initial={
                "self_assessment": response.self_assessment,
                "narrative": response.narrative,
                "action_plan": response.action_plan,
            }
        )
    errors = form.errors or (upload_form is not None and upload_form.errors)
    attached = {summary.kind for summary in response.summaries.all()}
    return render(
        request,
        "accreditation/organisation/requirement.html",
        {
            "application": application,
            "response": response,
            "requirement": response.requirement,
            "form": form,
            "upload_form": upload_form or EvidenceUploadForm(),
            "files": response.files.all(),
            "summaries": response.summaries.all(),
            "sources": [
                (source, source.kind in attached)
                for source in summaries.sources_for(response.requirement.code)
            ],
        },
        status=400 if errors else 200,
    )


@org_admin_required
@require_http_methods(["GET", "POST"])
def requirement(request, application_id, code):
    application = _application(request, application_id)
    response = get_response_or_404(application, code)
    if request.method == "POST":
        form = SelfAssessmentForm(request.POST)
        if not application.is_editable:
            messages.error(request, services.NOT_EDITABLE)
            return _to_application(application)
        if form.is_valid():
            try:
                services.response_save(
                    actor=request.user, response=response, request=request, **form.cleaned_data
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(
                    request, f"Your self-assessment of {response.requirement.number} is saved."
                )
                return _to_application(application)
        return _requirement_page(request, application, response, form=form)
    return _requirement_page(request, application, response)


@upload_limit(EVIDENCE_MAX_BYTES)
@org_admin_required
@require_http_methods(["GET", "POST"])
def evidence_add(request, application_id, code):
    application = _application(request, application_id)
    response = get_response_or_404(application, code)
    here = reverse("accreditation:requirement", args=[application.pk, code])
    if request.method == "GET":
        return redirect(here)
    if not application.is_editable:
        messages.error(request, services.NOT_EDITABLE)
        return _to_application(application)
    form = EvidenceUploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.evidence_add(
                actor=request.user,
                response=response,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["upload"],
                content_type=form.kind.content_type,
                extension=form.kind.extension,
                request=request,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"{form.cleaned_data['title']} is added as evidence.")
            return redirect(f"{here}#evidence")
    return _requirement_page(request, application, response, upload_form=form)


@org_admin_required
@require_http_methods(["GET", "POST"])
def summary_attach(request, application_id, code):
    application = _application(request, application_id)
    response = get_response_or_404(application, code)
    here = reverse("accreditation:requirement", args=[application.pk, code])
    if request.method == "POST":
        try:
            snapshot = services.summary_attach(
                actor=request.user,
                response=response,
                kind=request.POST.get("kind", ""),
                request=request,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"‘{snapshot.title}’ is attached as evidence.")
    return redirect(f"{here}#evidence")


@org_admin_required
@require_POST
def evidence_remove(request, evidence_id):
    evidence = get_evidence_for_user_or_404(request.user, _organisation(request), evidence_id)
    code = evidence.response.requirement.code
    try:
        services.evidence_remove(actor=request.user, evidence=evidence, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{evidence.title} is removed.")
    return redirect(
        reverse("accreditation:requirement", args=[evidence.application_id, code]) + "#evidence"
    )


def evidence_response(request, evidence) -> FileResponse:
    """The file, as a download, after recording who opened it."""
    audit_viewed(request, evidence, organisation=evidence.organisation)
    return private_file_response(
        evidence.file,
        filename=f"{evidence.application.reference}-{evidence.pk.hex[:8]}.{evidence.extension}",
        content_type=evidence.content_type,
    )


@org_admin_required
def evidence_download(request, evidence_id):
    evidence = get_evidence_for_user_or_404(request.user, _organisation(request), evidence_id)
    return evidence_response(request, evidence)


@org_admin_required
@require_http_methods(["GET", "POST"])
def changes(request, application_id):
    application = _application(request, application_id)
    if not application.is_renewal:
        return _to_application(application)
    form = ChangesForm(
        posted(request), initial={"changes_since_award": application.changes_since_award}
    )
    if request.method == "POST" and not application.is_editable:
        messages.error(request, services.NOT_EDITABLE)
        return _to_application(application)
    if request.method == "POST" and form.is_valid():
        services.changes_save(
            actor=request.user,
            application=application,
            text=form.cleaned_data["changes_since_award"],
            request=request,
        )
        messages.success(request, "What has changed since your award is saved.")
        return _to_application(application)
    return render(
        request,
        "accreditation/organisation/changes.html",
        {"application": application, "form": form},
        status=400 if form.errors else 200,
    )


@org_admin_required
@require_http_methods(["GET", "POST"])
def submit(request, application_id):
    """Check the application, then send it (or send back what the assessor asked for)."""
    application = _application(request, application_id)
    if request.method == "POST":
        try:
            services.application_submit(
                actor=request.user, application=application, request=request
            )
        except ValidationError as error:
            if application.is_editable:
                return _check_page(request, application, errors=error.messages, status=400)
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                f"Application {application.reference} is sent. An assessor will look at it and "
                "you will see each step here.",
            )
        return _to_application(application)
    if not application.is_editable:
        return _to_application(application)
    return _check_page(request, application)


def _check_page(request, application, *, errors=(), status=200):
    responses = list(
        application.responses.select_related("requirement__area").prefetch_related(
            "files", "summaries"
        )
    )
    return render(
        request,
        "accreditation/organisation/check.html",
        {
            "application": application,
            "areas": area_groups(responses),
            "problems": services.submission_problems(application),
            "errors": errors,
        },
        status=status,
    )


@org_admin_required
def certificate(request, award_id):
    award = get_award_for_user_or_404(request.user, _organisation(request), award_id)
    return certificate_download(request, award)


def certificate_download(request, award) -> HttpResponse:
    verify_url = request.build_absolute_uri(
        reverse("accreditation:verify", args=[award.verification_code])
    )
    audit_record(
        actor=request.user,
        action=AuditAction.EXPORTED,
        obj=award,
        organisation=award.organisation,
        request=request,
    )
    response = HttpResponse(certificate_pdf(award, verify_url), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="approved-provider-standard-{award.verification_code}.pdf"'
    )
    return response


@org_admin_required
@require_http_methods(["GET", "POST"])
def support(request):
    organisation = _organisation(request)
    form = SupportRequestForm(posted(request), standard=Standard.objects.current())
    if request.method == "POST" and form.is_valid():
        try:
            services.support_request_create(
                actor=request.user,
                organisation=organisation,
                message=form.cleaned_data["message"],
                areas=form.cleaned_data["areas"],
                request=request,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Your request for support is sent to the assessors.")
            return redirect("accreditation:support")
    requests_made = (
        SupportRequest.objects.visible_to(request.user)
        .filter(organisation=organisation)
        .select_related("requested_by", "replied_by")
        .prefetch_related("areas")
    )
    return render(
        request,
        "accreditation/organisation/support.html",
        {"form": form, "support_requests": requests_made, "organisation": organisation},
        status=400 if form.errors else 200,
    )
