import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.models import User
from providers.constants import MembershipRole, OrganisationStatus, ServiceStatus
from providers.models import (
    Invitation,
    LocalAuthority,
    Location,
    Membership,
    Organisation,
    Prison,
    Region,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from providers.pathways import load_pathways
from providers.search import refresh_search_index

TEST_PASSWORD = "a-long-test-password-42"
# Hash once and reuse it: hashing per user would slow every test (tests/conftest.py makes
# the suite's hasher a fast one, too).
_TEST_PASSWORD_HASH = None


def test_password_hash() -> str:
    global _TEST_PASSWORD_HASH
    if _TEST_PASSWORD_HASH is None:
        _TEST_PASSWORD_HASH = make_password(TEST_PASSWORD)
    return _TEST_PASSWORD_HASH


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name", locale="en_GB")
    password = factory.LazyFunction(test_password_hash)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["name"]

    name = "North West"
    nation = "England"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Mentoring Project {n}")
    slug = factory.Sequence(lambda n: f"mentoring-project-{n}")
    status = OrganisationStatus.ACTIVE
    region = factory.SubFactory(RegionFactory)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = MembershipRole.COORDINATOR


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    role = MembershipRole.COORDINATOR
    invited_by = factory.SubFactory(UserFactory)
    expires_at = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(days=7))


class LocalAuthorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LocalAuthority
        django_get_or_create = ["gss_code"]

    gss_code = factory.Sequence(lambda n: f"E0{n:07d}")
    name = factory.Sequence(lambda n: f"Borough {n}")
    official_name = factory.LazyAttribute(lambda la: f"{la.name} Council")
    region = factory.SubFactory(RegionFactory)
    kind = "Unitary authority"
    latitude = "53.480000000"
    longitude = "-2.240000000"


class PrisonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Prison
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"HMP Testbury {n}")
    code = factory.Sequence(lambda n: f"T{n:02d}")
    probation_region = "North West"
    postcode = "M60 9AH"


def pathway(code: str) -> TaxonomyTerm:
    """A resettlement pathway term (e.g. "accommodation"). A migration loads them; tests that
    flush the database (transactional ones) remove them, so load them again when missing."""
    term = TaxonomyTerm.objects.filter(code=code).first()
    if term is None:
        load_pathways(Taxonomy, TaxonomyTerm)
        term = TaxonomyTerm.objects.get(code=code)
    return term


class ServiceFactory(factory.django.DjangoModelFactory):
    """A service ready to publish: published by default, in the community, self-referral."""

    class Meta:
        model = Service
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Mentoring service {n}")
    summary = "One-to-one mentoring for people leaving prison."
    description = "A trained volunteer meets you every week for up to a year."
    status = ServiceStatus.PUBLISHED
    in_community = True
    through_the_gate = True
    volunteer_mentors = True
    self_referral = True
    email = "mentoring@example.org"
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def pathways(self, create, extracted, **kwargs):
        if create:
            self.pathways.set(extracted if extracted is not None else [pathway("accommodation")])

    @factory.post_generation
    def local_authorities(self, create, extracted, **kwargs):
        if create and extracted:
            self.local_authorities.set(extracted)

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        if create and extracted:
            self.regions.set(extracted)

    @factory.post_generation
    def prisons(self, create, extracted, **kwargs):
        if create and extracted:
            self.prisons.set(extracted)

    @factory.post_generation
    def indexed(self, create, extracted, **kwargs):
        if create:
            refresh_search_index([self.pk])


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    organisation = factory.SubFactory(OrganisationFactory)
    name = "Community hub"
    address_1 = "1 High Street"
    city = "Manchester"
    postcode = "M1 1AA"
    latitude = "53.479000000"
    longitude = "-2.244000000"


class ServiceAtLocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceAtLocation

    service = factory.SubFactory(ServiceFactory)
    location = factory.LazyAttribute(
        lambda sal: LocationFactory(organisation=sal.service.organisation)
    )


def png_bytes(size=(40, 20)) -> bytes:
    """A real PNG image, for logo uploads."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (0, 94, 165)).save(buffer, format="PNG")
    return buffer.getvalue()


def organisation_with_logo(**kwargs) -> Organisation:
    from django.core.files.base import ContentFile

    organisation = OrganisationFactory(**kwargs)
    organisation.logo.save("logo.png", ContentFile(png_bytes()))
    return organisation
