"""A report document as CSV and as an A4 PDF (drawn from its HTML by WeasyPrint, tagged:
docs/decisions/0034)."""

import csv
import io
from datetime import date

from django.utils.text import slugify

from core.pdf import render_pdf
from core.spreadsheets import safe_cell


def document_csv(document: dict) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([document["title"]])
    writer.writerow(["Scope", safe_cell(document["scope"])])
    writer.writerow(["Period", document["period"]["label"]])
    writer.writerow(["Made on", document["made_on"]])
    if document["suppressed"]:
        writer.writerow([document.get("notice", "")])
    for section in document["sections"]:
        writer.writerow([])
        writer.writerow([section["heading"]])
        writer.writerow(section["head"])
        for row in section["rows"]:
            writer.writerow([safe_cell(cell) for cell in row])
        for line in [section.get("warning"), section.get("verdict"), *section.get("notes", [])]:
            if line:
                writer.writerow([safe_cell(line)])
        for line in section.get("warnings", []):
            writer.writerow([safe_cell(line)])
    writer.writerow([])
    writer.writerow(["Definitions"])
    for line in document["definitions"]:
        writer.writerow([line])
    return buffer.getvalue()


def filename(document: dict, extension: str) -> str:
    period = document["period"]
    name = f"{slugify(document['title'])}-{slugify(document['scope'])}"
    return f"{name}-{period['start']}-to-{period['end']}.{extension}"


def document_pdf(document: dict) -> bytes:
    """The document as a tagged A4 PDF, from the same sections as its page."""
    return render_pdf(
        "outcomes/document_pdf.html",
        {"document": document, "made_on": date.fromisoformat(document["made_on"])},
    )
