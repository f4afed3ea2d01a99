"""The printable directory through HTTP: who may print it, choosing a prison or an area, bad
input, the PDF and the self-contained web page."""

import io
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.urls import reverse
from pypdf import PdfReader

from accounts.constants import PlatformRole
from providers.constants import MembershipRole, OrganisationStatus
from tests.conftest import sign_in
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PrisonFactory,
    ServiceFactory,
    UserFactory,
    pathway,
)
from tests.pdf import read_accessible_pdf

from .printing_fixtures import NEVER_PRINTED, make_listings

pytestmark = pytest.mark.django_db

URL = reverse("providers:print_directory")
NOVEMBER_24 = datetime(2026, 11, 24, 9, 30, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture
def places():
    return make_listings()


@pytest.fixture
def commissioner_client(client):
    return sign_in(client, UserFactory(platform_role=PlatformRole.COMMISSIONER))


@pytest.fixture
def coordinator_client(client, coordinator):
    return sign_in(client, coordinator)


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


# Who may print.


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(
    "make_user",
    [
        lambda: UserFactory(),
        lambda: UserFactory(platform_role=PlatformRole.ASSESSOR),
        lambda: MembershipFactory(role=MembershipRole.MENTOR).user,
        lambda: (
            MembershipFactory(
                role=MembershipRole.ORG_ADMIN,
                organisation=OrganisationFactory(status=OrganisationStatus.SUSPENDED),
            ).user
        ),
    ],
    ids=["no role", "assessor", "mentor", "admin of a suspended organisation"],
)
def test_people_without_a_printing_role_are_forbidden(client, places, make_user):
    sign_in(client, make_user())
    assert client.get(URL).status_code == 403
    query = {"prison": places.hmp_liverpool.pk, "format": "pdf"}
    assert client.get(URL, query).status_code == 403


@pytest.mark.parametrize(
    "make_user",
    [
        lambda: MembershipFactory(role=MembershipRole.COORDINATOR).user,
        lambda: MembershipFactory(role=MembershipRole.ORG_ADMIN).user,
        lambda: UserFactory(platform_role=PlatformRole.COMMISSIONER),
        lambda: UserFactory(platform_role=PlatformRole.PLATFORM_ADMIN, is_staff=True),
    ],
    ids=["coordinator", "org admin", "commissioner", "platform admin"],
)
def test_staff_and_commissioners_may_print(client, places, make_user):
    sign_in(client, make_user())
    page = client.get(URL)
    assert page.status_code == 200
    assert "Print the directory for a prison or area" in page.content.decode()
    response = client.get(URL, {"prison": places.hmp_liverpool.pk, "format": "pdf"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


# The form.


def test_the_form_offers_prisons_areas_and_formats(coordinator_client, places):
    page = soup(coordinator_client.get(URL))
    prisons = {option.text for option in page.select("select[name=prison] option")}
    assert {"Choose a prison", "HMP Liverpool", "HMP/YOI Durham"} <= prisons
    areas = page.select_one("select[name=area]")
    assert areas.select_one("optgroup[label='North West'] option").text == "All of North West"
    assert {o.text for o in areas.select("option")} >= {"Liverpool", "Sefton", "County Durham"}
    formats = [radio["value"] for radio in page.select("input[name=format][type=radio]")]
    assert formats == ["pdf", "html"]
    assert page.select_one("form")["method"] == "get"
    buttons = [button.text for button in page.select("form button")]
    assert buttons == ["Download", "Open in this browser"]


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"format": "pdf"}, "prison", "Choose a prison or an area"),
        ({"prison": "", "area": "", "format": "html"}, "prison", "Choose a prison or an area"),
        ({"prison": "999999", "format": "pdf"}, "prison", "Choose a prison from the list"),
        ({"prison": "HMP Liverpool", "format": "pdf"}, "prison", "Choose a prison from the list"),
        ({"prison": "1 OR 1=1", "format": "pdf"}, "prison", "Choose a prison from the list"),
        ({"area": "region-999999", "format": "pdf"}, "area", "Choose an area from the list"),
        ({"area": "region-x", "format": "pdf"}, "area", "Choose an area from the list"),
        ({"area": "la-E99999999", "format": "pdf"}, "area", "Choose an area from the list"),
        ({"area": "<script>", "format": "html"}, "area", "Choose an area from the list"),
        ({"area": "x" * 5000, "format": "html"}, "area", "Choose an area from the list"),
        ({"format": "docx", "prison": "PRISON"}, "format", "Choose PDF or web page"),
        ({"prison": "PRISON"}, "format", "Choose PDF or web page"),
        ({"prison": "PRISON", "area": "AREA", "format": "pdf"}, "area", "not both"),
    ],
)
def test_bad_choices_are_refused_beside_the_field(
    coordinator_client, places, query, field, message
):
    prison = str(places.hmp_liverpool.pk)
    area = f"la-{places.liverpool.gss_code}"
    query = {k: v.replace("PRISON", prison).replace("AREA", area) for k, v in query.items()}
    response = coordinator_client.get(URL, query)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    page = soup(response)
    summary = page.select_one(".govuk-error-summary")
    assert message in summary.text
    anchor = summary.select_one("a")["href"]
    assert anchor in (f"#id_{field}", f"#id_{field}_1")  # radios are numbered from 1
    assert page.select_one(anchor), "the summary's link leads to the field"
    beside = page.select_one(f"#div_id_{field} .govuk-error-message")
    assert message in beside.text
    assert page.title.text.startswith("Error: ")


