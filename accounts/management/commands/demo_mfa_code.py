from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.demo import current_demo_code


class Command(BaseCommand):
    help = "Print the current authenticator code of the demo accounts (DEBUG only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo codes are only available when DEBUG is on.")
        self.stdout.write(current_demo_code())
