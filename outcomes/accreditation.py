"""Which providers count as accredited, in one place.

Today the Approved Provider Standard is a date on the organisation
(Organisation.aps_accredited_until); the accreditation app is replacing it with awards. Change
this function, and only this one, when it does."""

from django.utils import timezone

from providers.models import Organisation


def accredited_organisations(*, on=None):
    """Active organisations holding the Approved Provider Standard on `on` (default today)."""
    on = on or timezone.localdate()
    return Organisation.objects.active().filter(aps_accredited_until__gte=on)
