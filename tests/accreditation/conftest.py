import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.conftest import sign_in
from tests.factories import UserFactory
from tests.factories_accreditation import AssessorFactory, current_standard
from tests.files import office_bytes, pdf_bytes  # noqa: F401 (used by the tests here)


@pytest.fixture(autouse=True)
def _standard(request):
    """The standard comes from a data migration that transactional tests flush away."""
    if "db" in request.fixturenames or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("db")
        current_standard()


@pytest.fixture
def assessor(db):
    return AssessorFactory(full_name="Beth Assessor")


@pytest.fixture
def assessor_client(client, assessor):
    return sign_in(client, assessor)


@pytest.fixture
def commissioner(db):
    from accounts.constants import PlatformRole

    return UserFactory(platform_role=PlatformRole.COMMISSIONER)


def upload(name: str, content: bytes, content_type: str = "application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def org_admin_factory(db):
    from providers.constants import MembershipRole
    from tests.factories import MembershipFactory

    def make(organisation):
        return MembershipFactory(organisation=organisation, role=MembershipRole.ORG_ADMIN).user

    return make
