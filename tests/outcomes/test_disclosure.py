"""Disclosure control against an attacker (tests/outcomes/attacker.py) who reads the rendered
comparison, page and CSV, and solves for hidden counts: in random regions it finds nothing, and
it does find what a table without complementary suppression gives away."""

import csv
import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outcomes import suppression
from outcomes.constants import SUPPRESS_BELOW, PeriodKind, ScopeKind
from outcomes.documents import comparison_document
from outcomes.exports import document_csv
from outcomes.models import Comparator, ReportSnapshot
from outcomes.periods import Period, financial_year_of, quarters_in
from outcomes.reports import Figures
from outcomes.services.reports import snapshot_make
from outcomes.views.common import latest_complete_published_year
from tests.conftest import sign_in
from tests.factories import RegionFactory
from tests.factories_accreditation import accredited_organisation
from tests.pdf import read_accessible_pdf

from .attacker import leaks, leaks_across, read
from .factories import bulk_cohort, commissioner, mentored

TODAY = date.today()
PERIOD = Period(TODAY - timedelta(days=730), TODAY)
COMPARATOR = Comparator(
    name="National rate: adult offenders, published April 2017",
    rate=Decimal("0.44"),
    population="Adults",
    source="Ministry of Justice",
    published="April 2017",
)
# Mostly small counts, where suppression matters, with some larger ones.
some = st.one_of(st.integers(0, SUPPRESS_BELOW + 3), st.integers(0, 60))


@st.composite
def provider(draw) -> Figures:
    ended = draw(some)
    complete = draw(some)
    reoffended = draw(st.integers(0, complete))
    return Figures(
        engaged=draw(some),
        matched=draw(some),
        active=draw(some),
        ended=ended,
        lasted_6=draw(st.integers(0, ended)),
        reoffended=reoffended,
        not_reoffended=complete - reoffended,
        meetings=draw(st.integers(0, 300)),
        meeting_minutes=draw(st.integers(0, 30_000)),
        days_under_way=draw(st.integers(0, 5_000)),
    )


def region_total(providers: list[Figures]) -> Figures:
    total = Figures()
    for name in ("engaged", "matched", "active", "ended", "lasted_6", "reoffended"):
        setattr(total, name, sum(getattr(f, name) for f in providers))
    for name in ("not_reoffended", "meetings", "meeting_minutes", "days_under_way"):
        setattr(total, name, sum(getattr(f, name) for f in providers))
    return total


def rendered(providers: list[Figures], *, parts=(), period=PERIOD) -> tuple[str, str]:
    document = comparison_document(
        providers=[(f"Provider {i + 1}", f) for i, f in enumerate(providers)],
        total=region_total(providers),
        region_name="North West",
        period=period,
        made_on=TODAY,
        comparator=COMPARATOR,
        parts=parts,
    )
    html = render_to_string("outcomes/_document.html", {"document": document})
    return html, document_csv(document)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(provider(), min_size=1, max_size=5))
def test_no_hidden_count_can_be_worked_out_from_the_page_or_the_csv(providers):
    html, csv_text = rendered(providers)
    assert leaks(html=html, csv_text=csv_text) == []


def test_the_attacker_finds_what_hiding_one_cell_would_give_away(monkeypatch):
    """Without complementary suppression (the region's total shown beside one hidden figure),
    the attacker works the hidden figure out: so the property above can fail."""
    small = Figures(engaged=3, matched=20, active=20, ended=20, lasted_6=10, not_reoffended=30)
    large = Figures(engaged=40, matched=20, active=20, ended=20, lasted_6=10, not_reoffended=30)

    def without_total(cells, *, also=None):
        column = original(cells, also=also)
        return suppression.Column((*column.flags[:-1], suppression.is_small(sum(cells))))

    original = suppression.counts
    monkeypatch.setattr("outcomes.documents.counts", without_total)
    html, csv_text = rendered([small, large])
    assert leaks(html=html, csv_text=csv_text) == ["Provider 1 engaged = 3"]


def test_a_region_with_one_provider_shows_its_figures_once_or_not_at_all():
    alone = Figures(engaged=3, matched=12, active=9, ended=6, lasted_6=2, reoffended=7)
    alone.not_reoffended = 20
    html, csv_text = rendered([alone])
    assert leaks(html=html, csv_text=csv_text) == []
    assert "All accredited providers in North West" in csv_text
    assert "26% (7 of 27)" in csv_text  # shown for the provider and the region alike
    assert f"fewer than {SUPPRESS_BELOW}" in csv_text


