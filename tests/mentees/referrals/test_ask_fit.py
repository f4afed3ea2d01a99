"""Services are offered by fit: the journey asks only what the services in reach need to know
(gender, offence types), offers only services that can take the person, best fit first, each
saying why it is listed; a service that cannot take the person never receives the request."""

import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from mentees.models import Referral
from mentees.services.referrals import referral_submit
from providers.constants import GenderEligibility
from tests.factories import (
    LocalAuthorityFactory,
    LocationFactory,
    PrisonFactory,
    RegionFactory,
    ServiceFactory,
    pathway,
)
from tests.html import error_summary

from .journey import custody_answers, finishing_pages, step_url, walk

pytestmark = pytest.mark.django_db

CHECK = reverse("mentees:ask_check")


@pytest.fixture
def merseyside():
    """Like the demo: a men-only service in Liverpool that visits HMP Altcourse and cannot work
    with sexual or arson offences; a work service across the North West; a national telephone
    line for health."""
    north_west = RegionFactory(name="North West")
    liverpool = LocalAuthorityFactory(name="Liverpool", region=north_west)
    altcourse = PrisonFactory(name="HMP Altcourse")
    gate = ServiceFactory(
        name="Gate to Home mentoring",
        local_authorities=[liverpool],
        prisons=[altcourse],
        in_custody=True,
        gender=GenderEligibility.MEN,
        minimum_age=18,
        excluded_offences=["sexual", "arson"],
        pathways=[pathway("accommodation"), pathway("finance-benefit-debt")],
    )
    hub = LocationFactory(
        organisation=gate.organisation, city="Liverpool", local_authority=liverpool
    )
    hub.services.add(gate)
    work = ServiceFactory(
        name="Working Futures peer coaching",
        regions=[north_west],
        pathways=[pathway("education-training-employment")],
    )
    phone = ServiceFactory(
        name="Next Chapter telephone mentoring",
        national=True,
        pathways=[pathway("health"), pathway("attitudes-thinking-behaviour")],
    )
    return {"council": liverpool, "prison": altcourse, "gate": gate, "work": work, "phone": phone}


def _up_to_mentor(place, needs=("accommodation",)):
    release = timezone.localdate() + timedelta(days=60)
    pages = custody_answers(
        prison=place["prison"], local_authority=place["council"], release=release
    )
    return [
        (slug, {**data, "needs": list(needs)} if slug == "help" else data) for slug, data in pages
    ]


def _errors(response) -> list[str]:
    return [message for message, _target in error_summary(response.content.decode())]


def _choices(body: str, place) -> list[str]:
    """The services offered, in the order they are listed."""
    names = [place[key].name for key in ("gate", "work", "phone")]
    found = sorted((body.index(name), name) for name in names if name in body)
    return [name for _position, name in found]


def test_a_man_asking_for_housing_in_liverpool_gets_the_local_housing_service_first(
    client, merseyside
):
    response = walk(client, _up_to_mentor(merseyside))
    assert response["Location"] == step_url("gender")
    response = client.post(step_url("gender"), {"gender": "man"})
    assert response["Location"] == step_url("offences")

    offences = client.get(step_url("offences")).content.decode()
    # Only the offence types a service in reach cannot take are asked about.
    assert "A sexual offence" in offences and "Arson" in offences
    assert "terrorism" not in offences and "I would rather not say" in offences
    response = client.post(step_url("offences"), {"offences": ["none"]})
    assert response["Location"] == step_url("choose-a-service")

    body = client.get(step_url("choose-a-service")).content.decode()
    assert _choices(body, merseyside) == [
        "Gate to Home mentoring",
        "Working Futures peer coaching",
        "Next Chapter telephone mentoring",
    ], "the telephone health line is never first for housing in Liverpool"
    assert "Helps with somewhere to live. Visits HMP Altcourse. Works in Liverpool." in body
    assert "Does not help with what you asked for. It helps with work and training." in body
    assert "Works across England and Wales." in body
    assert "help with what you asked for come first" in body
    assert "They all help with something you asked for" not in body


