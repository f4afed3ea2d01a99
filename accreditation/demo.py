"""Fictional accreditation for the demo, made through the real services so every step is in its
timeline and the audit log, then moved back in time to tell a story:

- Mersey Through the Gate holds the standard (awarded 20 months ago, with a certificate);
- Tyneside Mind Prison Mentoring has an application in progress;
- Severn New Leaf sent its application 3 weeks ago and is waiting for an assessor;
- Cardiff Bay Second Chance has asked for support.

Run again, it adds nothing: each part is made only if it is missing.
"""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import F
from django.utils import timezone
from django.utils.html import format_html

from core.pdf import html_to_pdf

from . import services
from .constants import EventKind, ReviewOutcome, SelfAssessment
from .evidence import sources_for
from .models import (
    Application,
    ApplicationEvent,
    Area,
    Award,
    EvidenceFile,
    EvidenceSummary,
    Requirement,
    RequirementResponse,
    Standard,
    SupportRequest,
    Visit,
    award_expiry,
)
from .standard_data import load_standard

NARRATIVES = {
    "aims": "Our aims are in our three-year plan: to meet men from HMP Liverpool and HMP "
    "Altcourse before release, at the gate and for a year after, so they settle and do not go "
    "back. Every mentor gets them at induction, and the trustees last reviewed them in March.",
    "resources": "Two full-time project workers and a part-time coordinator, funded by the "
    "police and crime commissioner and a lottery grant to 2028. We meet mentees at our Dale "
    "Street hub and in the prisons' visits halls. Insurance certificates are attached.",
    "safety": "Our safeguarding and lone-working policies cover prison and community meetings. "
    "Mentors meet in public places, text in and out, and have a named project worker on call. "
    "Our safeguarding lead reviews every incident with the trustees.",
    "referral": "Men are referred by the prisons' resettlement teams, probation and themselves, "
    "through Open Gate. We answer within five working days and point anyone we cannot help to "
    "another service.",
    "needs-assessment": "A project worker assesses each man's needs across the resettlement "
    "pathways in prison, and again at three and six months. The assessment sets the goals in "
    "his action plan.",
    "recruitment": "Mentors apply against a written role description and have an interview, "
    "two references and an enhanced DBS check with barred lists. Most have been in prison "
    "themselves: a named manager decides on any disclosure with them.",
    "induction-training": "Four evening sessions before matching: the role, boundaries, "
    "safeguarding and release day. Safeguarding is refreshed every two years.",
    "support-supervision": "Each mentor has one-to-one supervision with a project worker at "
    "least every six weeks, and a monthly group session. Concerns are recorded and followed up.",
    "matching": "A project worker matches each man with a mentor on his needs, where he will "
    "live and what he asks for, and records why.",
    "monitoring": "Mentors log each meeting; project workers review progress against the action "
    "plan every three months and plan endings with the mentee. We report outcomes to our "
    "funders each quarter.",
}


def seed_accreditation(*, organisations: dict, admins: dict, assessor) -> None:
    """organisations and admins by demo key ("mersey"...); the demo assessor decides."""
    standard = Standard.objects.current()
    if standard is None:
        load_standard(Standard, Area, Requirement)
    mersey, tyneside = organisations["mersey"], organisations["tyneside"]
    severn, cardiff = organisations["severn"], organisations["cardiff"]
    if not Award.objects.filter(organisation=mersey).exists():
        seed_award(mersey, admins["mersey"], assessor, days_ago=600)
    if not Application.objects.filter(organisation=tyneside).exists():
        _in_progress(tyneside, admins["tyneside"], days_ago=40)
    if not Application.objects.filter(organisation=severn).exists():
        _sent(severn, admins["severn"], days_ago=21)
    if not SupportRequest.objects.filter(organisation=cardiff).exists():
        _support(cardiff, admins["cardiff"])


def _answer(application, admin, codes, *, rating=SelfAssessment.MET) -> None:
    for response in application.responses.select_related("requirement__area"):
        code = response.requirement.code
        if code not in codes:
            continue
        services.response_save(
            actor=admin,
            response=response,
            self_assessment=rating,
            narrative=NARRATIVES[code],
            action_plan="" if rating == SelfAssessment.MET else "To be done by the spring.",
        )
        for source in sources_for(code):
            services.summary_attach(actor=admin, response=response, kind=source.kind)


def _policy_pdf(title: str) -> SimpleUploadedFile:
    html = format_html(
        '<!DOCTYPE html><html lang="en-GB"><head><title>{}</title></head>'
        "<body><h1>{}</h1><p>A fictional policy made for the Open Gate demo.</p></body></html>",
        title,
        title,
    )
    return SimpleUploadedFile("policy.pdf", html_to_pdf(html), content_type="application/pdf")


