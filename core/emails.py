"""Every email the service sends goes as plain text and as HTML in the GOV.UK email style.

The words are written once, in the plain-text template; `html_version` lays the same words out
as HTML (a blue band with the service's name, 19px Arial, paragraphs, links that can be clicked),
the way GOV.UK Notify does. So the two versions cannot drift apart.
"""

import re

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.html import urlize
from django.utils.safestring import mark_safe

_BLANK_LINES = re.compile(r"\n\s*\n")


def _paragraph(text: str) -> str:
    lines = [urlize(line.strip(), autoescape=True) for line in text.strip().splitlines()]
    return "<br>".join(lines)


def html_version(text: str) -> str:
    """The HTML body of an email whose plain-text body is `text`."""
    paragraphs = [_paragraph(part) for part in _BLANK_LINES.split(text.strip()) if part.strip()]
    return render_to_string(
        "emails/govuk.html",
        {
            "paragraphs": [mark_safe(paragraph) for paragraph in paragraphs],  # noqa: S308 (urlize escaped it)
            "SERVICE_NAME": settings.SERVICE_NAME,
        },
    )
