"""A worker killed while sending loses no email and sends none twice; a mail server saying "try
again later" is tried again. Real parts throughout: a Celery worker and beat in their own
processes on Redis, Postgres, and an SMTP server (aiosmtpd) started by the test.

Each email is counted by its Message-ID, which the outbox derives from its row."""

import os
import time

import pytest
from django.core.mail import send_mail
from django.db import connection, transaction

from config.celery import app
from core.models import OutboxMessage, OutboxStatus
from tests.faults import CeleryProcess, SmtpSink, spare_port

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True), pytest.mark.timeout(150)]

SMTP_PORT = spare_port()


@pytest.fixture
def sink():
    sink = SmtpSink(SMTP_PORT).start()
    yield sink
    sink.stop()


@pytest.fixture
def celery(tmp_path, sink):
    """Start workers and beat pointed at the test database and the sink; kill them afterwards."""
    database = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
        f"{database['PORT'] or 5432}/{database['NAME']}",
        "EMAIL_URL": f"smtp://127.0.0.1:{SMTP_PORT}",
        "OUTBOX_LEASE_SECONDS": "5",
        "OUTBOX_FIRST_RETRY_SECONDS": "1",
        "OUTBOX_SWEEP_SECONDS": "1",
        "TASK_VISIBILITY_TIMEOUT": "20",
        "CELERY_TASK_ALWAYS_EAGER": "false",
    }
    if database.get("PASSWORD"):
        env["DATABASE_URL"] = env["DATABASE_URL"].replace("@", f":{database['PASSWORD']}@", 1)
    app.control.purge()
    started: list[CeleryProcess] = []

    def start(kind: str) -> CeleryProcess:
        process = CeleryProcess(kind, env, tmp_path / f"{kind}-{len(started)}.log").start()
        started.append(process)
        if kind == "worker":
            process.wait_ready()
        return process

    yield start
    for process in started:
        process.kill()
    app.control.purge()


def write_emails(*pairs: tuple[str, str]) -> None:
    """Each (address, subject) is written to the outbox in one transaction, as a change would."""
    with transaction.atomic():
        for address, subject in pairs:
            send_mail(subject, "Body", None, [address])


def expected_ids() -> dict[str, str]:
    from core.outbox import message_id

    return {message_id(row): row.recipient for row in OutboxMessage.objects.order_by("id")}


def assert_each_sent_once_in_order(sink: SmtpSink) -> None:
    time.sleep(3)  # room for any second copy to arrive
    expected = expected_ids()
    received = sink.message_ids()
    assert sorted(received) == sorted(expected), "every email once, none twice"
    for address in set(expected.values()):
        theirs = [mid for mid in received if expected[mid] == address]
        assert theirs == [mid for mid in expected if expected[mid] == address], "in order"
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {OutboxStatus.SENT}


def test_a_pool_child_killed_mid_send_loses_nothing_and_sends_nothing_twice(sink, celery):
    worker = celery("worker")
    celery("beat")
    sink.hold_next = 1  # the first email is held at the mail server...
    write_emails(("ada@example.org", "first"), ("ada@example.org", "second"))
    write_emails(("bo@example.org", "other"))
    assert sink.holding.wait(30), "the relay never began sending"
    killed = worker.kill_child()  # ...and the pool process sending it is killed
    sink.wait_for(3, seconds=60)
    assert killed not in worker.children()
    assert_each_sent_once_in_order(sink)


def test_the_whole_worker_killed_mid_send_loses_nothing_and_sends_nothing_twice(sink, celery):
    worker = celery("worker")
    celery("beat")
    sink.hold_next = 1
    write_emails(("ada@example.org", "first"), ("ada@example.org", "second"))
    write_emails(("bo@example.org", "other"))
    assert sink.holding.wait(30), "the relay never began sending"
    worker.kill()  # main process and pool child at once, no goodbye to the broker
    assert sink.message_ids() == []
    celery("worker")  # a worker comes back (as a supervisor would start one)
    sink.wait_for(3, seconds=60)
    assert_each_sent_once_in_order(sink)


def test_a_mail_server_saying_try_again_later_is_tried_again(sink, celery):
    celery("worker")
    celery("beat")
    sink.fail_next = 2
    write_emails(("ada@example.org", "first"), ("ada@example.org", "second"))
    sink.wait_for(2, seconds=60)
    assert_each_sent_once_in_order(sink)
    first, second = OutboxMessage.objects.order_by("id")
    assert first.attempts == 3 and second.attempts == 1  # the second waited its turn
    assert first.last_error == ""
