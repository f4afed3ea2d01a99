"""The printable directory as a PDF, drawn by core.pdf like every other PDF."""

from core.pdf import render_pdf

from .directory import PrintableDirectory

# The printable directory: the same page as the web version, with page numbers added.
DIRECTORY_CSS = """
@page { @bottom-center { content: string(title) " · " string(date) " · " string(page-word) " "
  counter(page) " " string(of-word) " " counter(pages); } }
[data-page-word] { string-set: page-word attr(data-page-word), of-word attr(data-of-word); }
h1 { string-set: title content(); bookmark-level: none; }
.date { string-set: date content(); }
.contents h2, h3 { bookmark-level: none; }
h2 { bookmark-level: 1; }
section > h2, section > h2 + .secondary, .also { break-after: avoid; }
.page-ref::after { content: " " target-counter(attr(href), page); }
"""


def directory_pdf(directory: PrintableDirectory) -> bytes:
    return render_pdf(
        "providers/printing/directory.html", {"directory": directory}, stylesheets=[DIRECTORY_CSS]
    )
