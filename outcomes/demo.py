"""Demo outcomes: enough history for the dashboards to tell a story.

- Mersey Through the Gate (North West, accredited) reproduces the published example: 228
  people mentored whose follow-up started in the latest 12 months that are now complete, 34 of
  them proven to have reoffended, measured against the 60% national rate at £3,097 a crime;
  and in the four years ending with that year, 27,782 volunteer hours valued at £364,617;
  and 60 people mentored in the last year, their follow-ups still running, with pathway
  outcomes and wellbeing scores.
- Wirral Second Chance (North West, accredited, no demo sign-ins) gives the commissioner a
  second provider to compare, with a cohort small enough to carry the wide-interval warning.
- Tyneside Mind Prison Mentoring has 14 complete follow-ups: its dashboard warns that the
  cohort is too small to say anything.
- The demo commissioner works in the North West and is told of its quarterly reports; Mersey's
  org admin is told of its monthly reports; one report of each is already stored.

History is made in bulk (it is the past: no service would be called for it), with a fixed
random seed. Safe to run again: each organisation's history is made only once.
"""

import random
import uuid
from datetime import date, time, timedelta
from importlib import import_module

from django.db import transaction
from django.db.models import DurationField, ExpressionWrapper, F, Sum
from django.utils import timezone

from accounts.constants import PlatformRole
from accounts.demo import DEMO_EMAIL_DOMAIN, enrol_demo_mfa
from accounts.models import CommissionerRegion, User
from accreditation.demo import seed_award
from accreditation.models import Award
from core.dates import add_months
from core.references import new_reference
from matching.constants import EarlyEndingReason, MatchStatus
from matching.models import Match, Meeting
from mentees.constants import ClosureReason, CompletedBy, MenteeStatus, ReferralStatus, Situation
from mentees.models import Mentee, Referral
from providers.constants import MembershipRole, OrganisationStatus
from providers.models import LocalAuthority, Membership, Organisation, Prison, Region
from volunteers.constants import ApplicationStatus, VettingStage
from volunteers.models import MentorProfile, VolunteerApplication, VolunteerRole
from volunteers.models.volunteering import APPLICATION_REFERENCE_PREFIX

from .constants import (
    PATHWAY_OUTCOMES,
    Answer,
    EvidenceSource,
    IndexKind,
    PeriodKind,
    ProofKind,
    ScopeKind,
)
from .followup import complete_if_started_by
from .models import (
    Comparator,
    OutcomeRecord,
    OutcomeSettings,
    ReportSubscription,
)
from .periods import Period, previous_month, previous_quarter
from .services.reports import snapshot_make

# Names that no other demo module uses: other demo data finds its people by name.
FIRST_NAMES = [
    "Adam",
    "Ben",
    "Chris",
    "Connor",
    "Declan",
    "Jamie",
    "Karl",
    "Kieran",
    "Neil",
    "Ross",
    "Scott",
    "Sean",
    "Tom",
    "Vinny",
    "Warren",
    "Zak",
    "Ashley",
    "Brendan",
]
SURNAMES = [
    "Hughes",
    "Jones",
    "Roberts",
    "Kelly",
    "Murphy",
    "Doyle",
    "Walsh",
    "Byrne",
    "Taylor",
    "Wilson",
    "Davies",
    "Evans",
    "Brennan",
    "Quinn",
    "Moran",
    "Clarke",
]
EARLY_REASONS = [
    EarlyEndingReason.MENTEE_DISENGAGED,
    EarlyEndingReason.RETURNED_TO_CUSTODY,
    EarlyEndingReason.MOVED_AWAY,
    EarlyEndingReason.MENTOR_LEFT,
]

# Published: 260 volunteer mentors over four years gave 27,782 hours.
PUBLISHED_HOURS = 27_782
MEETING_MINUTES = 120
# key: (complete cohort, of whom reoffended, people mentored in the last year, former mentors)
HISTORY = {
    "mersey": (228, 34, 60, 12),
    "wirral": (45, 9, 20, 4),
    "tyneside": (14, 4, 10, 3),
}
WIRRAL = {
    "name": "Wirral Second Chance",
    "slug": "wirral-second-chance",
    "description": "Volunteer mentors for people leaving HMP Altcourse and HMP Liverpool who "
    "will live on the Wirral.",
    "charity_number": "1100006",
}


