"""Who is what. Organisation roles live on providers.Membership; platform roles on User."""

from .constants import PlatformRole


def has_platform_role(user, *roles: str) -> bool:
    return bool(user.is_authenticated and user.platform_role and user.platform_role in roles)


def is_platform_admin(user) -> bool:
    return has_platform_role(user, PlatformRole.PLATFORM_ADMIN)
