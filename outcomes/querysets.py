"""Who reads what. A provider's staff read their organisation's outcome records and reports;
a commissioner reads only the region reports of their own region (aggregated and suppressed);
a platform admin reads every region's."""

from django.db import models

from accounts.constants import PlatformRole
from accounts.models import CommissionerRegion
from accounts.roles import has_platform_role
from providers.scoping import StaffScopedQuerySet, staff_organisations

from .constants import ScopeKind


class OutcomeRecordQuerySet(StaffScopedQuerySet):
    pass


def commissioner_region_id(user) -> int | None:
    return CommissionerRegion.objects.filter(user=user).values_list("region_id", flat=True).first()


class ReportSnapshotQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        mine = models.Q(scope=ScopeKind.ORGANISATION, organisation__in=staff_organisations(user))
        if has_platform_role(user, PlatformRole.PLATFORM_ADMIN):
            mine |= models.Q(scope=ScopeKind.REGION)
        elif has_platform_role(user, PlatformRole.COMMISSIONER):
            region = commissioner_region_id(user)
            if region is not None:
                mine |= models.Q(scope=ScopeKind.REGION, region_id=region)
        return self.filter(mine)

    def of_organisation(self, organisation):
        return self.filter(scope=ScopeKind.ORGANISATION, organisation=organisation)

    def of_region(self, region):
        return self.filter(scope=ScopeKind.REGION, region=region)


class ReportSubscriptionQuerySet(models.QuerySet):
    pass
