"""Summaries of what Open Gate already holds about an organisation's practice, offered to its org
admins as evidence for the requirements they speak to.

Each summary is one function registered with `@summary(kind, title, requirements=[codes])`:
it takes the organisation and a day and returns plain text (lines; a line starting "- " is a
list item). They count and describe; they never name a mentor, a mentee or an applicant, because
assessors read them. Attached to a requirement, a summary is stored as it stood that day
(services.summary_attach), so later records do not change evidence already sent.

"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.formats import date_format

from matching.constants import ACTIVE_STATUSES, Ending, MatchStatus
from matching.models import Exclusion, Match, Meeting
from mentees.constants import AssessmentKind
from mentees.models import Mentee, NeedsAssessment
from volunteers.constants import (
    ApplicationStatus,
    DBSResult,
    MentorStatus,
    VettingStage,
    VolunteerRoleStatus,
)
from volunteers.models import (
    DBSCheck,
    MentorProfile,
    SupervisionSession,
    TrainingModule,
    TrainingRecord,
    VolunteerApplication,
    VolunteerRole,
)

SummaryFunction = Callable[[object, date], str]


@dataclass(frozen=True)
class SummarySource:
    kind: str
    title: str
    build: SummaryFunction


# kind -> source; requirement code -> kinds, in the order they were registered.
SOURCES: dict[str, SummarySource] = {}
REQUIREMENT_SOURCES: dict[str, list[str]] = {}


def summary(kind: str, title: str, *, requirements: list[str]):
    def register(build: SummaryFunction) -> SummaryFunction:
        SOURCES[kind] = SummarySource(kind=kind, title=title, build=build)
        for code in requirements:
            REQUIREMENT_SOURCES.setdefault(code, []).append(kind)
        return build

    return register


def sources_for(requirement_code: str) -> list[SummarySource]:
    return [SOURCES[kind] for kind in REQUIREMENT_SOURCES.get(requirement_code, [])]


def generate(kind: str, organisation, on: date | None = None) -> str:
    return SOURCES[kind].build(organisation, on or timezone.localdate())


def _day(value: date | None) -> str:
    return date_format(value, "j F Y") if value else "none recorded"


def _share(part: int, whole: int) -> str:
    return f"{part} of {whole} ({round(100 * part / whole)}%)" if whole else f"{part} of 0"


def _year_before(on: date) -> date:
    return on - timedelta(days=365)


@summary("vetting-process", "Our vetting process", requirements=["recruitment"])
def vetting_process(organisation, on: date) -> str:
    lines = [f"Our written vetting process, as recorded in Open Gate on {_day(on)}.", ""]
    roles = VolunteerRole.objects.filter(
        organisation=organisation, status=VolunteerRoleStatus.PUBLISHED
    ).order_by("title")
    lines.append("Volunteer roles we recruit for, and the checks each needs:")
    lines += [
        f"- {role.title}: {role.get_dbs_level_display().lower()} DBS check. "
        f"{role.get_criminal_record_policy_display()}."
        for role in roles
    ] or ["- None published"]
    modules = TrainingModule.objects.required().filter(organisation=organisation)
    lines += ["", "Training every mentor completes before they are approved:"]
    lines += [
        f"- {module.name}"
        + (f" (renewed every {module.valid_for_months} months)" if module.valid_for_months else "")
        for module in modules
    ] or ["- No required modules recorded"]

    sent = VolunteerApplication.objects.filter(
        organisation=organisation,
        submitted_at__date__gt=_year_before(on),
        submitted_at__date__lte=on,
    )
    counts = sent.aggregate(
        total=Count("pk"),
        approved=Count("pk", filter=Q(status=ApplicationStatus.APPROVED)),
        rejected=Count("pk", filter=Q(status=ApplicationStatus.REJECTED)),
        withdrawn=Count("pk", filter=Q(status=ApplicationStatus.WITHDRAWN)),
        **{
            stage: Count("pk", filter=Q(status=ApplicationStatus.SUBMITTED, stage=stage))
            for stage in VettingStage.values
        },
    )
    lines += [
        "",
        f"Volunteer applications received in the 12 months to {_day(on)}: {counts['total']}",
    ]
    for stage in VettingStage:
        if stage != VettingStage.DECIDED:
            lines.append(f"- waiting at {stage.label.lower()}: {counts[stage.value]}")
    lines += [
        f"- approved as mentors: {counts['approved']}",
        f"- not approved: {counts['rejected']}",
        f"- withdrawn by the applicant: {counts['withdrawn']}",
    ]
    checks = DBSCheck.objects.filter(organisation=organisation).aggregate(
        total=Count("pk"),
        disclosed=Count("pk", filter=Q(result=DBSResult.DISCLOSED)),
        decided=Count("pk", filter=Q(result=DBSResult.DISCLOSED) & ~Q(risk_decision="")),
    )
    lines += [
        "",
        f"DBS checks recorded: {checks['total']}. Information was disclosed on "
        f"{checks['disclosed']}; a named person recorded a risk decision on {checks['decided']} "
        "of those.",
    ]
    return "\n".join(lines)


@summary("training", "Mentor training", requirements=["induction-training"])
def training(organisation, on: date) -> str:
    modules = TrainingModule.objects.in_use().filter(organisation=organisation)
    lines = [f"Mentor training recorded in Open Gate on {_day(on)}.", "", "Modules in use:"]
    lines += [
        f"- {module.name}: {'required' if module.required else 'optional'}"
        + (f", renewed every {module.valid_for_months} months" if module.valid_for_months else "")
        for module in modules
    ] or ["- None recorded"]
    completions = TrainingRecord.objects.filter(
        organisation=organisation,
        completed_on__gt=_year_before(on),
        completed_on__lte=on,
    ).count()
    active = MentorProfile.objects.filter(organisation=organisation, status=MentorStatus.ACTIVE)
    trained = active.matchable(on).count()
    lines += [
        "",
        f"Modules completed in the last 12 months: {completions}",
        f"Active mentors with every required module completed and in date (and a current DBS "
        f"check): {_share(trained, active.count())}",
    ]
    return "\n".join(lines)


@summary("supervision", "Supervision records", requirements=["support-supervision"])
def supervision(organisation, on: date) -> str:
    sessions = SupervisionSession.objects.filter(organisation=organisation, held_on__lte=on)
    last_year = sessions.filter(held_on__gt=_year_before(on))
    active = MentorProfile.objects.filter(organisation=organisation, status=MentorStatus.ACTIVE)
    recently = active.filter(
        supervision_sessions__held_on__gt=on - timedelta(days=91),
        supervision_sessions__held_on__lte=on,
    ).distinct()
    latest = sessions.aggregate(latest=Max("held_on"))["latest"]
    active_count = active.count()
    per_mentor = last_year.count() / active_count if active_count else 0
    lines = [
        f"Supervision of mentors, as recorded in Open Gate on {_day(on)}.",
        "",
        f"Active mentors: {active_count}",
        f"Supervision sessions in the last 12 months: {last_year.count()}"
        + (f" (about {per_mentor:.1f} for each active mentor)" if active_count else ""),
        f"Active mentors supervised in the last 3 months: {_share(recently.count(), active_count)}",
        f"Most recent session: {_day(latest)}",
        f"Sessions where the supervisor recorded a concern: "
        f"{last_year.exclude(concerns='').count()} in the last 12 months",
    ]
    return "\n".join(lines)


@summary("needs-assessment", "Needs assessments", requirements=["needs-assessment"])
def needs_assessment(organisation, on: date) -> str:
    mentees = Mentee.objects.filter(organisation=organisation, erased_at__isnull=True)
    total = mentees.count()
    initial = mentees.filter(assessments__kind=AssessmentKind.INITIAL).distinct().count()
    reviewed = mentees.filter(assessments__kind=AssessmentKind.REVIEW).distinct().count()
    recent = NeedsAssessment.objects.filter(
        organisation=organisation, assessed_on__gt=_year_before(on), assessed_on__lte=on
    ).aggregate(
        initial=Count("pk", filter=Q(kind=AssessmentKind.INITIAL)),
        review=Count("pk", filter=Q(kind=AssessmentKind.REVIEW)),
    )
    lines = [
        f"Assessments of mentees' needs across the resettlement pathways, as recorded in Open "
        f"Gate on {_day(on)}.",
        "",
        f"Mentees with a case record: {total}",
        f"- with an assessment of needs at the start: {_share(initial, total)}",
        f"- with at least one review of their needs: {_share(reviewed, total)}",
        "",
        f"Assessments in the last 12 months: {recent['initial']} at the start, "
        f"{recent['review']} reviews",
    ]
    return "\n".join(lines)


@summary("matching-reasons", "How we match", requirements=["matching"])
def matching_reasons(organisation, on: date) -> str:
    proposals = Match.objects.filter(
        organisation=organisation, proposed_at__date__gt=_year_before(on), proposed_at__date__lte=on
    )
    counts = proposals.aggregate(
        total=Count("pk"),
        with_reasons=Count("pk", filter=~Q(reasons=[])),
        declined=Count("pk", filter=Q(status=MatchStatus.DECLINED)),
        lapsed=Count("pk", filter=Q(status=MatchStatus.LAPSED)),
    )
    total = counts["total"]
    lines = [
        f"Matching of mentors and mentees, as recorded in Open Gate on {_day(on)}.",
        "",
        "Each mentor is suggested against fixed rules (a current DBS check and required "
        "training, a free place, covering the mentee's area, a gender the mentee asked for, and "
        "no recorded reason they must not meet), then ranked on needs, lived experience, "
        "language, free times, distance, age and load, with the reasons shown to the "
        "coordinator and to the mentor asked.",
        "",
        f"Proposals in the last 12 months: {total}",
        f"- with the reasons for the match recorded: {_share(counts['with_reasons'], total)}",
        f"- declined by the mentor, with their reason: {counts['declined']}",
        f"- not answered in 3 days and offered to someone else: {counts['lapsed']}",
        f"Pairs recorded as must not be matched: "
        f"{Exclusion.objects.filter(organisation=organisation).count()}",
    ]
    return "\n".join(lines)


@summary("meeting-logs", "Meetings and endings", requirements=["monitoring"])
def meeting_logs(organisation, on: date) -> str:
    year_ago = _year_before(on)
    in_year = Meeting.objects.filter(
        organisation=organisation, held_on__gt=year_ago, held_on__lte=on
    )
    meetings = in_year.aggregate(total=Count("pk"), relationships=Count("match", distinct=True))
    # Counted here rather than with a JSON lookup, which the SQLite demo cannot do.
    meetings["with_probation"] = sum(
        "probation" in attendees for attendees in in_year.values_list("attendees", flat=True)
    )
    ended = Match.objects.filter(
        organisation=organisation,
        status=MatchStatus.ENDED,
        ended_on__gt=year_ago,
        ended_on__lte=on,
    ).aggregate(
        total=Count("pk"),
        planned=Count("pk", filter=Q(ending=Ending.PLANNED)),
        short=Count("pk", filter=Q(shorter_than_advised=True)),
    )
    under_way = Match.objects.filter(organisation=organisation, status__in=ACTIVE_STATUSES).count()
    lines = [
        f"Relationships monitored through their meetings, as recorded in Open Gate on {_day(on)}.",
        "",
        f"Relationships under way: {under_way}",
        f"Meetings logged in the last 12 months: {meetings['total']}, "
        f"across {meetings['relationships']} relationships",
        "- three-way meetings with probation: "
        + _share(meetings["with_probation"], meetings["total"]),
        f"Relationships that ended in the last 12 months: {ended['total']}",
        f"- planned endings: {_share(ended['planned'], ended['total'])}",
        f"- shorter than 6 months (flagged for review): {ended['short']}",
    ]
    return "\n".join(lines)
