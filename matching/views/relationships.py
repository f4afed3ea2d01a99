"""Coordinators keep relationships going through the gate: release, meetings, endings."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.audit import audit_viewed
from core.confirming import Confirmation, confirm_then_save
from core.dates import add_months, govuk_date, months_between
from core.fields import posted
from core.filters import filtered
from core.forms import form_status, saved
from providers.permissions import staff_required
from volunteers.models import MentorProfile

from .. import scoring
from ..cadence import meeting_interval, rag, target_months
from ..constants import ACTIVE_STATUSES, SHORT_RELATIONSHIP_MONTHS, Ending
from ..filters import SHOW_CHOICES, UNDER_WAY, RelationshipListFilter
from ..forms import ChangeMentorForm, DateForm, EndForm, MeetingForm
from ..models import Match
from ..profiles import mentee_profiles, mentor_profiles_of, weights_for
from ..services import matches as match_services
from ..services import meetings as meeting_services
from ..tenancy import get_match_for_user_or_404, get_meeting_for_user_or_404

PER_PAGE = 50


@staff_required
def relationship_list(request):
    organisation = request.membership.organisation
    filters = RelationshipListFilter(
        {"status": request.GET.get("status") or UNDER_WAY},
        queryset=Match.objects.visible_to(request.user).filter(organisation=organisation),
    )
    matches = filtered(request, filters)
    if not filters.is_valid():
        matches = matches.active()  # a choice not on the list shows those under way
    status = filters.shown()
    page = Paginator(
        matches.select_related("mentee", "mentor__user").order_by("mentee__full_name", "pk"),
        PER_PAGE,
    ).get_page(request.GET.get("page"))
    since = meeting_services.last_meeting_days(list(page))
    interval = meeting_interval(organisation)
    rows = [
        {
            "match": match,
            "days": since[match.pk],
            "rag": rag(since[match.pk], interval, match.started_on)
            if match.status in ACTIVE_STATUSES
            else "",
        }
        for match in page
    ]
    return render(
        request,
        "matching/relationships.html",
        {"page": page, "rows": rows, "status": status, "statuses": SHOW_CHOICES},
    )


def _match(request, match_id) -> Match:
    return get_match_for_user_or_404(request.user, request.membership.organisation, match_id)


@staff_required
def relationship_detail(request, match_id):
    match = _match(request, match_id)
    audit_viewed(request, match, organisation=match.organisation)
    meetings = match.meetings.prefetch_related("pathways").select_related("logged_by")
    return render(
        request,
        "matching/relationship.html",
        {
            "match": match,
            "events": match.events.select_related("by"),
            "meetings": meetings,
            "is_active": match.status in ACTIVE_STATUSES,
            "replaced_by": getattr(match, "replaced_by", None),
            "target_months": (months := target_months(match.organisation)),
            "target_end": add_months(match.started_on, months) if match.started_on else None,
        },
    )


def _date_page(request, match, *, service, argument, label, subject, title, success):
    """A page asking one date and passing it to `service` as `argument`."""
    form = DateForm(posted(request), label=label, subject=subject)
    if saved(
        request,
        form,
        lambda data: service(
            actor=request.user, match=match, request=request, **{argument: data["day"]}
        ),
        success=success,
    ):
        return redirect("matching:relationship", match_id=match.pk)
    return render(
        request,
        "matching/form.html",
        {"form": form, "match": match, "title": title},
        status=form_status(form),
    )


@staff_required
def gate_meeting(request, match_id):
    return _date_page(
        request,
        _match(request, match_id),
        service=match_services.match_plan_gate_meeting,
        label="When is the gate meeting?",
        subject="the gate meeting date",
        title="Plan the meeting at the gate",
        success="The gate meeting is planned.",
        argument="day",
    )


@staff_required
def release(request, match_id):
    return _date_page(
        request,
        _match(request, match_id),
        service=match_services.match_record_release,
        label="When was the mentee released?",
        subject="the release date",
        title="Record the release",
        success="The release is recorded. The first meeting is due within 3 working days.",
        argument="released_on",
    )


def _names(match) -> str:
    return f"{match.mentee.display_name} and {match.mentor.user.display_name}"


def _end_confirmation(match, data) -> Confirmation:
    ended_on = data["ended_on"]
    consequences = [
        f"The relationship between {_names(match)} ends on {govuk_date(ended_on)}, "
        + ("as planned." if data["ending"] == Ending.PLANNED else "early."),
        "No more meetings can be logged and meeting reminders stop.",
        f"{match.mentor.user.display_name} no longer sees this person in their list.",
    ]
    if match.started_on and months_between(match.started_on, ended_on) < SHORT_RELATIONSHIP_MONTHS:
        consequences.append(
            f"It lasted less than {SHORT_RELATIONSHIP_MONTHS} months, so it is counted as "
            "shorter than advised."
        )
    consequences.append("This cannot be undone. To start again, propose a mentor again.")
    return Confirmation(
        heading="End this relationship?",
        caption=_names(match),
        consequences=consequences,
        button="Yes, end the relationship",
        back_url=reverse("matching:end", args=[match.pk]),
    )


@staff_required
def end(request, match_id):
    match = _match(request, match_id)
    form = EndForm(posted(request))
    step = confirm_then_save(
        request,
        form,
        lambda data: match_services.match_end(
            actor=request.user, match=match, request=request, **data
        ),
        confirmation=lambda data: _end_confirmation(match, data),
    )
    if step.page:
        return step.page
    if step.saved:
        messages.success(request, "The relationship is ended.")
        return redirect("matching:relationship", match_id=match.pk)
    return render(
        request,
        "matching/form.html",
        {"form": form, "match": match, "title": "End the relationship"},
        status=form_status(form),
    )


def _allowed_mentors(match):
    """Mentors who pass every hard rule for this mentee now (a forged choice is refused)."""
    [profile] = mentee_profiles(type(match.mentee).objects.filter(pk=match.mentee_id))
    mentors = mentor_profiles_of(match.organisation, exclude=[match.mentor_id])
    suggestions, _excluded = scoring.rank(profile, mentors, weights_for(match.organisation))
    allowed = [suggestion.mentor.id for suggestion in suggestions]
    return MentorProfile.objects.filter(pk__in=allowed).select_related("user")


@staff_required
def change_mentor(request, match_id):
    match = _match(request, match_id)
    form = ChangeMentorForm(posted(request), mentors=_allowed_mentors(match))
    step = confirm_then_save(
        request,
        form,
        lambda data: match_services.match_change_mentor(
            actor=request.user, match=match, request=request, **data
        ),
        confirmation=lambda data: Confirmation(
            heading=f"Change mentor to {data['mentor'].user.display_name}?",
            caption=_names(match),
            consequences=[
                f"The relationship with {match.mentor.user.display_name} ends today, early, "
                "because of a change of mentor.",
                f"{data['mentor'].user.display_name} is asked to mentor "
                f"{match.mentee.display_name}, and has to accept first.",
                "The history keeps the previous mentor and their meetings.",
            ],
            button="Yes, change mentor",
            back_url=reverse("matching:change_mentor", args=[match.pk]),
        ),
    )
    if step.page:
        return step.page
    if step.saved:
        messages.success(
            request, "We have asked the new mentor. The history keeps the previous one."
        )
        return redirect("matching:mentee_matching", mentee_id=match.mentee_id)
    return render(
        request,
        "matching/form.html",
        {"form": form, "match": match, "title": "Change mentor"},
        status=form_status(form),
    )


@require_POST
@staff_required
def withdraw(request, match_id):
    match = _match(request, match_id)
    try:
        match_services.match_withdraw(actor=request.user, match=match, request=request)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, "The proposal is withdrawn.")
    return redirect("matching:mentee_matching", mentee_id=match.mentee_id)


def meeting_form_page(
    request, match, *, meeting=None, done_url, template="matching/meeting_form.html"
):
    """Log a meeting, or (with `meeting`) correct one. Shared by coordinators and mentors."""
    goals = match.mentee.goals.all()
    initial = MeetingForm.initial_from(meeting) if meeting else None
    form = MeetingForm(posted(request), goals=goals, initial=initial)

    def save(data):
        if meeting is None:
            return meeting_services.meeting_log(
                actor=request.user,
                match=match,
                submission_key=data.get("submission_key"),
                request=request,
                **form.meeting_fields(),
            )
        return meeting_services.meeting_correct(
            actor=request.user, meeting=meeting, request=request, **form.meeting_fields()
        )

    success = "The meeting is logged." if meeting is None else "The meeting is corrected."
    if saved(request, form, save, success=success):
        return redirect(done_url)
    return render(
        request,
        template,
        {"form": form, "match": match, "meeting": meeting, "cancel_url": done_url},
        status=form_status(form),
    )


@staff_required
def meeting_create(request, match_id):
    match = _match(request, match_id)
    return meeting_form_page(request, match, done_url=_detail_url(match))


@staff_required
def meeting_edit(request, match_id, meeting_id):
    match = _match(request, match_id)
    meeting = get_meeting_for_user_or_404(request.user, match, meeting_id)
    return meeting_form_page(request, match, meeting=meeting, done_url=_detail_url(match))


def _detail_url(match) -> str:
    return reverse("matching:relationship", args=[match.pk])
