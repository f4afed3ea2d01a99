import pytest

from tests.conftest import sign_in
from tests.factories import LocalAuthorityFactory
from tests.mentees.factories import MenteeFactory

from .factories import mentor_for


@pytest.fixture
def staff_client(client, coordinator):
    return sign_in(client, coordinator)


@pytest.fixture
def wirral():
    return LocalAuthorityFactory(name="Wirral", latitude="53.37", longitude="-3.08")


@pytest.fixture
def far_away():
    return LocalAuthorityFactory(name="Cornwall", latitude="50.40", longitude="-4.90")


@pytest.fixture
def mentee(organisation, wirral):
    """In prison, released to Wirral in a month."""
    return MenteeFactory(organisation=organisation, full_name="Sam Example", local_authority=wirral)


@pytest.fixture
def mentor_user(django_user_model):
    from tests.factories import UserFactory

    return UserFactory(full_name="Tony Walsh")


@pytest.fixture
def mentor(mentor_user, organisation, wirral):
    """A vetted mentor covering Wirral, with 2 places."""
    profile = mentor_for(mentor_user, organisation, capacity=2)
    profile.local_authorities.set([wirral])
    return profile
