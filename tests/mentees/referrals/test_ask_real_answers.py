"""Answers real people give: "I do not know", dates typed every which way, text that is too
long or carries hidden characters, and forms changed by hand. Each gets our own message beside
the question, nothing kept changes, and nothing is ever a server error."""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.fields import GovDateField
from mentees.ask import ASK_FOR_A_MENTOR
from mentees.models import Referral
from tests.factories import LocalAuthorityFactory, PrisonFactory, ServiceFactory
from tests.html import error_beside, error_summary

from .journey import custody_answers, finishing_pages, step_url, walk
from .test_ask_bad_input import _refused, answered  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

CHECK = "/ask-for-a-mentor/check-your-answers/"
DJANGO_WORDS = ("Select a valid choice", "This field is required", "Ensure this value", "Null")


def _pages_with(replacements: dict[str, dict]):
    council = LocalAuthorityFactory(name="Sefton")
    service = ServiceFactory(local_authorities=[council])
    release = timezone.localdate() + timedelta(days=90)
    pages = custody_answers(prison=PrisonFactory(), local_authority=council, release=release)
    pages = [(slug, replacements.get(slug, data)) for slug, data in pages]
    return pages + finishing_pages(service)


def test_i_do_not_know_the_prison_number_or_the_release_date(client):
    pages = _pages_with(
        {
            "prison-number": {"prison_number": "", "prison_number_unknown": "on"},
            "release-date": {"expected_release_date_unknown": "on"},
        }
    )
    walk(client, pages)
    body = client.get(CHECK).content.decode()
    assert body.count("Not known") == 2
    client.post(CHECK)
    referral = Referral.objects.get()
    assert referral.prison_number == "" and referral.expected_release_date is None


def test_i_do_not_know_wins_over_a_half_typed_answer(client):
    pages = _pages_with(
        {
            "prison-number": {"prison_number": "A12", "prison_number_unknown": "on"},
            "release-date": {
                "expected_release_date_0": "40",
                "expected_release_date_unknown": "on",
            },
        }
    )
    walk(client, pages)
    client.post(CHECK)
    referral = Referral.objects.get()
    assert referral.prison_number == "" and referral.expected_release_date is None


def test_the_i_do_not_know_choices_are_offered(answered):  # noqa: F811
    body = answered.get(step_url("prison-number")).content.decode()
    assert "I do not know my prison number" in body
    body = answered.get(step_url("release-date")).content.decode()
    assert "indeterminate sentence" in body
    assert "I do not know yet" in answered.get(step_url("area")).content.decode()


def test_no_answer_and_no_i_do_not_know_is_asked_again(answered):  # noqa: F811
    _refused(
        answered,
        "prison-number",
        {"prison_number": ""},
        {"prison_number": "Enter your prison number, or select ‘I do not know my prison number’"},
    )
    _refused(
        answered,
        "release-date",
        {},
        {"expected_release_date": "Enter the expected release date, or select ‘I do not know’"},
    )


HUGE = "9" * 40


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("", "", ""), "Enter your date of birth"),
        (("1", "", ""), "Your date of birth must include a month and year"),
        (("1", "2", ""), "Your date of birth must include a year"),
        (("", "2", "1990"), "Your date of birth must include a day"),
        (("30", "2", "1990"), "Your date of birth must be a real date, like 27 3 1990"),
        ((HUGE, "2", "1990"), "Your date of birth must be a real date, like 27 3 1990"),
        (("1", HUGE, "1990"), "Your date of birth must be a real date, like 27 3 1990"),
        (("1", "2", HUGE), "The year must include 4 numbers, like 1990"),
        (("²", "2", "1990"), "Your date of birth must be a real date, like 27 3 1990"),
        (("1", "2", "١٩٩٠"), "Your date of birth must be a real date, like 27 3 1990"),
        (("-1", "2", "1990"), "Your date of birth must be a real date, like 27 3 1990"),
        (("1", "2", "90"), "The year must include 4 numbers, like 1990"),
        (("1\x00", "2", "1990"), "Your date of birth must be a real date, like 27 3 1990"),
    ],
)
def test_date_of_birth_messages(answered, parts, message):  # noqa: F811
    data = {f"date_of_birth_{n}": part for n, part in enumerate(parts)}
    _refused(answered, "date-of-birth", data, {"date_of_birth": message})


