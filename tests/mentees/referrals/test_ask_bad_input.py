"""Bad answers on the later pages of "Ask for a mentor": each is refused with the GOV.UK error
summary and a message beside the question, and the answer kept in the session stays as it was."""

import copy
from datetime import timedelta

import pytest
from django.utils import timezone

from mentees.ask import SESSION_KEY
from providers.models import LocalAuthority
from tests.factories import LocalAuthorityFactory, PrisonFactory, ServiceFactory
from tests.html import error_beside, error_summary

from .journey import custody_answers, finishing_pages, step_url, walk

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(client):
    """A journey answered to the end (someone in prison, one suggested service), so every page
    can be posted to again."""
    council = LocalAuthorityFactory(name="Sefton")
    prison = PrisonFactory(name="HMP Liverpool")
    service = ServiceFactory(local_authorities=[council])
    release = timezone.localdate() + timedelta(days=90)
    walk(
        client,
        custody_answers(prison=prison, local_authority=council, release=release)
        + finishing_pages(service),
    )
    return client


def _kept(client) -> dict:
    return copy.deepcopy(client.session[SESSION_KEY])


def _refused(client, slug: str, data: dict, errors: dict[str, str]) -> None:
    """Posting `data` to the page gives exactly `errors` ({field: message}), each in the
    summary and beside its field, and changes nothing kept."""
    before = _kept(client)
    response = client.post(step_url(slug), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert sorted(message for message, _target in error_summary(body)) == sorted(errors.values())
    for field, message in errors.items():
        assert error_beside(body, field) == message
    assert _kept(client) == before, "a refused answer is not kept"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Select where you are now"),
        ({"situation": ""}, "Select where you are now"),
        ({"situation": "on_the_moon"}, "Select where you are now from the list"),
    ],
)
def test_where_you_are_now(answered, data, message):
    _refused(answered, "where-now", data, {"situation": message})


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "Select a council area, or ‘I do not know yet’"),
        ("la-E99999999", "Select a council area from the list"),  # no such council
        ("E08000014", "Select a council area from the list"),  # a code without its prefix
        ("REGION", "Select a council area from the list"),  # a whole region, not a council
        ("la-' OR 1=1 --", "Select a council area from the list"),
    ],
)
def test_the_council_area(answered, value, message):
    if value == "REGION":
        value = f"region-{LocalAuthority.objects.get(name='Sefton').region_id}"
    _refused(answered, "area", {"local_authority": value}, {"local_authority": message})


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        ({}, {"needs": "Select at least one thing a mentor could help with"}),
        (
            {"needs": ["astrology"]},
            {"needs": "Select what a mentor could help with from the list"},
        ),
        (
            {"needs": ["accommodation", "astrology"]},
            {"needs": "Select what a mentor could help with from the list"},
        ),
        (
            {"needs": ["accommodation"], "needs_details": "x" * 1001},
            {"needs_details": "Write 1,000 characters or fewer"},
        ),
    ],
)
def test_what_help_is_wanted(answered, data, errors):
    _refused(answered, "help", data, errors)


MENTOR = {"mentor_gender": "none", "lived_experience": "none", "language": "en"}


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        (
            {},
            {
                "mentor_gender": "Select whether the mentor should be a man or a woman",
                "lived_experience": "Select whether lived experience of prison matters",
                "language": "Select a language",
            },
        ),
        (
            {**MENTOR, "mentor_gender": "robot"},
            {"mentor_gender": "Select whether the mentor should be a man or a woman"},
        ),
        (
            {**MENTOR, "lived_experience": "sometimes"},
            {"lived_experience": "Select whether lived experience of prison matters"},
        ),
        ({**MENTOR, "language": "klingon"}, {"language": "Select a language from the list"}),
        ({**MENTOR, "language": ""}, {"language": "Select a language"}),
    ],
)
def test_mentor_preferences(answered, data, errors):
    _refused(answered, "mentor", data, errors)


PHONE_FORMAT = "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        ({}, {"contact_methods": "Select at least one way to be contacted"}),
        (
            {"contact_methods": ["pigeon"]},
            {"contact_methods": "Select a way of contact from the list"},
        ),
        ({"contact_methods": ["phone"], "phone": ""}, {"phone": "Enter a phone number"}),
        ({"contact_methods": ["phone"], "phone": "   "}, {"phone": "Enter a phone number"}),
        (
            {"contact_methods": ["phone"], "phone": "call me"},
            {"phone": PHONE_FORMAT},
        ),
        (
            {"contact_methods": ["email"], "email": "sam@"},
            {"email": "Enter an email address in the correct format, like name@example.com"},
        ),
        ({"contact_methods": ["email"]}, {"email": "Enter an email address"}),
        (
            {"contact_methods": ["letter"], "postal_address": ""},
            {"postal_address": "Enter a postal address"},
        ),
        (
            {"contact_methods": ["probation"]},
            {"probation_practitioner": "Enter the probation practitioner's name and office"},
        ),
        (
            {"contact_methods": ["phone", "email"], "email": "sam@example.com"},
            {"phone": "Enter a phone number"},
        ),
    ],
)
def test_how_to_contact(answered, data, errors):
    _refused(answered, "contact", data, errors)


@pytest.mark.parametrize(
    "value",
    ["", "1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b", "not-a-uuid", "1 OR 1=1"],
)
def test_choosing_a_service(answered, value):
    errors = {
        "service": "Select the mentoring service to send the request to"
        if value == ""
        else "Select one of the services listed"
    }
    _refused(answered, "choose-a-service", {"service": value}, errors)
