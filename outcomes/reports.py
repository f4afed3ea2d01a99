"""The report engine: for an organisation, a region or all providers, and a period, the counts
a provider reports and a commissioner compares. Every count is aggregated in the database (eight
queries, whatever the number of rows or providers); grouped by organisation for comparisons.

Definitions (each is also written on the report):
- referred: requests for a mentor received in the period, not counting those passed to another
  provider (they count where they were passed to), so a person is counted once;
- engaged: case records opened in the period (a referral accepted);
- matched: people whose relationship with a mentor began in the period;
- active: relationships under way at any time in the period;
- ended: relationships that ended in the period, by reason; lasting 6 and 10 months or more is of
  those that ended in the period, in whole months as matching counts them;
- meetings per relationship per week: meetings held in the period, divided by the weeks that
  relationships were under way in the period;
- volunteer hours: the length of every meeting held in the period;
- proven reoffending: people who had a mentor, whose follow-up started in the period and is
  complete today (18 months after its start), with a yes or no answer recorded. A yes counts
  only when its offence was proven within 18 months of the start (a later proof counts as no,
  as the Ministry of Justice counts it); a yes with no proof date is held back to be checked;
- pathway outcomes: outcome records of people with a relationship under way in the period.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import (
    Avg,
    Case,
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Sum,
    TextField,
    Value,
    When,
)
from django.db.models.functions import (
    Cast,
    Coalesce,
    ExtractDay,
    ExtractMonth,
    ExtractYear,
    Greatest,
    Least,
)
from django.db.models.lookups import LessThan
from django.utils import timezone

from matching.constants import Ending
from matching.models import Match, Meeting
from mentees.constants import ReferralStatus
from mentees.models import Mentee, Referral
from volunteers.models import MentorProfile

from .constants import PATHWAY_OUTCOMES, WELLBEING_MEANINGFUL_CHANGE, Answer
from .followup import complete_if_started_by
from .models import OutcomeRecord
from .periods import Period

ALL = None  # the key of figures that are not grouped by organisation


@dataclass(frozen=True)
class Scope:
    """Which organisations a report covers. `organisation_ids` None means every provider."""

    name: str
    organisation_ids: tuple[int, ...] | None = None

    def q(self, path: str = "organisation") -> Q:
        if self.organisation_ids is not None:
            return Q(**{f"{path}__in": self.organisation_ids})
        return Q()


def organisation_scope(organisation) -> Scope:
    return Scope(name=organisation.name, organisation_ids=(organisation.pk,))


ALL_PROVIDERS = Scope(name="All providers")


@dataclass
class Figures:
    """The raw counts for one organisation (or for the whole scope)."""

    referred: int = 0
    engaged: int = 0
    matched: int = 0
    active: int = 0
    ended: int = 0
    ended_by_reason: dict[str, int] = field(default_factory=dict)
    lasted_6: int = 0
    lasted_10: int = 0
    days_under_way: int = 0
    meetings: int = 0
    meeting_minutes: int = 0
    mentors_approved: int = 0
    mentors_lived_experience: int = 0
    reoffended: int = 0
    not_reoffended: int = 0
    follow_up_unanswered: int = 0
    proof_missing: int = 0
    proven_too_late: int = 0
    follow_up_running: int = 0
    returned_to_custody: int = 0
    custody_recorded: int = 0
    outcome_cohort: int = 0
    pathways: dict[str, tuple[int, int]] = field(default_factory=dict)  # field: (yes, recorded)
    wellbeing_both: int = 0
    wellbeing_improved: int = 0
    wellbeing_mean_change: float | None = None

    @property
    def follow_up_complete(self) -> int:
        return self.reoffended + self.not_reoffended

    @property
    def volunteer_hours(self) -> float:
        return self.meeting_minutes / 60

    @property
    def meetings_per_week(self) -> float | None:
        weeks = self.days_under_way / 7
        return self.meetings / weeks if weeks else None


def _grouped(queryset, group: bool, **aggregates) -> dict:
    queryset = queryset.order_by()
    if group:
        rows = queryset.values("organisation").annotate(**aggregates)
        return {row.pop("organisation"): row for row in rows}
    return {ALL: queryset.aggregate(**aggregates)}


def _day_bounds(period: Period) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    start = datetime.combine(period.start, time.min, tzinfo=zone)
    end = datetime.combine(period.end + timedelta(days=1), time.min, tzinfo=zone)
    return start, end


def _whole_months(start: str, end: str):
    """Whole months from one date column to another, as core.dates.months_between counts
    them, in portable SQL (Postgres and the demo's SQLite)."""

    return ExpressionWrapper(
        (ExtractYear(end) - ExtractYear(start)) * 12
        + ExtractMonth(end)
        - ExtractMonth(start)
        - Case(When(LessThan(ExtractDay(end), ExtractDay(start)), then=1), default=0),
        output_field=IntegerField(),
    )


def compute(scope: Scope, period: Period, *, today: date | None = None, group: bool = False):
    """{organisation id (or ALL): Figures}. With `group`, one entry per organisation that has
    any figure; organisations with none are simply absent (callers fill in zeros)."""
    today = today or timezone.localdate()
    results: dict = {}

    def figures(key) -> Figures:
        return results.setdefault(key, Figures())

    def merge(rows: dict, **names):
        for key, row in rows.items():
            target = figures(key)
            for attribute, column in names.items():
                setattr(target, attribute, row[column] or 0)

    first_day, after_last = _day_bounds(period)
    merge(
        _grouped(
            Referral.objects.filter(
                scope.q(), created_at__gte=first_day, created_at__lt=after_last
            ).exclude(status=ReferralStatus.PASSED_ON),
            group,
            n=Count("pk"),
        ),
        referred="n",
    )
    merge(
        _grouped(
            Mentee.objects.filter(scope.q(), created_at__gte=first_day, created_at__lt=after_last),
            group,
            n=Count("pk"),
        ),
        engaged="n",
    )

    in_period = Q(ended_on__gte=period.start, ended_on__lte=period.end)
    under_way = Q(ended_on__isnull=True) | Q(ended_on__gte=period.start)
    matches = Match.objects.filter(
        scope.q(), started_on__isnull=False, started_on__lte=period.end
    ).annotate(months=_whole_months("started_on", "ended_on"))
    days = ExpressionWrapper(
        Least(Coalesce("ended_on", Value(today)), Value(period.end))
        - Greatest("started_on", Value(period.start)),
        output_field=DurationField(),
    )
    rows = _grouped(
        matches,
        group,
        matched=Count("mentee", distinct=True, filter=Q(started_on__gte=period.start)),
        active=Count("pk", filter=under_way),
        ended=Count("pk", filter=in_period),
        lasted_6=Count("pk", filter=in_period & Q(months__gte=6)),
        lasted_10=Count("pk", filter=in_period & Q(months__gte=10)),
        # Days under way in the period; a relationship under way today counts up to today.
        duration=Sum(days, filter=under_way & Q(started_on__lte=today)),
        spells=Count("pk", filter=under_way & Q(started_on__lte=today)),
    )
    for key, row in rows.items():
        target = figures(key)
        target.matched, target.active, target.ended = row["matched"], row["active"], row["ended"]
        target.lasted_6, target.lasted_10 = row["lasted_6"], row["lasted_10"]
        # Each spell counts its first and last day: add one day per relationship.
        duration = row["duration"] or timedelta(0)
        target.days_under_way = max(0, duration.days + (row["spells"] or 0))

    endings = Match.objects.filter(scope.q(), ended_on__gte=period.start, ended_on__lte=period.end)
    keys = ["organisation"] if group else []
    for row in endings.order_by().values(*keys, "ending", "early_reason").annotate(n=Count("pk")):
        reason = row["early_reason"] or row["ending"] or Ending.PLANNED
        counts = figures(row["organisation"] if group else ALL).ended_by_reason
        counts[reason] = counts.get(reason, 0) + row["n"]

    merge(
        _grouped(
            Meeting.objects.filter(scope.q(), held_on__gte=period.start, held_on__lte=period.end),
            group,
            n=Count("pk"),
            length=Sum(
                ExpressionWrapper(F("ends_at") - F("starts_at"), output_field=DurationField())
            ),
        ),
        meetings="n",
        meeting_minutes="length",
    )
    for target in results.values():
        # A sum of meeting lengths (a timedelta, or 0 when there were none), in minutes.
        length = target.meeting_minutes
        target.meeting_minutes = int(length.total_seconds() // 60) if length else 0

    lived = Q(experience__contains='"prison"') | Q(experience__contains='"probation"')
    merge(
        _grouped(
            MentorProfile.objects.filter(
                scope.q(), approved_at__gte=first_day, approved_at__lt=after_last
            ).annotate(experience=Cast("lived_experience", TextField())),
            group,
            n=Count("pk"),
            lived=Count("pk", filter=lived),
        ),
        mentors_approved="n",
        mentors_lived_experience="lived",
    )

    cutoff = complete_if_started_by(today)
    had_mentor = Exists(Match.objects.filter(mentee=OuterRef("mentee"), started_on__isnull=False))
    complete = Q(index_date__lte=cutoff)
    merge(
        _grouped(
            OutcomeRecord.objects.filter(
                scope.q(), had_mentor, index_date__gte=period.start, index_date__lte=period.end
            ),
            group,
            yes=Count("pk", filter=complete & Q(reoffended=Answer.YES, counts_as_proven=True)),
            no=Count(
                "pk",
                filter=complete
                & (
                    Q(reoffended=Answer.NO)
                    | Q(reoffended=Answer.YES, counts_as_proven=False, proven_on__isnull=False)
                ),
            ),
            too_late=Count(
                "pk",
                filter=complete
                & Q(reoffended=Answer.YES, counts_as_proven=False, proven_on__isnull=False),
            ),
            proof_missing=Count(
                "pk", filter=complete & Q(reoffended=Answer.YES, proven_on__isnull=True)
            ),
            unanswered=Count("pk", filter=complete & Q(reoffended=Answer.UNKNOWN)),
            running=Count("pk", filter=Q(index_date__gt=cutoff)),
            custody=Count("pk", filter=Q(returned_to_custody=Answer.YES)),
            custody_recorded=Count("pk", filter=~Q(returned_to_custody=Answer.UNKNOWN)),
        ),
        reoffended="yes",
        not_reoffended="no",
        follow_up_unanswered="unanswered",
        proven_too_late="too_late",
        proof_missing="proof_missing",
        follow_up_running="running",
        returned_to_custody="custody",
        custody_recorded="custody_recorded",
    )

    supported = Exists(
        Match.objects.filter(
            mentee=OuterRef("mentee"), started_on__isnull=False, started_on__lte=period.end
        ).filter(under_way)
    )
    both = Q(wellbeing_start__isnull=False, wellbeing_end__isnull=False)
    pathway_aggregates = {}
    for name, _label in PATHWAY_OUTCOMES:
        pathway_aggregates[f"{name}__yes"] = Count("pk", filter=Q(**{name: Answer.YES}))
        pathway_aggregates[f"{name}__recorded"] = Count("pk", filter=~Q(**{name: Answer.UNKNOWN}))
    rows = _grouped(
        OutcomeRecord.objects.filter(scope.q(), supported),
        group,
        cohort=Count("pk"),
        wellbeing_both=Count("pk", filter=both),
        wellbeing_improved=Count(
            "pk",
            filter=both & Q(wellbeing_end__gte=F("wellbeing_start") + WELLBEING_MEANINGFUL_CHANGE),
        ),
        wellbeing_change=Avg(F("wellbeing_end") - F("wellbeing_start"), filter=both),
        **pathway_aggregates,
    )
    for key, row in rows.items():
        target = figures(key)
        target.outcome_cohort = row["cohort"]
        target.wellbeing_both = row["wellbeing_both"]
        target.wellbeing_improved = row["wellbeing_improved"]
        change = row["wellbeing_change"]
        target.wellbeing_mean_change = None if change is None else float(change)
        target.pathways = {
            name: (row[f"{name}__yes"], row[f"{name}__recorded"]) for name, _ in PATHWAY_OUTCOMES
        }
    if not group:
        figures(ALL)
    return results
