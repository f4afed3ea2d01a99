"""The vetting pipeline for coordinators and org admins of the organisation they act for."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from accounts.audit import audit_viewed
from core.fields import posted
from core.forms import apply_validation_error, saved
from providers.permissions import staff_required

from .. import services
from ..constants import VOLUNTEER_APPLICATION_RETENTION_MONTHS, InterviewOutcome, VettingStage
from ..forms.vetting import (
    DBSCheckForm,
    DecisionForm,
    InterviewForm,
    PipelineFilterForm,
    ReferenceForm,
    RiskDecisionForm,
    TrainingRecordForm,
)
from ..models import CriminalRecordDisclosure, MentorProfile, VolunteerApplication
from ..services.volunteer_retention import erase_due_on
from ..tenancy import (
    get_application_for_user_or_404,
    get_dbs_check_for_user_or_404,
    get_reference_for_user_or_404,
)
from .answers import answer_sections

APPLICATIONS_PER_PAGE = 25
ERASED = (
    "The personal details of this application have been erased, so nothing more can be seen "
    "or recorded on it."
)


def _application(request, application_id):
    return get_application_for_user_or_404(
        request.user, request.membership.organisation, application_id
    )


def _unerased(request, application_id):
    """The application, for a page that shows or records a check: once the retention job has
    erased it there is nothing to show or record, so the page is not found, and says why (the
    person asking can see the application, so this tells them nothing new)."""
    application = _application(request, application_id)
    if application.is_erased:
        messages.error(request, ERASED)
        raise Http404(ERASED)
    return application


def _back(application):
    return redirect("volunteers:vetting_application", application_id=application.pk)


def _form_page(request, template, form, application, **context):
    return render(
        request,
        f"volunteers/vetting/{template}",
        {"form": form, "application": application, **context},
        status=400 if form.errors else 200,
    )


@staff_required
def pipeline(request):
    organisation = request.membership.organisation
    form = PipelineFilterForm(request.GET or None, organisation=organisation)
    applications = (
        VolunteerApplication.objects.visible_to(request.user)
        .filter(organisation=organisation)
        .select_related("role", "applicant")
        .order_by("submitted_at")
    )
    status = 200
    if form.is_bound and not form.is_valid():
        applications, status = applications.none(), 400
    elif form.is_bound:
        applications = form.filter(applications)
    else:
        applications = applications.exclude(stage=VettingStage.DECIDED)
    page = Paginator(applications, APPLICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "volunteers/vetting/pipeline.html",
        {"form": form, "page": page, "organisation": organisation},
        status=status,
    )


@staff_required
def application_detail(request, application_id):
    application = _application(request, application_id)
    audit_viewed(request, application, organisation=application.organisation)
    if application.is_erased:
        context = {
            "application": application,
            "retention_months": VOLUNTEER_APPLICATION_RETENTION_MONTHS,
        }
        return render(request, "volunteers/vetting/erased.html", context)
    checklist = services.vetting_checklist(application)
    return render(
        request,
        "volunteers/vetting/application.html",
        {
            "application": application,
            "checklist": checklist,
            "sections": answer_sections(application, editable=False, include_disclosure=False),
            "has_disclosure": CriminalRecordDisclosure.objects.visible_to(request.user)
            .filter(application=application, has_record=True)
            .exists(),
            "dbs_checks": application.dbs_checks.select_related("risk_decided_by"),
            "training_records": application.training_records.select_related("module"),
            "interviews": application.interviews.all(),
            "updates": application.updates.all(),
            "erase_on": erase_due_on(application),
            "retention_months": VOLUNTEER_APPLICATION_RETENTION_MONTHS,
        },
    )


@staff_required
def disclosure(request, application_id):
    """What the applicant told us about a criminal record, and any DBS risk decisions. Every view
    is audited."""
    application = _unerased(request, application_id)
    record = (
        CriminalRecordDisclosure.objects.visible_to(request.user)
        .filter(application=application)
        .first()
    )
    audit_viewed(
        request,
        record or application,
        organisation=application.organisation,
        object_repr=f"Criminal record disclosure for {application.reference}",
    )
    return render(
        request,
        "volunteers/vetting/disclosure.html",
        {
            "application": application,
            "disclosure": record,
            "dbs_checks": application.dbs_checks.select_related("risk_decided_by"),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def interview(request, application_id):
    """Arrange an interview or record how it went. After a missed interview, arrange another."""
    application = _unerased(request, application_id)
    current = application.interviews.first()
    if current and current.outcome == InterviewOutcome.DID_NOT_ATTEND:
        current = None
    initial = {}
    if current:
        initial = {
            "interview_date": current.interview_date,
            "arrangements": current.arrangements,
            "outcome": current.outcome or "pending",
            "notes": current.notes,
        }
    form = InterviewForm(posted(request), initial=initial)
    if saved(
        request,
        form,
        lambda data: services.interview_save(
            actor=request.user,
            application=application,
            interview=current,
            request=request,
            **data,
        ),
        success="The interview is saved.",
    ):
        return _back(application)
    return _form_page(request, "interview.html", form, application, interview=current)


@staff_required
@require_http_methods(["GET", "POST"])
def reference(request, application_id, reference_id):
    application = _unerased(request, application_id)
    referee = get_reference_for_user_or_404(request.user, application, reference_id)
    form = ReferenceForm(
        posted(request),
        initial={
            "requested_on": referee.requested_on,
            "received_on": referee.received_on,
            "satisfactory": referee.satisfactory,
            "notes": referee.notes,
        },
    )
    if saved(
        request,
        form,
        lambda data: services.reference_record(
            actor=request.user, reference=referee, request=request, **data
        ),
        success=f"The reference from {referee.name} is saved.",
    ):
        return _back(application)
    return _form_page(request, "reference.html", form, application, referee=referee)


@staff_required
@require_http_methods(["GET", "POST"])
def dbs_check(request, application_id):
    application = _unerased(request, application_id)
    form = DBSCheckForm(posted(request), initial={"level": application.role.dbs_level})
    if request.method == "POST" and form.is_valid():
        try:
            check = services.dbs_check_record(
                actor=request.user, application=application, request=request, **form.cleaned_data
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            if check.needs_risk_decision:
                messages.info(
                    request,
                    "The DBS check is saved. Information was disclosed: record the risk decision.",
                )
                return redirect(
                    "volunteers:vetting_risk_decision",
                    application_id=application.pk,
                    check_id=check.pk,
                )
            messages.success(request, "The DBS check is saved.")
            return _back(application)
    return _form_page(request, "dbs_check.html", form, application)


@staff_required
@require_http_methods(["GET", "POST"])
def risk_decision(request, application_id, check_id):
    application = _unerased(request, application_id)
    check = get_dbs_check_for_user_or_404(request.user, application, check_id)
    form = RiskDecisionForm(posted(request), organisation=application.organisation)
    if saved(
        request,
        form,
        lambda data: _decide_risk(request, check, data),
        success="The risk decision is recorded.",
    ):
        return redirect("volunteers:vetting_disclosure", application_id=application.pk)
    audit_viewed(request, check, organisation=application.organisation)
    return _form_page(request, "risk_decision.html", form, application, check=check)


# The DBS check's fields, as the risk decision form names them.
_RISK_FIELDS = {
    "risk_decided_by": "decided_by",
    "risk_decided_on": "decided_on",
    "risk_decision_reason": "reason",
    "risk_decision": "decision",
}


def _decide_risk(request, check, data):
    try:
        return services.dbs_risk_decide(
            actor=request.user,
            check=check,
            decision=data["decision"],
            decided_by=data["decided_by"],
            decided_on=data["decided_on"],
            reason=data["reason"],
            request=request,
        )
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            raise
        raise ValidationError(
            {_RISK_FIELDS.get(name, name): errors for name, errors in error.error_dict.items()}
        ) from error


@staff_required
@require_http_methods(["GET", "POST"])
def training(request, application_id):
    application = _unerased(request, application_id)
    form = TrainingRecordForm(posted(request), organisation=application.organisation)
    if saved(
        request,
        form,
        lambda data: services.training_record_add(
            actor=request.user, application=application, request=request, **data
        ),
        success=lambda record: f"{record.module} is recorded.",
    ):
        return _back(application)
    return _form_page(request, "training.html", form, application)


@staff_required
@require_http_methods(["GET", "POST"])
def decision(request, application_id):
    application = _unerased(request, application_id)
    checklist = services.vetting_checklist(application)
    form = DecisionForm(posted(request))
    if request.method == "POST" and not application.is_open:
        messages.error(request, "This application has already been decided.")
        return _back(application)
    if saved(
        request,
        form,
        lambda data: _decide(request, application, data),
        success=lambda mentor: (
            f"{application.name} is approved as a mentor."
            if mentor
            else f"{application.name} is told they are not approved."
        ),
    ):
        if form.cleaned_data["decision"] == "approve":
            mentor = MentorProfile.objects.visible_to(request.user).get(application=application)
            return redirect("volunteers:mentor", mentor_id=mentor.pk)
        return _back(application)
    return _form_page(request, "decision.html", form, application, checklist=checklist)


def _decide(request, application, data) -> MentorProfile | None:
    """Approve (giving the new mentor record) or reject the application."""
    if data["decision"] == "approve":
        return services.application_approve(
            actor=request.user, application=application, capacity=data["capacity"], request=request
        )
    services.application_reject(
        actor=request.user, application=application, reason=data["reason"], request=request
    )
    return None
