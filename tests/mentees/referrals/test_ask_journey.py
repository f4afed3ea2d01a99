import zoneinfo
from datetime import datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from core.ages import years_before
from mentees.constants import ReferralStatus
from mentees.models import Referral
from tests.factories import LocalAuthorityFactory, PrisonFactory, ServiceFactory, pathway
from tests.html import error_summary

from .journey import about_you, custody_answers, finishing_pages, step_url, walk

pytestmark = pytest.mark.django_db

CHECK = reverse("mentees:ask_check")


@pytest.fixture
def place():
    council = LocalAuthorityFactory(name="Sefton")
    prison = PrisonFactory(name="HMP Liverpool")
    return council, prison


@pytest.fixture
def release():
    return timezone.localdate() + timedelta(days=90)


def test_the_start_page_needs_no_account(client):
    response = client.get(reverse("mentees:ask_start"))
    assert response.status_code == 200
    assert "Start now" in response.content.decode()


def test_a_person_in_prison_asks_for_a_mentor_and_chooses_a_suggested_service(
    client, place, release
):
    council, prison = place
    service = ServiceFactory(
        local_authorities=[council],
        pathways=[pathway("accommodation"), pathway("education-training-employment")],
    )
    ServiceFactory(name="Elsewhere")  # Covers nowhere the person will be.
    response = walk(
        client,
        custody_answers(prison=prison, local_authority=council, release=release)
        + finishing_pages(service),
    )
    assert response["Location"] == CHECK
    assert Referral.objects.count() == 0, "nothing is stored before the request is sent"

    page = client.get(CHECK).content.decode()
    assert "Sam Example" in page and "A1234BC" in page and "27 March 1990" in page
    assert service.name in page and "Elsewhere" not in page

    response = client.post(CHECK)
    assert response["Location"] == reverse("mentees:ask_confirmation")
    referral = Referral.objects.get()
    assert referral.organisation == service.organisation and referral.service == service
    assert referral.full_name == "Sam Example" and referral.prison_number == "A1234BC"
    assert referral.prison == prison and referral.local_authority == council
    assert referral.expected_release_date == release
    assert {term.code for term in referral.needs.all()} == {
        "accommodation",
        "education-training-employment",
    }
    assert referral.contact_methods == ["omu", "email"] and referral.email == "sam@example.com"
    assert referral.status == ReferralStatus.RECEIVED
    assert referral.history.get().status == ReferralStatus.RECEIVED

    confirmation = client.get(reverse("mentees:ask_confirmation")).content.decode()
    assert referral.reference in confirmation
    assert AuditEvent.objects.filter(object_id=str(referral.pk), action="created").exists()
    assert mail.outbox == [], "nobody is emailed until the provider decides"


def test_sending_twice_makes_one_referral(client, place, release):
    council, prison = place
    service = ServiceFactory(local_authorities=[council])
    walk(
        client,
        custody_answers(prison=prison, local_authority=council, release=release)
        + finishing_pages(service),
    )
    client.post(CHECK)
    second = client.post(CHECK)
    assert second["Location"] == reverse("mentees:ask_confirmation")
    assert Referral.objects.count() == 1


def test_starting_from_a_service_page_sends_it_to_that_service_without_a_choice(
    client, place, release
):
    council, prison = place
    service = ServiceFactory(name="Gate mentors")
    pages = custody_answers(prison=prison, local_authority=council, release=release)
    walk(client, pages + finishing_pages(), begin_with=service)
    assert client.get(step_url("choose-a-service"))["Location"] == CHECK
    client.post(CHECK)
    assert Referral.objects.get().service == service


def test_a_worker_fills_it_in_for_someone_and_is_asked_their_own_details(client, place, release):
    council, prison = place
    service = ServiceFactory(local_authorities=[council])
    pages = custody_answers(prison=prison, local_authority=council, release=release, worker=True)
    walk(client, pages[:3])
    name_page = client.get(step_url("name")).content.decode()
    assert "What is their full name?" in name_page
    walk(client, pages + finishing_pages(service))
    client.post(CHECK)
    referral = Referral.objects.get()
    assert referral.completed_by == "worker"
    assert referral.worker_email == "pat.officer@justice.example"


