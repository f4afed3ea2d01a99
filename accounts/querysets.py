from django.db import models


class AuditEventQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Org admins see their organisations' events; platform admins see all."""
        from accounts.roles import is_platform_admin
        from providers.constants import MembershipRole

        if not user.is_authenticated:
            return self.none()
        if is_platform_admin(user):
            return self.all()
        return self.filter(
            organisation__memberships__user=user,
            organisation__memberships__role=MembershipRole.ORG_ADMIN,
            organisation__memberships__removed_at__isnull=True,
        )
