"""Ask for a mentor: no account, no email, no JavaScript; answers kept in the session until
the person sends them from check your answers."""

import uuid

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from accounts.middleware import public_page
from providers.eligibility import reasons_cannot_take
from providers.models import Service

from ..ask import ASK_FOR_A_MENTOR, title
from ..constants import SERVICES_NEARBY
from ..referral_answers import summary_rows
from ..services.referrals import referral_submit
from ..suggestions import person_from
from .check import CHECKED_KEY

JOURNEY = ASK_FOR_A_MENTOR
SUBMITTED_KEY = "ask_for_a_mentor_sent"


# Pages with more than the questions on them; the rest use question.html.
PAGE_TEMPLATES = {
    "choose-a-service": "mentees/ask/choose_service.html",
    "consent": "mentees/ask/consent.html",
    "contact": "mentees/ask/contact.html",
}


def _fixed_service(state: dict) -> Service | None:
    """The service the journey began from, if it is still in the directory."""
    service_id = state.get("service_id")
    if not service_id:
        return None
    return Service.objects.published().select_related("organisation").filter(pk=service_id).first()


def _idle_minutes() -> int:
    return settings.SESSION_IDLE_SECONDS_ANONYMOUS // 60


def _extra(state: dict) -> dict:
    return {"fixed_service": _fixed_service(state)}


def _why_not(service: Service | None, answers: dict) -> list[str]:
    """Why the service the journey began from cannot take the person: the reasons from what
    they told us, before those from what they were not asked."""
    if service is None:
        return []
    person = person_from(answers)
    return reasons_cannot_take(service, person, strict=False) or reasons_cannot_take(
        service, person
    )


def _step_url(step, *, change=False) -> str:
    url = reverse("mentees:ask_step", args=[step.slug])
    return f"{url}?change=1" if change else url


@public_page
@require_GET
def ask_start(request):
    return render(
        request,
        "mentees/ask/start.html",
        {"state": JOURNEY.state(request.session), "idle_minutes": _idle_minutes()},
    )


@public_page
@require_GET
def ask_begin(request):
    """Start (or carry on with) a request, for one service (?service=<id>) or any."""
    service_id = request.GET.get("service", "")
    if service_id:
        try:
            uuid.UUID(service_id)
        except ValueError as error:
            raise Http404("No such service") from error
        get_object_or_404(Service.objects.published(), pk=service_id)
    state = JOURNEY.state(request.session)
    if state is None:
        state = JOURNEY.begin(request.session, service_id=service_id, key=str(uuid.uuid4()))
    elif state.get("service_id", "") != service_id:
        # Started again from another service, or from the general start: keep the answers.
        state["service_id"] = service_id
        request.session.modified = True
    progress = JOURNEY.progress(state, extra_answers=_extra(state))
    if progress.complete:
        return redirect("mentees:ask_check")
    return redirect(_step_url(progress.next_step))


def forget_answers(session) -> None:
    """Everything this visitor entered, checked or was shown goes."""
    JOURNEY.end(session)
    for key in (SUBMITTED_KEY, CHECKED_KEY):
        session.pop(key, None)
    session.cycle_key()


@public_page
@require_POST
def ask_clear(request):
    """Start again: the answers so far are wiped, so the next person sees none of them."""
    forget_answers(request.session)
    messages.success(request, _("Your answers have been cleared"))
    return redirect("mentees:ask_start")


def _no_journey(request):
    return redirect("mentees:ask_start")


@public_page
def ask_step(request, slug):
    step = JOURNEY.step(slug)
    if step is None:
        raise Http404("No such question")
    state = JOURNEY.state(request.session)
    if state is None:
        return _no_journey(request)
    extra = _extra(state)
    answers = JOURNEY.answers_before(state, step, extra_answers=extra)
    if answers is None or not step.applies(answers):
        # Reached out of order, or a question that no longer applies: go where they should be.
        progress = JOURNEY.progress(state, extra_answers=extra)
        return redirect(
            _step_url(progress.next_step) if progress.next_step else reverse("mentees:ask_check")
        )

    changing = request.GET.get("change") == "1"
    affected_by_change = False
    if request.method == "POST":
        form = JOURNEY.form(step, answers, request.POST)
        if form.is_valid():
            JOURNEY.save_page(request.session, step, request.POST)
            answers.update(form.cleaned_data)
            progress = JOURNEY.progress(state, extra_answers=extra)
            if progress.complete and changing:
                return redirect("mentees:ask_check")
            following = JOURNEY.next_step(answers, step)
            if changing and progress.next_step:
                # A page the change affects: asked next, then back to check your answers.
                return redirect(_step_url(progress.next_step, change=True))
            return redirect(_step_url(following) if following else reverse("mentees:ask_check"))
    else:
        form = JOURNEY.form(step, answers, JOURNEY.saved_data(state, step))
        # A kept answer is checked again, to show why it no longer holds (say, a date now
        # past); but if it no longer fits an answer the person has just changed, that is no
        # mistake of theirs, so it is asked again without an error.
        kept = JOURNEY.saved_data(state, step) is not None
        if kept and not form.is_valid() and changing:
            form.errors.clear()
            affected_by_change = True

    previous = JOURNEY.previous_step(answers, step)
    back = (
        reverse("mentees:ask_check")
        if changing
        else (_step_url(previous) if previous else reverse("mentees:ask_start"))
    )
    template = PAGE_TEMPLATES.get(step.slug, "mentees/ask/question.html")
    return render(
        request,
        template,
        {
            "form": form,
            "step": step,
            "title": title(step, answers),
            "back_url": back,
            "answers": answers,
            "fixed_service": extra["fixed_service"],
            "idle_minutes": _idle_minutes(),
            "affected_by_change": affected_by_change,
            "fixed_service_reasons": _why_not(extra["fixed_service"], answers),
            "services_nearby": SERVICES_NEARBY,
        },
        status=400 if form.errors and request.method == "POST" else 200,
    )


@public_page
def ask_check(request):
    state = JOURNEY.state(request.session)
    if state is None:
        if request.method == "POST" and request.session.get(SUBMITTED_KEY):
            return redirect("mentees:ask_confirmation")  # Sent already: a second click.
        return _no_journey(request)
    extra = _extra(state)
    progress = JOURNEY.progress(state, extra_answers=extra)
    if not progress.complete:
        return redirect(_step_url(progress.next_step))
    if request.method == "POST":
        try:
            referral = referral_submit(
                answers=progress.answers, submission_key=uuid.UUID(state["key"]), request=request
            )
        except ValidationError:
            # The service changed who it can take since the list was shown: choose again.
            return redirect(_step_url(JOURNEY.step("choose-a-service")))
        JOURNEY.end(request.session)
        request.session[SUBMITTED_KEY] = {
            "reference": referral.reference,
            "organisation": referral.organisation.name if referral.organisation else "",
            "service": referral.service.name if referral.service else "",
            "for_worker": referral.completed_by == "worker",
        }
        return redirect("mentees:ask_confirmation")
    return render(
        request,
        "mentees/ask/check_answers.html",
        {
            "rows": summary_rows(progress, change_url=lambda step: _step_url(step, change=True)),
            "answers": progress.answers,
            "service": progress.answers.get("service") or progress.answers.get("fixed_service"),
            "services_nearby": SERVICES_NEARBY,
        },
    )


@public_page
@require_GET
def ask_confirmation(request):
    sent = request.session.pop(SUBMITTED_KEY, None)  # Shown once: a refresh shows nothing.
    if not sent:
        return _no_journey(request)
    return render(request, "mentees/ask/confirmation.html", {"sent": sent})