def test_a_woman_is_never_offered_the_men_only_service_nor_asked_about_offences(client, merseyside):
    walk(client, _up_to_mentor(merseyside) + [("gender", {"gender": "woman"})])
    # No service that could take her cannot work with some offences: that question is skipped.
    assert client.get(step_url("offences"))["Location"] == step_url("choose-a-service")
    body = client.get(step_url("choose-a-service")).content.decode()
    assert _choices(body, merseyside) == [
        "Working Futures peer coaching",
        "Next Chapter telephone mentoring",
    ]
    # Forging the men-only service's id is refused and sends nothing.
    response = client.post(step_url("choose-a-service"), {"service": str(merseyside["gate"].pk)})
    assert response.status_code == 400
    assert _errors(response) == ["Select one of the services listed"]


@pytest.mark.parametrize(
    "offences", [["arson"], ["sexual", "arson"], ["not_say"]], ids=["arson", "both", "not say"]
)
def test_a_service_that_cannot_work_with_the_offence_or_is_not_told_is_not_offered(
    client, merseyside, offences
):
    walk(
        client,
        _up_to_mentor(merseyside)
        + [("gender", {"gender": "man"}), ("offences", {"offences": offences})],
    )
    body = client.get(step_url("choose-a-service")).content.decode()
    assert "Gate to Home" not in body
    assert _choices(body, merseyside)[0] == "Working Futures peer coaching"


def test_i_would_rather_not_say_my_gender_shows_only_services_open_to_everyone(client, merseyside):
    walk(client, _up_to_mentor(merseyside) + [("gender", {"gender": "not_say"})])
    body = client.get(step_url("choose-a-service")).content.decode()
    assert "Gate to Home" not in body and "Working Futures" in body


@pytest.mark.parametrize(
    "posted, message",
    [
        ({}, "Select the offences, None of these, or I would rather not say"),
        ({"offences": ["none", "arson"]}, "Select None of these or I would rather not say on its"),
        ({"offences": ["terrorism"]}, "Select from the list"),
        ({"offences": ["\x00"]}, "Select from the list"),
    ],
)
def test_bad_offence_answers_get_our_own_message(client, merseyside, posted, message):
    walk(client, _up_to_mentor(merseyside) + [("gender", {"gender": "man"})])
    response = client.post(step_url("offences"), posted)
    assert response.status_code == 400
    assert _errors(response)[0].startswith(message)


@pytest.mark.parametrize("posted", [{}, {"gender": "other"}, {"gender": "man\x00"}])
def test_bad_gender_answers_get_our_own_message(client, merseyside, posted):
    walk(client, _up_to_mentor(merseyside))
    response = client.post(step_url("gender"), posted)
    assert response.status_code == 400
    assert _errors(response) == ["Select a man, a woman, or I would rather not say"]


def test_no_restriction_in_reach_means_no_gender_or_offence_question(client, merseyside):
    other = LocalAuthorityFactory(name="Plymouth", region=RegionFactory(name="South West"))
    pages = custody_answers(
        prison=PrisonFactory(name="HMP Dartmoor"),
        local_authority=other,
        release=timezone.localdate() + timedelta(days=30),
    )
    response = walk(client, pages)
    assert response["Location"] == step_url("choose-a-service")
    body = client.get(step_url("choose-a-service")).content.decode()
    assert _choices(body, merseyside) == ["Next Chapter telephone mentoring"]
    assert "Works across England and Wales" in body


def test_someone_too_young_for_a_service_is_not_offered_it(client, merseyside):
    born = timezone.localdate().replace(year=timezone.localdate().year - 17) - timedelta(days=1)
    pages = [
        (
            slug,
            {
                "date_of_birth_0": str(born.day),
                "date_of_birth_1": str(born.month),
                "date_of_birth_2": str(born.year),
            }
            if slug == "date-of-birth"
            else data,
        )
        for slug, data in _up_to_mentor(merseyside)
    ]
    # The only service for men only is also for over 18s, so gender is not asked either.
    assert walk(client, pages)["Location"] == step_url("choose-a-service")
    assert "Gate to Home" not in client.get(step_url("choose-a-service")).content.decode()


