"""The soak benchmark (benchmarks/soak.py) in its short mode: a few users for half a minute
against gunicorn, a real Celery worker and beat, its own Redis and an SMTP sink, on a small
organisation made here. It proves the benchmark runs and that its counting is right: what it
says was acknowledged is counted again here straight from the database, and a write or an
email that is not there is reported as lost.

Find it with `pytest -m soak`; it takes about a minute and a half."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from benchmarks import soak, soak_data
from core.models import OutboxMessage
from core.outbox import message_id
from matching.models import Meeting
from mentees.models import Referral
from providers.constants import MembershipRole
from tests.factories import (
    LocalAuthorityFactory,
    MembershipFactory,
    PrisonFactory,
    ServiceFactory,
    UserFactory,
    pathway,
)
from tests.matching.factories import MatchFactory, mentor_for
from tests.mentees.factories import MenteeFactory

pytestmark = [
    pytest.mark.soak,
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.timeout(300),
]

# Spare ports of this test's own (tests/faults.py and the other fault tests use others).
PORTS = soak.Ports(redis=6397, smtp=8398, postgres_proxy=5443)


def database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return (
        f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/"
        f"{db['NAME']}"
    )


@pytest.fixture
def small_organisation():
    """A service taking requests, two coordinators, and two mentors with relationships."""
    council = LocalAuthorityFactory(name="Sefton")
    PrisonFactory(name="HMP Liverpool")
    service = ServiceFactory(local_authorities=[council], pathways=[pathway("accommodation")])
    organisation = service.organisation
    for _ in range(2):
        MembershipFactory(organisation=organisation, role=MembershipRole.COORDINATOR)
    for _ in range(2):
        profile = mentor_for(UserFactory(), organisation)
        MatchFactory(mentee=MenteeFactory(organisation=organisation), mentor=profile)
    return organisation


@pytest.fixture
def served_static_files():
    """gunicorn serves with DEBUG off, which needs the collected static files' manifest, and a
    manifest left by an earlier checkout lacks files added since: collect every time, with the
    storage production uses (the tests' settings, DEBUG on, would write no manifest)."""
    production = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "config.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=production):
        call_command("collectstatic", interactive=False, verbosity=0)


def test_the_soak_benchmark_counts_every_acknowledged_write_and_email(
    small_organisation, served_static_files, monkeypatch
):
    monkeypatch.setenv("OUTBOX_SWEEP_SECONDS", "2")  # the worker's beat sweeps often here
    (result,) = soak.run(
        database_url=database_url(),
        minutes=0.5,
        users=6,
        phases=["steady"],
        ports=PORTS,
        think_seconds=0.5,
        drain_seconds=60,
    )

    assert result.errors() == 0, sorted(
        {(a.status, a.kind) for a in result.answers() if a.status == 0 or a.status >= 500}
    )[:10]
    assert result.ledger.surprises == []
    acknowledged = result.ledger.acknowledged()
    assert acknowledged["referrals"] >= 1 and acknowledged["meetings"] >= 1
    # Counted again, independently, against the database.
    assert (
        Referral.objects.filter(full_name__startswith="Soak ").count()
        == (acknowledged["referrals"])
    )
    assert (
        Meeting.objects.filter(notes="Soak benchmark meeting.").count()
        == (acknowledged["meetings"])
    )
    assert [c.found for c in result.writes] == [c.acknowledged for c in result.writes]
    emails = result.emails
    assert emails.written == OutboxMessage.objects.filter(created_at__gte=result.started_at).count()
    assert emails.delivered == emails.sent == emails.written and emails.duplicates == 0
    assert result.memory and all(s.gunicorn_mb > 0 and s.celery_mb > 0 for s in result.memory)
    assert "requests for a mentor sent" in "\n".join(soak.report([result]))

    # What was not written is reported lost: the counting can fail.
    result.ledger.add("referrals", "Soak Never Sent")
    result.ledger.add("meetings", "00000000-0000-4000-8000-000000000000")
    missing = {c.kind: c.missing for c in soak_data.count_writes(result.ledger)}
    assert missing["requests for a mentor sent"] == ["Soak Never Sent"]
    assert missing["meetings logged"] == ["00000000-0000-4000-8000-000000000000"]
    one = message_id(OutboxMessage.objects.filter(created_at__gte=result.started_at).first())
    received = [mid for mid in result.sink_ids if mid != one]
    assert soak_data.count_emails(result.started_at, received).delivered == emails.written - 1
