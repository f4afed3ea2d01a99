"""Outcome records with the relationship they follow, comparators and commissioners."""

from datetime import date, timedelta

import factory
from django.utils import timezone

from accounts.constants import PlatformRole
from accounts.models import CommissionerRegion
from matching.constants import MatchStatus
from outcomes.constants import Answer, IndexKind
from outcomes.models import Comparator, OutcomeRecord
from tests.factories import RegionFactory, UserFactory
from tests.matching.factories import MatchFactory
from tests.mentees.factories import MenteeFactory

COMPARATORS = [
    ("National rate: adults released from short sentences, 2014/15", "0.6000", "2014/15", ""),
    ("National rate: adult offenders, published April 2017", "0.4400", "", "April 2017"),
]


def comparators() -> dict[str, Comparator]:
    """The two comparators the migration seeds (transactional tests flush them away)."""
    made = {}
    for name, rate, period, published in COMPARATORS:
        made[rate], _ = Comparator.objects.get_or_create(
            name=name,
            defaults={
                "rate": rate,
                "population": "Adults",
                "source": "Ministry of Justice proven reoffending statistics",
                "period": period,
                "published": published,
                "is_default": rate == "0.4400",
            },
        )
    return {"60%": made["0.6000"], "44%": made["0.4400"]}


class OutcomeRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutcomeRecord

    mentee = factory.SubFactory(MenteeFactory)
    organisation = factory.LazyAttribute(lambda r: r.mentee.organisation)
    index_date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=600))
    index_kind = IndexKind.RELEASE


def mentored(
    organisation,
    *,
    index_date: date,
    reoffended: str = Answer.UNKNOWN,
    started_on: date | None = None,
    ended_on: date | None = None,
    **outcome,
) -> OutcomeRecord:
    """A mentee of `organisation` who had a mentor (from `started_on`, default the index date)
    and their outcome record."""
    mentee = MenteeFactory(organisation=organisation, release_date=index_date)
    started_on = started_on or index_date
    MatchFactory(
        mentee=mentee,
        started_on=started_on,
        ended_on=ended_on,
        status=MatchStatus.ENDED if ended_on else MatchStatus.ONGOING,
        ending="planned" if ended_on else "",
    )
    if reoffended == Answer.YES:
        outcome.setdefault("offence_date", index_date + timedelta(days=30))
        outcome.setdefault("proven_on", outcome["offence_date"] + timedelta(days=60))
        outcome.setdefault("proven_by", "conviction")
        outcome.setdefault("counts_as_proven", outcome["proven_on"] is not None)
        outcome.setdefault("reoffending_source", "police")
    elif reoffended == Answer.NO:
        outcome.setdefault("reoffending_source", "police")
    return OutcomeRecordFactory(
        mentee=mentee, index_date=index_date, reoffended=reoffended, **outcome
    )


def commissioner(region=None, **kwargs):
    user = UserFactory(platform_role=PlatformRole.COMMISSIONER, **kwargs)
    if region is not False:
        CommissionerRegion.objects.create(user=user, region=region or RegionFactory())
    return user


def bulk_cohort(organisation, *, people: int, reoffended: int, index_date: date, mentor=None):
    """`people` mentored people whose follow-up started on `index_date`, `reoffended` of them
    proven to have reoffended: made in bulk, for the larger published examples."""
    from core.references import new_reference
    from matching.models import Match
    from mentees.models import Mentee
    from tests.factories_volunteering import MentorProfileFactory

    mentor = mentor or MentorProfileFactory(organisation=organisation)
    mentees = Mentee.objects.bulk_create(
        Mentee(
            organisation=organisation,
            reference=new_reference("MN"),
            full_name=f"Cohort Person {n}",
            date_of_birth=date(1990, 1, 1),
            release_date=index_date,
        )
        for n in range(people)
    )
    now = timezone.now()
    Match.objects.bulk_create(
        Match(
            organisation=organisation,
            mentee=mentee,
            mentor=mentor,
            status=MatchStatus.ENDED,
            respond_by=now,
            started_on=index_date,
            ended_on=index_date + timedelta(days=300),
            ending="planned",
        )
        for mentee in mentees
    )
    OutcomeRecord.objects.bulk_create(
        OutcomeRecord(
            organisation=organisation,
            mentee=mentee,
            index_date=index_date,
            index_kind=IndexKind.RELEASE,
            reoffended=Answer.YES if n < reoffended else Answer.NO,
            offence_date=index_date + timedelta(days=60) if n < reoffended else None,
            proven_on=index_date + timedelta(days=120) if n < reoffended else None,
            proven_by="conviction" if n < reoffended else "",
            counts_as_proven=n < reoffended,
            reoffending_source="police",
        )
        for n, mentee in enumerate(mentees)
    )
    return mentees