def test_asking_from_a_service_page_that_cannot_take_the_person_says_why_and_offers_others(
    client, merseyside
):
    gate = merseyside["gate"]
    pages = _up_to_mentor(merseyside) + [("gender", {"gender": "woman"})]
    response = walk(client, pages, begin_with=gate)
    assert response["Location"] == step_url("choose-a-service")
    body = client.get(step_url("choose-a-service")).content.decode()
    assert "Sorry, Gate to Home mentoring cannot take your request: it is only for men." in body
    assert "These other services can." in body
    assert _choices(body, merseyside) == [
        "Gate to Home mentoring",  # named once, in the apology, not as a choice
        "Working Futures peer coaching",
        "Next Chapter telephone mentoring",
    ]
    assert f'value="{gate.pk}"' not in body
    walk(client, finishing_pages(merseyside["work"]))
    client.post(CHECK)
    assert Referral.objects.get().service == merseyside["work"]


def test_asking_from_a_service_page_that_can_take_the_person_sends_it_there(client, merseyside):
    gate = merseyside["gate"]
    pages = _up_to_mentor(merseyside) + [
        ("gender", {"gender": "man"}),
        ("offences", {"offences": ["none"]}),
    ]
    response = walk(client, pages + finishing_pages(), begin_with=gate)
    assert response["Location"] == CHECK
    client.post(CHECK)
    assert Referral.objects.get().service == gate


def _answers(place, **changes) -> dict:
    answers = {
        "completed_by": "self",
        "full_name": "Sam Example",
        "date_of_birth": timezone.localdate().replace(year=1990),
        "situation": "in_custody",
        "prison": place["prison"],
        "prison_number": "A1234BC",
        "expected_release_date": timezone.localdate() + timedelta(days=30),
        "local_authority": place["council"],
        "needs": [pathway("accommodation")],
        "needs_details": "",
        "mentor_gender": "none",
        "lived_experience": "none",
        "language": "en",
        "contact_methods": ["omu"],
        "phone": "",
        "email": "",
        "postal_address": "",
        "probation_practitioner": "",
        "consent": True,
        "service": place["gate"],
    }
    return {**answers, **changes}


@pytest.mark.parametrize(
    "changes",
    [
        {"gender": "woman", "offences": []},
        {"gender": "man", "offences": ["arson"]},
        {"gender": "man", "offences": "not_say"},
        {"gender": "man"},  # never asked about offences
        {"offences": []},  # never asked about gender
        {"gender": "man", "offences": [], "date_of_birth": timezone.localdate().replace(year=2010)},
    ],
    ids=["woman", "arson", "not say", "offences unasked", "gender unasked", "too young"],
)
def test_the_service_that_creates_the_referral_refuses_a_service_that_cannot_take_them(
    merseyside, changes
):
    with pytest.raises(ValidationError, match="Gate to Home mentoring cannot take this request"):
        referral_submit(answers=_answers(merseyside, **changes), submission_key=uuid.uuid4())
    assert not Referral.objects.exists()


def test_the_service_that_creates_the_referral_sends_an_eligible_request(merseyside):
    answers = _answers(merseyside, gender="man", offences=[])
    referral = referral_submit(answers=answers, submission_key=uuid.uuid4())
    assert referral.service == merseyside["gate"]


def test_check_your_answers_shows_the_new_answers_with_a_way_to_change_them(client, merseyside):
    pages = _up_to_mentor(merseyside) + [
        ("gender", {"gender": "man"}),
        ("offences", {"offences": ["none"]}),
    ]
    walk(client, pages + finishing_pages(merseyside["gate"]))
    body = client.get(CHECK).content.decode()
    assert "Man or woman" in body and "A man" in body
    assert "Offences some services cannot work with" in body and "None of these" in body
    assert f"{step_url('offences')}?change=1" in body
    # Changing the answer to one the chosen service cannot take asks for another service.
    response = client.post(f"{step_url('offences')}?change=1", {"offences": ["arson"]})
    assert response["Location"] == f"{step_url('choose-a-service')}?change=1"


def test_a_service_page_says_whom_the_service_can_take_before_asking(client, merseyside):
    gate = merseyside["gate"]
    body = client.get(reverse("providers:service_ask", args=[gate.pk])).content.decode()
    assert "It is only for men." in body and "It is for people aged 18 or over." in body
    assert (
        "It cannot work with people convicted of a sexual offence or arson (setting fire to "
        "something on purpose)." in body
    )
    work = client.get(reverse("providers:service_ask", args=[merseyside["work"].pk]))
    assert "Who it can take" not in work.content.decode()
