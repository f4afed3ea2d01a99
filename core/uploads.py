"""Every uploaded file is opened by a parser for what it claims to be, never judged by its first
bytes, its name or the browser's word (docs/decisions/0036).

- PDFs are opened with pypdf; every object is read, and a PDF that runs JavaScript, launches
  programs, submits forms, plays media or carries attached files is refused. So is a file that
  does not start with the PDF header, has anything after its end, or hides a web page or a
  program inside it (polyglots).
- PNG and JPEG images are opened with Pillow and checked end to end; their size in pixels is
  capped before any pixel is decoded, so a small file that would inflate to gigabytes is
  refused.
- Word (DOCX) and Excel (XLSX) files are ZIP archives: each member's name must be one a document
  of that kind has (no macros, no embedded objects or programs), and the sizes the archive
  declares must add up to a sensible total, checked before anything is inflated.

`check_upload` raises a ValidationError whose message says, in our words, what was wrong.
"""

import io
import re
import struct
import warnings
import zipfile
from collections.abc import Collection
from dataclasses import dataclass
from typing import IO

from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

MB = 1024 * 1024


@dataclass(frozen=True)
class FileKind:
    content_type: str
    extension: str
    label: str  # How we name it to the person uploading.


PDF = FileKind("application/pdf", "pdf", "PDF")
PNG = FileKind("image/png", "png", "PNG")
JPEG = FileKind("image/jpeg", "jpg", "JPEG")
DOCX = FileKind(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "docx",
    "Word document (DOCX)",
)
XLSX = FileKind(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "xlsx",
    "Excel spreadsheet (XLSX)",
)

PILLOW_FORMATS = {PNG: "PNG", JPEG: "JPEG"}
# Big enough for a photo from any phone (a 48-megapixel camera takes 8,000 by 6,000 pixels).
MAX_IMAGE_PIXELS = 50_000_000
# The most a Word or Excel file may hold once unzipped, and how many parts it may have.
OFFICE_MAX_UNZIPPED_BYTES = 100 * MB
OFFICE_MAX_MEMBERS = 2_000
# A PDF with more objects than this is not a document anyone uploads as evidence.
PDF_MAX_OBJECTS = 200_000

# Ways a file written for one reader turns into something else in another (polyglots).
WEB_PAGE_MARKERS = re.compile(
    rb"<\s*(?:script|html|body|iframe|object|embed|svg|!doctype\s+html)\b|javascript:",
    re.IGNORECASE,
)
DOS_STUB = b"This program cannot be run in DOS mode"
ELF_MAGIC = b"\x7fELF"
MACHO_MAGICS = (b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"\xfe\xed\xfa\xcf", b"\xfe\xed\xfa\xce")

# PDF names that make a reader do something other than show the pages.
PDF_ACTIVE_KEYS = {
    "/JS",
    "/JavaScript",
    "/AA",  # Actions run on opening, closing or printing pages.
    "/Launch",
    "/EmbeddedFile",
    "/EmbeddedFiles",
    "/RichMedia",
    "/XFA",
}
PDF_ACTIVE_ACTIONS = {
    "/JavaScript",
    "/Launch",
    "/SubmitForm",
    "/ImportData",
    "/GoToE",
    "/RichMediaExecute",
    "/Rendition",
    "/Sound",
    "/Movie",
}

# Where each Office document keeps its own parts.
OFFICE_MAIN_PARTS = {
    DOCX: (
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "word/document.xml",
        "word",
    ),
    XLSX: (
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "xl/workbook.xml",
        "xl",
    ),
}
OFFICE_IMAGE = r"(?:png|jpe?g|gif|bmp|tiff?|emf|wmf|svg)"
OFFICE_SHARED_MEMBERS = [
    r"\[Content_Types\]\.xml",
    r"_rels/\.rels",
    r"docProps/[\w.-]+\.xml",
    rf"docProps/thumbnail\.{OFFICE_IMAGE}",
    r"customXml/(?:_rels/)?[\w.-]+\.(?:xml|rels)",
]


def _office_members(folder: str) -> re.Pattern:
    own = [
        rf"{folder}/(?:[\w.-]+/)*[\w.-]+\.xml",  # Text, styles, sheets, charts, drawings ...
        rf"{folder}/(?:[\w.-]+/)*_rels/[\w.-]+\.rels",
        rf"{folder}/media/[\w.-]+\.{OFFICE_IMAGE}",
        rf"{folder}/fonts/[\w.-]+\.odttf",  # Fonts saved in the document, obfuscated.
        rf"{folder}/printerSettings/printerSettings\d+\.bin",  # The printer's page setup.
    ]
    return re.compile("|".join(OFFICE_SHARED_MEMBERS + own), re.IGNORECASE)


OFFICE_MEMBERS = {
    kind: _office_members(folder) for kind, (_, _, folder) in OFFICE_MAIN_PARTS.items()
}