def seed_outcomes(*, organisations: dict[str, Organisation], staff: dict, commissioner_email: str):
    """organisations: the demo's organisations by key; staff: key -> an org admin."""
    today = timezone.localdate()
    north_west = Region.objects.get(name="North West")
    wirral = _wirral(north_west, today)
    targets = {
        "mersey": organisations["mersey"],
        "wirral": wirral,
        "tyneside": organisations["tyneside"],
    }
    _ensure_comparators()
    comparators = {float(c.rate): c for c in Comparator.objects.all()}
    if 0.6 in comparators:
        OutcomeSettings.objects.get_or_create(
            organisation=targets["mersey"],
            defaults={"comparator": comparators[0.6], "cost_per_crime": 3097},
        )
    rng = random.Random(2026)
    for key, organisation in targets.items():
        with transaction.atomic():
            if (
                _former_mentors_email(key, 1)
                and User.objects.filter(email=_former_mentors_email(key, 1)).exists()
            ):
                continue
            _history(key, organisation, staff.get(key) or staff["mersey"], today, rng)
            if key == "mersey":
                _published_hours(organisation)
    _mark_hughes(today)
    commissioner = User.objects.filter(
        email=commissioner_email, platform_role=PlatformRole.COMMISSIONER
    ).first()
    if commissioner is not None:
        CommissionerRegion.objects.get_or_create(user=commissioner, defaults={"region": north_west})
        ReportSubscription.objects.get_or_create(user=commissioner, region=north_west)
    if staff.get("mersey"):
        ReportSubscription.objects.get_or_create(
            user=staff["mersey"], organisation=targets["mersey"]
        )
    _stored_reports(targets["mersey"], north_west, today)


def _ensure_comparators() -> None:
    """The comparators the migration adds, should they have been removed (a flushed test
    database, or an admin's deletion)."""

    migration = import_module("outcomes.migrations.0002_comparators_and_immutable_snapshots")
    for spec in migration.COMPARATORS:
        Comparator.objects.get_or_create(name=spec["name"], defaults=spec)


def _wirral(region: Region, today: date) -> Organisation:
    """A second accredited provider in the North West, for the commissioner's comparison."""

    organisation = Organisation.objects.filter(slug=WIRRAL["slug"]).first()
    if organisation is None:
        organisation = Organisation.objects.create(
            region=region, status=OrganisationStatus.ACTIVE, **WIRRAL
        )
    assessor = User.objects.filter(platform_role=PlatformRole.ASSESSOR).first()
    if assessor and not Award.objects.filter(organisation=organisation).exists():
        admin, _ = User.objects.get_or_create(
            email=f"admin.wirral@{DEMO_EMAIL_DOMAIN}", defaults={"full_name": "Megan Doyle"}
        )
        Membership.objects.get_or_create(
            organisation=organisation, user=admin, defaults={"role": MembershipRole.ORG_ADMIN}
        )
        enrol_demo_mfa(admin)  # every staff account has two-factor authentication
        seed_award(organisation, admin, assessor, days_ago=300)
    return organisation


HISTORY_EMAIL_PREFIX = "former.mentor."


def _former_mentors_email(key: str, n: int) -> str:
    return f"{HISTORY_EMAIL_PREFIX}{key}.{n}@{DEMO_EMAIL_DOMAIN}"


def history_matches():
    """The relationships this module made up (other demo modules' tests leave them out)."""
    return Match.objects.filter(mentor__user__email__startswith=HISTORY_EMAIL_PREFIX)


def history_mentees():
    return Mentee.objects.filter(matches__in=history_matches())


