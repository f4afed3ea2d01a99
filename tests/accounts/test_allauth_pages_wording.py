"""allauth's own pages (password change and reset, email addresses, reauthentication, two-factor)
say things in our words (issue 19, items 1 and 8): none of the phrases of allauth's own templates
reaches a page's main content. The phrases are gathered from allauth's templates themselves, so
a page an upgrade adds or changes is checked too."""

import html
import re
from pathlib import Path

import allauth
import pytest
from django.urls import reverse

from tests.conftest import sign_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TRANS = re.compile(
    r'{%\s*trans(?:late)?\s+"([^"]+)"|{%\s*blocktrans(?:late)?\s*%}([^{]+){%\s*endblocktrans'
)
GETTEXT = re.compile(r'\b_\(\s*"([^"]+)"\s*\)')


def allauth_phrases() -> list[str]:
    """allauth's phrases of two words or more ("Change Password", "Forgot your password?"):
    of its templates, and of the forms of its accounts and two-factor pages."""
    root = Path(allauth.__file__).parent
    found = []
    for template in root.glob("templates/**/*.html"):
        found += [a or b for a, b in TRANS.findall(template.read_text())]
    account = root / "account"
    for module in [account / "forms.py", account / "fields.py", account / "adapter.py"] + list(
        root.glob("mfa/**/forms.py")
    ):
        found += GETTEXT.findall(module.read_text())
    return sorted({phrase.strip() for phrase in found if " " in phrase.strip()})


# allauth phrases that are already how we would say it.
ALREADY_OURS = {"Email address"}
PHRASES = [phrase for phrase in allauth_phrases() if phrase not in ALREADY_OURS]


def main_text(response) -> str:
    text = response.content.decode()
    start = text.find("<main")
    return html.unescape(re.sub(r"<[^>]+>", " ", text[start:] if start >= 0 else text))


def test_the_phrases_are_gathered():
    assert "Change Password" in PHRASES and "Password Reset" in PHRASES
    assert "Current Password" in PHRASES


SIGNED_IN_PAGES = [
    "account_change_password",
    "account_email",
    "account_reauthenticate",
    "mfa_reauthenticate",
    "mfa_index",
]
ANONYMOUS_PAGES = [
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key_done",
    "account_email_verification_sent",
]


@pytest.mark.parametrize("name", SIGNED_IN_PAGES)
def test_signed_in_account_pages_are_in_our_words(client, name):
    sign_in(client, UserFactory())
    response = client.get(reverse(name), follow=True)
    assert response.status_code == 200
    text = main_text(response)
    assert not [phrase for phrase in PHRASES if phrase in text]


@pytest.mark.parametrize("name", ANONYMOUS_PAGES)
def test_account_pages_are_in_our_words(client, name):
    response = client.get(reverse(name), follow=True)
    assert response.status_code == 200
    text = main_text(response)
    assert not [phrase for phrase in PHRASES if phrase in text]


def test_a_broken_reset_link_is_in_our_words(client):
    response = client.get(
        reverse("account_reset_password_from_key", args=["x", "set-password"]), follow=True
    )
    text = main_text(response)
    assert not [phrase for phrase in PHRASES if phrase in text]
