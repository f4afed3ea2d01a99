"""The outbox relay on its own (no worker): leases that run out, order per address, retries with
a growing wait, the given-up ("dead") emails platform admins see and send again, two relays at
once, and the operators' command. Emails go to a real SMTP server (aiosmtpd) run by the test."""

import threading
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.mail import send_mail
from django.core.management import call_command
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from accounts.constants import PlatformRole
from core import outbox
from core.models import OutboxMessage, OutboxStatus
from tests.conftest import ONE_AT_A_TIME, sign_in
from tests.factories import UserFactory
from tests.faults import SmtpSink, spare_port

pytestmark = ONE_AT_A_TIME  # runs an SMTP server of its own

SMTP_PORT = spare_port()


@pytest.fixture
def sink(settings):
    settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", SMTP_PORT
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    sink = SmtpSink(SMTP_PORT).start()
    yield sink
    sink.stop()


def write(*pairs):
    with transaction.atomic():
        for address, subject in pairs:
            send_mail(subject, "Body", None, [address])


def subjects(sink):
    return [message["Subject"] for message in sink.received]


@pytest.mark.django_db
def test_an_email_is_written_with_the_change_and_goes_only_if_it_commits(sink):
    with pytest.raises(RuntimeError), transaction.atomic():
        write(("ada@example.org", "rolled back"))
        raise RuntimeError
    write(("ada@example.org", "kept"))
    assert outbox.relay() == 1 and outbox.relay() == 0
    assert subjects(sink) == ["kept"]
    row = OutboxMessage.objects.get()
    assert row.status == OutboxStatus.SENT and row.attempts == 1 and row.sent_at is not None
    assert sink.received[0]["Message-ID"] == outbox.message_id(row)


@pytest.mark.django_db
def test_a_lease_left_by_a_dead_relay_runs_out_and_the_email_goes_once(sink, settings):
    write(("ada@example.org", "one"))
    _token, ids = outbox.claim(10)  # a relay claims it, then dies before sending
    assert len(ids) == 1
    assert outbox.relay() == 0, "held by the other relay's lease"
    with time_machine.travel(timezone.now() + timedelta(seconds=settings.OUTBOX_LEASE_SECONDS + 1)):
        assert outbox.relay() == 1
        assert outbox.relay() == 0
    assert subjects(sink) == ["one"]


@pytest.mark.django_db
def test_a_failed_send_waits_longer_each_time_and_holds_back_later_ones_to_that_address(sink):
    write(("ada@example.org", "first"), ("ada@example.org", "second"), ("bo@example.org", "bo"))
    sink.fail_next = 2
    # "first" fails; "bo" was next in the batch and failed too. "second" waits behind "first".
    assert outbox.relay() == 0
    first = OutboxMessage.objects.get(subject="first")
    assert first.attempts == 1 and "Try again later" in first.last_error
    assert first.available_at > timezone.now() + timedelta(seconds=25)
    assert OutboxMessage.objects.get(subject="second").attempts == 0
    with time_machine.travel(timezone.now() + timedelta(seconds=31)):
        assert outbox.relay() == 3  # first and bo, and only then second
    assert subjects(sink) == ["first", "bo", "second"]
    assert outbox.backoff_seconds(1) == 30 and outbox.backoff_seconds(3) == 120
    assert outbox.backoff_seconds(20) == 3600


