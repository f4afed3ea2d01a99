"""No message written by Django or a library reaches anyone: every form of ours, and allauth's
public ones, sent empty, with words where numbers or dates belong, and with numbers out of range,
answers in our own words.

The forms are found as tests/security/test_fuzz_forms.py finds them (every URL pattern the URL
walk knows, signed in as the role it is for). The default wording is gathered from the code that
would write it (Django's form and model fields, its validators and password validators, allauth's
adapter and forms), so a library upgrade that adds a message is covered too.
"""

import html
import inspect
import re

import pytest
from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django import forms
from django.core import validators
from django.db import models

from core import form_messages
from core.form_messages import our_wording

from .test_fuzz_forms import FIELD_NAME, URLENCODED, encode, fuzzed_routes, signed_in_url

PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sdr]|%[sdr]|\{[a-z_]*\}")
# Values sent in every field of a form, one kind at a time.
EMPTY, WORDS, OUT_OF_RANGE, NEGATIVE = b"", b"not a value", b"99999999999", b"-1"


def _texts_of(obj) -> list[str]:
    texts = []
    for name in ("default_error_messages", "error_messages"):
        messages = getattr(obj, name, None)
        if isinstance(messages, dict):
            texts += [str(text) for text in messages.values()]
    message = getattr(obj, "message", None)
    if isinstance(message, str) or hasattr(message, "_proxy____cast"):
        texts.append(str(message))
    return texts


def _subclasses(module, base):
    return [obj for _, obj in inspect.getmembers(module, inspect.isclass) if issubclass(obj, base)]


def default_wording() -> list[str]:
    """The messages Django and allauth would write, each as its words between placeholders."""
    texts = []
    for cls in _subclasses(forms.fields, forms.Field) + _subclasses(forms.models, forms.Field):
        texts += _texts_of(cls)
    texts += _texts_of(forms.models.ModelMultipleChoiceField)
    for cls in _subclasses(models.fields, models.Field):
        texts += _texts_of(cls)
    for cls in _subclasses(validators, validators.BaseValidator) + [
        validators.EmailValidator,
        validators.URLValidator,
        validators.RegexValidator,
        validators.DecimalValidator,
        validators.ProhibitNullCharactersValidator,
    ]:
        texts += _texts_of(cls)
    texts += [
        "This field is required.",
        "Enter a valid value.",
        "Ensure this value",
        "Select a valid choice",
        # Django's password validators build their wording when they run.
        "This password is too short",
        "This password is too common",
        "This password is entirely numeric",
        "The password is too similar",
        "The two password fields didn",
        "You must type the same password each time",
        "Please correct the",
        "with this %s already exists",
    ]
    texts += [str(text) for text in DefaultAccountAdapter.error_messages.values()]
    texts += [str(text) for text in DefaultMFAAdapter.error_messages.values()]
    # Django's own words that core.form_messages replaced when the project started.
    texts = [text for text in texts if text not in our_wording()] + [
        str(text) for text in form_messages.REPLACED
    ]
    chunks = set()
    for text in texts:
        # A message's opening words (with the full stop that ends it, which ours never have),
        # and any long run of words between its placeholders.
        for position, chunk in enumerate(PLACEHOLDER.split(text)):
            chunk = chunk.strip(" “”\"'")
            if len(chunk) >= 25 or (position == 0 and len(chunk) >= 12):
                chunks.add(chunk)
    return sorted(chunks)


DEFAULT_WORDING = default_wording()


def main_text(content: bytes) -> str:
    text = content.decode(errors="replace")
    start = text.find("<main")
    return html.unescape(text[start:] if start >= 0 else text)


def defaults_in(content: bytes) -> list[str]:
    text = main_text(content)
    return [chunk for chunk in DEFAULT_WORDING if chunk in text]


def test_the_list_of_default_wording_catches_what_it_should():
    for words in (
        "This field is required.",
        "Enter a valid email address.",
        "Ensure this value is greater than or equal to 0.",
        "Select a valid choice. x is not one of the available choices.",
        "Enter a whole number.",
        "The email address and/or password you specified are not correct.",
        "This password is too short. It must contain at least 12 characters.",
        "Incorrect code.",
    ):
        assert defaults_in(b"<main>" + words.encode() + b"</main>"), words
    assert not defaults_in(b"<main>Enter your full name</main>")


def form_names(page: bytes) -> list[bytes]:
    return sorted(set(FIELD_NAME.findall(page)) - {b"csrfmiddlewaretoken"})


@pytest.mark.django_db
@pytest.mark.parametrize("name", fuzzed_routes())
def test_no_form_answers_in_default_wording(client, name):
    url = signed_in_url(client, name)
    shown = client.get(url)
    page = b"" if shown.streaming else shown.content
    names = form_names(page)
    if not names or shown.status_code != 200:
        pytest.skip("no form on this page")
    found = {}
    for value in (EMPTY, WORDS, OUT_OF_RANGE, NEGATIVE):
        sent = client.generic("POST", url, encode([(n, [value]) for n in names]), URLENCODED)
        if sent.streaming:
            continue
        answer = sent.content
        if sent.status_code in (301, 302, 303) and sent["Location"].startswith("/"):
            answer = client.get(sent["Location"]).content  # A message shown after a redirect.
        wording = defaults_in(answer)
        if wording:
            found[value.decode() or "(empty)"] = wording
    assert not found, found
