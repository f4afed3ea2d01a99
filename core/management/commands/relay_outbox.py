"""For operators: send the outbox's due emails now, list the ones given up, or send those again.

manage.py relay_outbox              # send what is due, then stop
manage.py relay_outbox --dead       # list emails given up (id, tries, last error)
manage.py relay_outbox --retry 12 15    # send given-up emails 12 and 15 again
manage.py relay_outbox --retry-all-dead
"""

from django.core.management.base import BaseCommand

from core import outbox
from core.models import OutboxMessage, OutboxStatus


class Command(BaseCommand):
    help = "Send the outbox's due emails now, list the given-up ones, or send those again."

    def add_arguments(self, parser):
        parser.add_argument("--dead", action="store_true", help="List emails given up.")
        parser.add_argument("--retry", nargs="+", type=int, metavar="ID", help="Send again.")
        parser.add_argument("--retry-all-dead", action="store_true", help="Send all again.")
        parser.add_argument(
            "--seconds", type=float, default=None, help="Stop sending after this long."
        )

    def handle(self, *args, dead=False, retry=None, retry_all_dead=False, seconds=None, **kw):
        dead_rows = OutboxMessage.objects.filter(status=OutboxStatus.DEAD)
        if dead:
            for row in dead_rows.order_by("id"):
                self.stdout.write(f"{row.pk}\t{row.attempts} tries\t{row.last_error[:100]}")
            self.stdout.write(f"{dead_rows.count()} given up")
            return
        if retry or retry_all_dead:
            ids = list(dead_rows.values_list("id", flat=True)) if retry_all_dead else retry
            self.stdout.write(f"{outbox.retry(ids=ids)} put back to be sent")
        sent = outbox.relay(seconds=seconds)
        waiting = OutboxMessage.objects.filter(status=OutboxStatus.PENDING).count()
        self.stdout.write(f"{sent} sent, {waiting} waiting, {dead_rows.count()} given up")