def test_a_date_of_birth_in_the_future_is_refused(answered):  # noqa: F811
    tomorrow = timezone.localdate() + timedelta(days=1)
    data = {
        "date_of_birth_0": tomorrow.day,
        "date_of_birth_1": tomorrow.month,
        "date_of_birth_2": tomorrow.year,
    }
    _refused(
        answered, "date-of-birth", data, {"date_of_birth": "Date of birth must be in the past"}
    )


def test_huge_numbers_in_the_release_date_get_a_message(answered):  # noqa: F811
    year = timezone.localdate().year + 1
    example = f"14 6 {year}"
    data = {"expected_release_date_0": HUGE, "expected_release_date_1": "1"}
    data["expected_release_date_2"] = str(year)
    _refused(
        answered,
        "release-date",
        data,
        {"expected_release_date": f"The expected release date must be a real date, like {example}"},
    )


def test_the_examples_in_hints_and_messages_are_right_answers(answered):  # noqa: F811
    """Typing the example a page gives is accepted."""
    year = timezone.localdate().year + 1
    body = answered.get(step_url("release-date")).content.decode()
    assert f"For example, 14 6 {year}" in body
    response = answered.post(
        step_url("release-date"),
        {
            "expected_release_date_0": "14",
            "expected_release_date_1": "6",
            "expected_release_date_2": str(year),
        },
    )
    assert response.status_code == 302
    body = answered.get(step_url("date-of-birth")).content.decode()
    assert "For example, 27 3 1990" in body
    response = answered.post(
        step_url("date-of-birth"),
        {"date_of_birth_0": "27", "date_of_birth_1": "3", "date_of_birth_2": "1990"},
    )
    assert response.status_code == 302


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=30), min_size=0, max_size=4))
def test_a_date_field_gives_a_date_or_our_message_whatever_is_typed(parts):
    field = GovDateField(subject="the date", example="27 3 1990")
    try:
        result = field.clean(parts)
    except ValidationError as error:
        assert error.messages[0].startswith(("Enter the date", "The date", "The year")), error
    else:
        assert result is None or isinstance(result, date)


@settings(max_examples=200, deadline=None)
@given(st.tuples(st.integers(-(10**30), 10**30), st.integers(-(10**30), 10**30)))
def test_a_date_field_takes_any_day_and_month_numbers(numbers):
    field = GovDateField(subject="the date")
    day, month = numbers
    try:
        result = field.clean([str(day), str(month), "2000"])
    except ValidationError as error:
        assert error.messages == ["The date must be a real date, like 27 3 2026"]
    else:
        assert result == date(2000, month, day)


def _text_fields(answered):  # noqa: F811
    """(page, field, kind) for every text box of the journey as it stands."""
    fields = []
    for step in ASK_FOR_A_MENTOR.steps:
        response = answered.get(step_url(step.slug))
        if response.status_code != 200:
            continue
        soup = BeautifulSoup(response.content.decode(), "html.parser")
        for box in soup.select("form input[type=text], form input[type=email], form textarea"):
            if box["name"].startswith(("date_of_birth_", "expected_release_date_")):
                continue
            fields.append((step.slug, box))
    return fields


def test_every_free_text_box_says_how_long_it_may_be(answered):  # noqa: F811
    boxes = _text_fields(answered)
    names = {box["name"] for _slug, box in boxes}
    assert {"full_name", "needs_details", "postal_address", "email"} <= names
    for slug, box in boxes:
        if box.has_attr("maxlength") and int(box["maxlength"]) < 100:
            continue  # A prison or phone number: its format is in its hint.
        hint = box.find_previous(class_="govuk-hint")
        assert hint is not None and "You can write up to" in hint.get_text(), (slug, box["name"])
        if box.name == "textarea":
            assert not box.has_attr("maxlength"), "a text area never cuts pasted text short"
        else:
            assert box.has_attr("maxlength"), (slug, box["name"])


