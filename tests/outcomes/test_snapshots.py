"""Scheduled reports: stored exactly once per scope and period (the job run twice, two runs at
once), never changed afterwards, subscribers told once; the backfill command."""

import threading
from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from matching.models import Notification
from outcomes import tasks
from outcomes.constants import PeriodKind, ScopeKind
from outcomes.models import ReportSnapshot, ReportSubscription
from outcomes.periods import month_of, previous_month, previous_quarter
from outcomes.services import reports as report_services
from tests.conftest import sign_in
from tests.factories import MembershipFactory, OrganisationFactory, RegionFactory
from tests.factories_accreditation import accredited_organisation

from .factories import commissioner, comparators, mentored

pytestmark = pytest.mark.django_db


@pytest.fixture
def today():
    return timezone.localdate()


def test_the_monthly_job_run_twice_stores_one_report_per_organisation(
    organisation, coordinator, today, mailoutbox, django_capture_on_commit_callbacks
):
    comparators()
    OrganisationFactory()  # a second active organisation gets its own
    ReportSubscription.objects.create(user=coordinator, organisation=organisation)
    mentored(organisation, index_date=today - timedelta(days=40))
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.monthly_reports() == 2
    with django_capture_on_commit_callbacks(execute=True):
        tasks.monthly_reports()
    period = previous_month(today)
    snapshots = ReportSnapshot.objects.filter(period_kind=PeriodKind.MONTH)
    assert snapshots.count() == 2
    ours = snapshots.get(organisation=organisation)
    assert (ours.period_start, ours.period_end) == (period.start, period.end)
    assert ours.data["period"]["label"] == period.label
    assert ours.csv.startswith("Monthly outcomes report")
    assert bytes(ours.pdf).startswith(b"%PDF")
    # The subscriber was told once, by a link; the figures never go by email.
    notes = Notification.objects.filter(user=coordinator, kind="report_ready")
    assert notes.count() == 1
    assert len(mailoutbox) == 1
    assert reverse("outcomes:snapshot", args=[ours.pk]) in mailoutbox[0].body
    assert "Proven reoffending" not in mailoutbox[0].body


def test_a_made_report_never_changes(organisation, today):
    comparators()
    snapshot, made = report_services.snapshot_make(
        scope=ScopeKind.ORGANISATION,
        obj=organisation,
        period_kind=PeriodKind.MONTH,
        period=previous_month(today),
    )
    assert made
    # New records after the fact do not change the stored report.
    mentored(organisation, index_date=previous_month(today).start)
    again, made_again = report_services.snapshot_make(
        scope=ScopeKind.ORGANISATION,
        obj=organisation,
        period_kind=PeriodKind.MONTH,
        period=previous_month(today),
    )
    assert (again.pk, made_again) == (snapshot.pk, False)
    assert again.data == snapshot.data
    with pytest.raises(DatabaseError), transaction.atomic():
        ReportSnapshot.objects.filter(pk=snapshot.pk).update(csv="changed")
    with pytest.raises(DatabaseError), transaction.atomic():
        ReportSnapshot.objects.filter(pk=snapshot.pk).delete()


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_store_one_report(monkeypatch):
    comparators()
    organisation = OrganisationFactory()
    period = month_of(date(2026, 1, 15))
    both_computing = threading.Barrier(2, timeout=20)
    real = report_services.organisation_report

    def slow(*args, **kwargs):
        document = real(*args, **kwargs)
        both_computing.wait()  # each run has found no report and computed its own
        return document

    monkeypatch.setattr(report_services, "organisation_report", slow)
    results, errors = [], []

    def run():
        try:
            results.append(
                report_services.snapshot_make(
                    scope=ScopeKind.ORGANISATION,
                    obj=organisation,
                    period_kind=PeriodKind.MONTH,
                    period=period,
                )
            )
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not errors
    assert sorted(made for _, made in results) == [False, True]
    assert len({snapshot.pk for snapshot, _ in results}) == 1
    assert ReportSnapshot.objects.count() == 1


