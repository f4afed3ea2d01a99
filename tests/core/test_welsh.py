"""Welsh: the /cy/ addresses, the language switch, and a catalogue that misses nothing."""

import re
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.template.base import Lexer, TokenType
from django.urls import reverse
from django.utils import timezone, translation

from mentees.tasks import send_referral_decision_email
from tests.factories import ServiceFactory
from tests.mentees.factories import ReferralFactory

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
CATALOGUE = ROOT / "locale/cy/LC_MESSAGES/django.po"

# The public and offender-facing templates done so far (docs/welsh.md lists what is left).
PUBLIC_TEMPLATES = [
    "base.html",
    "404.html",
    "403_csrf.html",
    "429.html",
    "500.html",
    "components/error_summary.html",
    "components/pagination.html",
    "components/messages.html",
    "components/notification_banner.html",
    "components/service_navigation.html",
    "components/summary_list.html",
    "gds/layout/field_errors.html",
    "gds/layout/field_errors_block.html",
    "pages/home.html",
    "pages/privacy.html",
    "pages/accessibility.html",
    "pages/cookies.html",
    *(
        f"providers/directory/{path.name}"
        for path in (ROOT / "templates/providers/directory").glob("*.html")
    ),
    # Volunteering before signing in; the signed-in application is next (docs/welsh.md).
    *(
        f"volunteers/volunteering/{name}.html"
        for name in ("roles", "role", "apply", "_role_facts", "_role_result")
    ),
    *(
        f"accreditation/public/{path.name}"
        for path in (ROOT / "templates/accreditation/public").glob("*.html")
    ),
    *(f"mentees/ask/{path.name}" for path in (ROOT / "templates/mentees/ask").glob("*.html")),
    *(f"mentees/check/{path.name}" for path in (ROOT / "templates/mentees/check").glob("*.html")),
]
# Text with no word in it, or words that are names in both languages.
NOT_WORDS = re.compile(r"&[a-z]+;|&#\d+;|[^A-Za-z]|\b(Open Gate|JM|OMU)\b")
INCLUDED_WORDS = re.compile(r'\b(?:text|title|label|heading|caption|empty)="([^"]*[A-Za-z][^"]*)"')
VISIBLE_ATTRIBUTES = re.compile(r'\b(?:alt|title|aria-label|placeholder)="([^"{]*[A-Za-z][^"{]*)"')


def unmarked_text(source: str) -> list[str]:
    """Visible English in a template that is not inside {% translate %} or {% blocktranslate %}:
    text between tags, and words in alt, title, aria-label and placeholder attributes."""
    kept, found = [], []
    skipping = None  # the end tag we are waiting for
    staff_branch = 0
    for token in Lexer(source).tokenize():
        content = token.contents.strip()
        if token.token_type == TokenType.BLOCK:
            name = content.split()[0] if content else ""
            if skipping:
                if name == skipping:
                    skipping = None
            elif name in ("blocktranslate", "blocktrans") and "asvar" not in content:
                skipping = "endblocktranslate" if name == "blocktranslate" else "endblocktrans"
            elif name == "comment":
                skipping = "endcomment"
            elif content == "block robots":
                skipping = "endblock"  # Words for search engines, not people.
            elif content.startswith("if user.is_authenticated"):
                staff_branch += 1  # Signed-in staff menus stay English.
            elif name == "else" and staff_branch:
                staff_branch -= 1
            elif name == "include" and not staff_branch:
                found += INCLUDED_WORDS.findall(content)
            kept.append(" ")
        elif token.token_type == TokenType.TEXT and not (skipping or staff_branch):
            kept.append(token.contents)
        else:
            kept.append("0")  # a variable: a value, not our words
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", "".join(kept), flags=re.S)
    found += VISIBLE_ATTRIBUTES.findall(text)
    for between in re.split(r"<[^>]*>", text):
        if NOT_WORDS.sub("", between).strip():
            found.append(" ".join(between.split()))
    return found


