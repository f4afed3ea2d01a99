"""What an evidence file is, told by its content, never by its name or the browser's word.

PDF, PNG and JPEG start with their own signatures. DOCX and XLSX are ZIP files: one counts only
if it opens as a ZIP whose [Content_Types].xml declares a Word document's (or Excel workbook's)
main part and whose word/ (or xl/) part holds it. Macro-enabled documents declare a different
main part, so they are refused; so is anything else, an executable renamed to .pdf among them.
"""

import zipfile
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile


@dataclass(frozen=True)
class FileKind:
    content_type: str
    extension: str


PDF = FileKind("application/pdf", "pdf")
PNG = FileKind("image/png", "png")
JPEG = FileKind("image/jpeg", "jpg")
DOCX = FileKind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx")
XLSX = FileKind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")

SIGNATURES = [(b"%PDF-", PDF), (b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG)]
ZIP_SIGNATURE = b"PK\x03\x04"
# (kind, the main part's content type in [Content_Types].xml, the part that must exist)
OFFICE_DOCUMENTS = [
    (
        DOCX,
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "word/document.xml",
    ),
    (
        XLSX,
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "xl/workbook.xml",
    ),
]
# [Content_Types].xml is a few kilobytes; refuse to inflate anything pretending otherwise.
CONTENT_TYPES_MAX_BYTES = 512 * 1024


def identify(upload: UploadedFile) -> FileKind | None:
    """The kind of file this is, or None if it is not one we accept."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for signature, kind in SIGNATURES:
        if head.startswith(signature):
            return kind
    if head.startswith(ZIP_SIGNATURE):
        try:
            return _office_document(upload)
        finally:
            upload.seek(0)
    return None


def _office_document(upload: UploadedFile) -> FileKind | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            info = archive.getinfo("[Content_Types].xml")
            if info.file_size > CONTENT_TYPES_MAX_BYTES:
                return None
            declared = archive.read(info)
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, ValueError, EOFError):
        return None
    for kind, main_part, required in OFFICE_DOCUMENTS:
        if main_part in declared and required in names:
            return kind
    return None
