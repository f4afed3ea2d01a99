"""Public pages stay light: their own small stylesheet and script, compressed HTML where no secret
can leak through it (BREACH), and a stylesheet that styles every class they use."""

import gzip
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse

from tests.conftest import sign_in
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db
VENDOR = Path(settings.BASE_DIR) / "static" / "vendor"
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.fixture
def service(db):
    return ServiceFactory(name="Gate mentoring")


def public_urls(service) -> list[str]:
    directory = reverse("providers:directory")
    return [
        reverse("home"),
        reverse("privacy"),
        directory,
        f"{directory}?q=mentoring",
        f"{directory}?q=zzzz&age=old",  # an error summary and no results
        reverse("providers:service_detail", args=[service.pk]),
        reverse("providers:service_ask", args=[service.pk]),
        reverse("providers:organisation_detail", args=[service.organisation.slug]),
        reverse("mentees:ask_start"),
        reverse("mentees:check_request"),
    ]


def test_public_pages_load_the_small_stylesheet_and_no_staff_script(client, service):
    for url in public_urls(service):
        html = client.get(url).text
        assert "vendor/public.css" in html and "js/public.mjs" in html, url
        assert "vendor/main.css" not in html and "js/app.mjs" not in html, url


def test_staff_pages_keep_the_full_stylesheet(client, org_admin):
    sign_in(client, org_admin)
    html = client.get(reverse("dashboard")).text
    assert "vendor/main.css" in html and "js/app.mjs" in html
    assert "vendor/public.css" not in html


def styled_classes(stylesheet: str) -> set[str]:
    css = (VENDOR / stylesheet).read_text().replace("\\!", "!")
    return set(re.findall(r"\.((?:govuk|moj|app)-[\w!-]+)", css))


def test_the_public_stylesheet_styles_every_class_the_public_pages_use(client, service):
    """Every class the full stylesheet would style on a public page, the small one styles too."""
    public, full = styled_classes("public.css"), styled_classes("main.css")
    missing = {}
    for url in public_urls(service):
        soup = BeautifulSoup(client.get(url).text, "html.parser")
        for element in soup.find_all(class_=True):
            for name in element["class"]:
                if name in full and name not in public:
                    missing.setdefault(name, url)
    assert not missing, f"add these components to static/scss/public.scss: {missing}"


def test_public_pages_are_compressed_for_a_visitor_with_no_session(client, service):
    for url in public_urls(service)[:3]:
        response = client.get(url, **GZIP)
        assert response.headers["Content-Encoding"] == "gzip", url
        assert "Accept-Encoding" in response.headers["Vary"]
        assert b"Open Gate" in gzip.decompress(response.content)


def test_the_directory_stays_compressed_under_10_kb(client, service):
    response = client.get(reverse("providers:directory"), **GZIP)
    assert response.headers["Content-Encoding"] == "gzip"
    assert len(response.content) < 10_000


def test_a_visitor_with_answers_in_their_session_gets_no_compressed_journey_page(client, service):
    session = client.session
    session["anything"] = "a personal answer"
    session.save()
    assert "Content-Encoding" not in client.get(reverse("mentees:ask_start"), **GZIP).headers
    # The session middleware marks every answer to a visitor with something in their session
    # no-store and private (docs/decisions/0030), and nothing private is compressed: the
    # directory too, while they are part way through a request.
    directory = client.get(reverse("providers:directory"), **GZIP)
    assert "private" in directory.headers["Cache-Control"]
    assert "Content-Encoding" not in directory.headers


def test_signed_in_pages_and_posts_are_never_compressed(client, org_admin, service):
    response = client.post(reverse("mentees:check_request"), {}, **GZIP)
    assert "Content-Encoding" not in response.headers
    sign_in(client, org_admin)
    for url in (reverse("dashboard"), reverse("providers:directory")):
        assert "Content-Encoding" not in client.get(url, **GZIP).headers, url