def test_the_checker_finds_unmarked_text_and_passes_marked_text():
    assert unmarked_text("<p>Hello there</p>") == ["Hello there"]
    assert unmarked_text('<img alt="A mentor">') == ["A mentor"]
    assert unmarked_text('{% load i18n %}<p>{% translate "Hello" %}</p>') == []
    assert unmarked_text("<p>{% blocktranslate %}Hi {{ name }}{% endblocktranslate %}</p>") == []
    assert unmarked_text("<p>{{ name }} &middot; 3</p>") == []
    assert unmarked_text('{% include "components/tag.html" with text="New" %}') == ["New"]


@pytest.mark.parametrize("template", PUBLIC_TEMPLATES)
def test_public_templates_mark_every_visible_string_for_translation(template):
    source = (ROOT / "templates" / template).read_text()
    assert unmarked_text(source) == []


def _catalogue_entries() -> dict[str, str]:
    text = CATALOGUE.read_text()
    entries = {}
    for match in re.finditer(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', text, re.M):
        msgid = "".join(re.findall(r'"(.*)"', match.group(1)))
        entries[msgid] = "".join(re.findall(r'"(.*)"', match.group(2)))
    return entries


def test_the_welsh_catalogue_has_no_fuzzy_or_missing_translation():
    text = CATALOGUE.read_text()
    assert "#, fuzzy" not in text
    untranslated = [msgid for msgid, msgstr in _catalogue_entries().items() if msgid and not msgstr]
    assert untranslated == []
    assert "nplurals=6;" in text
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(CATALOGUE)], check=True)


def test_the_welsh_catalogue_holds_every_string_of_the_public_pages(tmp_path):
    """makemessages over the code, into a copy: every string it finds is in our catalogue."""
    entries = _catalogue_entries()
    sources = [ROOT / "templates" / template for template in PUBLIC_TEMPLATES]
    sources += [
        ROOT / "mentees" / name for name in ("ask.py", "constants.py", "referral_answers.py")
    ]
    sources += list((ROOT / "mentees/forms").glob("*.py")) + [ROOT / "mentees/views/check.py"]
    sources += list((ROOT / "volunteers/forms").glob("*.py"))  # were in mentees/forms (0053)
    sources += [
        ROOT / name
        for name in (
            "providers/forms/directory.py",
            "providers/constants.py",
            "providers/eligibility.py",
            "providers/pathways.py",
            "accreditation/forms.py",
            "config/urls.py",
            "core/languages.py",
        )
    ]
    pot = tmp_path / "strings.pot"
    python = [str(path) for path in sources if path.suffix == ".py"]
    subprocess.run(
        [
            "xgettext",
            "--from-code=UTF-8",
            "-L",
            "Python",
            "--keyword=_",
            "--keyword=gettext_lazy",
            "--keyword=gettext_noop",
            "-o",
            str(pot),
            *python,
        ],
        check=True,
    )
    found = set(re.findall(r'^msgid "(.+)"$', pot.read_text(), re.M))
    for path in sources:
        if path.suffix == ".html":
            found |= set(re.findall(r'{% translate "([^"]+)"', path.read_text()))
    assert len(found) > 300
    assert sorted(found - set(entries)) == []


def test_a_public_page_has_a_welsh_address_and_says_its_language():
    english = reverse("mentees:ask_start")
    with translation.override("cy"):
        welsh = reverse("mentees:ask_start")
    assert (english, welsh) == ("/ask-for-a-mentor/", "/cy/ask-for-a-mentor/")


def test_the_welsh_page_is_in_welsh_with_lang_hreflang_and_a_switch_back(client):
    response = client.get("/cy/ask-for-a-mentor/")
    body = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="cy"' in body
    assert '<h1 class="govuk-heading-xl">Gofyn am fentor</h1>' in body
    assert "Neidio i'r prif gynnwys" in body
    assert 'hreflang="en-GB" href="http://testserver/ask-for-a-mentor/"' in body
    assert 'hreflang="cy" href="http://testserver/cy/ask-for-a-mentor/"' in body
    assert '<span aria-current="true">Cymraeg</span>' in body
    assert 'href="/ask-for-a-mentor/" hreflang="en-GB" lang="en-GB" rel="alternate">English' in body
    assert response["Content-Language"] == "cy"