def check_upload(
    upload: IO[bytes],
    *,
    allowed: Collection[FileKind],
    max_bytes: int,
    max_pixels: int = MAX_IMAGE_PIXELS,
    what: str = "file",
) -> FileKind:
    """The kind of file `upload` is, once it has been opened and found safe; otherwise a
    ValidationError that says what is wrong (of "the file", or of "the `what`"). The file is left
    ready to read from the start."""
    try:
        return _check(upload, allowed=allowed, max_bytes=max_bytes, max_pixels=max_pixels)
    except ValidationError as error:
        if what == "file":
            raise
        message = error.message.replace("The file", f"The {what}", 1)
        raise ValidationError(message, code=error.code) from None
    finally:
        upload.seek(0)


def _check(upload, *, allowed, max_bytes, max_pixels) -> FileKind:
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes:
        raise ValidationError(
            f"The file must be {_megabytes(max_bytes)} or smaller", code="too_large"
        )
    upload.seek(0)
    data = upload.read(max_bytes + 1)
    upload.seek(0)
    if len(data) > max_bytes:
        raise ValidationError(
            f"The file must be {_megabytes(max_bytes)} or smaller", code="too_large"
        )
    if not data:
        raise ValidationError("The file is empty", code="empty")
    kind = _claimed_kind(data)
    if kind is None or kind not in allowed:
        raise ValidationError(f"The file must be {_labels(allowed)}", code="kind")
    _refuse_hidden_programs(data)
    if kind is PDF:
        _check_pdf(data)
    elif kind in (PNG, JPEG):
        _check_image(upload, kind, max_pixels)
    else:
        kind = _check_office(upload, allowed)
    upload.seek(0)
    return kind


def _megabytes(size: int) -> str:
    return f"{size / MB:,.0f} MB" if size >= MB else f"{size // 1024:,} KB"


def _labels(allowed: Collection[FileKind]) -> str:
    ordered = [kind.label for kind in (PDF, DOCX, XLSX, PNG, JPEG) if kind in allowed]
    if len(ordered) == 1:
        return f"a {ordered[0]}"
    return "a " + ", ".join(ordered[:-1]) + " or " + ordered[-1]