def _community_pages(council, service, **mentor):
    return about_you("in_community", name="Alex Example") + [
        ("area", {"local_authority": f"la-{council.gss_code}"}),
        ("help", {"needs": ["health"]}),
        (
            "mentor",
            {"mentor_gender": "none", "lived_experience": "none", "language": "en", **mentor},
        ),
        ("choose-a-service", {"service": str(service.pk)}),
    ]


def test_someone_in_the_community_is_not_asked_about_prison(client, place):
    council, _prison = place
    service = ServiceFactory(local_authorities=[council])
    pages = _community_pages(council, service, mentor_gender="woman", language="cy")
    response = walk(client, pages[:4])
    assert response["Location"] == step_url("area")
    walk(
        client,
        pages
        + [
            ("contact", {"contact_methods": ["phone"], "phone": "07700 900982"}),
            ("consent", {"consent": "on"}),
        ],
    )
    client.post(CHECK)
    referral = Referral.objects.get()
    assert referral.prison is None and referral.prison_number == ""
    assert referral.mentor_gender == "woman" and referral.language == "cy"


def test_the_offender_management_unit_is_not_a_choice_outside_prison(client, place):
    council, _prison = place
    walk(client, _community_pages(council, ServiceFactory(local_authorities=[council])))
    assert "offender management unit" not in client.get(step_url("contact")).content.decode()
    response = client.post(step_url("contact"), {"contact_methods": ["omu"]})
    assert response.status_code == 400
    assert "only a choice for someone in prison" in response.content.decode()