@pytest.mark.django_db
def test_the_commissioners_page_and_csv_give_nothing_away(client, named_comparators):
    """Everything a commissioner can read about a financial year, through HTTP: the year's page
    and CSV, each quarter's CSV, and the quarterly reports stored for them. Together they give
    no hidden count away."""
    north_west = RegionFactory(name="North West")
    year = latest_complete_published_year(timezone.localdate())
    large = accredited_organisation(name="Mersey Gate", region=north_west)
    small = accredited_organisation(name="Tiny Steps", region=north_west)
    quarters = quarters_in(year)
    for number, quarter in enumerate(quarters):
        index = quarter.start + timedelta(days=20)
        bulk_cohort(large, people=12, reoffended=5, index_date=index)
        if number == 1:  # the small provider's people all started in one quarter
            for answer in ("yes", "no", "no"):
                mentored(small, index_date=index, reoffended=answer)
    for quarter in quarters:
        snapshot_make(
            scope=ScopeKind.REGION, obj=north_west, period_kind=PeriodKind.QUARTER, period=quarter
        )
    sign_in(client, commissioner(north_west))
    tables = []
    for quarter in quarters:
        download = client.get(reverse("outcomes:comparison_csv"), as_query(quarter))
        assert download.status_code == 200
        tables.append(read(csv_text=download.content.decode()))
    for snapshot in ReportSnapshot.objects.filter(scope="region").order_by("period_start"):
        download = client.get(reverse("outcomes:region_snapshot_csv", args=[snapshot.pk]))
        assert download.status_code == 200
        tables.append(read(csv_text=download.content.decode()))
    page = client.get(reverse("outcomes:comparison"), as_query(year))
    download = client.get(reverse("outcomes:comparison_csv"), as_query(year))
    assert page.status_code == 200 and download.status_code == 200
    csv_text = download.content.decode()
    tables.append(read(html=page.content.decode(), csv_text=csv_text))
    assert "Tiny Steps" in csv_text and f"fewer than {SUPPRESS_BELOW}" in csv_text
    assert "42% (20 of 48)" in csv_text  # the large provider's rate is still shown
    assert leaks_across(tables, sums=[(8, [0, 1, 2, 3]), (8, [4, 5, 6, 7])]) == []
    assert leaks(html=page.content.decode(), csv_text=csv_text) == []


def as_query(period: Period) -> dict:
    return {
        "start_0": period.start.day,
        "start_1": period.start.month,
        "start_2": period.start.year,
        "end_0": period.end.day,
        "end_1": period.end.month,
        "end_2": period.end.year,
    }


@settings(max_examples=150, deadline=None)
@given(
    n=st.integers(0, 300),
    share=st.floats(0, 1),
    rate=st.sampled_from(["0", "0.0001", "0.44", "0.6", "0.9999", "1"]),
)
def test_every_verdict_follows_from_the_test_shown_beside_it(n, share, rate):
    """Any cohort against any comparator, 0% and 100% included: a clear sentence, never an
    error, and the words agree with the p-value and the interval shown."""
    from outcomes.documents import reoffending_summary

    k = round(share * n)
    comparator = {"name": "Test rate", "rate": float(rate)}
    result = reoffending_summary(Figures(reoffended=k, not_reoffended=n - k), comparator)
    if n == 0:
        assert result["verdict"] == "" and "no reoffending rate to show" in result["warning"]
        return
    p = result["test"]
    small = p == "p < 0.001" or float(p.removeprefix("p = ")) < 0.05
    assert result["verdict"].startswith(("Lower", "Higher") if small else "Not clearly")
    assert p in result["verdict"] and result["interval"] in result["verdict"]
    assert ("does not include" in result["verdict"]) == small


def test_a_p_value_just_under_the_threshold_is_not_rounded_up_to_it():
    from outcomes.documents import reoffending_summary

    comparator = {"name": "Test rate", "rate": 0.44}
    result = reoffending_summary(Figures(reoffended=12, not_reoffended=5), comparator)
    assert result["test"] == "p = 0.0495"  # 0.04959..., which rounds to 0.050 at 3 places
    assert result["verdict"].startswith("Higher")


# Across periods: a commissioner can read a financial year and each of its quarters (live, and
# the quarterly reports stored for them), and a year is the sum of its quarters.
YEAR = financial_year_of(date(2024, 6, 1))


def year_of(quarters: list[list[Figures]]) -> list[Figures]:
    """Each provider's year: the sum of its quarters (quarters[q][p])."""
    return [region_total([quarter[p] for quarter in quarters]) for p in range(len(quarters[0]))]