def _add_policy(application, admin, code: str, title: str) -> None:
    response = application.responses.get(requirement__code=code)
    services.evidence_add(
        actor=admin,
        response=response,
        title=title,
        upload=_policy_pdf(title),
        content_type="application/pdf",
        extension="pdf",
    )


def seed_award(organisation, admin, assessor, *, days_ago: int) -> None:
    """Take an application through every step to an award made `days_ago` days ago."""
    application = services.application_start(actor=admin, organisation=organisation)
    _answer(application, admin, NARRATIVES)
    _add_policy(application, admin, "safety", "Safeguarding and lone-working policy")
    services.application_submit(actor=admin, application=application)
    services.application_take(actor=assessor, application=application)
    for response in application.responses.all():
        services.requirement_review(
            actor=assessor,
            response=response,
            outcome=ReviewOutcome.ACCEPTED,
            comment="The self-assessment, and what we saw and heard on the visit, show it is met.",
        )
    services.visit_record(
        actor=assessor,
        application=application,
        visited_on=timezone.localdate(),
        interviewed="The coordinator, a project worker, three volunteer mentors and two mentees",
        notes="A well-run project; mentors spoke warmly of their supervision.",
    )
    award = services.application_decide(
        actor=assessor,
        application=application,
        decision="awarded",
        feedback="A well-run project that knows its mentors and the men it works with.",
    )
    _move_back(application, days_ago)
    awarded_on = timezone.localdate() - timedelta(days=days_ago)
    expires_on = award_expiry(awarded_on)
    Award.objects.filter(pk=award.pk).update(awarded_on=awarded_on, expires_on=expires_on)
    # The timeline's words carry the dates of the day the steps were taken: move them too.
    application.events.filter(kind=EventKind.AWARDED).update(
        message=f"Valid until {expires_on:%-d %B %Y}. Verification code {award.verification_code}."
    )
    visit = application.visits.get()
    application.events.filter(kind=EventKind.VISIT).update(
        message=f"Visited on {visit.visited_on:%-d %B %Y}. Interviewed: {visit.interviewed}"
    )


def _in_progress(organisation, admin, *, days_ago: int) -> None:
    application = services.application_start(actor=admin, organisation=organisation)
    _answer(application, admin, ["aims", "resources", "needs-assessment", "support-supervision"])
    _answer(application, admin, ["safety"], rating=SelfAssessment.PARTLY_MET)
    _move_back(application, days_ago, activity_days_ago=6)


def _sent(organisation, admin, *, days_ago: int) -> None:
    application = services.application_start(actor=admin, organisation=organisation)
    _answer(application, admin, NARRATIVES)
    _add_policy(application, admin, "safety", "Safeguarding policy")
    services.application_submit(actor=admin, application=application)
    _move_back(application, days_ago)


def _move_back(application, days: int, *, activity_days_ago: int | None = None) -> None:
    """Shift every date of the application `days` into the past, keeping their order."""
    shift = timedelta(days=days)
    Application.objects.filter(pk=application.pk).update(
        started_at=F("started_at") - shift,
        last_activity_at=timezone.now() - timedelta(days=activity_days_ago)
        if activity_days_ago is not None
        else F("last_activity_at") - shift,
        submitted_at=F("submitted_at") - shift,
        sent_at=F("sent_at") - shift,
        taken_at=F("taken_at") - shift,
        decided_at=F("decided_at") - shift,
    )
    ApplicationEvent.objects.filter(application=application).update(
        occurred_at=F("occurred_at") - shift
    )
    RequirementResponse.objects.filter(application=application).update(
        updated_at=F("updated_at") - shift, reviewed_at=F("reviewed_at") - shift
    )
    EvidenceFile.objects.filter(application=application).update(
        uploaded_at=F("uploaded_at") - shift
    )
    for summary in EvidenceSummary.objects.filter(application=application):
        summary.generated_on -= shift
        summary.created_at -= shift
        summary.save(update_fields=["generated_on", "created_at"])
    for visit in Visit.objects.filter(application=application):
        visit.visited_on -= shift
        visit.save(update_fields=["visited_on"])


def _support(organisation, admin) -> None:
    standard = Standard.objects.current()
    services.support_request_create(
        actor=admin,
        organisation=organisation,
        message="We are new to recording supervision. What does an assessor expect to see, and "
        "how often should mentors be supervised?",
        areas=standard.areas.filter(title="Mentors"),
    )
