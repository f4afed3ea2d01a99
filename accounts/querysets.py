from django.db import models

from .roles import is_platform_admin


class AuditEventQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Org admins see their organisations' events; platform admins see all."""
        if not user.is_authenticated:
            return self.none()
        if is_platform_admin(user):
            return self.all()
        # user.memberships is the reverse side of providers.Membership, which is above this
        # app: reached through the relation, not imported.
        return self.filter(organisation__in=user.memberships.administering().values("organisation"))
