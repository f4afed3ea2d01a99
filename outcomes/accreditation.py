"""Which providers count as accredited, in one place: those holding a current Approved Provider
Standard award (accreditation.querysets.accredited)."""

from django.utils import timezone

from providers.models import Organisation


def accredited_organisations(*, on=None):
    """Active organisations holding the Approved Provider Standard on `on` (default today)."""
    on = on or timezone.localdate()
    return Organisation.objects.active().accredited(on)
