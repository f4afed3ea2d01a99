"""Another request's transaction, held open while a test does something else.

Tests using it need django_db(transaction=True): the other thread has its own connection and
sees only what is committed.
"""

import threading
from collections.abc import Callable
from contextlib import contextmanager

from django.db import connection, transaction


@contextmanager
def another_transaction(work: Callable[[], object], *, seconds: float = 10):
    """Run `work()` in a transaction on another thread and keep it open (locks and all) until
    the with-block ends or `seconds` pass, whichever is first; then it commits. A block that
    waits for those locks needs a short `seconds`."""
    holding, release = threading.Event(), threading.Event()

    def run():
        try:
            with transaction.atomic():
                work()
                holding.set()
                release.wait(seconds)
        finally:
            connection.close()

    worker = threading.Thread(target=run)
    worker.start()
    try:
        assert holding.wait(10), "the other transaction did not start"
        yield
    finally:
        release.set()
        worker.join()
