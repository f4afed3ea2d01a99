"""An organisation's outcome report at scale, beside one hand-written SQL query computing the
same counts on the same data.

    .venv/bin/python benchmarks/outcomes.py --scale full   # 100,000 relationships, 1m meetings
    .venv/bin/python benchmarks/outcomes.py --scale smoke  # 1,000 relationships, 10,000 meetings

Seeds its own Postgres database (DATABASE_URL, default .../opengate_bench_outcomes): one
organisation holding every relationship, meeting and outcome record, and a second, small one
whose rows every query must leave out. Then it times, in one process, each the median of
several runs after a warm-up:

- the report engine (outcomes.reports.compute: eight aggregate queries);
- the whole report (the engine and the document with its statistics);
- the dashboard page through Django's test client (DEBUG off), as a coordinator sees it;
- the baseline: one hand-written SQL statement computing the same counts.

It checks that the engine's counts equal the SQL's, so the comparison is of equal work.
"""

import argparse
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/opengate_bench_outcomes"
BENCH_SLUG = "bench-outcomes"
OTHER_SLUG = "bench-outcomes-other"
TODAY = date(2026, 11, 24)  # fixed, so the data and the figures are the same on any day
PERIOD_DAYS = 3 * 365  # the report period: the whole history, the heaviest case


@dataclass(frozen=True)
class Scale:
    relationships: int
    meetings_per_relationship: int
    mentors: int

    @property
    def meetings(self) -> int:
        return self.relationships * self.meetings_per_relationship


SCALES = {"smoke": Scale(1_000, 10, 20), "full": Scale(100_000, 10, 400)}


@dataclass
class Timing:
    label: str
    runs: int
    median_ms: float
    max_ms: float


def _setup_django(database_url: str) -> None:
    from benchmarks.directory import _setup_django as setup

    setup(database_url)


