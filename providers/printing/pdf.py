"""PDFs drawn from our HTML templates by WeasyPrint (docs/decisions/0034): tagged for screen
readers (PDF/UA-1: a structure tree from the HTML's headings, lists, tables and figures, the
document's language and its title), on A4, in DejaVu Sans from Debian.

Every PDF goes through `html_to_pdf`: the printable directory, the outcome reports and the
award certificate. Nothing is fetched while drawing: only `data:` URLs may load, so a name a
provider types cannot make the server read a file or call another host.

Text: Pango picks the glyphs, but a character no installed font has would print as an empty
box (and PDF/UA forbids such boxes), so the HTML first goes through `printable`, which keeps what
DejaVu Sans can draw, swaps what it cannot for a near equivalent (ŵ for w, straight quotes for
curly ones) and drops the rest (Chinese, emoji DejaVu lacks, zero-width joiners, controls).
"""

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from fontTools.ttLib import TTFont
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from .directory import PrintableDirectory

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"),)
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
PDF_VARIANT = "pdf/ua-1"

# Latin-1 stand-ins for common characters, for when DejaVu Sans is missing.
_PLAIN = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "−": "-",
        "…": "...",
        "•": "-",
        "€": "EUR",
        "Ł": "L",
        "ł": "l",
        "Đ": "D",
        "đ": "d",
        "Œ": "OE",
        "œ": "oe",
        "ı": "i",
    }
)
_SPACES = re.compile(r"[^\S\n]+")


def printable(text: str, can_draw: Callable[[str], bool]) -> str:
    """The text with every character the font cannot draw replaced by a near equivalent (ŵ by
    w, curly quotes by straight ones) or left out (emoji, zero-width joiners, controls)."""
    text = unicodedata.normalize("NFC", text)
    out = []
    for char in text:
        if char == "\n" or can_draw(char):
            out.append(char)
        elif char.isspace():
            out.append(" ")
        elif unicodedata.category(char)[0] == "C":
            continue  # controls, zero-width and private-use characters
        else:
            for plain in unicodedata.normalize("NFKD", char.translate(_PLAIN)):
                if can_draw(plain):
                    out.append(plain)
    return _SPACES.sub(" ", "".join(out))


def _latin1(char: str) -> bool:
    return (" " <= char <= "~") or ("\xa0" <= char <= "\xff")


def can_draw() -> Callable[[str], bool]:
    """Whether DejaVu Sans (regular and bold) has a character; Latin-1 where it is missing."""
    codes = _dejavu_codes(FONT_DIRS)
    if codes is None:
        return _latin1
    return lambda char: ord(char) in codes


@cache
def _dejavu_codes(folders: tuple[Path, ...]) -> frozenset[int] | None:
    for folder in folders:
        paths = [folder / name for name in FONT_FILES]
        if all(path.is_file() for path in paths):
            maps = [frozenset(TTFont(path, lazy=True).getBestCmap()) for path in paths]
            return frozenset.intersection(*maps)
    return None


@cache
def _stylesheet() -> str:
    return Path(__file__).with_name("print.css").read_text(encoding="utf-8")


def html_to_pdf(html: str, *, stylesheets: Iterable[str] = ()) -> bytes:
    """A tagged PDF of the page: our print stylesheet, then `stylesheets`, over the page's own
    styles. The title comes from <title>, the language from <html lang>, the author from
    <meta name="author">."""
    fonts = FontConfiguration()
    sheets = [CSS(string=css, font_config=fonts) for css in (_stylesheet(), *stylesheets)]
    document = HTML(
        string=printable(html, can_draw()),
        url_fetcher=URLFetcher(allowed_protocols=("data",)),
    )
    return document.write_pdf(
        stylesheets=sheets, font_config=fonts, pdf_variant=PDF_VARIANT, uncompressed_pdf=False
    )


def render_pdf(template_name: str, context: dict, *, stylesheets: Iterable[str] = ()) -> bytes:
    """The template (which extends pdf/base.html or sets its own head) as a tagged PDF."""
    context = {"SERVICE_NAME": settings.SERVICE_NAME, "pdf": True, **context}
    return html_to_pdf(render_to_string(template_name, context), stylesheets=stylesheets)


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