def _claimed_kind(data: bytes) -> FileKind | None:
    """What the file says it is. Only a claim: each kind's parser then has to agree."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"PK\x03\x04"):
        return DOCX  # Or XLSX: the archive's own table of contents decides.
    return None


def _refuse_hidden_programs(data: bytes) -> None:
    if ELF_MAGIC in data or DOS_STUB in data or any(m in data for m in MACHO_MAGICS):
        raise _hidden_program()
    start = data.find(b"MZ")
    while start != -1:  # A Windows program: "MZ", and where it says, "PE" and two zeros.
        pointer = data[start + 0x3C : start + 0x40]
        if len(pointer) == 4:
            (offset,) = struct.unpack("<I", pointer)
            if data[start + offset : start + offset + 4] == b"PE\x00\x00":
                raise _hidden_program()
        start = data.find(b"MZ", start + 2)
    if WEB_PAGE_MARKERS.search(data):
        raise ValidationError(
            "The file has web page code hidden in it, so we cannot accept it. Save or print it "
            "again as a new file and upload that.",
            code="web_page",
        )


def _hidden_program() -> ValidationError:
    return ValidationError(
        "The file has a program hidden in it, so we cannot accept it. Save or print it again as "
        "a new file and upload that.",
        code="program",
    )


def _damaged(kind: FileKind) -> ValidationError:
    return ValidationError(
        f"The file says it is a {kind.label} but it cannot be opened as one. Check it opens on "
        "your computer, save it again and upload that.",
        code="damaged",
    )


def _check_pdf(data: bytes) -> None:
    end = data.rfind(b"%%EOF")
    if end == -1:
        raise _damaged(PDF)
    if data[end + len(b"%%EOF") :].strip(b"\r\n\t\f\x00 "):
        raise ValidationError(
            "The PDF has something else joined on after its end, so we cannot accept it. Print it "
            "to a new PDF and upload that.",
            code="trailing",
        )
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise ValidationError(
                "The PDF is protected with a password. Remove the password, save it again and "
                "upload that.",
                code="encrypted",
            )
        if not reader.pages:
            raise _damaged(PDF)
        objects = [reader.trailer, *_pdf_objects(reader)]
    except ValidationError:
        raise
    except (PyPdfError, ValueError, TypeError, KeyError, IndexError, AttributeError, OSError):
        raise _damaged(PDF) from None
    except RecursionError:  # Objects nested without end.
        raise _damaged(PDF) from None
    for obj in objects:
        if _is_active(obj):
            raise ValidationError(
                "The PDF has scripts, actions or attached files in it, so we cannot accept it. "
                "Print it to a new PDF (choose ‘Save as PDF’ or ‘Microsoft Print to PDF’) and "
                "upload that.",
                code="active_pdf",
            )


def _pdf_objects(reader: PdfReader):
    ids = [(idnum, gen) for gen, numbers in reader.xref.items() for idnum in numbers]
    ids += [(idnum, 0) for idnum in reader.xref_objStm]
    if len(ids) > PDF_MAX_OBJECTS:
        raise _damaged(PDF)
    for idnum, gen in ids:
        yield reader.get_object(IndirectObject(idnum, gen, reader))


def _is_active(obj) -> bool:
    """Whether this object, or any dictionary written inside it, asks the reader to act."""
    pending = [obj]
    while pending:
        item = pending.pop()
        if isinstance(item, DictionaryObject):  # Streams are dictionaries too.
            if PDF_ACTIVE_KEYS.intersection(item.keys()):
                return True
            if item.get("/S") in PDF_ACTIVE_ACTIONS:
                return True
            if item.get("/Type") == "/Filespec" and "/EF" in item:
                return True
            pending.extend(v for v in item.values() if not isinstance(v, IndirectObject))
        elif isinstance(item, ArrayObject):
            pending.extend(v for v in item if not isinstance(v, IndirectObject))
        elif isinstance(item, NameObject) and item in PDF_ACTIVE_ACTIONS:
            return True
    return False


def _check_image(upload: IO[bytes], kind: FileKind, max_pixels: int) -> None:
    upload.seek(0)
    try:
        with warnings.catch_warnings():  # We check the pixels ourselves, just below.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(upload, formats=[PILLOW_FORMATS[kind]])
        with image:
            width, height = image.size  # Read from the header: nothing is decoded yet.
            if width * height > max_pixels:
                raise ValidationError(
                    f"The image is {width:,} by {height:,} pixels, which is too big. Make it "
                    f"smaller than {max_pixels // 1_000_000} million pixels in total (for "
                    f"example {_example_side(max_pixels):,} by {_example_side(max_pixels):,}) "
                    "and upload it again.",
                    code="too_many_pixels",
                )
            image.verify()  # Checks the file's own structure and checksums.
    except ValidationError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError):
        raise _damaged(kind) from None
    except (ValueError, TypeError, struct.error, EOFError):
        raise _damaged(kind) from None
    finally:
        upload.seek(0)
    if kind is PNG:
        data = upload.read()
        upload.seek(0)
        end = data.rfind(b"IEND")
        if end == -1 or data[end + 8 :]:  # "IEND" and its four-byte checksum end the file.
            raise ValidationError(
                "The image has something else joined on after its end, so we cannot accept it. "
                "Save it again as a new PNG and upload that.",
                code="trailing",
            )


def _example_side(pixels: int) -> int:
    return int(pixels**0.5) // 100 * 100


def _check_office(upload: IO[bytes], allowed: Collection[FileKind]) -> FileKind:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
            if len(members) > OFFICE_MAX_MEMBERS:
                raise _damaged(DOCX if DOCX in allowed else XLSX)
            # The sizes the archive declares, added up before anything is inflated; reading a
            # member never returns more than its declared size, so a lie cannot get past this.
            if sum(member.file_size for member in members) > OFFICE_MAX_UNZIPPED_BYTES:
                raise ValidationError(
                    "The file would be more than "
                    f"{_megabytes(OFFICE_MAX_UNZIPPED_BYTES)} once opened, which is too "
                    "big. Save it again, or save it as a PDF, and upload that.",
                    code="zip_bomb",
                )
            if members[0].header_offset != 0 or archive.comment:
                raise _damaged(DOCX if DOCX in allowed else XLSX)
            kind = _office_kind(archive)
            if kind is None or kind not in allowed:
                raise ValidationError(f"The file must be {_labels(allowed)}", code="kind")
            _check_office_members(members, kind)
            return kind
    except ValidationError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, KeyError):
        raise ValidationError(f"The file must be {_labels(allowed)}", code="kind") from None
    finally:
        upload.seek(0)


def _office_kind(archive: zipfile.ZipFile) -> FileKind | None:
    info = archive.getinfo("[Content_Types].xml")
    if info.file_size > 512 * 1024:
        return None
    declared = archive.read(info)
    if b"macroEnabled" in declared or b"vbaProject" in declared:
        raise _macros()
    names = set(archive.namelist())
    for kind, (main_part, required, _) in OFFICE_MAIN_PARTS.items():
        if main_part in declared and required in names:
            return kind
    return None


def _check_office_members(members: list[zipfile.ZipInfo], kind: FileKind) -> None:
    allowed_names = OFFICE_MEMBERS[kind]
    for member in members:
        name = member.filename
        if name.lower().endswith("vbaproject.bin") or "vbaData" in name:
            raise _macros()
        if member.is_dir():
            continue
        if not allowed_names.fullmatch(name):
            raise ValidationError(
                f"The {kind.label} has other files or objects embedded in it, so we cannot "
                "accept it. Remove them, or save it as a PDF, and upload that.",
                code="embedded",
            )


def _macros() -> ValidationError:
    return ValidationError(
        "The file has macros in it, so we cannot accept it. Save it as an ordinary Word document "
        "(DOCX) or Excel workbook (XLSX), without macros, and upload that.",
        code="macros",
    )