@pytest.mark.parametrize(
    ("slug", "data", "message"),
    [
        ("who", {}, "Select who is filling in this form"),
        ("name", {"full_name": "   "}, "Enter your full name"),
        ("name", {"full_name": "1234"}, "Enter a name using letters"),
        (
            "date-of-birth",
            {"date_of_birth_0": "31", "date_of_birth_1": "2", "date_of_birth_2": "1990"},
            "Your date of birth must be a real date, like 27 3 1990",
        ),
        (
            "date-of-birth",
            {"date_of_birth_0": "1", "date_of_birth_1": "", "date_of_birth_2": "1990"},
            "Your date of birth must include a month",
        ),
        (
            "date-of-birth",
            {"date_of_birth_0": "1", "date_of_birth_1": "1", "date_of_birth_2": "90"},
            "The year must include 4 numbers, like 1990",
        ),
    ],
)
def test_bad_answers_get_a_clear_message_beside_the_question(client, slug, data, message):
    walk(client, [("who", {"completed_by": "self"}), ("name", {"full_name": "Sam"})])
    client.post(
        step_url("date-of-birth"),
        {"date_of_birth_0": "1", "date_of_birth_1": "1", "date_of_birth_2": "1980"},
    )
    response = client.post(step_url(slug), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert [text for text, _target in error_summary(body)] == [message]
    assert 'class="govuk-error-message"' in body


def test_a_date_of_birth_that_makes_someone_9_or_130_is_refused(client):
    walk(client, [("who", {"completed_by": "self"}), ("name", {"full_name": "Sam"})])
    today = timezone.localdate()
    for years in (9, 130):
        born = years_before(today, years)
        response = client.post(
            step_url("date-of-birth"),
            {
                "date_of_birth_0": born.day,
                "date_of_birth_1": born.month,
                "date_of_birth_2": born.year,
            },
        )
        assert response.status_code == 400
        body = response.content.decode()
        assert "Date of birth must be" in body
    future = client.post(
        step_url("date-of-birth"),
        {"date_of_birth_0": "1", "date_of_birth_1": "1", "date_of_birth_2": str(today.year + 1)},
    )
    assert "Date of birth must be in the past" in future.content.decode()


def _to_prison_pages(client, place):
    _council, prison = place
    walk(client, about_you() + [("prison", {"prison": str(prison.pk)})])


@pytest.mark.parametrize(
    "number", ["1234ABC", "A123BC", "AB1234C", "A12345BC", "A1234B", "DROP TABLE"]
)
def test_wrong_prison_number_formats_are_refused(client, place, number):
    _to_prison_pages(client, place)
    response = client.post(step_url("prison-number"), {"prison_number": number})
    assert response.status_code == 400
    assert "like A1234BC" in response.content.decode()


def test_a_release_date_in_the_past_is_refused(client, place):
    _to_prison_pages(client, place)
    client.post(step_url("prison-number"), {"prison_number": "A1234BC"})
    past = timezone.localdate() - timedelta(days=1)
    response = client.post(
        step_url("release-date"),
        {
            "expected_release_date_0": past.day,
            "expected_release_date_1": past.month,
            "expected_release_date_2": past.year,
        },
    )
    assert response.status_code == 400
    assert "Release date must be today or in the future" in response.content.decode()


def test_a_forged_prison_is_refused(client, place):
    walk(client, about_you())
    response = client.post(step_url("prison"), {"prison": "999999"})
    assert response.status_code == 400
    assert "Select a prison from the list" in response.content.decode()


def test_empty_consent_is_refused_and_nothing_is_sent(client, place, release):
    council, prison = place
    service = ServiceFactory(local_authorities=[council])
    pages = custody_answers(prison=prison, local_authority=council, release=release)
    walk(client, pages + finishing_pages(service)[:-1])
    response = client.post(step_url("consent"), {})
    assert response.status_code == 400
    assert "You must agree before the request can be sent" in response.content.decode()
    assert client.get(CHECK)["Location"] == step_url("consent")
    assert client.post(CHECK)["Location"] == step_url("consent")
    assert Referral.objects.count() == 0


def test_jumping_ahead_goes_to_the_first_unanswered_question_and_loses_nothing(client, place):
    walk(client, [("who", {"completed_by": "self"}), ("name", {"full_name": "Sam Example"})])
    assert client.get(CHECK)["Location"] == step_url("date-of-birth")
    assert client.post(CHECK)["Location"] == step_url("date-of-birth")
    assert client.get(step_url("consent"))["Location"] == step_url("date-of-birth")
    assert client.post(step_url("consent"), {"consent": "on"})["Location"] == step_url(
        "date-of-birth"
    )
    assert 'value="Sam Example"' in client.get(step_url("name")).content.decode()
    assert Referral.objects.count() == 0


def test_a_page_without_a_journey_goes_to_the_start(client):
    assert client.get(step_url("name"))["Location"] == reverse("mentees:ask_start")
    assert client.get(CHECK)["Location"] == reverse("mentees:ask_start")
    assert client.get(step_url("no-such-page")).status_code == 404


def test_a_forged_service_is_refused(client, place, release):
    council, prison = place
    suggested = ServiceFactory(local_authorities=[council])
    elsewhere = ServiceFactory(name="Not suggested")
    draft = ServiceFactory(local_authorities=[council], status="draft")
    walk(client, custody_answers(prison=prison, local_authority=council, release=release))
    page = client.get(step_url("choose-a-service")).content.decode()
    assert suggested.name in page and draft.name not in page
    for forged in (elsewhere.pk, draft.pk, "not-a-uuid"):
        response = client.post(step_url("choose-a-service"), {"service": str(forged)})
        assert response.status_code == 400
        assert "Select one of the services listed" in response.content.decode()
    assert client.get(reverse("mentees:ask_begin"), {"service": str(draft.pk)}).status_code == 404
    assert client.get(reverse("mentees:ask_begin"), {"service": "nope"}).status_code == 404


def test_no_service_in_the_area_says_what_to_do(client, place, release):
    council, prison = place
    walk(client, custody_answers(prison=prison, local_authority=council, release=release))
    body = client.get(step_url("choose-a-service")).content.decode()
    assert "We could not find a service for you" in body
    assert "search the directory" in body


def test_a_kept_answer_that_goes_stale_is_asked_again(client, place):
    """Answers are checked again whenever they are read: a release date that was today when
    it was given has passed a quarter of an hour later, at midnight."""
    council, prison = place
    service = ServiceFactory(local_authorities=[council])
    london = zoneinfo.ZoneInfo("Europe/London")
    evening = datetime(2027, 2, 22, 23, 50, tzinfo=london)
    with time_machine.travel(evening, tick=False):
        walk(
            client,
            custody_answers(prison=prison, local_authority=council, release=evening.date())
            + finishing_pages(service),
        )
        assert client.get(CHECK).status_code == 200
    with time_machine.travel(evening + timedelta(minutes=15), tick=False):
        assert client.get(CHECK)["Location"] == step_url("release-date")
        page = client.get(step_url("release-date")).content.decode()
        assert "Release date must be today or in the future" in page


def test_changing_an_answer_returns_to_check_your_answers(client, place, release):
    council, prison = place
    service = ServiceFactory(local_authorities=[council])
    walk(
        client,
        custody_answers(prison=prison, local_authority=council, release=release)
        + finishing_pages(service),
    )
    response = client.post(step_url("name") + "?change=1", {"full_name": "Samuel Example"})
    assert response["Location"] == CHECK
    assert "Samuel Example" in client.get(CHECK).content.decode()


def test_changing_to_custody_asks_the_prison_questions_before_returning(client, place):
    council, prison = place
    service = ServiceFactory(local_authorities=[council])
    walk(
        client,
        _community_pages(council, service)
        + [
            ("contact", {"contact_methods": ["phone"], "phone": "07700 900982"}),
            ("consent", {"consent": "on"}),
        ],
    )
    response = client.post(step_url("where-now") + "?change=1", {"situation": "in_custody"})
    assert response["Location"] == step_url("prison") + "?change=1"
    page = client.get(response["Location"]).content.decode()
    assert not error_summary(page), "a question the change brings in is asked, with no error"
    response = client.post(response["Location"], {"prison": str(prison.pk)})
    assert response["Location"] == step_url("prison-number") + "?change=1"
    response = client.post(response["Location"], {"prison_number": "A1234BC"})
    assert response["Location"] == step_url("release-date") + "?change=1"
    response = client.post(response["Location"], {"expected_release_date_unknown": "on"})
    assert response["Location"] == CHECK


def test_changing_from_custody_never_shows_an_error_the_person_did_not_make(client, place, release):
    """The prison's offender management unit was a way of contact; out of prison it is not,
    so the contact page is asked again, plainly, and then it is back to check your answers."""
    council, prison = place
    service = ServiceFactory(local_authorities=[council])
    walk(
        client,
        custody_answers(prison=prison, local_authority=council, release=release)
        + finishing_pages(service),
    )
    response = client.post(step_url("where-now") + "?change=1", {"situation": "in_community"})
    contact = step_url("contact") + "?change=1"
    assert response["Location"] == contact
    page = client.get(contact)
    body = page.content.decode()
    assert page.status_code == 200 and not error_summary(body)
    assert "offender management unit is only" not in body
    assert "You changed an earlier answer" in body
    assert 'value="sam@example.com"' in body, "the rest of the answer is kept"
    response = client.post(contact, {"contact_methods": ["email"], "email": "sam@example.com"})
    assert response["Location"] == CHECK


def test_starting_again_from_another_service_keeps_the_answers(client, place, release):
    council, prison = place
    first, second = ServiceFactory(name="First"), ServiceFactory(name="Second")
    pages = custody_answers(prison=prison, local_authority=council, release=release)
    walk(client, pages + finishing_pages(), begin_with=first)
    response = client.get(reverse("mentees:ask_begin"), {"service": str(second.pk)})
    assert response["Location"] == CHECK
    client.post(CHECK)
    assert Referral.objects.get().service == second
