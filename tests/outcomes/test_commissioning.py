"""The commissioner's comparison of accredited providers in their region: aggregated, small
counts suppressed, another region refused with a message and nothing of it shown."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.constants import PlatformRole
from outcomes.constants import PeriodKind, ScopeKind
from outcomes.models import ReportSubscription
from outcomes.periods import previous_quarter, quarters_in
from outcomes.services.reports import snapshot_make
from outcomes.views.common import latest_complete_published_year
from tests.conftest import sign_in
from tests.factories import MembershipFactory, OrganisationFactory, RegionFactory, UserFactory
from tests.factories_accreditation import accredited_organisation
from tests.pdf import read_accessible_pdf

from .factories import bulk_cohort, commissioner, mentored

pytestmark = pytest.mark.django_db


@pytest.fixture
def today():
    return timezone.localdate()


def complete_year():
    """The financial year a commissioner's comparison opens on: the latest whose follow-ups
    are all complete (commissioners see only whole quarters and financial years)."""
    return latest_complete_published_year(timezone.localdate())


def as_query(period):
    return {
        "start_0": period.start.day,
        "start_1": period.start.month,
        "start_2": period.start.year,
        "end_0": period.end.day,
        "end_1": period.end.month,
        "end_2": period.end.year,
    }


@pytest.fixture
def north_west(db):
    return RegionFactory(name="North West")


@pytest.fixture
def providers(north_west, today, named_comparators):
    large = accredited_organisation(name="Mersey Gate", region=north_west)
    small = accredited_organisation(name="Tiny Steps", region=north_west)
    index = complete_year().start + timedelta(days=40)
    # A year shows a figure only if none of its quarters hides it: 5 of 12 in each.
    for quarter in quarters_in(complete_year()):
        bulk_cohort(large, people=12, reoffended=5, index_date=quarter.start + timedelta(days=9))
    for answer in ("yes", "no", "no"):
        mentored(small, index_date=index, reoffended=answer)
    OrganisationFactory(name="Not Accredited Yet", region=north_west)
    elsewhere = accredited_organisation(
        name="Severn Elsewhere", region=RegionFactory(name="South West")
    )
    bulk_cohort(elsewhere, people=10, reoffended=1, index_date=index)
    return large, small


@pytest.fixture
def commissioner_client(client, north_west):
    return sign_in(client, commissioner(north_west))


def test_accredited_providers_of_the_region_side_by_side(
    commissioner_client, providers, django_assert_max_num_queries
):
    # A financial year counts its four quarters too (8 queries each), to hide in the year
    # whatever any quarter hides.
    with django_assert_max_num_queries(62):
        response = commissioner_client.get(
            reverse("outcomes:comparison"), as_query(complete_year())
        )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Mersey Gate" in content and "Tiny Steps" in content
    assert "Not Accredited Yet" not in content
    assert "Severn Elsewhere" not in content
    assert "42% (20 of 48)" in content
    assert "fewer than 5" in content
    assert "1 of 3" not in content  # the small provider's rate rests on tiny numbers
    assert "Proven reoffending by provider, with 95% intervals" in content
    assert "national rate" in content.lower()


def test_the_queries_do_not_grow_with_the_number_of_providers(
    commissioner_client, north_west, providers, django_assert_max_num_queries
):
    url = reverse("outcomes:comparison")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        commissioner_client.get(url)
    for _n in range(4):
        provider = accredited_organisation(region=north_west)
        mentored(provider, index_date=complete_year().start + timedelta(days=40))
    with CaptureQueriesContext(connection) as many:
        commissioner_client.get(url)
    assert len(many.captured_queries) == len(few.captured_queries)


def test_downloads_are_suppressed_too(commissioner_client, providers):
    response = commissioner_client.get(reverse("outcomes:comparison_csv"))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    tiny = next(row for row in rows if row and row[0] == "Tiny Steps")
    assert tiny[1] == "fewer than 5"
    assert "Severn Elsewhere" not in response.content.decode()
    response = commissioner_client.get(reverse("outcomes:comparison_pdf"))
    pdf = read_accessible_pdf(
        response.content, title="Accredited providers in North West: North West"
    )
    assert "Mersey Gate" in pdf.text and "fewer than 5" in pdf.text
    page = pdf.reader.pages[0]
    assert page.mediabox.width > page.mediabox.height  # a wide table prints landscape
    assert pdf.tags["Table"] >= 1 and pdf.tags["TH"] >= 10


def test_another_regions_figures_are_refused_with_a_message(commissioner_client, providers):
    from providers.models import Region

    south_west = Region.objects.get(name="South West")
    for name in ("outcomes:comparison", "outcomes:comparison_csv", "outcomes:comparison_pdf"):
        response = commissioner_client.get(reverse(name), {"region": south_west.pk})
        assert response.status_code == 403
        content = response.content.decode()
        assert "You can compare providers in North West only" in content
        assert "Severn Elsewhere" not in content


def test_a_commissioner_without_a_region_is_told_so(client, providers):
    sign_in(client, commissioner(region=False))
    response = client.get(reverse("outcomes:comparison"))
    assert response.status_code == 200
    assert "You have no region yet" in response.content.decode()
    assert "Mersey Gate" not in response.content.decode()


def test_platform_admins_choose_any_region(client, providers):
    sign_in(client, UserFactory(platform_role=PlatformRole.PLATFORM_ADMIN, is_staff=True))
    from providers.models import Region

    south_west = Region.objects.get(name="South West")
    response = client.get(reverse("outcomes:comparison"), {"region": south_west.pk})
    assert response.status_code == 200
    assert "Severn Elsewhere" in response.content.decode()
    assert client.get(reverse("outcomes:comparison"), {"region": "x"}).status_code == 403


def test_commissioners_get_no_persons_rows(commissioner_client, providers):
    """The Justice Data Lab export and case records are for providers' own staff."""
    large, _small = providers
    assert commissioner_client.get(reverse("outcomes:justice_data_lab")).status_code == 403
    mentee = large.mentees.first()
    assert commissioner_client.get(reverse("outcomes:record", args=[mentee.pk])).status_code == 403
    assert commissioner_client.get(reverse("outcomes:dashboard")).status_code == 403