def _mentors(key: str, organisation: Organisation, approver, count: int, rng) -> list:
    """Mentors who have since left, so the history has the many mentors it took (about 40%
    with lived experience of prison)."""
    role = VolunteerRole.objects.filter(organisation=organisation).first()
    if role is None:
        role = VolunteerRole.objects.create(
            organisation=organisation,
            title="Volunteer mentor",
            summary="Mentor someone leaving prison.",
            status="closed",
        )
    mentors = []
    for n in range(1, count + 1):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        user = User.objects.create(email=_former_mentors_email(key, n), full_name=name)
        user.set_unusable_password()
        user.save(update_fields=["password"])
        lived = ["prison"] if n % 5 in (1, 3) else []
        application = VolunteerApplication.objects.create(
            reference=new_reference(APPLICATION_REFERENCE_PREFIX),
            organisation=organisation,
            role=role,
            applicant=user,
            status=ApplicationStatus.APPROVED,
            stage=VettingStage.DECIDED,
            full_name=name,
            lived_experience=lived,
        )
        mentors.append(
            MentorProfile.objects.create(
                organisation=organisation,
                user=user,
                application=application,
                status="left",
                status_reason="Moved on after mentoring for a while.",
                approved_by=approver,
                approved_at=timezone.now() - timedelta(days=900 - n * 20),
                capacity=2,
                lived_experience=lived,
            )
        )
    return mentors


