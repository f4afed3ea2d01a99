"""Who is waiting for a mentor: open cases with no proposal or relationship under way, the
soonest release first (people in the community, with no release date, after)."""

from django.db.models import Exists, F, OuterRef

from mentees.constants import MenteeStatus
from mentees.models import Mentee

from .models import Match


def waiting_mentees(organisation):
    live = Match.objects.live().filter(mentee=OuterRef("pk"))
    return (
        Mentee.objects.filter(
            organisation=organisation,
            erased_at__isnull=True,
            status__in=[
                MenteeStatus.REFERRED,
                MenteeStatus.ENGAGED_IN_CUSTODY,
                MenteeStatus.MATCHED,
                MenteeStatus.ACTIVE_AFTER_RELEASE,
            ],
        )
        .exclude(Exists(live))
        .order_by(F("release_date").asc(nulls_last=True), "created_at", "pk")
    )
