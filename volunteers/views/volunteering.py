"""Volunteering for the public and applicants: the roles on offer and the application journey.

Anyone can read the roles. Applying needs an account with a verified email address; the
application is a draft saved page by page, sent after checking the answers.
"""

from functools import wraps

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from accounts.audit import audit_viewed
from accounts.middleware import public_page
from core.fields import posted
from core.forms import apply_validation_error
from providers.models import Region

from .. import services
from ..constants import VOLUNTEER_APPLICATION_RETENTION_MONTHS, ApplicationStatus
from ..forms.volunteering import SECTIONS, STEPS_BY_SLUG, next_step, step_form
from ..models import CriminalRecordDisclosure, VolunteerApplication, VolunteerRole
from ..services.volunteer_retention import erase_due_on
from ..tenancy import get_own_application_or_404
from .answers import answer_sections

ROLES_PER_PAGE = 20


def applicant_required(view):
    """Signed in with a verified email address. (Kept under our own name so the URL walk in
    tests/security/ still sees these as our views.)"""
    return wraps(view)(verified_email_required(view))


def published_roles():
    return VolunteerRole.objects.published().select_related("organisation", "organisation__region")


@public_page
def roles(request):
    """Every published volunteer role, filtered by region."""
    regions = Region.objects.order_by("name")
    chosen = request.GET.get("region", "")
    listed = published_roles().order_by("organisation__name", "title")
    region = None
    if chosen:
        region = next((r for r in regions if str(r.pk) == chosen), None)
        if region is None:
            raise Http404("No such region")
        listed = listed.filter(organisation__region=region)
    page = Paginator(listed, ROLES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "volunteers/volunteering/roles.html",
        {"page": page, "regions": regions, "region": region},
    )


@public_page
def role_detail(request, role_id):
    role = get_object_or_404(published_roles(), pk=role_id)
    return render(request, "volunteers/volunteering/role.html", {"role": role})


@public_page
@require_http_methods(["GET", "POST"])
def apply(request, role_id):
    """The start page; starting (POST) needs an account and gives one application per role."""
    role = get_object_or_404(published_roles(), pk=role_id)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return verified_email_required(_start_application)(request, role)
    existing = None
    if request.user.is_authenticated:
        existing = VolunteerApplication.objects.of_applicant(request.user).open().filter(role=role)
        existing = existing.first()
    context = {"role": role, "existing": existing}
    if existing is not None and existing.status == ApplicationStatus.REJECTED:
        context["apply_again_on"] = erase_due_on(existing)
    return render(request, "volunteers/volunteering/apply.html", context)


def _start_application(request, role):
    try:
        application = services.application_start(actor=request.user, role=role, request=request)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("volunteers:volunteer_roles")
    return redirect("volunteers:volunteer_application", application_id=application.pk)


@applicant_required
def my_applications(request):
    applications = (
        VolunteerApplication.objects.of_applicant(request.user)
        .select_related("role", "organisation")
        .order_by("-created_at")
    )
    return render(
        request, "volunteers/volunteering/my_applications.html", {"applications": applications}
    )


def _started(application, slug: str) -> bool:
    """Whether a page not yet complete has any answer saved ("Save and come back later"). The
    name filled in from the account when the application began does not count."""
    form = step_form(STEPS_BY_SLUG[slug], application)
    prefilled = {"full_name": application.applicant.full_name}
    return any(
        form[name].initial not in (None, "", [], (), False, prefilled.get(name))
        for name in form.fields
    )


def task_list(application) -> list[tuple[str, list[dict]]]:
    """The task list's sections, each task with its GOV.UK task list status."""
    done = set(application.completed_steps)
    return [
        (
            heading,
            [
                {
                    "step": STEPS_BY_SLUG[slug],
                    "done": slug in done,
                    "started": slug not in done and _started(application, slug),
                    "href": reverse(
                        "volunteers:volunteer_application_step", args=[application.pk, slug]
                    ),
                }
                for slug in slugs
            ],
        )
        for heading, slugs in SECTIONS
    ]


@applicant_required
def application_detail(request, application_id):
    """A draft's task list; once sent, its status and everything the applicant has been told;
    once erased, only that it was."""
    application = get_own_application_or_404(request.user, application_id)
    if application.is_draft and not application.is_erased:
        sections = task_list(application)
        required = [item for _, items in sections for item in items if not item["step"].optional]
        return render(
            request,
            "volunteers/volunteering/task_list.html",
            {
                "application": application,
                "sections": sections,
                "completed": sum(item["done"] for item in required),
                "total": len(required),
                "erase_on": erase_due_on(application),
            },
        )
    return render(
        request,
        "volunteers/volunteering/status.html",
        {
            "application": application,
            "updates": application.updates.all(),
            "erase_on": erase_due_on(application),
            "retention_months": VOLUNTEER_APPLICATION_RETENTION_MONTHS,
            "can_apply_again": application.is_erased
            and VolunteerRole.objects.published().filter(pk=application.role_id).exists(),
        },
    )


