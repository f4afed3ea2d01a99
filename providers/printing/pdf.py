"""The printable directory as an A4 PDF, built with fpdf2 (docs/decisions/0013) from the same
PrintableDirectory as the web page.

Text: DejaVu Sans (Debian's fonts-dejavu-core) draws almost any name a provider types, accents,
Welsh and Polish letters, curly quotes and many emoji among them. Where that font is missing, the
PDF falls back to fpdf2's built-in Helvetica, which knows Latin-1 only. Either way every string
goes through `printable`, which swaps or drops what the font cannot draw, so no name can break
the PDF.

Page numbers: the contents and the cross-references say which page each pathway and service is
on, so the document is laid out again until those numbers settle (twice, in practice).
"""

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from fpdf import FPDF
from fpdf.enums import MethodReturnValue, XPos, YPos

from .directory import Entry, Fact, PrintableDirectory, Section

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"),)
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
FALLBACK_FAMILY = "Helvetica"
MAX_PASSES = 3

MARGIN = 18  # mm
LABEL_WIDTH = 44  # mm, the left column of a service's details
BODY_PT = 10.5
LINE = 5.0  # mm, the height of a line of body text
GREY = (80, 80, 80)

# Latin-1 stand-ins for common characters, for the built-in font.
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


def load_fonts(pdf: FPDF) -> tuple[str, Callable[[str], bool]]:
    """Add DejaVu Sans to `pdf` where it is installed; return the font family to use, and
    whether it can draw a character. Other PDFs (outcome reports) use it too."""
    for folder in FONT_DIRS:
        paths = {style: folder / name for style, name in FONT_FILES.items()}
        if all(path.is_file() for path in paths.values()):
            for style, path in paths.items():
                pdf.add_font("DejaVu", style, str(path))
            codes = frozenset(pdf.fonts["dejavu"].cmap) & frozenset(pdf.fonts["dejavuB"].cmap)
            return "DejaVu", lambda char, codes=codes: ord(char) in codes
    return FALLBACK_FAMILY, _latin1


class OpenGatePDF(FPDF):
    """An A4 PDF in our font (DejaVu Sans where installed, else Helvetica), whose text always goes
    through `printable`. The printable directory, the accreditation certificate and the outcome
    reports build on it."""

    def __init__(
        self, *, title: str, subject: str = "", orientation: str = "portrait", margin=MARGIN
    ):
        super().__init__(orientation=orientation, unit="mm", format="A4")
        self.family, self.can_draw = load_fonts(self)
        self.set_margins(margin, margin, margin)
        self.set_title(self.text(title))
        if subject:
            self.set_subject(self.text(subject))
        self.set_author(settings.SERVICE_NAME)
        self.set_creator(settings.SERVICE_NAME)
        self.set_lang("en-GB")

    # Text.

    def text(self, value: str) -> str:
        return printable(value, self.can_draw)

    def use(self, size: float = BODY_PT, *, bold: bool = False, grey: bool = False) -> None:
        self.set_font(self.family, "B" if bold else "", size)
        self.set_text_color(*(GREY if grey else (0, 0, 0)))

    def paragraph(
        self, value: str, *, width: float = 0, height: float = LINE, dry_run=False, align="L"
    ):
        """Write wrapped text from the left margin (or the current x when `width` is given) and
        move below it; with dry_run, only return the height it would take."""
        return self.multi_cell(
            width,
            height,
            self.text(value),
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
            align=align,
            dry_run=dry_run,
            output=MethodReturnValue.HEIGHT,
        )


class DirectoryPDF(OpenGatePDF):
    def __init__(self, directory: PrintableDirectory, pages: dict[str, int]):
        super().__init__(title=directory.title, subject=directory.scope)
        self.directory = directory
        self.known_pages = pages  # anchor -> page, from the previous pass
        self.pages_seen: dict[str, int] = {}
        self.links: dict[str, int] = {}
        self.set_auto_page_break(True, margin=MARGIN + 4)
        self.alias_nb_pages()

    def link_to(self, anchor: str) -> int:
        if anchor not in self.links:
            self.links[anchor] = self.add_link()
        return self.links[anchor]

    def mark(self, anchor: str) -> None:
        """Here is `anchor`: the target of its links, and its page for the next pass."""
        self.set_link(self.link_to(anchor), y=self.y, page=self.page)
        self.pages_seen[anchor] = self.page

    def page_of(self, anchor: str) -> str:
        return str(self.known_pages.get(anchor, "?"))

    def footer(self) -> None:
        self.set_y(-MARGIN)
        self.use(9, grey=True)
        words = f"{self.directory.title} · {self.directory.correct_on} · Page {self.page_no()}"
        self.cell(0, LINE, f"{self.text(words)} of {{nb}}", align="C")


def directory_pdf(directory: PrintableDirectory) -> bytes:
    pages: dict[str, int] = {}
    for _ in range(MAX_PASSES):
        pdf = _laid_out(directory, pages)
        if pdf.pages_seen == pages:
            break
        pages = pdf.pages_seen
    return bytes(pdf.output())


