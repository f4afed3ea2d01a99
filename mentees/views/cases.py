"""Mentee case records, for their organisation's org admins and coordinators. Every page that
shows a person's record is audited as a view; every change by the services it calls."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from core.confirming import Confirmation, confirm_then_save
from core.dates import govuk_date
from core.fields import posted
from core.files import private_file_response
from core.filters import filtered
from core.forms import form_status, saved
from core.upload_limits import upload_limit
from providers.permissions import staff_required

from ..constants import ClosureReason, ContactMethod, MenteeStatus
from ..filters import MenteeListFilter
from ..forms.cases import (
    DOCUMENT_MAX_BYTES,
    AssessmentForm,
    DocumentForm,
    GoalForm,
    MenteeDetailsForm,
    NoteForm,
    StatusForm,
)
from ..models import CaseDocument, Goal, Mentee, NeedRating
from ..services import cases as case_services
from ..services.privacy import erase_due_on, retention_ends
from ..tenancy import get_mentee_for_user_or_404

PER_PAGE = 50
ERASED = "The personal details of this record have been erased, so it can no longer be changed."


def _mentee(request, mentee_id) -> Mentee:
    return get_mentee_for_user_or_404(request.user, request.membership.organisation, mentee_id)


def _changeable(request, mentee_id) -> Mentee:
    """The mentee, for a page that changes their record: an erased record has nothing to
    change, so its change pages are not found, and the "not found" page says why (the person
    asking can see the record, so this tells them nothing new)."""
    mentee = _mentee(request, mentee_id)
    if mentee.erased_at:
        messages.error(request, ERASED)
        raise Http404(ERASED)
    if mentee.merged_into_id:
        raise Http404("This record was merged into another one.")
    return mentee


def _changeable_on_post(request, mentee_id) -> Mentee:
    """For a page that shows part of the record and has a form to add to it: anyone who may
    see the record can read it, but a POST is refused like on any change page."""
    if request.method == "POST":
        return _changeable(request, mentee_id)
    return _mentee(request, mentee_id)


def _page(request, template, mentee, part, context=None):
    """Render a part of the case record, recording that it was seen. A page with a form that
    has errors answers 400."""
    context = context or {}
    status = form_status(context["form"]) if "form" in context else 200
    if status == 200 and request.method == "GET":
        case_services.record_view(actor=request.user, mentee=mentee, request=request, part=part)
    return render(
        request, template, {"mentee": mentee, "part": part, **(context or {})}, status=status
    )


@staff_required
def mentee_list(request):
    mentees = (
        Mentee.objects.visible_to(request.user)
        .filter(organisation=request.membership.organisation, merged_into__isnull=True)
        .select_related("prison", "local_authority")
        .order_by("erased_at", "full_name", "pk")
    )
    filters = MenteeListFilter(request.GET, queryset=mentees)
    mentees = filtered(request, filters)
    status = filters.form.cleaned_data.get("status", "")
    page = Paginator(mentees, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "mentees/cases/list.html",
        {"page": page, "status": status, "statuses": MenteeStatus.choices},
    )


@staff_required
def mentee_detail(request, mentee_id):
    mentee = _mentee(request, mentee_id)
    if mentee.merged_into_id:
        messages.info(
            request,
            f"Case record {mentee.reference} was merged into this one on "
            f"{govuk_date(mentee.merged_at)}.",
        )
        return redirect("mentees:mentee_detail", mentee_id=mentee.merged_into_id)
    history = mentee.status_changes.select_related("created_by")
    ways = [label for value, label in ContactMethod.choices if value in mentee.contact_methods]
    return _page(
        request,
        "mentees/cases/overview.html",
        mentee,
        "overview",
        {"history": history, "contact_ways": ways, "erase_due_on": erase_due_on(mentee)},
    )


@staff_required
def mentee_edit(request, mentee_id):
    mentee = _changeable(request, mentee_id)
    form = MenteeDetailsForm(posted(request), initial=MenteeDetailsForm.initial_for(mentee))
    if saved(
        request,
        form,
        lambda data: case_services.mentee_update(
            actor=request.user, mentee=mentee, request=request, **data
        ),
        success="The details are saved.",
    ):
        return redirect("mentees:mentee_detail", mentee_id=mentee.pk)
    return _page(request, "mentees/cases/edit.html", mentee, "details", {"form": form})


def _closure_confirmation(mentee, data) -> Confirmation | None:
    if data["status"] != MenteeStatus.CLOSED:
        return None
    reason = dict(ClosureReason.choices).get(data["closure_reason"], "").lower()
    erased_on = retention_ends(timezone.now(), mentee.organisation)
    return Confirmation(
        heading=f"Close case record {mentee.reference}?",
        caption=mentee.display_name,
        consequences=[
            f"The case is closed. The reason recorded is: {reason}.",
            "No mentor can be proposed for this person while it is closed.",
            f"Unless it is opened again, its personal details are erased on "
            f"{govuk_date(erased_on)}, when the organisation's time for keeping records ends.",
            "You can open it again before then by changing its status.",
        ],
        button="Yes, close the case",
        back_url=reverse("mentees:mentee_status", args=[mentee.pk]),
    )


@staff_required
def mentee_status(request, mentee_id):
    mentee = _changeable(request, mentee_id)
    form = StatusForm(posted(request), initial={"status": mentee.status})
    step = confirm_then_save(
        request,
        form,
        lambda data: case_services.mentee_set_status(
            actor=request.user, mentee=mentee, request=request, **data
        ),
        confirmation=lambda data: _closure_confirmation(mentee, data),
    )
    if step.page:
        return step.page
    if step.saved:
        messages.success(request, "The status is changed.")
        return redirect("mentees:mentee_detail", mentee_id=mentee.pk)
    return _page(request, "mentees/cases/status.html", mentee, "status", {"form": form})


@staff_required
def mentee_needs(request, mentee_id):
    mentee = _mentee(request, mentee_id)
    assessments = mentee.assessments.select_related("created_by").prefetch_related(
        Prefetch("ratings", queryset=NeedRating.objects.select_related("pathway"))
    )
    return _page(request, "mentees/cases/needs.html", mentee, "needs", {"assessments": assessments})


@staff_required
def assessment_create(request, mentee_id):
    mentee = _changeable(request, mentee_id)
    kind = "review" if mentee.assessments.exists() else "initial"
    form = AssessmentForm(posted(request), initial={"kind": kind}, mentee=mentee)
    if saved(
        request,
        form,
        lambda data: case_services.assessment_record(
            actor=request.user,
            mentee=mentee,
            kind=data["kind"],
            assessed_on=data["assessed_on"],
            ratings=form.ratings(),
            submission_key=data["submission_key"],
            request=request,
        ),
        success="The needs assessment is saved.",
    ):
        return redirect("mentees:mentee_needs", mentee_id=mentee.pk)
    return _page(request, "mentees/cases/assessment_form.html", mentee, "needs", {"form": form})


@staff_required
def mentee_plan(request, mentee_id):
    mentee = _mentee(request, mentee_id)
    goals = mentee.goals.select_related("pathway")
    return _page(request, "mentees/cases/plan.html", mentee, "plan", {"goals": goals})


@staff_required
def goal_edit(request, mentee_id, goal_id=None):
    mentee = _changeable(request, mentee_id)
    goal = None
    if goal_id is not None:
        goal = get_object_or_404(
            Goal.objects.visible_to(request.user).filter(mentee=mentee), pk=goal_id
        )
    form = GoalForm(posted(request), instance=goal)
    if saved(
        request,
        form,
        lambda data: case_services.goal_save(
            actor=request.user,
            mentee=mentee,
            goal=goal,
            submission_key=data.get("submission_key"),
            request=request,
            pathway=data["pathway"],
            description=data["description"],
            target_date=data["target_date"],
            status=data["status"],
        ),
        success="The goal is saved.",
    ):
        return redirect("mentees:mentee_plan", mentee_id=mentee.pk)
    return _page(
        request, "mentees/cases/goal_form.html", mentee, "plan", {"form": form, "goal": goal}
    )


@staff_required
def mentee_notes(request, mentee_id):
    mentee = _changeable_on_post(request, mentee_id)
    form = NoteForm(posted(request))
    if saved(
        request,
        form,
        lambda data: case_services.note_add(
            actor=request.user,
            mentee=mentee,
            text=data["text"],
            submission_key=data["submission_key"],
            request=request,
        ),
        success="The note is added.",
    ):
        return redirect("mentees:mentee_notes", mentee_id=mentee.pk)
    notes = Paginator(mentee.notes.select_related("created_by"), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return _page(
        request, "mentees/cases/notes.html", mentee, "notes", {"form": form, "notes": notes}
    )


@upload_limit(DOCUMENT_MAX_BYTES)
@staff_required
def mentee_documents(request, mentee_id):
    mentee = _changeable_on_post(request, mentee_id)
    form = DocumentForm(posted(request), request.FILES or None)
    if saved(
        request,
        form,
        lambda data: case_services.document_add(
            actor=request.user,
            mentee=mentee,
            title=data["title"],
            upload=data["upload"],
            content_type=form.content_type,
            extension=form.extension,
            submission_key=data["submission_key"],
            request=request,
        ),
        success="The document is uploaded.",
    ):
        return redirect("mentees:mentee_documents", mentee_id=mentee.pk)
    documents = mentee.documents.select_related("created_by")
    return _page(
        request,
        "mentees/cases/documents.html",
        mentee,
        "documents",
        {"form": form, "documents": documents},
    )


@staff_required
def document_download(request, mentee_id, document_id):
    mentee = _mentee(request, mentee_id)
    document = get_object_or_404(
        CaseDocument.objects.visible_to(request.user).filter(mentee=mentee), pk=document_id
    )
    case_services.record_view(
        actor=request.user, mentee=mentee, request=request, part=f"document {document.pk}"
    )
    return private_file_response(
        document.file,
        filename=f"{mentee.reference}-{document.pk.hex[:8]}.{document.extension}",
        content_type=document.content_type,
    )