def test_the_quarterly_job_reports_each_commissioner_region_once(today):
    comparators()
    region = RegionFactory(name="North West")
    commissioner(region)
    commissioner(region)
    accredited_organisation(region=region)
    assert tasks.quarterly_reports() == 1
    tasks.quarterly_reports()
    snapshot = ReportSnapshot.objects.get()
    assert (snapshot.scope, snapshot.region, snapshot.period_start) == (
        "region",
        region,
        previous_quarter(today).start,
    )
    assert snapshot.data["suppressed"] is True


def test_the_organisation_sees_its_reports_and_not_anothers(
    staff_client, organisation, other_organisation, today, django_assert_max_num_queries
):
    comparators()
    for org in (organisation, other_organisation):
        for months_ago in (1, 2):
            day = today.replace(day=1) - timedelta(days=28 * months_ago)
            report_services.snapshot_make(
                scope=ScopeKind.ORGANISATION,
                obj=org,
                period_kind=PeriodKind.MONTH,
                period=month_of(day),
            )
    ours = ReportSnapshot.objects.filter(organisation=organisation).first()
    theirs = ReportSnapshot.objects.filter(organisation=other_organisation).first()
    with django_assert_max_num_queries(12):
        listing = staff_client.get(reverse("outcomes:snapshots"))
    assert listing.status_code == 200
    assert reverse("outcomes:snapshot", args=[ours.pk]) in listing.content.decode()
    assert reverse("outcomes:snapshot", args=[theirs.pk]) not in listing.content.decode()
    for name in ("outcomes:snapshot", "outcomes:snapshot_csv", "outcomes:snapshot_pdf"):
        assert staff_client.get(reverse(name, args=[ours.pk])).status_code == 200
        assert staff_client.get(reverse(name, args=[theirs.pk])).status_code == 404
    page = staff_client.get(reverse("outcomes:snapshot", args=[ours.pk])).content.decode()
    assert "never changes" in page


def test_backfill_makes_past_periods_once(organisation, today, capsys):
    comparators()
    region = RegionFactory(name="North East")
    commissioner(region)
    first = previous_month(today).start - timedelta(days=150)
    call_command("backfill_outcome_reports", "--from", f"{first:%Y-%m}")
    made = ReportSnapshot.objects.count()
    assert ReportSnapshot.objects.filter(origin="backfill", organisation=organisation).count() == 6
    assert ReportSnapshot.objects.filter(scope="region").exists()
    call_command("backfill_outcome_reports", "--from", f"{first:%Y-%m}")
    assert ReportSnapshot.objects.count() == made
    assert "already existed" in capsys.readouterr().out
    assert not Notification.objects.exists()  # backfilling emails no one by default


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--from", "2025-13"], "Give months as YYYY-MM"),
        (["--from", "2025-06", "--to", "2025-01"], "--from must be on or before --to"),
        (["--from", "2025-01", "--to", "2999-01"], "Only finished periods"),
    ],
)
def test_backfill_bad_input(arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("backfill_outcome_reports", *arguments)


def test_subscribers_who_left_are_not_told(organisation, today):
    comparators()
    membership = MembershipFactory(organisation=organisation, role="coordinator")
    ReportSubscription.objects.create(user=membership.user, organisation=organisation)
    membership.removed_at = timezone.now()
    membership.save()
    snapshot, _ = report_services.snapshot_make(
        scope=ScopeKind.ORGANISATION,
        obj=organisation,
        period_kind=PeriodKind.MONTH,
        period=previous_month(today),
        tell_subscribers=False,
    )
    assert report_services.tell_subscribers_of(snapshot) == 0


def test_mentors_cannot_read_reports(client, organisation, today):
    comparators()
    snapshot, _ = report_services.snapshot_make(
        scope=ScopeKind.ORGANISATION,
        obj=organisation,
        period_kind=PeriodKind.MONTH,
        period=previous_month(today),
    )
    sign_in(client, MembershipFactory(organisation=organisation, role="mentor").user)
    assert client.get(reverse("outcomes:snapshot", args=[snapshot.pk])).status_code == 403
