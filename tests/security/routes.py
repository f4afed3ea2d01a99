"""Every URL pattern of the project, classified for the cross-tenant walk.

Add each new URL here. A pattern the walk cannot classify fails tests/security/test_url_walk.py,
so nobody can add a page that skips the tenant and role checks unnoticed.

Kinds:
- Public: anyone, no sign-in.
- SignedIn: any signed-in user; anonymous visitors are sent to sign in.
- Staff: users acting for an organisation with one of `roles`; no object id in the URL.
- TenantObject: like Staff, with an object id; `make(organisation)` builds an object of that
  organisation and returns the URL kwargs. Another tenant's object must be a 404.
- Token: public, keyed by an unguessable token; an unknown token is a 404.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from providers.constants import MembershipRole
from tests.factories import InvitationFactory, MembershipFactory

ORG_ADMIN = (MembershipRole.ORG_ADMIN,)


@dataclass(frozen=True)
class Public:
    pass


@dataclass(frozen=True)
class SignedIn:
    pass


@dataclass(frozen=True)
class Staff:
    roles: tuple[str, ...]
    method: str = "get"


@dataclass(frozen=True)
class TenantObject:
    roles: tuple[str, ...]
    make: Callable = field(compare=False)
    method: str = "get"


@dataclass(frozen=True)
class Token:
    kwarg: str


ROUTES = {
    "home": Public(),
    "privacy": Public(),
    "accessibility": Public(),
    "cookies": Public(),
    "dashboard": SignedIn(),
    "invitation_accept": Token(kwarg="token"),
    "providers:organisation_switch": SignedIn(),
    "providers:team": Staff(roles=ORG_ADMIN),
    "providers:invitation_create": Staff(roles=ORG_ADMIN),
    "providers:member_remove": TenantObject(
        roles=ORG_ADMIN,
        make=lambda org: {"membership_id": MembershipFactory(organisation=org).pk},
    ),
    "providers:invitation_revoke": TenantObject(
        roles=ORG_ADMIN,
        make=lambda org: {"invitation_id": InvitationFactory(organisation=org).pk},
        method="post",
    ),
    "accounts:audit_log": Staff(roles=ORG_ADMIN),
}

# Third-party areas with their own access rules, checked by their own tests in this folder.
THIRD_PARTY_MODULE_PREFIXES = ("allauth.",)
ADMIN_NAMESPACE = "admin"
