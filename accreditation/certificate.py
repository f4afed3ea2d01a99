"""The award certificate: one A4 page, in the printable directory's font handling
(providers.printing.pdf, docs/decisions/0015), with a verification code anyone can check."""

from django.conf import settings
from django.utils.formats import date_format

from providers.printing.pdf import OpenGatePDF

from .models import Award

NAVY = (29, 51, 84)
RED = (170, 20, 20)


def _day(value) -> str:
    return date_format(value, "j F Y")


def certificate_pdf(award: Award, verify_url: str) -> bytes:
    organisation = award.organisation
    pdf = OpenGatePDF(
        title=f"{award.standard.title} certificate: {organisation.name}",
        subject=f"Verification code {award.verification_code}",
    )
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_draw_color(*NAVY)
    pdf.set_line_width(1.5)
    pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)
    pdf.set_line_width(0.4)
    pdf.rect(13, 13, pdf.w - 26, pdf.h - 26)

    pdf.set_y(40)
    pdf.use(13, grey=True)
    pdf.paragraph(settings.SERVICE_NAME, height=7, align="C")
    pdf.ln(6)
    pdf.use(28, bold=True)
    pdf.set_text_color(*NAVY)
    pdf.paragraph(award.standard.title, height=13, align="C")
    pdf.ln(10)
    pdf.use(13)
    pdf.paragraph("This is to certify that", height=7, align="C")
    pdf.ln(4)
    pdf.use(22, bold=True)
    pdf.paragraph(organisation.name, height=11, align="C")
    pdf.ln(4)
    pdf.use(13)
    pdf.paragraph(
        "meets the Approved Provider Standard, the quality mark for mentoring people in prison, "
        "leaving prison or on probation.",
        height=7,
        align="C",
    )
    pdf.ln(14)

    facts = [
        ("Awarded on", _day(award.awarded_on)),
        ("Valid until", _day(award.expires_on)),
        ("Standard version", award.standard.version),
        ("Verification code", award.verification_code),
    ]
    label_width, value_width = 55, 70
    left = (pdf.w - label_width - value_width) / 2
    for label, value in facts:
        pdf.set_x(left)
        pdf.use(12, bold=True)
        pdf.cell(label_width, 9, pdf.text(label))
        pdf.use(12)
        pdf.cell(value_width, 9, pdf.text(value), new_x="LMARGIN", new_y="NEXT")

    if award.is_withdrawn:
        pdf.ln(8)
        pdf.use(14, bold=True)
        pdf.set_text_color(*RED)
        pdf.paragraph(f"This award was withdrawn on {_day(award.withdrawn_at)}.", align="C")

    pdf.set_y(pdf.h - 70)
    pdf.use(11)
    pdf.paragraph("Check that this certificate is genuine and still valid at", align="C")
    pdf.use(11, bold=True)
    pdf.paragraph(verify_url, align="C")
    pdf.ln(4)
    pdf.use(9, grey=True)
    pdf.paragraph(
        "An award is valid for 3 years from the date of the assessor's decision unless it is "
        "withdrawn. The public register lists every organisation that holds the standard today.",
        align="C",
    )
    return bytes(pdf.output())
