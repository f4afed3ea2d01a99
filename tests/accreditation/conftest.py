import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.conftest import sign_in
from tests.factories import UserFactory
from tests.factories_accreditation import AssessorFactory, current_standard


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


def pdf_bytes() -> bytes:
    return b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


OFFICE = "application/vnd.openxmlformats-officedocument"
MAIN_PARTS = {
    "docx": f"{OFFICE}.wordprocessingml.document.main+xml",
    "xlsx": f"{OFFICE}.spreadsheetml.sheet.main+xml",
}


def office_bytes(kind: str = "docx", *, main_part: str | None = None) -> bytes:
    """A minimal Word document or Excel workbook, as far as the content check cares."""
    main_part = main_part or MAIN_PARTS[kind]
    part = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}[kind]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            f'content-types"><Override PartName="/{part}" ContentType="{main_part}"/></Types>',
        )
        archive.writestr(part, "<document/>")
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def org_admin_factory(db):
    from providers.constants import MembershipRole
    from tests.factories import MembershipFactory

    def make(organisation):
        return MembershipFactory(organisation=organisation, role=MembershipRole.ORG_ADMIN).user

    return make
