"""The award certificate: one A4 page drawn from its HTML template by WeasyPrint, tagged for
screen readers (providers.printing.pdf, docs/decisions/0034), with a verification code anyone
can check."""

from core.pdf import render_pdf

from .models import Award


def certificate_pdf(award: Award, verify_url: str) -> bytes:
    return render_pdf(
        "accreditation/certificate_pdf.html", {"award": award, "verify_url": verify_url}
    )