OVER_LONG = {
    "name": ({"full_name": "S" * 151}, "full_name", "Name must be 150 characters or fewer"),
    "help": (
        {"needs": ["accommodation"], "needs_details": "x" * 1001},
        "needs_details",
        "Write 1,000 characters or fewer",
    ),
    "contact": (
        {"contact_methods": ["letter"], "postal_address": "x" * 501},
        "postal_address",
        "Write 500 characters or fewer. You wrote 501",
    ),
}


@pytest.mark.parametrize("slug", OVER_LONG)
def test_over_long_text_gets_a_message_not_a_cut(answered, slug):  # noqa: F811
    data, field, message = OVER_LONG[slug]
    _refused(answered, slug, data, {field: message})


NUL = {
    "name": ({"full_name": "Sam\x00"}, "full_name"),
    "help": ({"needs": ["accommodation"], "needs_details": "a\x00b"}, "needs_details"),
    "contact": ({"contact_methods": ["email"], "email": "sam\x00@example.com"}, "email"),
    "prison-number": ({"prison_number": "A1234\x00BC"}, "prison_number"),
}


@pytest.mark.parametrize("slug", NUL)
def test_hidden_null_characters_get_our_message(answered, slug):  # noqa: F811
    data, field = NUL[slug]
    response = answered.post(step_url(slug), data)
    assert response.status_code == 400
    body = response.content.decode()
    message = error_beside(body, field)
    assert "hidden character" in message or "correct format" in message
    assert not any(words in body for words in DJANGO_WORDS)


TAMPERED = {
    "who": {"completed_by": "robot"},
    "where-now": {"situation": "moon"},
    "prison": {"prison": "not-a-prison"},
    "area": {"local_authority": "la-nowhere"},
    "help": {"needs": ["astrology"]},
    "mentor": {"mentor_gender": "x", "lived_experience": "y", "language": "z"},
    "choose-a-service": {"service": "x"},
    "contact": {"contact_methods": ["pigeon"]},
    "consent": {"consent": "maybe"},
}


@pytest.mark.parametrize("slug", TAMPERED)
def test_a_tampered_choice_gets_our_own_message(answered, slug):  # noqa: F811
    response = answered.post(step_url(slug), TAMPERED[slug])
    body = response.content.decode()
    if slug == "consent":
        assert response.status_code == 302, "any ticked box is a yes"
        return
    assert response.status_code == 400
    assert error_summary(body)
    assert not any(words in body for words in DJANGO_WORDS), slug


def test_a_tampered_worker_role_gets_our_own_message(client):
    walk(client, [("who", {"completed_by": "worker"})])
    response = client.post(
        step_url("your-details"),
        {
            "worker_name": "Pat",
            "worker_role": "spy",
            "worker_organisation": "HMP",
            "worker_email": "pat@example.gov.uk",
        },
    )
    assert response.status_code == 400
    assert (
        error_beside(response.content.decode(), "worker_role") == "Select your role from the list"
    )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.text(min_size=0, max_size=200))
def test_any_name_is_kept_or_refused_with_a_message(answered, name):  # noqa: F811
    response = answered.post(step_url("name"), {"full_name": name})
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        body = response.content.decode()
        assert error_beside(body, "full_name")
        assert not any(words in body for words in DJANGO_WORDS)


def test_each_contact_detail_is_revealed_under_its_way_and_present_without_javascript(
    answered,  # noqa: F811
):
    soup = BeautifulSoup(answered.get(step_url("contact")).content.decode(), "html.parser")
    shown_under = {}
    for box in soup.select("input[name=contact_methods][data-aria-controls]"):
        reveal = soup.find(id=box["data-aria-controls"])
        assert reveal is not None and "govuk-checkboxes__conditional" in reveal["class"]
        assert reveal.find_previous("input", attrs={"name": "contact_methods"}) is box
        shown_under[box["value"]] = [field["name"] for field in reveal.select("input, textarea")]
    assert shown_under == {
        "probation": ["probation_practitioner"],
        "phone": ["phone"],
        "email": ["email"],
        "letter": ["postal_address"],
    }
    assert soup.select_one("[data-module=govuk-checkboxes]") is not None
