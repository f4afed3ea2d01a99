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
from outcomes.periods import previous_quarter
from outcomes.services.reports import snapshot_make
from tests.conftest import sign_in
from tests.factories import MembershipFactory, OrganisationFactory, RegionFactory, UserFactory
from tests.factories_accreditation import accredited_organisation
from tests.pdf import read_accessible_pdf

from .factories import bulk_cohort, commissioner, mentored

pytestmark = pytest.mark.django_db


@pytest.fixture
def today():
    return timezone.localdate()


def two_years():
    today = timezone.localdate()
    start = today - timedelta(days=730)
    return {
        "start_0": start.day,
        "start_1": start.month,
        "start_2": start.year,
        "end_0": today.day,
        "end_1": today.month,
        "end_2": today.year,
    }


@pytest.fixture
def north_west(db):
    return RegionFactory(name="North West")


@pytest.fixture
def providers(north_west, today, named_comparators):
    large = accredited_organisation(name="Mersey Gate", region=north_west)
    small = accredited_organisation(name="Tiny Steps", region=north_west)
    index = today - timedelta(days=600)
    bulk_cohort(large, people=40, reoffended=8, index_date=index)
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
    with django_assert_max_num_queries(30):
        response = commissioner_client.get(reverse("outcomes:comparison"), two_years())
    assert response.status_code == 200
    content = response.content.decode()
    assert "Mersey Gate" in content and "Tiny Steps" in content
    assert "Not Accredited Yet" not in content
    assert "Severn Elsewhere" not in content
    assert "20% (8 of 40)" in content
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
        mentored(provider, index_date=timezone.localdate() - timedelta(days=600))
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