def read_family(quarters: list[list[Figures]], *, across: bool = True):
    """The attacker's view of a year and its four quarters, and which adds up to which."""
    tables = []
    for quarter, period in zip(quarters, quarters_in(YEAR), strict=True):
        html, csv_text = rendered(quarter, period=period)
        tables.append(read(html=html, csv_text=csv_text))
    html, csv_text = rendered(year_of(quarters), period=YEAR, parts=quarters if across else ())
    tables.append(read(html=html, csv_text=csv_text))
    return tables, [(4, [0, 1, 2, 3])]


def test_a_year_less_its_other_quarters_would_give_a_hidden_quarter_away():
    """The leak across periods: a provider engaged 3 people in one quarter (hidden there) and
    at least 5 in each other; the year alone shows nothing small. Year minus the three shown
    quarters gives the 3 back unless the year hides what any of its quarters hides."""
    big = Figures(engaged=40, matched=20, active=20, ended=20, lasted_6=10, not_reoffended=30)
    quarter_with_3 = [Figures(engaged=3, matched=6, active=6, ended=6, not_reoffended=6), big]
    other = [Figures(engaged=6, matched=6, active=6, ended=6, not_reoffended=6), big]
    quarters = [quarter_with_3, other, other, other]
    tables, sums = read_family(quarters, across=False)
    assert "period 0: Provider 1 engaged = 3" in leaks_across(tables, sums=sums)
    tables, sums = read_family(quarters)
    assert leaks_across(tables, sums=sums) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(1, 3).flatmap(
        lambda n: st.lists(st.lists(provider(), min_size=n, max_size=n), min_size=4, max_size=4)
    )
)
def test_no_hidden_count_can_be_worked_out_from_a_year_and_its_quarters(quarters):
    tables, sums = read_family(quarters)
    assert leaks_across(tables, sums=sums) == []


@pytest.mark.django_db
def test_a_region_report_stored_under_an_older_rule_is_served_with_the_rule_applied(
    client, monkeypatch, named_comparators
):
    """A quarterly report stored before the one rule showed the region's totals beside a
    hidden provider (and its rate, "with N people"): the stored row never changes, but its
    page, CSV and PDF are made again with the rule applied, and give nothing away."""
    north_west = RegionFactory(name="North West")
    small = Figures(engaged=3, matched=20, active=20, ended=20, lasted_6=10, not_reoffended=3)
    small.reoffended = 1
    large = Figures(engaged=40, matched=20, active=20, ended=20, lasted_6=10, reoffended=30)
    large.not_reoffended = 30

    def without_total(cells, *, also=None):
        column = original(cells, also=also)
        return suppression.Column((*column.flags[:-1], suppression.is_small(sum(cells))))

    original = suppression.counts
    with monkeypatch.context() as patch:
        patch.setattr("outcomes.documents.counts", without_total)
        patch.setattr("outcomes.documents.shares", lambda pairs, *, denominators: denominators)
        old = comparison_document(
            providers=[("Provider 1", small), ("Provider 2", large)],
            total=region_total([small, large]),
            region_name="North West",
            period=quarters_in(YEAR)[0],
            made_on=TODAY,
            comparator=COMPARATOR,
        )
    old.pop("rule")
    old_csv = document_csv(old)
    assert "Provider 1 engaged = 3" in leaks(html="", csv_text=old_csv)  # it did leak
    assert "with 64 people" in old_csv and "(31 of 64)" in old_csv
    snapshot = ReportSnapshot.objects.create(
        scope="region",
        region=north_west,
        scope_key=f"region:{north_west.pk}",
        period_kind="quarter",
        period_start=quarters_in(YEAR)[0].start,
        period_end=quarters_in(YEAR)[0].end,
        data=old,
        csv=old_csv,
        pdf=b"%PDF-old",
        origin="scheduled",
    )
    sign_in(client, commissioner(north_west))
    page = client.get(reverse("outcomes:region_snapshot", args=[snapshot.pk]))
    download = client.get(reverse("outcomes:region_snapshot_csv", args=[snapshot.pk]))
    pdf = client.get(reverse("outcomes:region_snapshot_pdf", args=[snapshot.pk]))
    assert page.status_code == download.status_code == pdf.status_code == 200
    csv_text = download.content.decode()
    assert leaks(html=page.content.decode(), csv_text=csv_text) == []
    total = next(
        row for row in csv.reader(io.StringIO(csv_text)) if row and row[0].startswith("All ")
    )
    assert total[1] == "Not shown" and total[8] == "Not shown" and total[9] == "Not shown"
    assert "with 64 people" not in csv_text and "with 64 people" not in page.content.decode()
    text = read_accessible_pdf(pdf.content, title=f"{old['title']}: North West").text
    assert "Provider 1" in text and "Not shown" in text and "(31 of 64)" not in text
    assert suppression.notice() in csv_text
