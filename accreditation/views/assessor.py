"""The assessors' side: the queue, assessing an application, awards and support requests.

Assessors must pass MFA like every staff role (accounts.middleware.StaffMFAMiddleware). One who
is or has been a member of an organisation cannot take, review, visit, decide or withdraw for it:
the services refuse with a message and nothing changes.
"""

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, F, OuterRef
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from accounts.constants import PlatformRole
from accounts.permissions import platform_role_required
from core.dates import govuk_date
from core.fields import posted
from core.forms import apply_validation_error
from providers.models import Membership

from .. import services
from ..constants import ApplicationStatus, Decision, ReviewOutcome, SupportStatus
from ..forms import DecisionForm, ReviewForm, SupportReplyForm, VisitForm, WithdrawForm
from ..models import Application, Award, SupportRequest
from ..tenancy import (
    get_application_for_assessor_or_404,
    get_evidence_for_assessor_or_404,
    get_response_or_404,
)
from .organisation import evidence_response
from .shared import area_groups, timeline

assessor_required = platform_role_required(PlatformRole.ASSESSOR)
RECENT_DECISIONS = 20
PER_PAGE = 50


def _application(request, application_id) -> Application:
    return get_application_for_assessor_or_404(request.user, application_id)


def _to_application(application):
    return redirect("accreditation:assess", application_id=application.pk)


def _with_conflicts(applications, user):
    """Mark each application `conflicted` if the user is or was a member of its organisation."""
    return applications.annotate(
        conflicted=Exists(
            Membership.objects.filter(user=user, organisation=OuterRef("organisation"))
        )
    )


@assessor_required
def queue(request):
    sent = _with_conflicts(
        Application.objects.visible_to(request.user)
        .sent()
        .select_related("organisation__region", "assessor"),
        request.user,
    )
    waiting = list(sent.waiting_for_assessor().order_by("sent_at"))
    in_assessment = list(
        sent.filter(
            status__in=[ApplicationStatus.IN_ASSESSMENT, ApplicationStatus.MORE_INFORMATION]
        ).order_by("sent_at")
    )
    return render(
        request,
        "accreditation/assessor/queue.html",
        {
            "waiting": waiting,
            "overdue": set(sent.waiting_for_assessor_for().values_list("pk", flat=True)),
            # visible_to shows an assessor only what waits for one and what they have taken
            "yours": in_assessment,
            "decided": sent.filter(
                status__in=[ApplicationStatus.AWARDED, ApplicationStatus.NOT_YET]
            ).order_by("-decided_at")[:RECENT_DECISIONS],
            "open_support": SupportRequest.objects.visible_to(request.user)
            .filter(status=SupportStatus.OPEN)
            .count(),
        },
    )


@assessor_required
def assess(request, application_id):
    application = _application(request, application_id)
    responses = list(
        application.responses.select_related("requirement__area", "reviewed_by").prefetch_related(
            "files", "summaries"
        )
    )
    award = Award.objects.filter(application=application).first()
    return render(
        request,
        "accreditation/assessor/application.html",
        {
            "application": application,
            "areas": area_groups(responses),
            "reviewed": sum(1 for r in responses if r.review_outcome),
            "accepted": sum(1 for r in responses if r.review_outcome == ReviewOutcome.ACCEPTED),
            "more_needed": sum(
                1 for r in responses if r.review_outcome == ReviewOutcome.MORE_NEEDED
            ),
            "total": len(responses),
            "visits": application.visits.select_related("recorded_by"),
            "events": timeline(application),
            "award": award,
            "conflicted": services.is_member(request.user, application.organisation),
            "is_yours": application.assessor_id == request.user.pk
            and application.status == ApplicationStatus.IN_ASSESSMENT,
        },
    )


def _run(request, application, step, success: str):
    """Run an assessor's step; a refusal (someone else's, a conflict) is a message, no change."""
    try:
        step()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return _to_application(application)


@assessor_required
@require_POST
def take(request, application_id):
    application = _application(request, application_id)
    return _run(
        request,
        application,
        lambda: services.application_take(
            actor=request.user, application=application, request=request
        ),
        f"You are assessing {application.organisation.name}'s application.",
    )


@assessor_required
@require_POST
def return_to_organisation(request, application_id):
    application = _application(request, application_id)
    return _run(
        request,
        application,
        lambda: services.application_return(
            actor=request.user, application=application, request=request
        ),
        f"The application is returned to {application.organisation.name} with what you asked for.",
    )


def _form_page(request, template, form, application, **context):
    return render(
        request,
        f"accreditation/assessor/{template}",
        {
            "form": form,
            "application": application,
            "conflicted": services.is_member(request.user, application.organisation),
            **context,
        },
        status=400 if form.errors else 200,
    )


@assessor_required
@require_http_methods(["GET", "POST"])
def review(request, application_id, code):
    application = _application(request, application_id)
    response = get_response_or_404(application, code)
    form = ReviewForm(
        posted(request),
        initial={"outcome": response.review_outcome or None, "comment": response.review_comment},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.requirement_review(
                actor=request.user,
                response=response,
                outcome=form.cleaned_data["outcome"],
                comment=form.cleaned_data["comment"],
                request=request,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"Your review of {response.requirement.number} is saved.")
            return _to_application(application)
    return _form_page(
        request,
        "review.html",
        form,
        application,
        response=response,
        may_review=application.is_assessed_by(request.user),
        requirement=response.requirement,
        files=response.files.all(),  # not shown to a conflicted assessor (the template says so)
        summaries=response.summaries.all(),
    )


@assessor_required
@require_http_methods(["GET", "POST"])
def visit(request, application_id):
    application = _application(request, application_id)
    form = VisitForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.visit_record(
                actor=request.user, application=application, request=request, **form.cleaned_data
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "The visit is recorded.")
            return _to_application(application)
    return _form_page(request, "visit.html", form, application)


def _confirmation(request, application, *, heading, consequences, button, warning=False):
    """A page asking the assessor to confirm a decision with consequences before it is made.
    It sends the same answers again with `confirmed`; "Change" sends them back to the form."""
    answers = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in ("csrfmiddlewaretoken", "confirmed", "change")
        for value in values
    ]
    return render(
        request,
        "accreditation/assessor/confirm.html",
        {
            "application": application,
            "heading": heading,
            "consequences": consequences,
            "button": button,
            "warning": warning,
            "answers": answers,
        },
    )


