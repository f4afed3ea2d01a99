"""Real files for upload tests, made small in the test run: a PDF pypdf wrote, images Pillow
drew, Word and Excel files with the parts a real one has."""

import io
import zipfile

from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

OFFICE = "application/vnd.openxmlformats-officedocument"
MAIN_PARTS = {
    "docx": f"{OFFICE}.wordprocessingml.document.main+xml",
    "xlsx": f"{OFFICE}.spreadsheetml.sheet.main+xml",
}


def pdf_bytes(*, javascript: str | None = None, attachment: bytes | None = None) -> bytes:
    """A one-page PDF; with `javascript`, one that runs it on opening; with `attachment`, one
    carrying that file."""
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if javascript is not None:  # Run by the document's JavaScript name tree on opening.
        action = _dictionary(Type="/Action", S="/JavaScript", JS=TextStringObject(javascript))
        scripts = _dictionary(
            Names=ArrayObject([TextStringObject("x"), writer._add_object(action)])
        )
        writer._root_object[NameObject("/Names")] = _dictionary(JavaScript=scripts)
    if attachment is not None:
        writer.add_attachment("payload.exe", attachment)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_with_launch_action() -> bytes:
    """A PDF that asks the reader to start a program when it opens."""
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    action = _dictionary(Type="/Action", S="/Launch", F=TextStringObject("cmd.exe"))
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _dictionary(**entries) -> DictionaryObject:
    return DictionaryObject(
        {
            NameObject(f"/{key}"): NameObject(value) if type(value) is str else value
            for key, value in entries.items()
        }
    )


def image_bytes(fmt: str = "PNG", size=(40, 20), mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, 0 if mode in ("1", "L") else (0, 94, 165)).save(
        buffer, format=fmt, optimize=fmt == "PNG"
    )
    return buffer.getvalue()


def jpeg_bytes(size=(40, 20)) -> bytes:
    return image_bytes("JPEG", size)


def office_bytes(
    kind: str = "docx",
    *,
    main_part: str | None = None,
    extra: dict[str, bytes] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """A minimal Word document or Excel workbook with the parts a real one has, and `extra`
    members added."""
    main_part = main_part or MAIN_PARTS[kind]
    part = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}[kind]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            f'content-types"><Override PartName="/{part}" ContentType="{main_part}"/></Types>',
        )
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr("docProps/core.xml", "<coreProperties/>")
        archive.writestr(part, "<document/>")
        archive.writestr(part.replace("/", "/_rels/", 1) + ".rels", "<Relationships/>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def zip_bomb(*, members: int = 64, member_bytes: int = 16 * 1024 * 1024) -> bytes:
    """A ZIP of about 1 MB whose members add up to 1 GiB of zeros once inflated. It is written by
    hand so that the zeros are compressed only once, not once per member."""
    import struct
    import zlib

    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = compressor.compress(bytes(member_bytes)) + compressor.flush()
    crc = zlib.crc32(bytes(member_bytes))
    body, directory = bytearray(), bytearray()
    for index in range(members):
        name = f"word/part{index}.xml".encode()
        offset = len(body)
        fields = (20, 0, 8, 0, 0, crc, len(data), member_bytes, len(name), 0)
        body += struct.pack("<4s5H3I2H", b"PK\x03\x04", *fields) + name
        body += data
        directory += (
            struct.pack(
                "<4s6H3I5H2I",
                b"PK\x01\x02",
                20,
                20,
                0,
                8,
                0,
                0,
                crc,
                len(data),
                member_bytes,
                len(name),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + name
        )
    end = struct.pack(
        "<4s4H2IH", b"PK\x05\x06", 0, 0, members, members, len(directory), len(body), 0
    )
    return bytes(body + directory + end)


def windows_program() -> bytes:
    """The start of a Windows program: the "MZ" header pointing to a "PE" header."""
    header = bytearray(b"MZ" + bytes(0x3A)) + (0x80).to_bytes(4, "little")
    header += b"This program cannot be run in DOS mode.\r\n"
    header += bytes(0x80 - len(header)) + b"PE\x00\x00" + bytes(64)
    return bytes(header)