def _laid_out(directory: PrintableDirectory, pages: dict[str, int]) -> DirectoryPDF:
    pdf = DirectoryPDF(directory, pages)
    pdf.add_page()
    pdf.use(20, bold=True)
    pdf.paragraph(directory.title, height=9)
    pdf.use(13, bold=True)
    pdf.paragraph(directory.correct_on, height=8)
    pdf.ln(2)
    pdf.use()
    for sentence in directory.intro:
        pdf.paragraph(sentence)
        pdf.ln(1.5)
    if not directory.sections:
        pdf.ln(4)
        pdf.use(13, bold=True)
        pdf.paragraph(directory.empty_message, height=7)
        return pdf
    _contents(pdf, directory.sections)
    for section in directory.sections:
        _section(pdf, section)
    return pdf


def _contents(pdf: DirectoryPDF, sections: tuple[Section, ...]) -> None:
    pdf.ln(4)
    pdf.use(13, bold=True)
    pdf.paragraph("In this list", height=8)
    pdf.use()
    for section in sections:
        label = f"{section.name} ({section.count})"
        link = pdf.link_to(section.anchor)
        pdf.cell(pdf.epw - 20, LINE + 1, pdf.text(label), link=link)
        pdf.cell(20, LINE + 1, f"page {pdf.page_of(section.anchor)}", align="R", link=link)
        pdf.ln()


def _section(pdf: DirectoryPDF, section: Section) -> None:
    # A heading never ends a page: it goes over with the first service (or a few lines).
    start = _write_heading(pdf, section, dry_run=True) + 6
    first = _write_entry(pdf, section.entries[0], dry_run=True) if section.entries else 0
    start += first if first and first < pdf.eph / 2 else 4 * LINE
    if pdf.will_page_break(start):
        pdf.add_page()
    else:
        pdf.ln(6)
    pdf.start_section(pdf.text(section.name))  # the PDF's bookmarks
    pdf.mark(section.anchor)
    _write_heading(pdf, section)
    for entry in section.entries:
        _entry(pdf, entry)
    if section.also:
        pdf.ln(3)
        pdf.use(bold=True)
        pdf.paragraph("Also helps with this (the details are on another page):")
        pdf.use()
        for entry in section.also:
            pdf.multi_cell(
                0,
                LINE,
                pdf.text(
                    f"{entry.number}. {entry.name}, {entry.organisation}: see "
                    f"{entry.section}, page {pdf.page_of(entry.anchor)}"
                ),
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
                align="L",
                link=pdf.link_to(entry.anchor),
            )


def _write_heading(pdf: DirectoryPDF, section: Section, *, dry_run: bool = False) -> float:
    pdf.use(15, bold=True)
    height = pdf.paragraph(section.name, height=7, dry_run=dry_run)
    pdf.use(grey=True)
    return height + pdf.paragraph(section.description, dry_run=dry_run)


def _entry(pdf: DirectoryPDF, entry: Entry) -> None:
    height = _write_entry(pdf, entry, dry_run=True)
    # Keep a service on one page unless it is longer than a page.
    if pdf.will_page_break(height) and height < pdf.eph - 20:
        pdf.add_page()
    _write_entry(pdf, entry)


def _write_entry(pdf: DirectoryPDF, entry: Entry, *, dry_run: bool = False) -> float:
    """Write the entry (or, with dry_run, only measure it); return its height."""
    height = 4
    if not dry_run:
        pdf.ln(3)
        pdf.set_draw_color(190, 190, 190)
        pdf.line(pdf.l_margin, pdf.y, pdf.l_margin + pdf.epw, pdf.y)
        pdf.ln(1)
        pdf.mark(entry.anchor)
    pdf.use(12, bold=True)
    height += pdf.paragraph(f"{entry.number}. {entry.name}", height=6, dry_run=dry_run)
    pdf.use(grey=True)
    height += pdf.paragraph(entry.organisation, dry_run=dry_run)
    pdf.use()
    height += pdf.paragraph(entry.summary, dry_run=dry_run) + 1.5
    if not dry_run:
        pdf.ln(1.5)
    for fact in entry.facts:
        height += _fact(pdf, fact, dry_run=dry_run)
    return height


def _fact(pdf: DirectoryPDF, fact: Fact, *, dry_run: bool) -> float:
    """A label in the left column and its lines beside it."""
    value = "\n".join(fact.lines)
    pdf.use(bold=True)
    top = pdf.y
    label = pdf.multi_cell(
        LABEL_WIDTH,
        LINE,
        pdf.text(fact.label),
        align="L",
        dry_run=dry_run,
        output=MethodReturnValue.HEIGHT,
        new_x=XPos.RIGHT,
        new_y=YPos.TOP,
    )
    pdf.use()
    page = pdf.page
    if not dry_run:
        pdf.set_xy(pdf.l_margin + LABEL_WIDTH + 2, top)
    lines = pdf.multi_cell(
        pdf.epw - LABEL_WIDTH - 2,
        LINE,
        pdf.text(value),
        align="L",
        dry_run=dry_run,
        output=MethodReturnValue.HEIGHT,
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    height = max(label, lines) + 1
    if not dry_run:
        if pdf.page == page:
            pdf.set_xy(pdf.l_margin, top + height)
        else:  # a service longer than a page ran on to the next one
            pdf.ln(1)
    return height
