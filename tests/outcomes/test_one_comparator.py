"""One comparator per report: each organisation chooses one (with its source and year) in its
outcome settings, and it is the one its dashboard, CSV, PDF, Justice Data Lab page and the
commissioners' comparison set its figures beside, named wherever it is shown."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from outcomes.models import OutcomeSettings
from outcomes.periods import quarters_in
from outcomes.views.common import latest_complete_published_year
from tests.conftest import sign_in
from tests.factories import MembershipFactory, RegionFactory
from tests.factories_accreditation import accredited_organisation
from tests.pdf import read_accessible_pdf

from .factories import bulk_cohort, commissioner, comparators

pytestmark = pytest.mark.django_db


def as_query(period, **extra):
    return {
        "start_0": period.start.day,
        "start_1": period.start.month,
        "start_2": period.start.year,
        "end_0": period.end.day,
        "end_1": period.end.month,
        "end_2": period.end.year,
        **extra,
    }


def first_rows(csv_text: str) -> dict[str, list[str]]:
    """The comparison table's rows by their first cell (later tables repeat the names)."""
    rows = {}
    for row in csv.reader(io.StringIO(csv_text)):
        if row:
            rows.setdefault(row[0], row)
    return rows


@pytest.fixture
def region_of_two():
    """Mersey Gate chose the 60% rate; Wirral Way kept the default (44%)."""
    rates = comparators()
    north_west = RegionFactory(name="North West")
    year = latest_complete_published_year(timezone.localdate())
    mersey = accredited_organisation(name="Mersey Gate", region=north_west)
    wirral = accredited_organisation(name="Wirral Way", region=north_west)
    OutcomeSettings.objects.create(organisation=mersey, comparator=rates["60%"])
    for organisation in (mersey, wirral):
        for quarter in quarters_in(year):
            bulk_cohort(
                organisation,
                people=12,
                reoffended=5,
                index_date=quarter.start + timedelta(days=10),
            )
    return north_west, mersey, wirral, year, rates


def test_the_same_provider_is_set_beside_the_same_rate_everywhere(client, region_of_two):
    north_west, mersey, _wirral, year, rates = region_of_two
    sixty = rates["60%"]
    sign_in(client, MembershipFactory(organisation=mersey, role="org_admin").user)
    page = client.get(reverse("outcomes:dashboard"), as_query(year)).content.decode()
    assert f"Compared with {sixty.name} ({sixty.source}, {sixty.date_label})" in page
    assert "the one comparator all your reports use" in page
    assert "Lower than the comparator rate of 60%" in page
    assert rates["44%"].name not in page
    # A comparator asked for in the address is not a second one: it is ignored.
    other = client.get(reverse("outcomes:dashboard"), as_query(year, comparator=rates["44%"].pk))
    assert rates["44%"].name not in other.content.decode()
    download = client.get(reverse("outcomes:dashboard_csv"), as_query(year)).content.decode()
    assert sixty.name in download and rates["44%"].name not in download
    pdf = client.get(reverse("outcomes:dashboard_pdf"), as_query(year))
    text = read_accessible_pdf(pdf.content, title="Outcomes report: Mersey Gate").text
    assert "60%" in text and "Lower than the comparator rate of 60%" in text.replace("\n", " ")
    jdl = client.get(reverse("outcomes:justice_data_lab")).content.decode()
    assert f"60%: {sixty.name} ({sixty.source}, {sixty.date_label})" in jdl

    client.logout()
    sign_in(client, commissioner(north_west))
    download = client.get(reverse("outcomes:comparison_csv"), as_query(year))
    rows = first_rows(download.content.decode())
    head = rows["Provider"]
    assert head[-2:] == ["Against its comparator", "Comparator"]
    mersey_row, wirral_row = rows["Mersey Gate"], rows["Wirral Way"]
    assert mersey_row[-1].startswith(f"60%: {sixty.name}")
    assert mersey_row[-2].startswith("Lower")  # 20 of 48 against 60%, as on its dashboard
    assert wirral_row[-1].startswith(f"44%: {rates['44%'].name}")
    assert wirral_row[-2].startswith("Not clearly different")
    total = rows["All accredited providers in North West"]
    assert total[-1] == "Not compared: providers use different comparators"
    page = client.get(reverse("outcomes:comparison"), as_query(year)).content.decode()
    assert "Providers use different comparators" in page
    assert sixty.name in page and rates["44%"].name in page


def test_one_comparator_for_every_provider_is_compared_with_the_total_too(client, region_of_two):
    north_west, mersey, _wirral, year, rates = region_of_two
    OutcomeSettings.objects.filter(organisation=mersey).update(comparator=rates["44%"])
    sign_in(client, commissioner(north_west))
    download = client.get(reverse("outcomes:comparison_csv"), as_query(year)).content.decode()
    rows = first_rows(download)
    assert rows["Provider"][-2] == f"Against {rates['44%'].name}"
    total = rows["All accredited providers in North West"]
    assert total[-1].startswith("44%") and total[-2].startswith("Not clearly different")
