"""Make the monthly and quarterly reports of past periods that have none, as the scheduled
jobs would have. Periods already stored are left exactly as they are, so it is safe to run
again. Figures come from the records as they are now; nobody is emailed unless --email."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from accounts.models import CommissionerRegion
from outcomes.constants import PeriodKind, ScopeKind, SnapshotOrigin
from outcomes.periods import months_between_periods, previous_month, quarters_between
from outcomes.services.reports import snapshot_make
from providers.models import Organisation, Region


def _month(text: str) -> date:
    try:
        return date.fromisoformat(f"{text}-01")
    except ValueError as error:
        raise CommandError(f"Give months as YYYY-MM, like 2025-04 (not {text!r}).") from error


class Command(BaseCommand):
    help = "Backfill monthly (organisation) and quarterly (commissioner region) outcome reports."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="first", required=True, help="First month, YYYY-MM")
        parser.add_argument("--to", dest="last", help="Last month, YYYY-MM (default: last month)")
        parser.add_argument("--organisation", help="Only this organisation (its slug)")
        parser.add_argument("--monthly-only", action="store_true")
        parser.add_argument("--quarterly-only", action="store_true")
        parser.add_argument("--email", action="store_true", help="Tell subscribers as well")

    def handle(self, *args, **options):
        today = timezone.localdate()
        first = _month(options["first"])
        last_complete = previous_month(today)
        last = _month(options["last"]) if options["last"] else last_complete.start
        if last > last_complete.start:
            raise CommandError(
                f"Only finished periods can be reported: the last is {last_complete.label}."
            )
        if first > last:
            raise CommandError("--from must be on or before --to.")
        made = kept = 0
        common = {
            "origin": SnapshotOrigin.BACKFILL,
            "today": today,
            "tell_subscribers": options["email"],
        }
        if not options["quarterly_only"]:
            organisations = Organisation.objects.active()
            if options["organisation"]:
                organisations = organisations.filter(slug=options["organisation"])
                if not organisations:
                    raise CommandError(f"No active organisation {options['organisation']!r}.")
            for organisation in organisations:
                for period in months_between_periods(first, last):
                    _, new = snapshot_make(
                        scope=ScopeKind.ORGANISATION,
                        obj=organisation,
                        period_kind=PeriodKind.MONTH,
                        period=period,
                        **common,
                    )
                    made, kept = made + new, kept + (not new)
        if not options["monthly_only"] and not options["organisation"]:
            regions = Region.objects.filter(pk__in=CommissionerRegion.objects.values("region"))
            quarters = [q for q in quarters_between(first, last) if q.end <= last_complete.end]
            for region in regions:
                for period in quarters:
                    _, new = snapshot_make(
                        scope=ScopeKind.REGION,
                        obj=region,
                        period_kind=PeriodKind.QUARTER,
                        period=period,
                        **common,
                    )
                    made, kept = made + new, kept + (not new)
        self.stdout.write(
            f"Made {made} reports; {kept} already existed and were left as they were."
        )
