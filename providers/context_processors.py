from accounts.constants import PlatformRole
from accounts.roles import has_platform_role

from .permissions import may_print_directory


def active_membership(request):
    user = getattr(request, "user", None)
    return {
        "membership": getattr(request, "membership", None),
        "memberships": getattr(request, "memberships", []),
        "is_commissioner": user is not None and has_platform_role(user, PlatformRole.COMMISSIONER),
        "is_assessor": user is not None and has_platform_role(user, PlatformRole.ASSESSOR),
        "is_platform_admin": user is not None
        and has_platform_role(user, PlatformRole.PLATFORM_ADMIN),
        "can_print_directory": user is not None and may_print_directory(request),
    }
