"""The demo shows outcomes: the published example at Mersey, a small cohort's warning at
Tyneside, a commissioner in the North West comparing two accredited providers. Run twice, it
adds nothing."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from matching.models import Match, Meeting
from outcomes.models import CommissionerRegion, OutcomeRecord, ReportSnapshot
from outcomes.services.reports import comparison_report, organisation_report
from outcomes.views.common import latest_complete_year
from providers.models import Organisation

pytestmark = pytest.mark.django_db


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


def test_demo_outcomes_tell_the_story_and_are_idempotent():
    call_command("seed_demo", force=True)
    first = counts()
    call_command("seed_demo", force=True)
    assert counts() == first

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