@pytest.mark.django_db
def test_given_up_emails_are_shown_to_platform_admins_who_can_send_them_again(
    sink, settings, client
):
    settings.OUTBOX_MAX_ATTEMPTS = 2
    write(("ada@example.org", "stuck"))
    sink.fail_next = 2
    outbox.relay()
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        outbox.relay()
    row = OutboxMessage.objects.get()
    assert row.status == OutboxStatus.DEAD and row.attempts == 2

    coordinator = UserFactory()
    changelist = reverse("admin:core_outboxmessage_changelist")
    assert sign_in(client, coordinator).get(changelist).status_code == 302  # not for them
    client.logout()
    admin = UserFactory(platform_role=PlatformRole.PLATFORM_ADMIN, is_staff=True, is_superuser=True)
    sign_in(client, admin)
    page = client.get(changelist, {"status__exact": "dead"}).content.decode()
    assert "stuck" in page and "ada@example.org" in page
    response = client.post(
        changelist, {"action": "send_again", "_selected_action": [row.pk]}, follow=True
    )
    assert "1 email will be sent again" in response.content.decode()
    assert outbox.relay() == 1
    assert subjects(sink) == ["stuck"]
    assert client.get(reverse("admin:core_outboxmessage_add")).status_code == 403


@pytest.mark.django_db
def test_the_operators_command_sends_lists_and_sends_again(sink, settings):
    settings.OUTBOX_MAX_ATTEMPTS = 1
    write(("ada@example.org", "once"))
    sink.fail_next = 1
    out = StringIO()
    call_command("relay_outbox", stdout=out)
    assert "0 sent, 0 waiting, 1 given up" in out.getvalue()
    row = OutboxMessage.objects.get()
    call_command("relay_outbox", "--dead", stdout=out)
    assert f"{row.pk}\t1 tries" in out.getvalue()
    call_command("relay_outbox", "--retry", str(row.pk), stdout=out)
    assert "1 put back to be sent" in out.getvalue() and "1 sent, 0 waiting" in out.getvalue()
    assert subjects(sink) == ["once"]


@pytest.mark.django_db(transaction=True)
def test_two_relays_at_once_send_each_email_once():
    with transaction.atomic():  # written straight to the outbox, no worker asked to send
        for number in range(40):
            outbox.enqueue(
                recipient=f"person{number % 7}@example.org", subject=f"m{number}", body=""
            )

    def relay():
        try:
            outbox.relay(batch=3)
        finally:
            connection.close()

    threads = [threading.Thread(target=relay) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    outbox.relay()
    sent = [message.subject for message in mail.outbox]
    assert sorted(sent) == sorted(f"m{number}" for number in range(40))
    for person in range(7):  # and each person's in the order they were written
        theirs = [s for s in sent if int(s[1:]) % 7 == person]
        assert theirs == sorted(theirs, key=lambda s: int(s[1:]))


@pytest.mark.django_db
def test_sent_emails_are_forgotten_after_the_keeping_period_and_waiting_ones_never(settings):
    from core.tasks import forget_sent_emails

    write(("ada@example.org", "sent"), ("bo@example.org", "waiting"))
    outbox.relay()  # in-memory delivery (the tests' default)
    OutboxMessage.objects.filter(subject="waiting").update(status=OutboxStatus.PENDING)
    days = settings.OUTBOX_KEEP_SENT_DAYS
    with time_machine.travel(timezone.now() + timedelta(days=days - 1)):
        assert forget_sent_emails() == 0
    with time_machine.travel(timezone.now() + timedelta(days=days + 1)):
        assert forget_sent_emails() == 1
    assert list(OutboxMessage.objects.values_list("subject", flat=True)) == ["waiting"]


@pytest.mark.django_db
def test_given_up_emails_are_forgotten_after_their_own_keeping_period(settings):
    from core.tasks import forget_sent_emails

    write(("ada@example.org", "given up"), ("bo@example.org", "waiting"))
    OutboxMessage.objects.filter(subject="given up").update(status=OutboxStatus.DEAD)
    days = settings.OUTBOX_KEEP_GIVEN_UP_DAYS
    assert days > settings.OUTBOX_KEEP_SENT_DAYS, "an admin has longer to send it again"
    with time_machine.travel(timezone.now() + timedelta(days=days - 1)):
        assert forget_sent_emails() == 0
    with time_machine.travel(timezone.now() + timedelta(days=days + 1)):
        assert forget_sent_emails() == 1
    assert list(OutboxMessage.objects.values_list("subject", flat=True)) == ["waiting"]