def test_garbage_parameters_are_ignored_or_refused_never_a_crash(coordinator_client, places):
    response = coordinator_client.get(
        URL + "?prison=%00&area=%ff%fe&format=%e2%80%9c&format=pdf&junk=%%%"
    )
    assert response.status_code == 400


# What is printed.


def test_a_prison_as_pdf(coordinator_client, places):
    with time_machine.travel(NOVEMBER_24, tick=False):
        response = coordinator_client.get(URL, {"prison": places.hmp_liverpool.pk, "format": "pdf"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="mentoring-services-hmp-liverpool-2026-11-24.pdf"'
    )
    pdf = read_accessible_pdf(
        response.content, title="Mentoring services: HMP Liverpool. Correct on 24 November 2026"
    )
    text = pdf.text
    assert "Mentoring services: HMP Liverpool" in text
    assert "Correct on 24 November 2026" in text
    assert "1. Gate to Home" in text
    assert "Ask the offender management unit to email us." in text
    assert "testserver/services/" in text.replace("/ ", "/")  # a long address may wrap
    for hidden in NEVER_PRINTED:
        assert hidden not in text


def test_a_council_area_as_a_web_page(coordinator_client, places):
    with time_machine.travel(NOVEMBER_24, tick=False):
        response = coordinator_client.get(
            URL, {"area": f"la-{places.liverpool.gss_code}", "format": "html"}
        )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="mentoring-services-liverpool-2026-11-24.html"'
    )
    page = soup(response)
    assert page.h1.text == "Mentoring services: Liverpool"
    assert page.select_one(".date").text == "Correct on 24 November 2026"
    assert page.title.text == "Mentoring services: Liverpool. Correct on 24 November 2026"
    headings = [h2.text for h2 in page.select("main h2")]
    assert headings == [
        "In this list",
        "Accommodation",
        "Education, training and employment",
        "Health, including mental health",
        "Drugs and alcohol",
        "Finance, benefit and debt",
    ]
    services = [h3.text for h3 in page.select(".service h3")]
    assert services == ["1. Gate to Home", "2. Working Futures", "3. North West Recovery"]
    finance = page.select_one("section[aria-labelledby=finance-benefit-debt]")
    cross_reference = finance.select_one("li a")
    assert cross_reference.text == "1. Gate to Home"
    assert cross_reference["href"] == "#service-1"
    assert page.select_one("#service-1 h3").text == "1. Gate to Home"
    body = page.text
    assert "Not at the moment. You can still ask to go on the waiting list." in body
    assert "A key worker, the resettlement team or the prison library can help you ask." in body
    for hidden in (*NEVER_PRINTED, "Sefton Start", "Durham Mentors"):
        assert hidden not in body


def test_a_region_includes_national_services(commissioner_client, places):
    response = commissioner_client.get(
        URL, {"area": f"region-{places.north_east.pk}", "format": "html"}
    )
    services = [h3.text for h3 in soup(response).select(".service h3")]
    assert services == ["1. Working Futures", "2. Durham Mentors"]


def test_open_in_the_browser_instead_of_downloading(coordinator_client, places):
    for format_, extension in (("html", "html"), ("pdf", "pdf")):
        response = coordinator_client.get(
            URL, {"prison": places.hmp_liverpool.pk, "format": format_, "show": "1"}
        )
        assert response["Content-Disposition"].startswith("inline; filename=")
        assert response["Content-Disposition"].endswith(f'.{extension}"')