def test_region_reports_are_seen_only_in_their_region(
    commissioner_client, north_west, providers, today, django_assert_max_num_queries
):
    quarter = previous_quarter(today)
    ours, _ = snapshot_make(
        scope=ScopeKind.REGION, obj=north_west, period_kind=PeriodKind.QUARTER, period=quarter
    )
    from providers.models import Region

    theirs, _ = snapshot_make(
        scope=ScopeKind.REGION,
        obj=Region.objects.get(name="South West"),
        period_kind=PeriodKind.QUARTER,
        period=quarter,
    )
    for _ in range(3):  # more reports in the list, no more queries
        snapshot_make(
            scope=ScopeKind.REGION,
            obj=north_west,
            period_kind=PeriodKind.QUARTER,
            period=previous_quarter(quarter.start - timedelta(days=1 + 92 * _)),
        )
    with django_assert_max_num_queries(12):
        listing = commissioner_client.get(reverse("outcomes:region_snapshots")).content.decode()
    assert reverse("outcomes:region_snapshot", args=[ours.pk]) in listing
    assert reverse("outcomes:region_snapshot", args=[theirs.pk]) not in listing
    page = commissioner_client.get(reverse("outcomes:region_snapshot", args=[ours.pk]))
    assert page.status_code == 200 and "Mersey Gate" in page.content.decode()
    for name in (
        "outcomes:region_snapshot",
        "outcomes:region_snapshot_csv",
        "outcomes:region_snapshot_pdf",
    ):
        assert commissioner_client.get(reverse(name, args=[theirs.pk])).status_code == 404
        assert commissioner_client.get(reverse(name, args=[ours.pk])).status_code == 200
    assert "fewer than 5" in ours.csv
    assert "Severn Elsewhere" not in ours.csv


def test_commissioners_subscribe_to_their_regions_quarterly_report(commissioner_client, north_west):
    url = reverse("outcomes:region_subscription")
    assert commissioner_client.post(url, {"wanted": "yes"}).status_code == 302
    assert ReportSubscription.objects.filter(region=north_west).count() == 1


def test_provider_staff_cannot_compare(client, providers):
    large, _ = providers
    sign_in(client, MembershipFactory(organisation=large, role="org_admin").user)
    assert client.get(reverse("outcomes:comparison")).status_code == 403


@pytest.mark.parametrize(
    "period",
    [
        ("1 4 2024", "30 9 2024"),  # two quarters
        ("2 4 2024", "30 6 2024"),  # not from the start of a quarter
        ("1 1 2024", "31 12 2024"),  # a calendar year, not a financial year
        ("1 5 2024", "30 4 2025"),  # 12 months, not a financial year
    ],
)
def test_a_period_other_than_a_quarter_or_financial_year_is_refused(
    commissioner_client, providers, period
):
    start, end = (text.split() for text in period)
    query = dict(zip(("start_0", "start_1", "start_2"), start, strict=True))
    query |= dict(zip(("end_0", "end_1", "end_2"), end, strict=True))
    for name in ("outcomes:comparison", "outcomes:comparison_csv", "outcomes:comparison_pdf"):
        response = commissioner_client.get(reverse(name), query)
        if name == "outcomes:comparison":
            assert response.status_code == 400
            content = response.content.decode()
            assert "Choose a whole quarter" in content
            assert "Mersey Gate" not in content
        else:  # a download of a refused period goes back to the page
            assert response.status_code == 302


def test_quarters_and_financial_years_are_offered(commissioner_client, providers, today):
    content = commissioner_client.get(reverse("outcomes:comparison")).content.decode()
    assert "Last quarter" in content and "Financial year" in content
    assert "Last 12 months" not in content and "Last month" not in content
    year = complete_year()
    assert f'<h2 class="govuk-heading-l">{year.label}</h2>' in content
