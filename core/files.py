"""Private files (evidence, case documents) handed to the person allowed to see them.

One response for every private download: an attachment (never shown in the browser, so an
uploaded HTML or SVG file cannot run as a page of ours), with the type we checked at upload,
not the browser's guess, and never kept by a cache. The caller checks permission and audits.
"""

from django.db.models.fields.files import FieldFile
from django.http import FileResponse


def private_file_response(file: FieldFile, *, filename: str, content_type: str) -> FileResponse:
    response = FileResponse(
        file.open("rb"), as_attachment=True, filename=filename, content_type=content_type
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