def _confirmed(request) -> bool:
    return request.POST.get("confirmed") == "yes"


def _decision_consequences(application, awarding: bool) -> list[str]:
    name = application.organisation.name
    if awarding:
        return [
            f"{name} is awarded the Approved Provider Standard for 3 years from today.",
            "It is listed in the public register and its services show the badge in the "
            "directory at once.",
            f"{name} can download its certificate.",
        ]
    return [
        f"{name} is told the standard is not met yet, with your feedback.",
        "This application is closed. They can start a new one when they are ready.",
    ]


@assessor_required
@require_http_methods(["GET", "POST"])
def decide(request, application_id):
    application = _application(request, application_id)
    responses = list(application.responses.select_related("requirement__area"))
    form = DecisionForm(posted(request), responses=responses)
    if request.method == "POST" and "change" not in request.POST and form.is_valid():
        confirmed = _confirmed(request)
        try:
            award = services.application_decide(
                actor=request.user,
                application=application,
                decision=form.cleaned_data["decision"],
                feedback=form.cleaned_data["feedback"],
                requirement_feedback=form.requirement_feedback(),
                request=request,
                check_only=not confirmed,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            awarding = form.cleaned_data["decision"] == Decision.AWARDED
            name = application.organisation.name
            if not confirmed:
                return _confirmation(
                    request,
                    application,
                    heading=f"Award the standard to {name}?"
                    if awarding
                    else f"Tell {name} the standard is not met yet?",
                    consequences=_decision_consequences(application, awarding),
                    button="Yes, award the standard" if awarding else "Yes, send the decision",
                )
            if award is not None:
                messages.success(
                    request, f"{name} is awarded the standard until {govuk_date(award.expires_on)}."
                )
            else:
                messages.success(request, f"{name} is told the standard is not met yet.")
            return _to_application(application)
    return _form_page(
        request,
        "decide.html",
        form,
        application,
        award_problems=services.decision_problems(application, Decision.AWARDED),
    )


@assessor_required
@require_http_methods(["GET", "POST"])
def withdraw(request, application_id):
    application = _application(request, application_id)
    award = Award.objects.filter(application=application).first()
    if award is None:
        messages.error(request, "This application has no award to withdraw.")
        return _to_application(application)
    form = WithdrawForm(posted(request))
    if request.method == "POST" and "change" not in request.POST and form.is_valid():
        confirmed = _confirmed(request)
        name = application.organisation.name
        try:
            services.award_withdraw(
                actor=request.user,
                award=award,
                reason=form.cleaned_data["reason"],
                request=request,
                check_only=not confirmed,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            if not confirmed:
                return _confirmation(
                    request,
                    application,
                    heading=f"Withdraw the award to {name}?",
                    consequences=[
                        "Its badge leaves the directory and it leaves the public register at once.",
                        "The certificate check says the award was withdrawn.",
                        f"{name} sees your reason: “{form.cleaned_data['reason'].strip()}”",
                        "This cannot be undone. They would need to apply again.",
                    ],
                    button="Yes, withdraw the award",
                    warning=True,
                )
            messages.success(
                request,
                f"The award to {name} is withdrawn. It no longer shows "
                "in the register or the directory.",
            )
            return _to_application(application)
    return _form_page(request, "withdraw.html", form, application, award=award)


@assessor_required
def assessor_evidence(request, evidence_id):
    evidence = get_evidence_for_assessor_or_404(request.user, evidence_id)
    if services.is_member(request.user, evidence.organisation):
        raise PermissionDenied(services.conflict_message(evidence.organisation))
    return evidence_response(request, evidence)


@assessor_required
def awards(request):
    listed = (
        Award.objects.visible_to(request.user)
        .select_related("organisation__region", "standard")
        .order_by("-awarded_on", "organisation__name")
    )
    page = Paginator(listed, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "accreditation/assessor/awards.html", {"page": page})


@assessor_required
@require_http_methods(["GET", "POST"])
def support_requests(request):
    """Organisations' requests for support, each answered on this page."""
    visible = SupportRequest.objects.visible_to(request.user)
    answering, form = None, None
    if request.method == "POST":
        answering = visible.filter(pk=_uuid_or_none(request.POST.get("support_id"))).first()
        if answering is None:
            messages.error(request, "That request for support could not be found.")
            return redirect("accreditation:support_requests")
        form = SupportReplyForm(request.POST, auto_id=f"reply-{answering.pk}-%s")
        if form.is_valid():
            services.support_request_reply(
                actor=request.user,
                support=answering,
                reply=form.cleaned_data["reply"],
                request=request,
            )
            messages.success(request, f"Your reply to {answering.organisation.name} is sent.")
            return redirect("accreditation:support_requests")
    listed = (
        visible.select_related("organisation__region", "requested_by", "replied_by")
        .prefetch_related("areas")
        .order_by(F("replied_at").desc(nulls_first=True), "-created_at")
    )
    page = Paginator(listed, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "accreditation/assessor/support.html",
        {"page": page, "answering": answering, "form": form},
        status=400 if form is not None and form.errors else 200,
    )


def _uuid_or_none(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None
