"""The printable directory in Welsh, bilingual or English, chosen on the page; and Welsh letters
(ŵ, ŷ, â) that services write coming out as those letters in the PDF."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.conftest import sign_in
from tests.factories import LocalAuthorityFactory, PrisonFactory, ServiceFactory, pathway
from tests.html import error_summary
from tests.pdf import read_accessible_pdf

from .test_printing_pdf import dejavu_installed

pytestmark = pytest.mark.django_db

URL = reverse("providers:print_directory")
NOVEMBER_24 = datetime(2026, 11, 24, 9, 30, tzinfo=ZoneInfo("Europe/London"))
WELSH_NAME = "Cwtsh Tŷ Ŵyn: mentora â chalon"


@pytest.fixture
def coordinator_client(client, coordinator):
    return sign_in(client, coordinator)


@pytest.fixture
def cardiff():
    prison = PrisonFactory(name="HMP Cardiff")
    ServiceFactory(
        name=WELSH_NAME,
        summary="Rydyn ni'n helpu gyda rhywle i fyw ym Mhen-y-bŵt a Llanfair-ym-Muallt.",
        prisons=[prison],
        pathways=[pathway("accommodation"), pathway("finance-benefit-debt")],
        typical_wait_weeks=2,
    )
    return prison


def get(client, prison, **choice):
    with time_machine.travel(NOVEMBER_24, tick=False):
        return client.get(URL, {"prison": prison.pk, "show": "1", **choice})


def test_the_form_offers_english_welsh_or_both(coordinator_client):
    page = coordinator_client.get(URL).content.decode()
    for label in ("Welsh (Cymraeg)", "Welsh and English: the Welsh list, then the English one"):
        assert label in page
    assert 'value="bilingual"' in page and 'value="cy"' in page


@pytest.mark.skipif(not dejavu_installed(), reason="Debian's fonts-dejavu-core is not installed")
def test_a_welsh_pdf_is_in_welsh_and_prints_welsh_letters(coordinator_client, cardiff):
    response = get(coordinator_client, cardiff, format="pdf", language="cy")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'inline; filename="mentoring-services-hmp-cardiff-2026-11-24-cy.pdf"'
    )
    pdf = read_accessible_pdf(
        response.content,
        title="Gwasanaethau mentora: HMP Cardiff. Yn gywir ar 24 Tachwedd 2026",
        lang="cy",
    )
    text = " ".join(pdf.pages)
    # The letters themselves, not stand-ins (w, y, a) or empty boxes.
    assert WELSH_NAME in text
    assert "bŵt" in text and "Llanfair-ym-Muallt" in text.replace("- ", "-")
    assert "Yn y rhestr hon" in text and "Rhywle i fyw" in text
    assert "Ydy, fel arfer o fewn 2 wythnos" in text
    assert "Tudalen 1 o 2" in text and "Tudalen 2 o 2" in text
    assert "Correct on" not in text and "Page 1" not in text


def test_a_bilingual_web_page_is_welsh_then_english_each_marked_with_its_language(
    coordinator_client, cardiff
):
    response = get(coordinator_client, cardiff, format="html", language="bilingual")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-2026-11-24-cy-en.html"')
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert page.html["lang"] == "cy"
    welsh, english = page.select("main > div[lang]")
    assert (welsh["lang"], english["lang"]) == ("cy", "en-GB")
    assert welsh.h1.text == "Gwasanaethau mentora: HMP Cardiff"
    assert english.h1.text == "Mentoring services: HMP Cardiff"
    assert "Yn gywir ar 24 Tachwedd 2026" in welsh.text
    assert "Correct on 24 November 2026" in english.text
    # Each half links within itself, and no two elements share an id.
    ids = [tag["id"] for tag in page.select("[id]")]
    assert len(ids) == len(set(ids))
    for half in (welsh, english):
        own = {tag["id"] for tag in half.select("[id]")}
        links = {link["href"][1:] for link in half.select('a[href^="#"]')}
        assert links and links <= own
    # The cross-reference from the second pathway, in each language.
    assert "mae'r manylion o dan Rhywle i fyw" in welsh.text
    assert "the details are under Accommodation" in english.text


def test_english_stays_the_default_and_unchanged(coordinator_client, cardiff):
    response = get(coordinator_client, cardiff, format="html")
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert page.html["lang"] == "en-GB"
    assert len(page.select("main > div[lang]")) == 1
    assert page.h1.text == "Mentoring services: HMP Cardiff"
    assert response["Content-Disposition"].endswith('-2026-11-24.html"')


@pytest.mark.parametrize("language", ["fr", "cymraeg", "x" * 300])
def test_an_unknown_language_is_refused_beside_the_field(coordinator_client, cardiff, language):
    response = get(coordinator_client, cardiff, format="html", language=language)
    assert response.status_code == 400
    assert error_summary(response.content.decode()) == [
        ("Choose English, Welsh, or Welsh and English", "id_language_1")
    ]


def test_a_welsh_council_area_in_welsh(coordinator_client):
    council = LocalAuthorityFactory(name="Caerdydd")
    ServiceFactory(name=WELSH_NAME, local_authorities=[council])
    with time_machine.travel(NOVEMBER_24, tick=False):
        response = coordinator_client.get(
            URL, {"area": f"la-{council.gss_code}", "format": "html", "language": "cy"}
        )
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert page.html["lang"] == "cy"
    assert "Gwasanaethau mentora i bobl sy'n byw yn Caerdydd" in page.text
    assert WELSH_NAME in page.text
