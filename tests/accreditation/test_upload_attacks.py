"""Hostile files sent as evidence through HTTP: each is opened by a parser for what it claims to
be and refused with a message that says what is wrong (core/uploads.py, which the case-record
documents and logos use too). Every file is made here, small."""

import pytest
from django.urls import reverse

from accreditation.models import EvidenceFile
from tests.factories_accreditation import AccreditationApplicationFactory
from tests.files import (
    image_bytes,
    jpeg_bytes,
    office_bytes,
    pdf_bytes,
    pdf_with_launch_action,
    windows_program,
    zip_bomb,
)

from .conftest import upload

pytestmark = pytest.mark.django_db

ACTIVE_PDF = "The PDF has scripts, actions or attached files in it"
PROGRAM = "The file has a program hidden in it"
WEB_PAGE = "The file has web page code hidden in it"


@pytest.fixture
def application(organisation, org_admin):
    return AccreditationApplicationFactory(organisation=organisation, started_by=org_admin)


def add_evidence(client, application, name, content):
    return client.post(
        reverse("accreditation:evidence_add", args=[application.pk, "safety"]),
        {"title": "Our policy", "upload": upload(name, content)},
    )


def html_polyglot() -> bytes:
    """A PDF that a browser sniffing it would also run as a web page."""
    pdf = pdf_bytes()
    first_line = pdf.index(b"\n") + 1
    return pdf[:first_line] + b"%<html><script>alert(document.cookie)</script>\n" + pdf[first_line:]


def docx_with(name: str, data: bytes) -> bytes:
    return office_bytes("docx", extra={name: data})


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (html_polyglot(), WEB_PAGE),
        (pdf_bytes(javascript="app.alert('hello')"), ACTIVE_PDF),
        (pdf_with_launch_action(), ACTIVE_PDF),
        (pdf_bytes(attachment=b"an attached file"), ACTIVE_PDF),
        (b"%PDF-1.7\n" + windows_program(), PROGRAM),
        (pdf_bytes() + windows_program(), PROGRAM),
        (pdf_bytes() + b"\x7fELF\x02\x01\x01" + bytes(64), PROGRAM),
        (pdf_bytes() + b"PK\x03\x04 a zip joined on", "joined on after its end"),
        (b"%PDF-1.7\nthis is not really a PDF\n%%EOF\n", "cannot be opened as one"),
        (docx_with("word/embeddings/setup.exe", windows_program()), "embedded in it"),
        (docx_with("setup.exe", b"anything"), "embedded in it"),
        (docx_with("word/vbaProject.bin", b"macro project"), "The file has macros in it"),
        (docx_with("word/embeddings/oleObject1.bin", b"an OLE object"), "embedded in it"),
        (zip_bomb(), "more than 100 MB once opened"),
        (image_bytes("PNG") + b"<html><script>alert(1)</script>", WEB_PAGE),
        (image_bytes("PNG") + b"PK\x03\x04" + bytes(30), "joined on after its end"),
        (jpeg_bytes()[:40], "cannot be opened as one"),
        (b"MZ" + windows_program()[2:] + office_bytes("docx"), "The file must be a PDF"),
    ],
    ids=[
        "pdf-html-polyglot",
        "pdf-javascript",
        "pdf-launch-action",
        "pdf-attached-file",
        "pdf-header-then-program",
        "pdf-then-windows-program",
        "pdf-then-linux-program",
        "pdf-then-zip",
        "not-really-a-pdf",
        "docx-carrying-exe",
        "docx-with-stray-member",
        "docx-with-macros",
        "docx-with-ole-object",
        "zip-bomb-1-gib",
        "png-html-polyglot",
        "png-then-zip",
        "truncated-jpeg",
        "program-then-docx",
    ],
)
def test_hostile_files_are_refused_with_a_specific_message(
    admin_client, application, content, message
):
    response = add_evidence(admin_client, application, "policy.pdf", content)
    assert response.status_code == 400
    assert message in response.text
    assert not EvidenceFile.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("policy.pdf", pdf_bytes(), "/pdf"),
        ("photo.png", image_bytes("PNG"), "/png"),
        ("photo.jpg", jpeg_bytes(), "/jpeg"),
        (
            "report.docx",
            office_bytes(
                "docx",
                extra={
                    "word/media/image1.png": image_bytes("PNG"),
                    "word/theme/theme1.xml": b"<theme/>",
                    "docProps/app.xml": b"<Properties/>",
                },
            ),
            ".document",
        ),
        (
            "budget.xlsx",
            office_bytes(
                "xlsx",
                extra={
                    "xl/worksheets/sheet1.xml": b"<worksheet/>",
                    "xl/worksheets/_rels/sheet1.xml.rels": b"<Relationships/>",
                    "xl/printerSettings/printerSettings1.bin": bytes(64),
                },
            ),
            ".sheet",
        ),
    ],
)
def test_ordinary_files_with_their_usual_parts_are_accepted(
    admin_client, application, name, content, content_type
):
    response = add_evidence(admin_client, application, name, content)
    assert response.status_code == 302
    assert EvidenceFile.objects.get().content_type.endswith(content_type)


def test_a_60_mb_upload_is_refused_without_being_read_to_the_end(admin_client, application):
    big = pdf_bytes() + bytes(60 * 1024 * 1024)
    response = add_evidence(admin_client, application, "big.pdf", big)
    assert response.status_code == 400
    assert "The file must be 10 MB or smaller" in response.text
    assert "Enter what the document is" not in response.text  # The title still arrived.
    # Reading stopped just past the 10 MB limit: about 50 MB of the request was never read.
    unread = len(response.wsgi_request.environ["wsgi.input"])
    assert unread > 49 * 1024 * 1024
    assert not EvidenceFile.objects.exists()