def _history(key, organisation, coordinator, today, rng) -> None:
    complete, reoffended, recent, mentor_count = HISTORY[key]
    mentors = _mentors(key, organisation, coordinator, mentor_count, rng)
    prisons = list(Prison.objects.filter(is_open=True)[:5])
    areas = list(LocalAuthority.objects.filter(region=organisation.region)[:6])
    last_complete = complete_if_started_by(today)
    first_complete = add_months(last_complete, -12) + timedelta(days=1)
    people = []
    for n in range(complete):
        index = first_complete + timedelta(
            days=rng.randrange((last_complete - first_complete).days)
        )
        people.append(("complete", n < reoffended, index))
    for _ in range(recent):
        people.append(("recent", False, today - timedelta(days=rng.randrange(20, 330))))
    rng.shuffle(people)

    mentees, referrals, matches, records, meetings = [], [], [], [], []
    now = timezone.now()
    for n, (cohort, offended, index) in enumerate(people):
        started = index - timedelta(days=rng.randrange(14, 60))  # met in custody first
        referred = timezone.make_aware(
            timezone.datetime.combine(started - timedelta(days=rng.randrange(14, 40)), time(10))
        )
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        referral = Referral(
            organisation=organisation,
            reference=new_reference("JM"),
            submission_key=uuid.uuid4(),
            status=ReferralStatus.ACCEPTED,
            completed_by=CompletedBy.WORKER,
            full_name=name,
            date_of_birth=date(
                1970 + rng.randrange(35), rng.randrange(1, 13), rng.randrange(1, 28)
            ),
            situation=Situation.IN_CUSTODY,
            prison=rng.choice(prisons) if prisons else None,
            local_authority=rng.choice(areas) if areas else None,
            contact_methods=["omu"],
            consented_at=referred,
            privacy_notice_version="2026-11",
            created_at=referred,
            decided_at=referred + timedelta(days=5),
        )
        referrals.append(referral)
        # The history is over: every relationship has ended and every case is closed, so the
        # demo's relationships under way are only the ones made through the real services.
        length = rng.choice([2, 4, 5, 7, 8, 9, 10, 11, 12, 12, 13])
        latest_end = today - timedelta(days=rng.randrange(3, 30))
        ended = max(min(add_months(started, length), latest_end), started + timedelta(days=14))
        early = length < 6 or (offended and rng.random() < 0.6)
        status = MenteeStatus.CLOSED
        mentee = Mentee(
            organisation=organisation,
            reference=new_reference("MN"),
            full_name=name,
            date_of_birth=referral.date_of_birth,
            prison=referral.prison,
            prison_number=_prison_number(rng),
            local_authority=referral.local_authority,
            release_date=index,
            status=status,
            closure_reason=(
                ClosureReason.RETURNED_TO_CUSTODY
                if offended and early
                else ClosureReason.PLANNED_ENDING
            ),
            created_at=referred + timedelta(days=5),
        )
        mentees.append(mentee)
        mentor = mentors[n % len(mentors)]
        match = Match(
            organisation=organisation,
            mentee=mentee,
            mentor=mentor,
            status=MatchStatus.ENDED,
            proposed_at=timezone.make_aware(timezone.datetime.combine(started, time(9))),
            respond_by=now,
            started_on=started,
            released_on=index,
            ended_on=ended,
            ending="early" if early else "planned",
            early_reason=(
                EarlyEndingReason.RETURNED_TO_CUSTODY
                if early and offended
                else rng.choice(EARLY_REASONS[:1] + EARLY_REASONS[2:])
                if early
                else ""
            ),
            shorter_than_advised=(ended - started).days < 182,
        )
        matches.append(match)
        records.append(_record(organisation, mentee, cohort, offended, index, today, rng))
        meetings += _meetings(organisation, match, mentor, started, ended, rng)
    Referral.objects.bulk_create(referrals)
    for mentee, referral in zip(mentees, referrals, strict=True):
        mentee.referral = referral
    Mentee.objects.bulk_create(mentees)
    Match.objects.bulk_create(matches)
    OutcomeRecord.objects.bulk_create(records)
    Meeting.objects.bulk_create(meetings, batch_size=1000)
    declined = [
        Referral(
            organisation=organisation,
            reference=new_reference("JM"),
            submission_key=uuid.uuid4(),
            status=ReferralStatus.DECLINED,
            decline_reason="no_capacity",
            completed_by=CompletedBy.SELF,
            full_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
            date_of_birth=date(1985, 1, 1),
            situation=Situation.IN_CUSTODY,
            contact_methods=["omu"],
            consented_at=now,
            privacy_notice_version="2026-11",
            created_at=now - timedelta(days=rng.randrange(1, 700)),
        )
        for _ in range((complete + recent) // 3)
    ]
    Referral.objects.bulk_create(declined)


def published_hours_period(today: date) -> Period:
    """The four years, ending with the latest 12 months whose follow-ups are all complete, in
    which Mersey's mentors gave the published 27,782 hours (the published figure is for four
    years; its reoffending cohort is the last of them)."""
    end = complete_if_started_by(today)
    return Period(add_months(end, -48) + timedelta(days=1), end)


def _published_hours(organisation) -> None:
    """Meetings of Mersey's past relationships that bring its volunteer hours in the four years
    to exactly the published 27,782: extra meetings of up to two hours, a few days apart,
    within each relationship's dates, the last one making up the remainder."""

    period = published_hours_period(timezone.localdate())
    length = ExpressionWrapper(F("ends_at") - F("starts_at"), output_field=DurationField())
    held = Meeting.objects.filter(
        organisation=organisation, held_on__gte=period.start, held_on__lte=period.end
    ).aggregate(total=Sum(length))["total"]
    missing = PUBLISHED_HOURS * 60 - (int(held.total_seconds() // 60) if held else 0)
    matches = (
        Match.objects.filter(
            organisation=organisation,
            started_on__lte=period.end,
            ended_on__isnull=False,
            mentor__isnull=False,
        )
        .select_related("mentor__user")
        .order_by("started_on", "pk")
    )
    lengths = []
    while missing > 0:
        lengths.append(min(MEETING_MINUTES, missing))
        missing -= lengths[-1]
    if len(lengths) > 1 and lengths[-1] < MEETING_MINUTES // 2:
        lengths[-2] += lengths.pop()  # no meeting of a few minutes: the one before is longer
    slots = []
    for offset in range(2, 400, 3):
        slots += [
            (match, match.started_on + timedelta(days=offset))
            for match in matches
            if match.started_on + timedelta(days=offset) <= min(match.ended_on, period.end)
        ]
        if len(slots) >= len(lengths):
            break
    if len(slots) < len(lengths):
        raise RuntimeError("Not enough past relationships to hold the published hours.")
    meetings = []
    for minutes, (match, day) in zip(lengths, slots, strict=False):
        end = 9 * 60 + minutes
        meetings.append(
            Meeting(
                organisation=organisation,
                match=match,
                held_on=day,
                starts_at=time(9, 0),
                ends_at=time(end // 60, end % 60),
                place="community"
                if match.released_on and day >= match.released_on
                else "in_custody",
                attendees=["mentor", "mentee"],
                logged_by=match.mentor.user,
            )
        )
    Meeting.objects.bulk_create(meetings, batch_size=1000)


def _prison_number(rng) -> str:
    return f"A{rng.randrange(1000, 9999)}{rng.choice('BCDEFG')}{rng.choice('HJKLMN')}"


def _record(organisation, mentee, cohort, offended, index, today, rng) -> OutcomeRecord:
    record = OutcomeRecord(
        organisation=organisation,
        mentee=mentee,
        index_date=index,
        index_kind=IndexKind.RELEASE,
        gender="male",
    )
    if cohort == "complete":
        record.reoffended = Answer.YES if offended else Answer.NO
        record.reoffending_source = rng.choice([EvidenceSource.POLICE, EvidenceSource.PROBATION])
        record.reoffending_recorded_at = timezone.now()
        if offended:
            record.offence_date = index + timedelta(days=rng.randrange(20, 330))
            record.proven_on = record.offence_date + timedelta(days=rng.randrange(14, 150))
            record.proven_by = rng.choice(
                [ProofKind.CONVICTION, ProofKind.CONVICTION, ProofKind.CAUTION]
            )
            record.counts_as_proven = True
            if rng.random() < 0.6:
                record.returned_to_custody = Answer.YES
                record.returned_on = record.offence_date + timedelta(days=rng.randrange(1, 30))
        else:
            record.returned_to_custody = Answer.NO
    chances = {
        "accommodation": 0.7,
        "education_training_employment": 0.4,
        "substance_misuse_services": 0.5,
        "health_services": 0.55,
        "confidence_life_skills": 0.7,
    }
    if rng.random() < 0.8:
        for name, _label in PATHWAY_OUTCOMES:
            setattr(record, name, Answer.YES if rng.random() < chances[name] else Answer.NO)
    if rng.random() < 0.6:
        record.wellbeing_start = rng.randrange(12, 24)
        record.wellbeing_start_on = index - timedelta(days=10)
        if cohort == "complete" or rng.random() < 0.4:
            record.wellbeing_end = min(35, record.wellbeing_start + rng.randrange(-2, 9))
            record.wellbeing_end_on = min(today, index + timedelta(days=200))
    return record


def _meetings(organisation, match, mentor, started, until, rng) -> list:
    meetings, day = [], started + timedelta(days=rng.randrange(1, 8))
    while day <= until:
        start_hour = rng.choice([10, 11, 13, 14])
        minutes = rng.choice([45, 60, 60, 75, 90, 120])
        end = start_hour * 60 + minutes
        meetings.append(
            Meeting(
                organisation=organisation,
                match=match,
                held_on=day,
                starts_at=time(start_hour, 0),
                ends_at=time(end // 60, end % 60),
                place="in_custody" if day < match.released_on else "community",
                attendees=["mentor", "mentee"],
                logged_by=mentor.user,
            )
        )
        day += timedelta(days=rng.choice([6, 7, 7, 8, 10, 14]))
    return meetings


def _mark_hughes(today) -> None:
    mark = Mentee.objects.filter(full_name="Mark Hughes").first()
    if mark is None or OutcomeRecord.objects.filter(mentee=mark).exists():
        return
    match = mark.matches.filter(started_on__isnull=False).first()
    start = mark.release_date if mark.release_date and mark.release_date <= today else None
    start = start or (match.started_on if match else None)
    OutcomeRecord.objects.create(
        organisation=mark.organisation,
        mentee=mark,
        index_date=start,
        index_kind=IndexKind.RELEASE if mark.prison_id else IndexKind.COMMUNITY,
        accommodation=Answer.YES,
        health_services=Answer.YES,
        wellbeing_start=17,
        wellbeing_start_on=start,
    )


def _stored_reports(mersey, north_west, today) -> None:
    snapshot_make(
        scope=ScopeKind.ORGANISATION,
        obj=mersey,
        period_kind=PeriodKind.MONTH,
        period=previous_month(today),
        tell_subscribers=False,
    )
    snapshot_make(
        scope=ScopeKind.REGION,
        obj=north_west,
        period_kind=PeriodKind.QUARTER,
        period=previous_quarter(today),
        tell_subscribers=False,
    )
