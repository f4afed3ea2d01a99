"""The printable directory as a PDF: tagged for screen readers with its language and title, any
text a provider types prints, on A4, with page numbers, the date on every page and page
references that match where things are."""

import re
from datetime import date

import pytest

from core import pdf as pdf_module
from core.pdf import _latin1, printable
from providers.printing.directory import printable_directory
from providers.printing.pdf import directory_pdf
from tests.factories import PrisonFactory, ServiceFactory, pathway
from tests.pdf import ReadPDF, read_accessible_pdf

pytestmark = pytest.mark.django_db

UNICODE_NAME = "“Cŵtsh” Café Łódź 😀 mentors\u200d中文"


def make_pdf(prison) -> ReadPDF:
    directory = printable_directory(
        prison, made_on=date(2026, 11, 24), check_online_at="opengate.test/services/"
    )
    return read_accessible_pdf(
        directory_pdf(directory), title=f"{directory.title}. Correct on 24 November 2026"
    )


@pytest.fixture
def without_dejavu(monkeypatch, tmp_path):
    """As on a machine without Debian's fonts-dejavu-core."""
    monkeypatch.setattr(pdf_module, "FONT_DIRS", (tmp_path,))


def dejavu_installed() -> bool:
    return all((d / f).is_file() for d in pdf_module.FONT_DIRS for f in pdf_module.FONT_FILES)


def test_printable_for_latin1():
    assert printable("‘Quoted’ – “more” … ŵ ŷ é £5 €5", _latin1) == (
        "'Quoted' - \"more\" ... w y é £5 EUR5"
    )
    assert printable("emoji 😀\ufe0f gone", _latin1) == "emoji gone"
    assert printable("line one\nline\ttwo\x00\u200b", _latin1) == "line one\nline two"


def test_printable_with_a_unicode_font_keeps_letters_it_has():
    has = lambda char: char != "中"  # noqa: E731
    assert printable("“Cŵtsh” 中 é", has) == "“Cŵtsh” é"
    # Decomposed accents are composed first, so they draw as one letter.
    assert printable("Cafe\u0301", has) == "Café"


@pytest.mark.skipif(not dejavu_installed(), reason="Debian's fonts-dejavu-core is not installed")
def test_unicode_names_print_with_dejavu():
    prison = PrisonFactory(name="HMP Caerdydd")
    ServiceFactory(name=UNICODE_NAME, prisons=[prison], summary="Mentora’s “help”.")
    text = make_pdf(prison).pages[0]
    assert "“Cŵtsh” Café Łódź" in text
    assert "中文" not in text
    assert "Mentora’s “help”." in text


def test_unicode_names_print_without_dejavu(without_dejavu):
    prison = PrisonFactory(name="HMP Caerdydd")
    ServiceFactory(name=UNICODE_NAME, prisons=[prison], summary="Mentora’s “help”.")
    text = make_pdf(prison).pages[0]
    assert '"Cwtsh" Café Lódz mentors' in text
    assert 'Mentora\'s "help".' in text


@pytest.mark.parametrize("fonts", ["dejavu", "fallback"])
def test_every_page_is_a4_numbered_dated_and_tagged(request, fonts):
    if fonts == "fallback":
        request.getfixturevalue("without_dejavu")
    prison = PrisonFactory(name="HMP Liverpool")
    for n in range(8):
        ServiceFactory(name=f"Service {n}", prisons=[prison], how_to_refer="Ask.\n" * 6)
    pdf = make_pdf(prison)
    assert len(pdf.pages) > 2
    for number, text in enumerate(pdf.pages, start=1):
        assert (
            f"Mentoring services: HMP Liverpool · Correct on 24 November 2026 · "
            f"Page {number} of {len(pdf.pages)}"
        ) in text
    page = pdf.reader.pages[0]
    assert (round(page.mediabox.width), round(page.mediabox.height)) == (595, 842)  # A4
    # A screen reader finds the headings, the contents as a list and each service's details.
    assert pdf.tags["H1"] == 1
    assert pdf.tags["H2"] == 2  # the contents and the one pathway
    assert pdf.tags["H3"] == 8
    assert pdf.tags["L"] >= 1 and pdf.tags["Link"] >= 2


def test_contents_and_cross_references_give_the_right_pages():
    prison = PrisonFactory(name="HMP Liverpool")
    for n in range(6):
        ServiceFactory(name=f"Housing {n}", prisons=[prison], how_to_refer="Ask.\n" * 6)
    ServiceFactory(
        name="Both ways",
        prisons=[prison],
        pathways=[pathway("accommodation"), pathway("children-families")],
    )
    pdf = make_pdf(prison)
    pages = pdf.pages
    families = re.search(r"Children and families \(1 service\), page (\d+)", pages[0])
    assert families, pages[0]
    families_page = pages[int(families[1]) - 1]
    assert "Keeping in touch with and rebuilding relationships" in families_page
    both = re.search(
        r"Both ways, Mentoring Project \d+: the details are under Accommodation, page (\d+)",
        families_page,
    )
    assert both, families_page
    assert "1. Both ways" in pages[int(both[1]) - 1]
    assert len(pdf.reader.outline) == 2  # bookmarks for the two pathways


def test_a_service_longer_than_a_page_and_unbroken_words_still_print(without_dejavu):
    prison = PrisonFactory()
    ServiceFactory(
        prisons=[prison],
        name="x" * 200,
        how_to_refer=("A long way to ask. " * 40 + "\n") * 8 + "y" * 300,
        eligibility="\t\x07control characters\x1b",
    )
    pdf = make_pdf(prison)
    assert len(pdf.pages) >= 2
    assert "control characters" in pdf.text
    assert "x" * 60 in pdf.text.replace(" ", "")


def test_a_prison_with_no_services_gets_a_page_saying_so():
    (text,) = make_pdf(PrisonFactory(name="HMP Nowhere")).pages
    assert "No mentoring services in the directory cover HMP Nowhere at the moment." in text
