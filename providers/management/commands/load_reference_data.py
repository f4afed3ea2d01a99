from django.core.management.base import BaseCommand

from providers.reference_data import ATTRIBUTION, load_reference_data


class Command(BaseCommand):
    help = "Load or update prisons, regions and local authorities from providers/data/."

    def handle(self, *args, **options):
        result = load_reference_data()
        self.stdout.write(
            f"Loaded {result.regions} regions, {result.local_authorities} local authorities "
            f"and {result.prisons} prisons."
        )
        self.stdout.write(ATTRIBUTION)
