"""The demo shows outcomes: the published example at Mersey, a small cohort's warning at
Tyneside, a commissioner in the North West comparing two accredited providers. (Seeding it
again adds nothing: see tests/providers/test_seed_demo.py.)"""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from accounts.demo import DEMO_EMAIL_DOMAIN
from accounts.models import CommissionerRegion, User
from matching.models import Match, Meeting
from outcomes.demo import published_hours_period
from outcomes.models import OutcomeRecord, ReportSnapshot
from outcomes.services.reports import comparison_report, organisation_report
from outcomes.views.common import latest_complete_year, period_query
from providers.models import Organisation
from tests.conftest import sign_in

pytestmark = pytest.mark.usefixtures("demo")


def counts():
    return (
        OutcomeRecord.objects.count(),
        Match.objects.count(),
        Meeting.objects.count(),
        ReportSnapshot.objects.count(),
        Organisation.objects.count(),
    )


def rows(document, key):
    section = next(s for s in document["sections"] if s["key"] == key)
    return section, {row[0]: row[1] for row in section["rows"]}


def test_demo_outcomes_tell_the_story():
    assert all(counts())

    period = latest_complete_year(timezone.localdate())
    mersey = Organisation.objects.get(name="Mersey Through the Gate")
    _, reoffending = rows(organisation_report(mersey, period), "reoffending")
    assert reoffending["Proven reoffending"] == "15% (34 of 228)"
    _, value = rows(organisation_report(mersey, period), "value")
    assert value["Crimes prevented (at least)"] == "103"

    tyneside = Organisation.objects.get(name="Tyneside Mind Prison Mentoring")
    section, _ = rows(organisation_report(tyneside, period), "reoffending")
    assert section["warning"].startswith("Small cohort")

    region = CommissionerRegion.objects.get(user__email__startswith="commissioner@").region
    comparison = comparison_report(region, period)
    providers = [row[0] for row in comparison["sections"][0]["rows"]]
    assert {"Mersey Through the Gate", "Wirral Second Chance"} <= set(providers)
    assert ReportSnapshot.objects.filter(scope="organisation", organisation=mersey).exists()
    assert ReportSnapshot.objects.filter(scope="region", region=region).exists()


def test_mersey_reproduces_every_published_figure_on_its_dashboard_csv_and_pdf(client):
    """The seed's published figures (docs: /work/shared/DOMAIN.md, Merseyside): 228 matched,
    34 (15%) reoffended, 137 expected at the 60% national rate, 103 crimes prevented, £318,991;
    260 mentors gave 27,782 hours over four years, valued at £364,617."""
    sign_in(client, User.objects.get(email=f"admin.mersey@{DEMO_EMAIL_DOMAIN}"))
    four_years = published_hours_period(timezone.localdate())
    query = period_query(four_years)
    url = reverse("outcomes:dashboard")
    page = client.get(f"{url}?{query}")
    assert page.status_code == 200
    csv_text = client.get(f"{reverse('outcomes:dashboard_csv')}?{query}").content.decode()
    pdf = client.get(f"{reverse('outcomes:dashboard_pdf')}?{query}").content
    pdf_text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    published = [
        "15% (34 of 228)",
        "137",
        "103",
        "£318,991",
        "27,782",
        "£364,617",
        "£13.1242",
    ]
    html = page.content.decode()
    for text in published:
        assert text in html, text
        assert text in csv_text, text
        assert text in " ".join(pdf_text.split()), text
    rows = {row[0]: row[1] for row in csv.reader(io.StringIO(csv_text)) if len(row) >= 2}
    assert rows["Expected to reoffend at the national rate"] == "137"
    assert rows["Crimes prevented (at least)"] == "103"
    assert rows["Value at £3,097 a crime"] == "£318,991"
    assert rows["Volunteer hours"] == "27,782"
    assert rows["Social value of volunteer time at £13.1242 an hour"] == "£364,617"
    # The default period, the latest 12 months with every follow-up complete, shows the rate.
    assert "15% (34 of 228)" in client.get(url).content.decode()
