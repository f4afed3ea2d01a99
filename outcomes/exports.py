"""A report document as CSV and as an A4 PDF (fpdf2, with the printable directory's font
handling: docs/decisions/0013 and 0015)."""

import csv
import io
from datetime import date

from django.conf import settings
from fpdf.fonts import FontFace

from providers.printing.pdf import OpenGatePDF
from providers.spreadsheets import safe_cell

MARGIN = 15  # mm
LINE = 5.0
BLUE = (29, 112, 184)
BLACK = (11, 12, 12)
RED = (212, 53, 28)


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
    from django.utils.text import slugify

    period = document["period"]
    name = f"{slugify(document['title'])}-{slugify(document['scope'])}"
    return f"{name}-{period['start']}-to-{period['end']}.{extension}"


class ReportPDF(OpenGatePDF):
    def __init__(self, document: dict):
        wide = document["kind"] == "comparison"
        self.document = document
        super().__init__(
            title=f"{document['title']}: {document['scope']}",
            orientation="landscape" if wide else "portrait",
            margin=MARGIN,
        )
        self.set_auto_page_break(True, margin=MARGIN + 4)
        self.alias_nb_pages()

    def text(self, value) -> str:
        return super().text(str(value))

    def use(self, size: float = 10, *, bold: bool = False, grey: bool = False) -> None:
        super().use(size, bold=bold, grey=grey)

    def paragraph(self, value: str, height: float = LINE) -> None:
        super().paragraph(value, height=height)

    def footer(self) -> None:
        self.set_y(-MARGIN)
        self.use(8, grey=True)
        words = (
            f"{self.document['title']} · {self.document['scope']} · "
            f"{self.document['period']['label']} · Page {self.page_no()}"
        )
        self.cell(0, LINE, f"{self.text(words)} of {{nb}}", align="C")


def document_pdf(document: dict) -> bytes:
    pdf = ReportPDF(document)
    pdf.add_page()
    pdf.use(18, bold=True)
    pdf.paragraph(document["title"], 8)
    pdf.use(13, bold=True)
    pdf.paragraph(f"{document['scope']}, {document['period']['label']}", 7)
    pdf.use(grey=True)
    made_on = date.fromisoformat(document["made_on"])
    pdf.paragraph(f"Made on {made_on:%-d %B %Y} by {settings.SERVICE_NAME}.")
    if document["suppressed"]:
        pdf.paragraph(
            "Counts under 5 are shown as 'fewer than 5' so that no one can be identified."
        )
    for section in document["sections"]:
        _section(pdf, section)
    pdf.ln(4)
    pdf.use(12, bold=True)
    pdf.paragraph("Definitions", 7)
    pdf.use(9)
    for line in document["definitions"]:
        pdf.paragraph(line, 4.5)
        pdf.ln(1)
    return bytes(pdf.output())


def _section(pdf: ReportPDF, section: dict) -> None:
    if pdf.will_page_break(40):
        pdf.add_page()
    else:
        pdf.ln(5)
    pdf.use(14, bold=True)
    pdf.paragraph(section["heading"], 7)
    pdf.ln(1)
    for warning in [section.get("warning"), *section.get("warnings", [])]:
        if warning:
            pdf.use(10, bold=True)
            pdf.paragraph(f"Warning: {warning}")
            pdf.ln(1)
    if section.get("verdict"):
        pdf.use(10, bold=True)
        pdf.paragraph(section["verdict"])
        pdf.ln(1)
    if section.get("chart"):
        _chart(pdf, section["chart"])
    pdf.use(9)
    if section["rows"]:
        with pdf.table(
            text_align="LEFT",
            headings_style=FontFace(emphasis="BOLD"),
            line_height=4.5,
            padding=1,
        ) as table:
            heading = table.row()
            for cell in section["head"]:
                heading.cell(pdf.text(cell))
            for row in section["rows"]:
                line = table.row()
                for cell in row:
                    line.cell(pdf.text(cell))
    else:
        pdf.paragraph(section.get("empty", "Nothing to show."))
    for note in section.get("notes", []):
        pdf.ln(1)
        pdf.use(9, grey=True)
        pdf.paragraph(note, 4.5)


def _chart(pdf: ReportPDF, chart: dict) -> None:
    label_width, plot_width, row = 65.0, 80.0, 7.0
    bars = chart["bars"]
    height = 10 + row * len(bars)
    if pdf.will_page_break(height):
        pdf.add_page()
    pdf.use(10, bold=True)
    pdf.paragraph(chart["title"])
    scale = 1.0 if chart["unit"] == "percent" else max([b["value"] or 0 for b in bars] + [1])
    left = pdf.l_margin + label_width + 2
    top = pdf.y + 5

    def x(value):
        return left + plot_width * min(max(value, 0), scale) / scale

    pdf.set_draw_color(*BLACK)
    for index, bar in enumerate(bars):
        y = top + index * row
        pdf.use(8)
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(label_width, row - 1, pdf.text(bar["label"][:48]), align="R")
        text_x = left + 1
        if bar["value"] is not None:
            pdf.set_fill_color(*BLUE)
            pdf.rect(left, y + 0.5, max(x(bar["value"]) - left, 0.3), row - 2, style="F")
            text_x = x(bar["value"]) + 1
            if bar.get("low") is not None:
                low, high, middle = x(bar["low"]), x(bar["high"]), y + (row - 1) / 2
                pdf.set_line_width(0.4)
                pdf.line(low, middle, high, middle)
                pdf.line(low, middle - 1.5, low, middle + 1.5)
                pdf.line(high, middle - 1.5, high, middle + 1.5)
                text_x = max(text_x, high + 1)
        pdf.set_xy(text_x, y)
        pdf.cell(30, row - 1, pdf.text(bar["text"]))
    reference = chart.get("reference")
    if reference:
        ref_x = x(reference["value"])
        pdf.set_draw_color(*RED)
        pdf.set_dash_pattern(dash=1.5, gap=1)
        pdf.line(ref_x, top - 1, ref_x, top + row * len(bars))
        pdf.set_dash_pattern()
        pdf.set_xy(ref_x - 20, top - 5)
        pdf.use(8)
        pdf.cell(40, 4, pdf.text(reference["label"]), align="C")
        pdf.set_draw_color(*BLACK)
    pdf.set_xy(pdf.l_margin, top + row * len(bars) + 2)