def seeded_scale() -> Scale | None:
    from matching.models import Match, Meeting
    from providers.models import Organisation
    from volunteers.models import MentorProfile

    organisation = Organisation.objects.filter(slug=BENCH_SLUG).first()
    if organisation is None:
        return None
    relationships = Match.objects.filter(organisation=organisation).count()
    meetings = Meeting.objects.filter(organisation=organisation).count()
    mentors = MentorProfile.objects.filter(organisation=organisation).count()
    if not relationships:
        return None
    return Scale(relationships, meetings // relationships, mentors)


def seed(scale: Scale, *, seed_value: int = 2026) -> None:
    """The organisation's history in bulk: mentors, referrals, mentees, relationships over
    three years (most ended, some early), outcome records and, in one INSERT ... SELECT,
    `meetings_per_relationship` weekly meetings of each relationship."""
    from django.db import connection, transaction

    from matching.models import Match
    from mentees.models import Mentee, Referral
    from outcomes.models import OutcomeRecord
    from providers.constants import OrganisationStatus
    from providers.models import Organisation, Region
    from providers.reference_data import load_reference_data

    rng = random.Random(seed_value)
    load_reference_data()
    region = Region.objects.get(name="North West")
    with transaction.atomic():
        _delete_seeded()
        organisation = Organisation.objects.create(
            name="Benchmark Mentoring",
            slug=BENCH_SLUG,
            status=OrganisationStatus.ACTIVE,
            region=region,
        )
        other = Organisation.objects.create(
            name="Benchmark Other", slug=OTHER_SLUG, status=OrganisationStatus.ACTIVE
        )
        coordinator, mentors = _people(organisation, scale.mentors, rng)
        _, other_mentors = _people(other, 2, rng)
        for target, count, its_mentors in (
            (organisation, scale.relationships, mentors),
            (other, 50, other_mentors),
        ):
            rows = _history(target, count, its_mentors, rng)
            Referral.objects.bulk_create([row[0] for row in rows], batch_size=5000)
            mentees = Mentee.objects.bulk_create([row[1] for row in rows], batch_size=5000)
            Match.objects.bulk_create([row[2] for row in rows], batch_size=5000)
            OutcomeRecord.objects.bulk_create([row[3] for row in rows], batch_size=5000)
            del rows, mentees
        with connection.cursor() as cursor:
            cursor.execute(
                """
                INSERT INTO matching_meeting (
                    id, organisation_id, match_id, held_on, starts_at, ends_at, place,
                    attendees, notes, expenses_pence, expenses_description, logged_by_id,
                    logged_at, submission_key
                )
                SELECT gen_random_uuid(), m.organisation_id, m.id,
                       m.started_on + (g * 7),
                       time '10:00', time '10:45' + (g %% 4) * interval '15 minutes',
                       'community', '["mentor", "mentee"]', '', 0, '', %s, now(),
                       gen_random_uuid()
                FROM matching_match m
                CROSS JOIN generate_series(0, %s - 1) AS g
                WHERE m.organisation_id IN (%s, %s)
                """,
                [coordinator.pk, scale.meetings_per_relationship, organisation.pk, other.pk],
            )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _people(organisation, count: int, rng):
    """A coordinator and `count` mentors (users, a role, approved applications, profiles)."""
    from accounts.models import User
    from providers.constants import MembershipRole
    from providers.models import Membership
    from volunteers.constants import ApplicationStatus, VettingStage
    from volunteers.models import MentorProfile, VolunteerApplication, VolunteerRole

    slug = organisation.slug
    coordinator = User.objects.create(email=f"coordinator@{slug}.example", full_name="Co Ordinator")
    Membership.objects.create(
        user=coordinator, organisation=organisation, role=MembershipRole.COORDINATOR
    )
    role = VolunteerRole.objects.create(organisation=organisation, title="Mentor", summary="-")
    users = User.objects.bulk_create(
        User(email=f"mentor{n}@{slug}.example", full_name=f"Mentor {n}") for n in range(count)
    )
    applications = VolunteerApplication.objects.bulk_create(
        VolunteerApplication(
            reference=f"V{organisation.pk % 1000:03d}{n:06d}",
            organisation=organisation,
            role=role,
            applicant=user,
            status=ApplicationStatus.APPROVED,
            stage=VettingStage.DECIDED,
        )
        for n, user in enumerate(users)
    )
    mentors = MentorProfile.objects.bulk_create(
        MentorProfile(
            organisation=organisation,
            user=user,
            application=application,
            approved_by=coordinator,
            capacity=3,
            lived_experience=["prison"] if rng.random() < 0.4 else [],
        )
        for user, application in zip(users, applications, strict=True)
    )
    return coordinator, mentors


def _history(organisation, count: int, mentors: list, rng) -> list[tuple]:
    import uuid

    from django.utils import timezone

    from matching.constants import MatchStatus
    from matching.models import Match
    from mentees.constants import ReferralStatus
    from mentees.models import Mentee, Referral
    from outcomes.constants import Answer
    from outcomes.models import OutcomeRecord

    now = timezone.now()
    early_reasons = ["mentee_disengaged", "returned_to_custody", "moved_away", "mentor_left"]
    rows = []
    for n in range(count):
        started = TODAY - timedelta(days=rng.randrange(20, PERIOD_DAYS))
        ended = started + timedelta(days=rng.randrange(30, 420))
        ended = ended if ended < TODAY and rng.random() < 0.7 else None
        early = ended is not None and rng.random() < 0.35
        opened = timezone.make_aware(
            timezone.datetime.combine(started - timedelta(days=10), timezone.datetime.min.time())
        )
        referral = Referral(
            organisation=organisation,
            reference=f"JB-{organisation.pk % 100:02d}{n:07d}"[:12],
            submission_key=uuid.uuid4(),
            status=ReferralStatus.ACCEPTED,
            completed_by="self",
            full_name=f"Person {n}",
            date_of_birth=date(1980, 1, 1),
            situation="in_custody",
            contact_methods=[],
            consented_at=now,
            privacy_notice_version="2026-11",
            created_at=opened - timedelta(days=7),
        )
        mentee = Mentee(
            organisation=organisation,
            reference=f"MB-{organisation.pk % 100:02d}{n:07d}"[:12],
            full_name=f"Person {n}",
            date_of_birth=date(1980, 1, 1),
            release_date=started + timedelta(days=30),
            status="closed" if ended else "active_after_release",
            created_at=opened,
        )
        match = Match(
            organisation=organisation,
            mentee=mentee,
            mentor=mentors[n % len(mentors)],
            status=MatchStatus.ENDED if ended else MatchStatus.ONGOING,
            respond_by=now,
            started_on=started,
            ended_on=ended,
            ending=("early" if early else "planned") if ended else "",
            early_reason=rng.choice(early_reasons) if early else "",
        )
        answer = rng.choice([Answer.YES, Answer.NO, Answer.NO, Answer.NO, Answer.UNKNOWN])
        index = mentee.release_date
        record = OutcomeRecord(
            organisation=organisation,
            mentee=mentee,
            index_date=index,
            index_kind="release",
            reoffended=answer,
            offence_date=index + timedelta(days=40) if answer == Answer.YES else None,
            proven_on=index + timedelta(days=90) if answer == Answer.YES else None,
            proven_by="conviction" if answer == Answer.YES else "",
            counts_as_proven=answer == Answer.YES,
            accommodation=rng.choice([Answer.YES, Answer.NO, Answer.UNKNOWN]),
            health_services=rng.choice([Answer.YES, Answer.NO]),
            wellbeing_start=rng.randrange(10, 25) if rng.random() < 0.5 else None,
        )
        if record.wellbeing_start:
            record.wellbeing_end = record.wellbeing_start + rng.randrange(-3, 8)
        rows.append((referral, mentee, match, record))
    return rows


def _delete_seeded() -> None:
    from django.db import connection

    from providers.models import Organisation

    ids = list(
        Organisation.objects.filter(slug__startswith=BENCH_SLUG).values_list("pk", flat=True)
    )
    if not ids:
        return
    with connection.cursor() as cursor:
        for table in (
            "matching_meeting",
            "outcomes_outcomerecord",
            "matching_match",
            "mentees_mentee",
            "mentees_referral",
            "volunteers_mentorprofile",
            "volunteers_volunteerapplication",
            "volunteers_volunteerrole",
            "providers_membership",
        ):
            cursor.execute(f"DELETE FROM {table} WHERE organisation_id = ANY(%s)", [ids])  # noqa: S608
        users = "SELECT id FROM accounts_user WHERE email LIKE %s"
        pattern = [f"%@{BENCH_SLUG}%"]
        cursor.execute(f"DELETE FROM mfa_authenticator WHERE user_id IN ({users})", pattern)  # noqa: S608
        cursor.execute(f"DELETE FROM accounts_user WHERE id IN ({users})", pattern)  # noqa: S608
        cursor.execute("DELETE FROM providers_organisation WHERE id = ANY(%s)", [ids])


# The same counts as outcomes.reports.compute, as one statement written by hand.
HAND_WRITTEN_SQL = """
WITH p AS (
    SELECT %(org)s::bigint AS org, %(start)s::date AS s, %(end)s::date AS e,
           %(today)s::date AS t, %(cutoff)s::date AS cutoff,
           %(start_ts)s::timestamptz AS s_ts, %(end_ts)s::timestamptz AS e_ts
)
SELECT
    (SELECT count(*) FROM mentees_referral r
      WHERE r.organisation_id = p.org AND r.created_at >= p.s_ts AND r.created_at < p.e_ts
        AND r.status <> 'passed_on') AS referred,
    (SELECT count(*) FROM mentees_mentee m
      WHERE m.organisation_id = p.org AND m.created_at >= p.s_ts AND m.created_at < p.e_ts)
      AS engaged,
    mt.*, mg.*, mr.*, ro.*, pw.*,
    (SELECT json_object_agg(reason, n) FROM (
        SELECT coalesce(nullif(early_reason, ''), nullif(ending, ''), 'planned') AS reason,
               count(*) AS n
          FROM matching_match
         WHERE organisation_id = p.org AND ended_on BETWEEN p.s AND p.e
         GROUP BY 1) x) AS ended_by_reason
FROM p
CROSS JOIN LATERAL (
    SELECT count(DISTINCT mentee_id) FILTER (WHERE started_on >= p.s) AS matched,
           count(*) FILTER (WHERE ended_on IS NULL OR ended_on >= p.s) AS active,
           count(*) FILTER (WHERE ended_on BETWEEN p.s AND p.e) AS ended,
           count(*) FILTER (WHERE ended_on BETWEEN p.s AND p.e AND months >= 6) AS lasted_6,
           count(*) FILTER (WHERE ended_on BETWEEN p.s AND p.e AND months >= 10) AS lasted_10,
           coalesce(sum(least(coalesce(ended_on, p.t), p.e) - greatest(started_on, p.s) + 1)
               FILTER (WHERE (ended_on IS NULL OR ended_on >= p.s) AND started_on <= p.t), 0)
               AS days_under_way
      FROM (SELECT *, (extract(year FROM ended_on) - extract(year FROM started_on)) * 12
                      + extract(month FROM ended_on) - extract(month FROM started_on)
                      - CASE WHEN extract(day FROM ended_on) < extract(day FROM started_on)
                             THEN 1 ELSE 0 END AS months
              FROM matching_match
             WHERE organisation_id = p.org AND started_on IS NOT NULL
               AND started_on <= p.e) mm
) mt
CROSS JOIN LATERAL (
    SELECT count(*) AS meetings,
           coalesce(sum(extract(epoch FROM ends_at - starts_at) / 60), 0)::bigint
               AS meeting_minutes
      FROM matching_meeting
     WHERE organisation_id = p.org AND held_on BETWEEN p.s AND p.e
) mg
CROSS JOIN LATERAL (
    SELECT count(*) AS mentors_approved,
           count(*) FILTER (WHERE lived_experience::text LIKE '%%"prison"%%'
                               OR lived_experience::text LIKE '%%"probation"%%')
               AS mentors_lived_experience
      FROM volunteers_mentorprofile
     WHERE organisation_id = p.org AND approved_at >= p.s_ts AND approved_at < p.e_ts
) mr
CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE index_date <= p.cutoff AND reoffended = 'yes') AS reoffended,
           count(*) FILTER (WHERE index_date <= p.cutoff AND reoffended = 'no')
               AS not_reoffended,
           count(*) FILTER (WHERE index_date > p.cutoff) AS follow_up_running
      FROM outcomes_outcomerecord o
     WHERE o.organisation_id = p.org AND o.index_date BETWEEN p.s AND p.e
       AND EXISTS (SELECT 1 FROM matching_match m
                    WHERE m.mentee_id = o.mentee_id AND m.started_on IS NOT NULL)
) ro
CROSS JOIN LATERAL (
    SELECT count(*) AS outcome_cohort,
           count(*) FILTER (WHERE accommodation = 'yes') AS accommodation_yes,
           count(*) FILTER (WHERE wellbeing_start IS NOT NULL AND wellbeing_end IS NOT NULL
                              AND wellbeing_end >= wellbeing_start + 3) AS wellbeing_improved
      FROM outcomes_outcomerecord o
     WHERE o.organisation_id = p.org
       AND EXISTS (SELECT 1 FROM matching_match m
                    WHERE m.mentee_id = o.mentee_id AND m.started_on IS NOT NULL
                      AND m.started_on <= p.e AND (m.ended_on IS NULL OR m.ended_on >= p.s))
) pw
"""

COMPARED = [
    "referred",
    "engaged",
    "matched",
    "active",
    "ended",
    "lasted_6",
    "lasted_10",
    "days_under_way",
    "meetings",
    "meeting_minutes",
    "mentors_approved",
    "mentors_lived_experience",
    "reoffended",
    "not_reoffended",
    "follow_up_running",
    "outcome_cohort",
    "wellbeing_improved",
]


def _params(organisation, period) -> dict:
    from datetime import datetime, time

    from django.utils import timezone

    from outcomes.followup import complete_if_started_by

    zone = timezone.get_current_timezone()
    return {
        "org": organisation.pk,
        "start": period.start,
        "end": period.end,
        "today": TODAY,
        "cutoff": complete_if_started_by(TODAY),
        "start_ts": datetime.combine(period.start, time.min, tzinfo=zone),
        "end_ts": datetime.combine(period.end + timedelta(days=1), time.min, tzinfo=zone),
    }


def hand_written(organisation, period) -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(HAND_WRITTEN_SQL, _params(organisation, period))
        columns = [column.name for column in cursor.description]
        return dict(zip(columns, cursor.fetchone(), strict=True))


def engine_figures(organisation, period):
    from outcomes import reports

    return reports.compute(reports.organisation_scope(organisation), period, today=TODAY)[
        reports.ALL
    ]


def check_same_counts(figures, sql: dict) -> list[str]:
    """The names of counts on which the engine and the SQL disagree (none, we hope)."""
    values = {name: getattr(figures, name) for name in COMPARED if hasattr(figures, name)}
    values["accommodation_yes"] = figures.pathways["accommodation"][0]
    values["wellbeing_improved"] = figures.wellbeing_improved
    different = [name for name in COMPARED if int(values[name]) != int(sql[name])]
    if values["accommodation_yes"] != sql["accommodation_yes"]:
        different.append("accommodation_yes")
    if figures.ended_by_reason != (sql["ended_by_reason"] or {}):
        different.append("ended_by_reason")
    return different


def timed(label: str, work, runs: int) -> Timing:
    work()  # warm-up
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        timings.append((time.perf_counter() - started) * 1000)
    return Timing(label, runs, statistics.median(timings), max(timings))


def _signed_in_client(organisation):
    from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
    from allauth.mfa.models import Authenticator
    from django.test import Client

    from accounts.demo import enrol_demo_mfa
    from providers.models import Membership

    user = Membership.objects.filter(organisation=organisation).select_related("user").first().user
    enrol_demo_mfa(user)
    client = Client()
    client.force_login(user)
    totp = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    session = client.session
    session["account_authentication_methods_user"] = str(user.pk)
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": time.time(), "email": user.email},
        {"method": "mfa", "at": time.time(), "id": totp.pk, "type": "totp"},
    ]
    session.save()
    return client


