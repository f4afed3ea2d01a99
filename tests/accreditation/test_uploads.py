"""Evidence files are told apart by their content, never by their name."""

import io
import zipfile

import pytest

from accreditation import uploads
from tests.factories import png_bytes

from .conftest import office_bytes, pdf_bytes, upload


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (pdf_bytes(), uploads.PDF),
        (png_bytes(), uploads.PNG),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", uploads.JPEG),
        (office_bytes("docx"), uploads.DOCX),
        (office_bytes("xlsx"), uploads.XLSX),
    ],
)
def test_accepted_kinds_are_recognised_by_content(content, expected):
    # The name says nothing: a PDF called .png is still a PDF.
    assert uploads.identify(upload("anything.png", content)) == expected


def _zip(files: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "content",
    [
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff",  # a Windows executable
        b"\x7fELF\x02\x01\x01",  # a Linux executable
        b"<html><script>alert(1)</script>",
        b"",
        _zip({"readme.txt": "not an office document"}),
        _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<d/>"}),
        office_bytes("docx", main_part="application/vnd.ms-word.document.macroEnabled.main+xml"),
        b"PK\x03\x04 broken zip",
    ],
)
def test_anything_else_is_refused(content):
    assert uploads.identify(upload("report.pdf", content)) is None


def test_identify_leaves_the_file_ready_to_read():
    file = upload("a.docx", office_bytes("docx"))
    uploads.identify(file)
    assert file.read(2) == b"PK"
