"""The people the URL walk and the fuzz test sign in as: a member of an organisation in a role,
someone with a platform role, a commissioner of a region. One place, so both sign in alike."""

from accounts.constants import PlatformRole
from accounts.models import CommissionerRegion
from tests.conftest import sign_in
from tests.factories import MembershipFactory, UserFactory


def platform_user(role):
    return UserFactory(platform_role=role, is_staff=role == PlatformRole.PLATFORM_ADMIN)


def sign_in_member(client, organisation, role):
    """Sign `client` in (through MFA) as a new member of `organisation` in `role`."""
    user = MembershipFactory(organisation=organisation, role=role).user
    sign_in(client, user)
    return user


def sign_in_platform(client, role):
    """Sign `client` in (through MFA) as a new person with the platform role `role`."""
    user = platform_user(role)
    sign_in(client, user)
    return user


def sign_in_commissioner(client, region):
    """Sign `client` in as a new commissioner of `region`."""
    user = platform_user(PlatformRole.COMMISSIONER)
    CommissionerRegion.objects.create(user=user, region=region)
    sign_in(client, user)
    return user