def test_the_web_page_makes_no_request_of_its_own(coordinator_client, places):
    ServiceFactory(
        name="Web <b>site</b> & co",
        prisons=[places.hmp_liverpool],
        url="https://example.org/mentoring",
        how_to_refer='Write to us <img src="x.png" onerror="alert(1)">',
    )
    response = coordinator_client.get(URL, {"prison": places.hmp_liverpool.pk, "format": "html"})
    html = response.content.decode()
    page = soup(response)
    assert page.find_all(["script", "link", "img", "iframe", "object", "embed", "form"]) == []
    assert (
        page.find_all(["source", "audio", "video", "picture", "svg", "base", "meta"], src=True)
        == []
    )
    for tag in page.find_all(True):
        assert not {"src", "srcset", "action", "background", "poster"} & set(tag.attrs), tag
    assert all(a["href"].startswith("#") for a in page.find_all("a"))
    assert not re.search(r"https?:", html)
    assert "//" not in html.replace("<!--", "")
    (style,) = page.find_all("style")
    assert "url(" not in style.text and "@import" not in style.text
    # Typed text is printed as text, never as markup.
    assert "Web &lt;b&gt;site&lt;/b&gt; &amp; co" in html
    assert "<b>" not in html and "<img" not in html


def test_the_web_page_styles_carry_the_csp_nonce(coordinator_client, places):
    response = coordinator_client.get(URL, {"prison": places.hmp_liverpool.pk, "format": "html"})
    nonce = soup(response).style["nonce"]
    assert nonce
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]


def test_an_empty_prison_gets_a_clear_page_and_pdf(coordinator_client):
    prison = PrisonFactory(name="HMP Nowhere")
    message = "No mentoring services in the directory cover HMP Nowhere at the moment."
    html = coordinator_client.get(URL, {"prison": prison.pk, "format": "html"})
    assert soup(html).select_one(".empty").text.startswith(message)
    pdf = coordinator_client.get(URL, {"prison": prison.pk, "format": "pdf"})
    assert message in pdf_text(pdf)


@pytest.mark.parametrize("format_", ["html", "pdf"])
def test_queries_do_not_grow_with_the_number_of_services(
    coordinator_client, places, format_, django_assert_max_num_queries
):
    query = {"area": f"region-{places.north_west.pk}", "format": format_}
    with django_assert_max_num_queries(20) as few:
        coordinator_client.get(URL, query)
    for n in range(15):
        ServiceFactory(
            name=f"More {n}",
            regions=[places.north_west],
            local_authorities=[places.liverpool, places.sefton],
            prisons=[places.hmp_liverpool],
            pathways=[pathway("health"), pathway("children-families")],
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = coordinator_client.get(URL, query)
    assert response.status_code == 200


# Reachable from the UI.


def test_the_dashboard_links_to_it_for_staff_and_commissioners(client, coordinator):
    sign_in(client, coordinator)
    assert URL in client.get(reverse("dashboard")).content.decode()
    sign_in(client, UserFactory(platform_role=PlatformRole.COMMISSIONER))
    assert URL in client.get(reverse("dashboard")).content.decode()
    sign_in(client, MembershipFactory(role=MembershipRole.MENTOR).user)
    assert URL not in client.get(reverse("dashboard")).content.decode()


def test_a_directory_search_by_prison_offers_its_printable_directory(client, coordinator, places):
    query = {"prison": places.hmp_liverpool.pk, "pathway": "accommodation"}
    assert URL not in client.get(reverse("providers:directory"), query).content.decode()
    sign_in(client, coordinator)
    page = soup(client.get(reverse("providers:directory"), query))
    links = [a["href"] for a in page.select(".app-print-links a")]
    assert links == [
        f"{URL}?prison={places.hmp_liverpool.pk}&format=pdf",
        f"{URL}?prison={places.hmp_liverpool.pk}&format=html",
    ]
    assert "print every service for HMP Liverpool" in page.select_one(".app-print-links").text


def test_the_commissioners_view_offers_it_for_an_area(commissioner_client, places):
    area = f"region-{places.north_west.pk}"
    page = soup(commissioner_client.get(reverse("providers:commissioning"), {"area": area}))
    assert page.select_one(f"a[href='{URL}']")
    links = [a["href"] for a in page.select(".app-print-links a")]
    assert links == [f"{URL}?area={area}&format=pdf", f"{URL}?area={area}&format=html"]
    response = commissioner_client.get(links[0])
    assert response.status_code == 200