def test_the_english_page_links_to_its_welsh_version_keeping_the_query(client):
    body = client.get("/ask-for-a-mentor/?from=home").content.decode()
    assert '<html lang="en-GB"' in body
    assert 'href="/cy/ask-for-a-mentor/?from=home" hreflang="cy" lang="cy"' in body


def test_links_on_a_welsh_page_stay_welsh_and_staff_links_stay_english(client):
    body = client.get("/cy/").content.decode()
    assert 'href="/cy/ask-for-a-mentor/"' in body
    assert 'href="/cy/services/"' in body
    assert 'href="/accounts/login/"' in body


def test_staff_pages_have_no_welsh_address_nor_a_language_switch(client, django_user_model):
    assert client.get("/cy/organisation/referrals/").status_code == 404
    assert client.get("/cy/accounts/login/").status_code == 404
    body = client.get("/accounts/login/").content.decode()
    assert "Cymraeg" not in body
    assert '<html lang="en-GB"' in body


@pytest.mark.parametrize("path", ["/xx/ask-for-a-mentor/", "/cy-gb/", "/en-gb/", "/zz/"])
def test_an_unknown_language_in_the_address_is_a_page_not_found_in_english(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert '<html lang="en-GB"' in response.content.decode()
    assert "Page not found" in response.content.decode()


@pytest.mark.parametrize("cookie", ["xx", "cy", "", "en-gb;drop"])
def test_the_language_cookie_and_browser_language_never_change_the_page(client, cookie):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = cookie
    response = client.get("/ask-for-a-mentor/", HTTP_ACCEPT_LANGUAGE="cy,xx;q=0.5")
    assert response.status_code == 200
    assert '<html lang="en-GB"' in response.content.decode()


def test_a_welsh_page_not_found_is_in_welsh(client):
    response = client.get("/cy/no-such-page/")
    assert response.status_code == 404
    assert "Heb ddod o hyd i'r dudalen" in response.content.decode()


def test_welsh_errors_use_govuk_frontend_welsh_words_and_our_own_messages(client):
    client.get("/cy/ask-for-a-mentor/start/")
    response = client.post("/cy/ask-for-a-mentor/who/", {"completed_by": "nobody"})
    body = response.content.decode()
    assert response.status_code == 400
    assert "Mae problem wedi codi" in body
    assert "Gwall:" in body
    assert "Dewiswch o&#x27;r rhestr pwy sy&#x27;n llenwi&#x27;r ffurflen hon" in body
    assert 'class="govuk-back-link">Yn ôl</a>' in body


def test_welsh_date_input_labels(client):
    client.get("/cy/ask-for-a-mentor/start/")
    client.post("/cy/ask-for-a-mentor/who/", {"completed_by": "self"})
    client.post("/cy/ask-for-a-mentor/name/", {"full_name": "Rhys ap Siôn"})
    body = client.get("/cy/ask-for-a-mentor/date-of-birth/").content.decode()
    assert "Diwrnod" in body and "Mis" in body and "Blwyddyn" in body
    assert "Beth yw eich dyddiad geni?" in body


def test_the_directory_in_welsh_filters_mentors_who_speak_welsh(
    client, django_assert_max_num_queries
):
    ServiceFactory(name="Mentora Cymraeg", languages=["en", "cy"])
    ServiceFactory(name="English only mentoring", languages=["en"])
    with django_assert_max_num_queries(12):
        response = client.get("/cy/services/", {"welsh_speaking": "on"})
    body = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="cy"' in body
    assert "Mentora Cymraeg" in body and "English only mentoring" not in body
    assert "Mentoriaid sy&#x27;n siarad Cymraeg" in body
    assert "1 gwasanaeth" in body
    everyone = client.get("/cy/services/").content.decode()
    assert "Mentora Cymraeg" in everyone and "English only mentoring" in everyone


@pytest.mark.parametrize(
    "path",
    ["/cy/", "/cy/privacy/", "/cy/accessibility/", "/cy/cookies/", "/cy/accreditation/register/"],
)
def test_the_other_public_pages_are_in_welsh(client, path):
    response = client.get(path)
    body = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="cy"' in body
    assert "Neidio i'r prif gynnwys" in body
    assert "Skip to main content" not in body


@pytest.mark.parametrize(
    ("asked_in", "subject", "words", "link"),
    [
        ("cy", "Eich cais am fentor", "Penderfyniad: Heb ei dderbyn", "/cy/check-your-request/"),
        ("en-gb", "Your request for a mentor", "Decision: Not accepted", "/check-your-request/"),
        ("xx", "Your request for a mentor", "Decision: Not accepted", "/check-your-request/"),
    ],
)
def test_the_decision_email_is_in_the_language_the_request_was_made_in(
    asked_in, subject, words, link, mailoutbox
):
    referral = ReferralFactory(
        asked_in=asked_in,
        contact_methods=["email"],
        email="sion@example.com",
        status="declined",
        decline_reason="no_capacity",
        decided_at=timezone.now(),
    )
    assert send_referral_decision_email(str(referral.pk)) == 1
    sent = mailoutbox[0]
    assert sent.subject.startswith(f"{subject} {referral.reference}")
    assert words in sent.body
    assert f"{settings.SITE_URL.rstrip('/')}{link}" in sent.body


def test_volunteering_before_signing_in_is_in_welsh_and_links_stay_welsh(client):
    from tests.factories_volunteering import VolunteerRoleFactory

    role = VolunteerRoleFactory(title="Mentor y giât")
    organisation = role.organisation
    pages = {
        "/cy/volunteer/": [
            "Gwirfoddoli fel mentor",
            "1 rôl",
            f'href="/cy/volunteer/roles/{role.pk}/"',
        ],
        f"/cy/volunteer/roles/{role.pk}/": [
            "Beth mae mentor yn ei wneud",
            "Gwiriad DBS",
            f'href="/cy/volunteer/roles/{role.pk}/apply/"',
        ],
        f"/cy/volunteer/roles/{role.pk}/apply/": [
            "Gwneud cais am y rôl: mentor y giât",
            "Creu cyfrif",
        ],
        f"/cy/organisations/{organisation.slug}/volunteer/": [
            f"Gwirfoddoli gyda {organisation.name}",
            "Rolau y gallwch chi wneud cais amdanyn nhw",
        ],
    }
    for path, words in pages.items():
        response = client.get(path)
        body = response.content.decode()
        assert response.status_code == 200, path
        assert '<html lang="cy"' in body, path
        for word in words:
            assert word in body, (path, word)
        assert "Volunteer as a mentor" not in body and "Apply for this role" not in body
    english = client.get(f"/volunteer/roles/{role.pk}/").content.decode()
    assert "What a mentor does" in english and '<html lang="en' in english


def test_staff_pages_show_welsh_letters_as_written(client, organisation, coordinator):
    """Names with ŵ, ŷ and â that people and providers type come back as those letters (not
    entities, stand-ins or mojibake) on the English staff pages."""
    from providers.constants import MembershipRole
    from tests.conftest import sign_in
    from tests.factories import MembershipFactory

    admin = MembershipFactory(organisation=organisation, role=MembershipRole.ORG_ADMIN).user
    person = "Siân ap Rhŷs Ŵyn"
    service = "Mentora Tŷ Ŵyn â Chalon"
    ReferralFactory(organisation=organisation, full_name=person)
    ServiceFactory(organisation=organisation, name=service)
    sign_in(client, coordinator)
    inbox = client.get(reverse("mentees:referral_inbox"))
    sign_in(client, admin)
    listings = client.get(reverse("providers:listings"))
    assert inbox["Content-Type"] == "text/html; charset=utf-8"
    assert person in inbox.content.decode("utf-8")
    assert service in listings.content.decode("utf-8")
    assert '<html lang="en' in inbox.content.decode()