def _cannot_change(request, application):
    """Back to the application's page, saying why its draft pages are closed: it was sent, or
    the retention job erased it."""
    if application.is_erased:
        message = (
            "The details of this application were erased on "
            f"{timezone.localdate(application.erased_at):%-d %B %Y}, so it cannot be changed or "
            "sent."
        )
    else:
        message = (
            "You have already sent this application, so it cannot be changed here. "
            f"Contact {application.organisation} if something needs correcting."
        )
    messages.error(request, message)
    return redirect("volunteers:volunteer_application", application_id=application.pk)


@applicant_required
@require_http_methods(["GET", "POST"])
def application_step(request, application_id, step):
    application = get_own_application_or_404(request.user, application_id)
    step = STEPS_BY_SLUG.get(step)
    if step is None:
        raise Http404("No such page in the application")
    if application.is_erased or not application.is_draft:
        return _cannot_change(request, application)
    form = step_form(step, application, posted(request))
    if request.method == "POST" and "later" in request.POST and not form.is_valid():
        # Kept as it stands, unchecked: the page is checked when they finish it.
        as_it_stands = step_form(step, application, posted(request)).draft_answers()
        services.application_save_draft(
            actor=request.user,
            application=application,
            step=step.slug,
            answers=as_it_stands,
            request=request,
        )
        messages.success(
            request,
            f"Your answers are saved. ‘{step.title}’ is in progress: come back to it at any time.",
        )
        return redirect("volunteers:volunteer_application", application_id=application.pk)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_save_step(
                actor=request.user,
                application=application,
                step=step.slug,
                answers=form.answers(),
                request=request,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            following = next_step(step.slug)
            if request.GET.get("from") == "check":
                return redirect(
                    "volunteers:volunteer_application_check", application_id=application.pk
                )
            if "later" in request.POST:
                messages.success(request, "Your answers are saved. You can come back at any time.")
                return redirect("volunteers:volunteer_application", application_id=application.pk)
            if following and following not in application.completed_steps:
                return redirect(
                    "volunteers:volunteer_application_step",
                    application_id=application.pk,
                    step=following,
                )
            return redirect("volunteers:volunteer_application", application_id=application.pk)
    if step.slug == "criminal-record" and request.method == "GET":
        _audit_disclosure_view(request, application)
    return render(
        request,
        f"volunteers/volunteering/steps/{step.slug}.html",
        {"application": application, "form": form, "step": step},
        status=400 if form.errors else 200,
    )


def _audit_disclosure_view(request, application) -> None:
    disclosure = CriminalRecordDisclosure.objects.filter(application=application).first()
    if disclosure is not None:
        audit_viewed(
            request,
            disclosure,
            organisation=None if application.is_draft else application.organisation,
        )


@applicant_required
@require_http_methods(["GET", "POST"])
def application_check(request, application_id):
    """Check your answers, then send. Sending twice sends once."""
    application = get_own_application_or_404(request.user, application_id)
    if application.is_erased:
        return _cannot_change(request, application)
    if application.status == ApplicationStatus.SUBMITTED and request.method == "POST":
        return redirect("volunteers:volunteer_application_sent", application_id=application.pk)
    if not application.is_draft:
        return _cannot_change(request, application)
    problems = services.submission_problems(application)
    if request.method == "POST" and not problems:
        try:
            services.application_submit(
                actor=request.user, application=application, request=request
            )
        except ValidationError as error:
            problems = [("", message) for message in error.messages]
        else:
            return redirect("volunteers:volunteer_application_sent", application_id=application.pk)
    _audit_disclosure_view(request, application)
    problem_links = [
        {
            "message": message,
            "href": reverse("volunteers:volunteer_application_step", args=[application.pk, slug])
            if slug
            else "#main-content",
        }
        for slug, message in problems
    ]
    return render(
        request,
        "volunteers/volunteering/check.html",
        {
            "application": application,
            "sections": answer_sections(application, editable=True),
            "problems": problem_links,
        },
        status=400 if problems and request.method == "POST" else 200,
    )


@applicant_required
def application_sent(request, application_id):
    application = get_own_application_or_404(request.user, application_id)
    if application.is_draft or application.is_erased:
        return redirect("volunteers:volunteer_application", application_id=application.pk)
    return render(request, "volunteers/volunteering/sent.html", {"application": application})


@applicant_required
@require_http_methods(["GET", "POST"])
def application_withdraw(request, application_id):
    application = get_own_application_or_404(request.user, application_id)
    if application.is_erased:
        return _cannot_change(request, application)
    if application.status not in (ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED):
        messages.error(
            request,
            f"This application is {application.get_status_display().lower()}, so it cannot be "
            "withdrawn.",
        )
        return redirect("volunteers:volunteer_application", application_id=application.pk)
    if request.method == "POST":
        services.application_withdraw(actor=request.user, application=application, request=request)
        messages.success(request, f"Your application to {application.organisation} is withdrawn.")
        return redirect("volunteers:volunteer_applications")
    return render(request, "volunteers/volunteering/withdraw.html", {"application": application})
