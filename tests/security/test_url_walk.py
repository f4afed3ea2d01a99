"""Walks every URL pattern: another organisation's object is a 404, a wrong role a 403."""

import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.constants import PlatformRole
from providers.constants import MembershipRole
from tests.conftest import sign_in
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

from .routes import (
    ADMIN_NAMESPACE,
    ROUTES,
    THIRD_PARTY_MODULE_PREFIXES,
    Journey,
    MentorObject,
    OwnRecord,
    Platform,
    PlatformObject,
    Public,
    PublicObject,
    RegionObject,
    SignedIn,
    Staff,
    StaffOrPlatform,
    TenantObject,
    Token,
)

OBJECT_KINDS = (
    TenantObject,
    PublicObject,
    PlatformObject,
    OwnRecord,
    MentorObject,
    RegionObject,
)


def walk(resolver=None, namespace=None, prefix=""):
    """Yield (namespace, full name, route, pattern) for every pattern, however deeply included."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace
            inner = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from walk(pattern, inner, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            name = pattern.name and (f"{namespace}:{pattern.name}" if namespace else pattern.name)
            yield namespace, name, prefix + str(pattern.pattern), pattern


def is_third_party(namespace, pattern) -> bool:
    module = getattr(pattern.callback, "__module__", "")
    in_admin = (namespace or "").split(":")[0] == ADMIN_NAMESPACE
    return in_admin or module.startswith(THIRD_PARTY_MODULE_PREFIXES)


OUR_PATTERNS = [(n, r, p) for ns, n, r, p in walk() if not is_third_party(ns, p)]


def routes_of(kind):
    return sorted(name for name, rule in ROUTES.items() if isinstance(rule, kind))


def test_every_url_pattern_is_classified():
    unnamed = [route for name, route, _ in OUR_PATTERNS if not name]
    assert not unnamed, f"Give these URL patterns a name and classify them: {unnamed}"
    unclassified = sorted(name for name, _, _ in OUR_PATTERNS if name not in ROUTES)
    assert not unclassified, (
        f"Classify these URL patterns in tests/security/routes.py: {unclassified}"
    )
    stale = sorted(set(ROUTES) - {name for name, _, _ in OUR_PATTERNS})
    assert not stale, f"tests/security/routes.py lists patterns that no longer exist: {stale}"


def test_patterns_with_ids_are_classified_as_tenant_objects():
    for name, _, pattern in OUR_PATTERNS:
        kwargs = set(pattern.pattern.converters)
        rule = ROUTES[name]
        if isinstance(rule, Token | Journey) and kwargs:
            assert kwargs == {rule.kwarg}, name
        elif kwargs:
            assert isinstance(rule, OBJECT_KINDS), f"{name} takes {kwargs}: make it TenantObject"


@pytest.fixture
def tenant_a(db):
    return OrganisationFactory(name="Tenant A")


@pytest.fixture
def tenant_b(db):
    return OrganisationFactory(name="Tenant B")


def request(client, method, url):
    return getattr(client, method)(url)


@pytest.mark.django_db
@pytest.mark.parametrize("name", routes_of(TenantObject))
def test_another_tenants_object_is_not_found(client, name, tenant_a, tenant_b):
    rule = ROUTES[name]
    user = MembershipFactory(organisation=tenant_a, role=rule.roles[0]).user
    sign_in(client, user)
    theirs = reverse(name, kwargs=rule.make(tenant_b))
    assert request(client, rule.method, theirs).status_code == 404
    # The same request for our own object is not a 404, so the check above can fail. An empty
    # POST to a form on our own object may be answered with its errors (400): it was found.
    ours = reverse(name, kwargs=rule.make(tenant_a))
    found = (200, 302, 400) if rule.method == "post" else (200, 302)
    assert request(client, rule.method, ours).status_code in found


@pytest.mark.django_db
@pytest.mark.parametrize("name", routes_of(TenantObject))
def test_a_missing_object_is_the_same_not_found(client, name, tenant_a):
    rule = ROUTES[name]
    sign_in(client, MembershipFactory(organisation=tenant_a, role=rule.roles[0]).user)
    assert request(client, rule.method, missing(name, rule.make(tenant_a))).status_code == 404


def missing(name, kwargs) -> str:
    """The URL with each id replaced by one that exists nowhere."""
    absent = {
        key: uuid.uuid4() if isinstance(value, uuid.UUID) else 2**31 - 1
        for key, value in kwargs.items()
    }
    return reverse(name, kwargs=absent)


def wrong_roles(allowed):
    return [role for role in MembershipRole.values if role not in allowed]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "role"),
    [
        (name, role)
        for name in routes_of(Staff) + routes_of(TenantObject)
        for role in wrong_roles(ROUTES[name].roles)
    ],
)
def test_a_wrong_role_is_forbidden(client, name, role, tenant_a):
    rule = ROUTES[name]
    sign_in(client, MembershipFactory(organisation=tenant_a, role=role).user)
    kwargs = rule.make(tenant_a) if isinstance(rule, TenantObject) else {}
    assert request(client, rule.method, reverse(name, kwargs=kwargs)).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(
    "platform_role", [PlatformRole.COMMISSIONER, PlatformRole.ASSESSOR, PlatformRole.NONE]
)
@pytest.mark.parametrize("name", routes_of(Staff) + routes_of(TenantObject))
def test_people_without_an_organisation_are_forbidden(client, name, platform_role, tenant_a):
    rule = ROUTES[name]
    sign_in(client, UserFactory(platform_role=platform_role))
    kwargs = rule.make(tenant_a) if isinstance(rule, TenantObject) else {}
    assert request(client, rule.method, reverse(name, kwargs=kwargs)).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    routes_of(SignedIn)
    + routes_of(Staff)
    + routes_of(TenantObject)
    + routes_of(Platform)
    + routes_of(PlatformObject)
    + routes_of(StaffOrPlatform)
    + routes_of(OwnRecord)
    + routes_of(MentorObject)
    + routes_of(RegionObject),
)
def test_anonymous_visitors_are_sent_to_sign_in(client, name, tenant_a):
    rule = ROUTES[name]
    if isinstance(rule, TenantObject):
        kwargs = rule.make(tenant_a)
    elif isinstance(rule, RegionObject):
        kwargs = rule.make(tenant_a.region)
    elif isinstance(rule, OwnRecord):
        kwargs = rule.make(UserFactory())
    elif isinstance(rule, MentorObject):
        kwargs = rule.make(UserFactory(), tenant_a)
    elif isinstance(rule, PlatformObject):
        kwargs = rule.make()
    else:
        kwargs = {}
    response = request(client, getattr(rule, "method", "get"), reverse(name, kwargs=kwargs))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.django_db
@pytest.mark.parametrize("name", routes_of(Public))
def test_public_pages_need_no_account(client, name):
    assert client.get(reverse(name)).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("name", routes_of(Journey))
def test_journey_pages_need_no_account_and_start_where_they_should(client, name):
    rule = ROUTES[name]
    kwargs = {rule.kwarg: rule.page} if rule.kwarg else {}
    send = client.post if rule.method == "post" else client.get
    response = send(reverse(name, kwargs=kwargs))
    assert response.status_code == 302
    assert response["Location"] == rule.lands_on()
    if rule.kwarg:
        assert client.get(reverse(name, kwargs={rule.kwarg: "no-such-page"})).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("name", routes_of(Token))
def test_unknown_tokens_are_not_found(client, name):
    rule = ROUTES[name]
    assert client.get(reverse(name, kwargs={rule.kwarg: "not-a-real-token"})).status_code == 404


@pytest.mark.django_db
def test_django_admin_is_for_platform_admins_only(client, tenant_a):
    org_admin = MembershipFactory(organisation=tenant_a, role=MembershipRole.ORG_ADMIN).user
    sign_in(client, org_admin)
    assert client.get(reverse("admin:index"), follow=True).status_code == 403
    platform_admin = UserFactory(
        platform_role=PlatformRole.PLATFORM_ADMIN, is_staff=True, is_superuser=True
    )
    sign_in(client, platform_admin)
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.django_db
def test_django_admin_needs_mfa_too(client):
    platform_admin = UserFactory(
        platform_role=PlatformRole.PLATFORM_ADMIN, is_staff=True, is_superuser=True
    )
    sign_in(client, platform_admin, mfa=False)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


@pytest.mark.django_db
@pytest.mark.parametrize("name", routes_of(PublicObject))
def test_public_objects_show_only_what_is_public(client, name):
    rule = ROUTES[name]
    assert client.get(reverse(name, kwargs=rule.make())).status_code == 200
    assert client.get(reverse(name, kwargs=rule.make_hidden())).status_code == 404
    kwargs = rule.make()
    if all(isinstance(value, uuid.UUID | int) for value in kwargs.values()):
        assert client.get(missing(name, kwargs)).status_code == 404


def platform_user(role):
    return UserFactory(platform_role=role, is_staff=role == PlatformRole.PLATFORM_ADMIN)


@pytest.mark.django_db
@pytest.mark.parametrize("name", routes_of(Platform) + routes_of(PlatformObject))
def test_platform_pages_are_for_their_roles_only(client, name, tenant_a):
    rule = ROUTES[name]
    kwargs = rule.make() if isinstance(rule, PlatformObject) else {}
    url = reverse(name, kwargs=kwargs)
    for role in PlatformRole.values:
        user = platform_user(role)
        sign_in(client, user)
        if getattr(rule, "make_taken", None) and role in rule.roles:
            url = reverse(name, kwargs=rule.make_taken(user))
        status = request(client, rule.method, url).status_code
        assert (status in (200, 302)) if role in rule.roles else status == 403, (role, status)
    sign_in(client, MembershipFactory(organisation=tenant_a, role=MembershipRole.ORG_ADMIN).user)
    assert request(client, rule.method, url).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("name", routes_of(PlatformObject))
def test_platform_objects_out_of_scope_are_not_found(client, name):
    rule = ROUTES[name]
    sign_in(client, platform_user(rule.roles[0]))
    assert request(client, rule.method, reverse(name, kwargs=rule.make_other())).status_code == 404
    assert request(client, rule.method, missing(name, rule.make())).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", [name for name in routes_of(PlatformObject) if ROUTES[name].make_taken]
)
def test_an_assessor_cannot_open_what_another_assessor_has_taken(client, name):
    rule = ROUTES[name]
    first, second = platform_user(PlatformRole.ASSESSOR), platform_user(PlatformRole.ASSESSOR)
    url = reverse(name, kwargs=rule.make_taken(first))
    sign_in(client, second)
    assert request(client, rule.method, url).status_code == 404
    sign_in(client, first)
    assert request(client, rule.method, url).status_code in (200, 302)


def test_every_assessor_page_about_one_application_is_walked_with_another_assessor():
    """A new assessor page about one application must say how to make one that is taken."""
    for name in routes_of(PlatformObject):
        if ROUTES[name].roles == (PlatformRole.ASSESSOR,):
            assert ROUTES[name].make_taken, name


@pytest.mark.django_db
@pytest.mark.parametrize("name", routes_of(StaffOrPlatform))
def test_staff_or_platform_pages(client, name, tenant_a):
    rule = ROUTES[name]
    url = reverse(name)
    for role in MembershipRole.values:
        sign_in(client, MembershipFactory(organisation=tenant_a, role=role).user)
        status = client.get(url).status_code
        assert (status != 403) if role in rule.roles else status == 403, (role, status)
    for role in PlatformRole.values:
        sign_in(client, platform_user(role))
        status = client.get(url).status_code
        assert (status != 403) if role in rule.platform_roles else status == 403, (role, status)


@pytest.mark.django_db
@pytest.mark.parametrize("name", routes_of(OwnRecord))
def test_someone_elses_own_record_is_not_found(client, name, tenant_a):
    """An applicant's pages answer 404 to anyone else: another applicant, or the staff of the
    organisation applied to (who use their own pages), exactly as for a missing record."""
    rule = ROUTES[name]
    owner, other = UserFactory(), UserFactory()
    theirs = reverse(name, kwargs=rule.make(owner))
    sign_in(client, other, mfa=False)
    assert request(client, rule.method, theirs).status_code == 404
    staff = MembershipFactory(organisation=tenant_a, role=MembershipRole.ORG_ADMIN).user
    sign_in(client, staff)
    assert request(client, rule.method, theirs).status_code == 404
    sign_in(client, owner, mfa=False)
    assert request(client, rule.method, theirs).status_code in (200, 302)
    assert request(client, rule.method, missing(name, rule.make(owner))).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("name", routes_of(MentorObject))
def test_another_mentors_relationship_is_not_found(client, name, tenant_a, tenant_b):
    rule = ROUTES[name]
    owner = UserFactory()
    ours = reverse(name, kwargs=rule.make(owner, tenant_a))
    sign_in(client, owner)  # mentors pass two-factor authentication too
    assert request(client, rule.method, ours).status_code in (200, 302)
    assert (
        request(client, rule.method, missing(name, rule.make(owner, tenant_a))).status_code == 404
    )
    colleague = MembershipFactory(organisation=tenant_a, role=MembershipRole.MENTOR).user
    sign_in(client, colleague)  # mentors pass two-factor authentication too
    assert request(client, rule.method, ours).status_code == 404
    elsewhere = MembershipFactory(organisation=tenant_b, role=MembershipRole.MENTOR).user
    sign_in(client, elsewhere)  # mentors pass two-factor authentication too
    assert request(client, rule.method, ours).status_code == 404
    for role in (MembershipRole.ORG_ADMIN, MembershipRole.COORDINATOR):
        sign_in(client, MembershipFactory(organisation=tenant_a, role=role).user)
        assert request(client, rule.method, ours).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("name", routes_of(RegionObject))
def test_another_regions_object_is_not_found(client, name, tenant_a):
    """A commissioner reads their own region's reports; another region's is a 404, exactly
    like a missing one; other platform roles and provider staff are refused."""
    from accounts.models import CommissionerRegion
    from tests.factories import RegionFactory

    rule = ROUTES[name]
    ours, theirs = RegionFactory(name="North West"), RegionFactory(name="Wales")
    user = platform_user(PlatformRole.COMMISSIONER)
    CommissionerRegion.objects.create(user=user, region=ours)
    sign_in(client, user)
    assert client.get(reverse(name, kwargs=rule.make(ours))).status_code == 200
    assert client.get(reverse(name, kwargs=rule.make(theirs))).status_code == 404
    assert client.get(missing(name, rule.make(ours))).status_code == 404
    url = reverse(name, kwargs=rule.make(ours))
    for role in (PlatformRole.ASSESSOR, PlatformRole.NONE):
        sign_in(client, platform_user(role))
        assert client.get(url).status_code == 403
    sign_in(client, MembershipFactory(organisation=tenant_a, role=MembershipRole.ORG_ADMIN).user)
    assert client.get(url).status_code == 403
