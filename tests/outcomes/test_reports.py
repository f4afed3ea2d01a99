"""The report engine counts in the database: each figure against data made for it, grouped by
organisation, an empty period, the published example, and a fixed number of queries."""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from matching.constants import MatchStatus
from mentees.constants import ReferralStatus
from outcomes import reports
from outcomes.documents import comparison_document, organisation_document
from outcomes.models import OutcomeSettings
from outcomes.periods import Period
from tests.factories import OrganisationFactory
from tests.matching.factories import MatchFactory, MeetingFactory
from tests.mentees.factories import MenteeFactory, ReferralFactory

from .factories import bulk_cohort, comparators, mentored

pytestmark = pytest.mark.django_db


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def year(today):
    return Period(today - timedelta(days=730), today)


def _ended(organisation, *, days: int, early_reason: str = "", today):
    return MatchFactory(
        mentee=MenteeFactory(organisation=organisation),
        status=MatchStatus.ENDED,
        started_on=today - timedelta(days=days + 5),
        ended_on=today - timedelta(days=5),
        ending="early" if early_reason else "planned",
        early_reason=early_reason,
    )


def test_each_figure_is_counted_as_defined(organisation, today, year):
    ReferralFactory.create_batch(2, organisation=organisation)
    ReferralFactory(organisation=organisation, status=ReferralStatus.PASSED_ON)
    old = ReferralFactory(organisation=organisation)
    old.created_at = timezone.now() - timedelta(days=800)
    old.save()
    long_one = _ended(organisation, days=330, today=today)  # 10 months and more
    _ended(organisation, days=200, today=today)  # 6 months and more
    _ended(organisation, days=40, early_reason="mentee_disengaged", today=today)
    ongoing = MatchFactory(mentee__organisation=organisation, started_on=today - timedelta(days=20))
    # A second relationship of the same person counts them once as matched.
    MatchFactory(
        mentee=ongoing.mentee,
        status=MatchStatus.ENDED,
        started_on=today - timedelta(days=60),
        ended_on=today - timedelta(days=21),
        ending="early",
        early_reason="change_of_mentor",
    )
    for minutes, match in ((60, long_one), (90, ongoing), (30, ongoing)):
        MeetingFactory(
            match=match, starts_at=time(10, 0), ends_at=time(10 + minutes // 60, minutes % 60)
        )
    complete = today - timedelta(days=600)
    mentored(organisation, index_date=complete, reoffended="yes", accommodation="yes")
    mentored(organisation, index_date=complete, reoffended="no", accommodation="no")
    mentored(organisation, index_date=complete, reoffended="no")
    mentored(organisation, index_date=complete)  # complete, no answer yet
    mentored(organisation, index_date=today - timedelta(days=100), reoffended="yes")  # running
    # Another organisation's figures never count.
    mentored(OrganisationFactory(), index_date=complete, reoffended="yes")

    f = reports.compute(reports.organisation_scope(organisation), year, today=today)[reports.ALL]

    assert f.referred == 2
    assert f.engaged == 4 + 5  # every case record opened today, of this organisation
    assert f.matched == 4 + 5  # a person with two relationships counts once
    assert f.ended == 4
    assert (f.lasted_6, f.lasted_10) == (2, 1)
    assert f.ended_by_reason == {"planned": 2, "mentee_disengaged": 1, "change_of_mentor": 1}
    assert f.meetings == 3
    assert f.volunteer_hours == 3
    assert (f.reoffended, f.not_reoffended) == (1, 2)
    assert (f.follow_up_unanswered, f.follow_up_running) == (1, 1)
    assert f.pathways["accommodation"] == (1, 2)
    assert f.meetings_per_week > 0


def test_grouped_by_organisation_in_the_same_queries(today, year, django_assert_num_queries):
    first, second = OrganisationFactory(), OrganisationFactory()
    complete = today - timedelta(days=600)
    mentored(first, index_date=complete, reoffended="yes")
    mentored(second, index_date=complete, reoffended="no")
    mentored(second, index_date=complete, reoffended="no")
    scope = reports.Scope(name="Both", organisation_ids=(first.pk, second.pk))
    with django_assert_num_queries(8):
        grouped = reports.compute(scope, year, today=today, group=True)
    assert (grouped[first.pk].reoffended, grouped[first.pk].not_reoffended) == (1, 0)
    assert (grouped[second.pk].reoffended, grouped[second.pk].not_reoffended) == (0, 2)


def test_the_number_of_queries_does_not_grow_with_the_data(
    organisation, today, year, django_assert_num_queries
):
    scope = reports.organisation_scope(organisation)
    with django_assert_num_queries(8):
        reports.compute(scope, year, today=today)
    bulk_cohort(organisation, people=30, reoffended=5, index_date=today - timedelta(days=600))
    with django_assert_num_queries(8):
        figures = reports.compute(scope, year, today=today)[reports.ALL]
    assert figures.follow_up_complete == 30


def test_an_empty_period_is_a_clear_empty_report(organisation, today):
    period = Period(today - timedelta(days=30), today)
    figures = reports.compute(reports.organisation_scope(organisation), period, today=today)
    document = organisation_document(
        figures=figures[reports.ALL],
        scope_name=organisation.name,
        period=period,
        made_on=today,
        comparator=comparators()["44%"],
        settings=OutcomeSettings(organisation=organisation),
    )
    sections = {section["key"]: section for section in document["sections"]}
    assert (
        "No one whose follow-up started in this period has a complete 18-month follow-up"
        in sections["reoffending"]["warning"]
    )
    rows = {row[0]: row[1] for row in sections["people"]["rows"]}
    assert rows["Lasting 6 months or more"] == "None to count"
    assert rows["Meetings per relationship per week"] == "None to count"
    assert sections["endings"]["rows"] == []


def test_the_published_example_through_the_engine(organisation, today):
    """228 matched, 34 reoffended, the 60% national rate and £3,097 a crime: 15%, 137
    expected, 103 crimes prevented, £318,991."""
    index = today - timedelta(days=700)
    bulk_cohort(organisation, people=228, reoffended=34, index_date=index)
    settings = OutcomeSettings(organisation=organisation, cost_per_crime=3097)
    period = Period(index - timedelta(days=10), today)
    figures = reports.compute(reports.organisation_scope(organisation), period, today=today)
    document = organisation_document(
        figures=figures[reports.ALL],
        scope_name=organisation.name,
        period=period,
        made_on=today,
        comparator=comparators()["60%"],
        settings=settings,
    )
    sections = {section["key"]: section for section in document["sections"]}
    reoffending = {row[0]: row[1] for row in sections["reoffending"]["rows"]}
    assert reoffending["Proven reoffending"] == "15% (34 of 228)"
    assert reoffending["95% interval (Clopper-Pearson)"] == "11% to 20%"
    assert "national rate" in reoffending["Comparator"].lower()
    assert "not a comparison group matched" in reoffending["Comparator"]
    assert reoffending["Exact binomial test against the comparator"] == "p < 0.001"
    assert sections["reoffending"]["verdict"].startswith(
        "Lower than the comparator rate of 60% (National rate: adults released from short "
        "sentences, 2014/15)"
    )
    assert "p < 0.001" in sections["reoffending"]["verdict"]
    value = {row[0]: row[1] for row in sections["value"]["rows"]}
    assert value["Expected to reoffend at the national rate"] == "137"
    assert value["Crimes prevented (at least)"] == "103"
    assert value["Value at £3,097 a crime"] == "£318,991"
    assert any("one crime" in note for note in sections["value"]["notes"])


def test_a_small_cohort_is_warned_about(organisation, today):
    index = today - timedelta(days=700)
    bulk_cohort(organisation, people=12, reoffended=3, index_date=index)
    period = Period(index, today)
    figures = reports.compute(reports.organisation_scope(organisation), period, today=today)
    document = organisation_document(
        figures=figures[reports.ALL],
        scope_name=organisation.name,
        period=period,
        made_on=today,
        comparator=comparators()["44%"],
    )
    reoffending = next(s for s in document["sections"] if s["key"] == "reoffending")
    assert reoffending["warning"] == (
        "Small cohort: with 12 people this report cannot show whether mentoring made a "
        "difference. To show a difference of 10 percentage points from 44% it would need about "
        "191 people with a complete follow-up."
    )
    assert reoffending["verdict"].startswith("Not clearly different from the comparator rate")
    assert "p = 0.300" in reoffending["verdict"] and "includes 44%" in reoffending["verdict"]


def test_a_comparison_never_carries_a_small_count(today):
    period = Period(today - timedelta(days=700), today)
    small, large = (
        reports.Figures(engaged=3, matched=2, reoffended=1, not_reoffended=3),
        reports.Figures(
            engaged=40, matched=30, reoffended=6, not_reoffended=24, ended=10, lasted_6=7
        ),
    )
    document = comparison_document(
        providers=[("Small Project", small), ("Large Project", large)],
        total=large,
        region_name="North West",
        period=period,
        made_on=today,
        comparator=comparators()["44%"],
    )
    rows = {row[0]: row for row in document["sections"][0]["rows"]}
    assert rows["Small Project"][1:3] == ["fewer than 5", "fewer than 5"]
    assert rows["Small Project"][9] == "Not shown"
    assert rows["Small Project"][10:12] == ["", ""]  # no interval, no verdict
    assert rows["Large Project"][9] == "20% (6 of 30)"
    import json

    text = json.dumps(document)
    assert "1 of 4" not in text and '"3"' not in text


def test_a_small_figure_cannot_be_worked_out_from_the_region_total(today):
    period = Period(today - timedelta(days=700), today)
    providers = [
        ("Small", reports.Figures(engaged=3, matched=3, reoffended=1, not_reoffended=6)),
        ("Middle", reports.Figures(engaged=9, matched=8, reoffended=5, not_reoffended=9)),
        ("Large", reports.Figures(engaged=40, matched=30, reoffended=6, not_reoffended=24)),
    ]
    total = reports.Figures(engaged=52, matched=41, reoffended=12, not_reoffended=39)
    document = comparison_document(
        providers=providers,
        total=total,
        region_name="North West",
        period=period,
        made_on=today,
        comparator=comparators()["44%"],
    )
    rows = {row[0]: row for row in document["sections"][0]["rows"]}
    region = rows["All accredited providers in North West"]
    # Small's engaged is under 5 and the only one hidden: the region's total goes with it, so
    # 52 - 9 - 40 cannot be done.
    assert rows["Small"][1] == "fewer than 5" and region[1] == "Not shown"
    assert rows["Middle"][1] == "9" and rows["Large"][1] == "40"
    # Small's rate rests on 1 person: the region's rate is not shown either.
    assert rows["Small"][9] == "Not shown" and region[9] == "Not shown"
    assert rows["Large"][9] == "20% (6 of 30)" and rows["Middle"][9].startswith("36%")
    assert "52" not in [cell for row in rows.values() for cell in row]
