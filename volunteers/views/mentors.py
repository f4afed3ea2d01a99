"""Mentor records for coordinators: the matching profile, status and supervision."""

from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from accounts.audit import audit_viewed
from core.fields import posted
from core.forms import form_status, saved
from providers.permissions import staff_required

from .. import services
from ..constants import MentorStatus
from ..forms.mentors import MentorProfileForm, MentorStatusForm, SupervisionForm
from ..models import MentorProfile
from ..tenancy import get_mentor_for_user_or_404

MENTORS_PER_PAGE = 50


@staff_required
def mentor_list(request):
    organisation = request.membership.organisation
    status = request.GET.get("status", MentorStatus.ACTIVE)
    if status not in (*MentorStatus.values, "all"):
        status = MentorStatus.ACTIVE
    mentors = (
        MentorProfile.objects.visible_to(request.user)
        .filter(organisation=organisation)
        .select_related("user")
    )
    if status != "all":
        mentors = mentors.filter(status=status)
    matchable = set(
        MentorProfile.objects.visible_to(request.user)
        .filter(organisation=organisation)
        .matchable()
        .values_list("pk", flat=True)
    )
    page = Paginator(mentors, MENTORS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "volunteers/mentors/list.html",
        {
            "page": page,
            "status": status,
            "statuses": [*MentorStatus.choices, ("all", "All")],
            "matchable": matchable,
            "organisation": organisation,
        },
    )


def _mentor(request, mentor_id):
    return get_mentor_for_user_or_404(request.user, request.membership.organisation, mentor_id)


@staff_required
def mentor_detail(request, mentor_id):
    mentor = _mentor(request, mentor_id)
    audit_viewed(request, mentor, organisation=mentor.organisation)
    application = mentor.application
    return render(
        request,
        "volunteers/mentors/detail.html",
        {
            "mentor": mentor,
            "matchable": MentorProfile.objects.filter(pk=mentor.pk).matchable().exists(),
            "checklist": services.vetting_checklist(application),
            "sessions": mentor.supervision_sessions.select_related("supervisor"),
            "pathways": mentor.pathways.all(),
            "areas": mentor.local_authorities.all(),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def mentor_edit(request, mentor_id):
    mentor = _mentor(request, mentor_id)
    form = MentorProfileForm(posted(request), instance=MentorProfile.objects.get(pk=mentor.pk))
    if saved(
        request,
        form,
        lambda data: services.mentor_update(
            actor=request.user, mentor=mentor, request=request, **form.profile_fields()
        ),
        success="The mentor's profile is saved.",
    ):
        return redirect("volunteers:mentor", mentor_id=mentor.pk)
    return render(
        request,
        "volunteers/mentors/edit.html",
        {"form": form, "mentor": mentor},
        status=form_status(form),
    )


@staff_required
@require_http_methods(["GET", "POST"])
def mentor_status(request, mentor_id):
    mentor = _mentor(request, mentor_id)
    form = MentorStatusForm(posted(request), initial={"status": mentor.status})
    if saved(
        request,
        form,
        lambda data: services.mentor_set_status(
            actor=request.user, mentor=mentor, request=request, **data
        ),
        success="The mentor's status is saved.",
    ):
        return redirect("volunteers:mentor", mentor_id=mentor.pk)
    return render(
        request,
        "volunteers/mentors/status.html",
        {"form": form, "mentor": mentor},
        status=form_status(form),
    )


@staff_required
@require_http_methods(["GET", "POST"])
def supervision_create(request, mentor_id):
    mentor = _mentor(request, mentor_id)
    form = SupervisionForm(
        posted(request),
        organisation=mentor.organisation,
        initial={"supervisor": request.user.pk},
    )
    if saved(
        request,
        form,
        lambda data: services.supervision_create(
            actor=request.user, mentor=mentor, request=request, **data
        ),
        success="The supervision session is recorded.",
    ):
        return redirect("volunteers:mentor", mentor_id=mentor.pk)
    return render(
        request,
        "volunteers/mentors/supervision_form.html",
        {"form": form, "mentor": mentor},
        status=form_status(form),
    )
