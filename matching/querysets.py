"""Who reads relationships and meetings: the organisation's staff; a mentor, their own."""

from providers.models import Membership
from providers.scoping import StaffScopedQuerySet

from .constants import ACTIVE_STATUSES, LIVE_STATUSES, MatchStatus


def _memberships_of(user):
    return Membership.objects.active().filter(user=user).values("organisation")


class ExclusionQuerySet(StaffScopedQuerySet):
    pass


class MatchQuerySet(StaffScopedQuerySet):
    def live(self):
        return self.filter(status__in=LIVE_STATUSES)

    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)

    def proposed(self):
        return self.filter(status=MatchStatus.PROPOSED)

    def of_mentor_user(self, user):
        """A mentor's own relationships, in organisations they still belong to."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(mentor__user=user, organisation__in=_memberships_of(user))


class MeetingQuerySet(StaffScopedQuerySet):
    def of_mentor_user(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(match__mentor__user=user, organisation__in=_memberships_of(user))


class BulkProposalQuerySet(StaffScopedQuerySet):
    pass
