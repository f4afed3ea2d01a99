"""Ask for a mentor in Welsh, in a real browser with JavaScript off (a prison terminal): from the
Welsh start page to the confirmation and "Check your request", every page in Welsh under /cy/
with lang="cy", and axe on each page (its html-lang-valid rule included)."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from core.references import ALPHABET
from mentees.models import Referral
from tests.factories import (
    LocalAuthorityFactory,
    OrganisationFactory,
    PrisonFactory,
    ServiceFactory,
    pathway,
)

from .conftest import assert_accessible, no_javascript_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REFERENCE = re.compile(rf"JM-[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}")


@pytest.fixture
def gate_to_home():
    prison, sefton = PrisonFactory(name="HMP Liverpool"), LocalAuthorityFactory(name="Sefton")
    return ServiceFactory(
        name="Gate to Home",
        organisation=OrganisationFactory(name="Mersey Mentors"),
        pathways=[pathway("accommodation")],
        local_authorities=[sefton],
        prisons=[prison],
    )


def welsh_page(page, heading: str) -> None:
    """The page is the Welsh one we expect, and passes axe."""
    assert "/cy/" in page.url
    assert page.locator("html").get_attribute("lang") == "cy"
    assert page.get_by_role("heading", level=1).inner_text() == heading
    assert_accessible(page)


def parhau(page) -> None:
    page.get_by_role("button", name="Parhau").click()


def fill_date(page, question: str, day: date) -> None:
    group = page.get_by_role("group", name=question)
    group.get_by_label("Diwrnod").fill(str(day.day))
    group.get_by_label("Mis").fill(str(day.month))
    group.get_by_label("Blwyddyn").fill(str(day.year))


def test_a_person_in_prison_asks_for_a_mentor_in_welsh_without_javascript(
    live_server, browser, gate_to_home
):
    context = no_javascript_context(browser)
    page = context.new_page()
    release = timezone.localdate() + timedelta(days=120)

    # The English start page, then the switch to Cymraeg in the header.
    page.goto(f"{live_server.url}/ask-for-a-mentor/")
    page.get_by_role("link", name="Cymraeg").click()
    welsh_page(page, "Gofyn am fentor")
    page.get_by_role("button", name="Dechrau nawr").click()

    welsh_page(page, "Pwy sy'n llenwi'r ffurflen hon?")
    page.get_by_label("Y person sydd eisiau mentor").check()
    parhau(page)

    welsh_page(page, "Beth yw eich enw llawn?")
    page.get_by_label("Beth yw eich enw llawn?").fill("Siôn Dafydd ap Gwŷn")
    parhau(page)

    welsh_page(page, "Beth yw eich dyddiad geni?")
    fill_date(page, "Beth yw eich dyddiad geni?", date(1990, 3, 27))
    parhau(page)

    welsh_page(page, "Ble rydych chi nawr?")
    page.get_by_label("Yn y carchar", exact=True).check()
    parhau(page)

    welsh_page(page, "Ym mha garchar rydych chi?")
    page.get_by_label("Ym mha garchar rydych chi?").select_option(label="HMP Liverpool")
    parhau(page)

    # A wrong answer: the error summary in Welsh, our own message, the answer kept.
    welsh_page(page, "Beth yw eich rhif carchar?")
    page.get_by_label("Beth yw eich rhif carchar?").fill("1234ABC")
    parhau(page)
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Mae problem wedi codi" in summary
    assert "fel A1234BC" in summary
    assert page.title().startswith("Gwall: ")
    welsh_page(page, "Beth yw eich rhif carchar?")
    page.get_by_label("Beth yw eich rhif carchar?").fill("A1234BC")
    parhau(page)

    question = "Pryd rydych chi'n disgwyl cael eich rhyddhau?"
    welsh_page(page, question)
    fill_date(page, question, release)
    parhau(page)

    question = "Ym mha ardal cyngor byddwch chi'n byw ar ôl cael eich rhyddhau?"
    welsh_page(page, question)
    page.get_by_label(question).select_option(label="Sefton")
    parhau(page)

    welsh_page(page, "Beth hoffech chi help gydag e?")
    page.get_by_label("Rhywle i fyw").check()
    parhau(page)

    welsh_page(page, "Eich mentor")
    parhau(page)

    welsh_page(page, "Dewiswch wasanaeth mentora")
    assert "Yn helpu gyda rhywle i fyw." in page.locator("main").inner_text()
    page.get_by_label("Gate to Home (Mersey Mentors)").check()
    parhau(page)

    welsh_page(page, "Sut i gysylltu â chi")
    page.get_by_label("Drwy lythyr").check()
    page.get_by_label("Cyfeiriad post").fill("Siôn Dafydd A1234BC\nCEF Lerpwl\nL9 3DF")
    parhau(page)

    welsh_page(page, "Sut mae eich gwybodaeth yn cael ei defnyddio")
    page.get_by_label("Rydw i wedi darllen sut mae fy atebion yn cael eu defnyddio").check()
    parhau(page)

    welsh_page(page, "Gwiriwch eich atebion cyn anfon y cais")
    answers = page.locator(".govuk-summary-list").inner_text()
    for answer in ("Siôn Dafydd ap Gwŷn", "27 Mawrth 1990", "HMP Liverpool", "A1234BC", "Sefton"):
        assert answer in answers
    page.get_by_role("button", name="Anfon y cais").click()

    welsh_page(page, "Cais wedi'i anfon")
    reference = page.locator(".app-reference").inner_text()
    assert REFERENCE.fullmatch(reference)
    referral = Referral.objects.get()
    assert referral.reference == reference and referral.full_name == "Siôn Dafydd ap Gwŷn"

    page.get_by_role("link", name="Gwirio eich cais").click()
    welsh_page(page, "Gwirio eich cais am fentor")
    page.get_by_label("Cyfeirnod").fill(reference)
    fill_date(page, "Dyddiad geni'r person a ofynnodd am fentor", date(1990, 3, 27))
    page.get_by_role("button", name="Gwirio'r cais").click()
    welsh_page(page, "Eich cais am fentor")
    assert "Wedi dod i law" in page.locator(".govuk-summary-list").inner_text()

    # And back to English from the header, on the same page.
    page.get_by_role("link", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en-GB"
    assert page.get_by_role("heading", level=1).inner_text() == "Your request for a mentor"
    context.close()


def test_welsh_service_text_and_volunteering_pages_in_welsh_without_javascript(
    live_server, browser, gate_to_home
):
    """A service's own Welsh, the English-only note (its English marked lang="en-GB"), and the
    volunteering pages before signing in: in Welsh, and axe on each."""
    from tests.factories_volunteering import VolunteerRoleFactory

    gate_to_home.name_cy = "Porth i'r Cartref"
    gate_to_home.summary_cy = "Mentora bob wythnos, o'r carchar i'ch cartref."
    gate_to_home.save()
    ServiceFactory(name="English Only Mentoring", summary="Weekly mentoring in English.")
    role = VolunteerRoleFactory(organisation=gate_to_home.organisation, title="Mentor y giât")
    page = no_javascript_context(browser).new_page()

    page.goto(f"{live_server.url}/services/")
    page.get_by_role("link", name="Cymraeg").click()
    welsh_page(page, "Dod o hyd i wasanaeth mentora")
    assert page.get_by_role("link", name="Porth i'r Cartref").is_visible()
    english = page.locator('p[lang="en-GB"]', has_text="Weekly mentoring in English.")
    assert english.count() == 1
    assert page.get_by_text("Yn Saesneg yn unig").count() == 1

    page.get_by_role("link", name="Porth i'r Cartref").click()
    welsh_page(page, "Porth i'r Cartref")
    assert page.get_by_text("Mentora bob wythnos").is_visible()

    page.goto(f"{live_server.url}/cy/volunteer/")
    welsh_page(page, "Gwirfoddoli fel mentor")
    page.get_by_role("link", name="Mentor y giât").click()
    welsh_page(page, "Mentor y giât")
    page.get_by_role("button", name="Gwneud cais am y rôl hon").click()
    welsh_page(page, "Gwneud cais am y rôl: mentor y giât")
    assert f"/cy/volunteer/roles/{role.pk}/apply/" in page.url