def run(runs: int) -> tuple[list[Timing], list[str]]:
    from outcomes.periods import Period
    from outcomes.services.reports import organisation_report
    from outcomes.views.common import period_query
    from providers.models import Organisation

    organisation = Organisation.objects.get(slug=BENCH_SLUG)
    period = Period(TODAY - timedelta(days=PERIOD_DAYS), TODAY)
    if True:  # the page reports up to the real today; the data ends on TODAY
        different = check_same_counts(
            engine_figures(organisation, period), hand_written(organisation, period)
        )
        client = _signed_in_client(organisation)
        url = "/organisation/outcomes/?" + period_query(period)
        status = client.get(url).status_code
        if status != 200:
            raise SystemExit(f"The dashboard answered {status}.")
        timings = [
            timed("hand-written SQL (baseline)", lambda: hand_written(organisation, period), runs),
            timed("report engine (8 queries)", lambda: engine_figures(organisation, period), runs),
            timed(
                "report with its statistics",
                lambda: organisation_report(organisation, period, today=TODAY),
                runs,
            ),
            timed("dashboard page (HTTP, DEBUG off)", lambda: client.get(url), runs),
        ]
    return timings, different


def report(timings: list[Timing], different: list[str], scale: Scale) -> str:
    baseline = timings[0].median_ms
    lines = [
        f"Scale: one organisation with {scale.relationships:,} relationships and "
        f"{scale.meetings:,} meetings ({scale.mentors:,} mentors), the report over "
        f"{PERIOD_DAYS // 365} years; median of {timings[0].runs} runs after a warm-up.",
        "",
        f"{'what':<36} {'median ms':>10} {'max ms':>8} {'vs SQL':>7}",
    ]
    for timing in timings:
        lines.append(
            f"{timing.label:<36} {timing.median_ms:>10.1f} {timing.max_ms:>8.1f} "
            f"{timing.median_ms / baseline:>7.2f}"
        )
    lines.append("")
    lines.append(
        "Counts identical to the hand-written SQL."
        if not different
        else f"Counts that differ from the hand-written SQL: {', '.join(different)}"
    )
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="full")
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each")
    parser.add_argument("--reseed", action="store_true", help="seed again even if present")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_OUTCOMES_DATABASE_URL", DEFAULT_DATABASE_URL),
    )
    args = parser.parse_args(argv)
    scale = SCALES[args.scale]
    _setup_django(args.database_url)
    if args.reseed or seeded_scale() != scale:
        started = time.perf_counter()
        seed(scale)
        print(f"Seeded in {time.perf_counter() - started:.0f} s.")
    timings, different = run(args.runs)
    print(report(timings, different, scale))
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
