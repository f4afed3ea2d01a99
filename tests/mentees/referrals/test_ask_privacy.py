"""A shared terminal: nothing one person entered in "Ask for a mentor" is left for the next, and
no journey page is kept by a browser or proxy."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mentees.ask import ASK_FOR_A_MENTOR, SESSION_KEY
from mentees.models import Referral
from tests.concurrency import another_transaction
from tests.factories import LocalAuthorityFactory, PrisonFactory, ServiceFactory

from .journey import custody_answers, finishing_pages, step_url, walk

pytestmark = pytest.mark.django_db

START = reverse("mentees:ask_start")
BEGIN = reverse("mentees:ask_begin")
CLEAR = reverse("mentees:ask_clear")
CHECK = reverse("mentees:ask_check")
SENT = reverse("mentees:ask_confirmation")


@pytest.fixture
def service():
    council = LocalAuthorityFactory(name="Sefton")
    return ServiceFactory(local_authorities=[council])


def answered_pages(service):
    council = service.local_authorities.get()
    release = timezone.localdate() + timedelta(days=90)
    prison = PrisonFactory(name="HMP Liverpool")
    return custody_answers(prison=prison, local_authority=council, release=release) + (
        finishing_pages(service)
    )


def nothing_of_the_first_person(client) -> None:
    """What a second person at the same browser sees: a fresh start, no name, no reference."""
    start = client.get(START).content.decode()
    assert "Start now" in start and "Carry on with your request" not in start
    assert client.get(step_url("name"))["Location"] == START
    first_page = client.get(client.get(BEGIN)["Location"]).content.decode()
    assert "Sam Example" not in first_page and "Sam" not in first_page
    assert client.get(CHECK)["Location"] == step_url("who")
    assert client.get(SENT)["Location"] == START


def test_the_start_page_says_truthfully_how_long_answers_are_kept(client, settings):
    body = client.get(START).content.decode()
    assert "do nothing for 20 minutes" in body and "8 hours" not in body
    settings.SESSION_IDLE_SECONDS_ANONYMOUS = 10 * 60
    assert "do nothing for 10 minutes" in client.get(START).content.decode()


def test_every_question_page_has_a_start_again_button_that_posts(client, service):
    pages = answered_pages(service)
    walk(client, pages)
    for slug, _data in pages:
        body = client.get(step_url(slug)).content.decode()
        form = body.split(f'action="{CLEAR}"')[1].split("</form>")[0]
        assert 'name="csrfmiddlewaretoken"' in form, slug
        assert "Clear my answers and start again" in form, slug
    assert f'action="{CLEAR}"' in client.get(CHECK).content.decode()


def test_start_again_wipes_every_answer(client, service):
    walk(client, answered_pages(service))
    assert "Carry on with your request" in client.get(START).content.decode()
    old_key = client.session.session_key
    response = client.post(CLEAR)
    assert response["Location"] == START
    assert "Your answers have been cleared" in client.get(START).content.decode()
    assert SESSION_KEY not in client.session
    assert client.session.session_key != old_key, "the old session's key is no use to anyone"
    nothing_of_the_first_person(client)


def test_start_again_needs_a_post_with_the_csrf_token(client, service):
    walk(client, answered_pages(service))
    assert client.get(CLEAR).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = client.cookies
    assert strict.post(CLEAR).status_code == 403
    assert SESSION_KEY in client.session


def test_answers_go_after_20_minutes_without_activity(client, service):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        walk(client, answered_pages(service)[:4])
        traveller.shift(timedelta(minutes=19))
        assert "Sam   Example" in client.get(step_url("name")).content.decode()
        traveller.shift(timedelta(minutes=19))
        assert "Sam   Example" in client.get(step_url("name")).content.decode(), (
            "activity keeps the answers"
        )
        traveller.shift(timedelta(minutes=20, seconds=1))
        nothing_of_the_first_person(client)


def test_after_the_request_is_sent_only_the_reference_is_shown_once(client, service):
    walk(client, answered_pages(service))
    client.post(CHECK)
    referral = Referral.objects.get()
    assert SESSION_KEY not in client.session, "the answers go as soon as the request is sent"
    page = client.get(SENT)
    body = page.content.decode()
    assert referral.reference in body and "Sam Example" not in body
    assert "Ctrl key and press P" in body, "how to print it, without JavaScript"
    assert 'data-module="app-print"' in body
    nothing_of_the_first_person(client)


def test_a_replayed_send_after_the_confirmation_makes_no_second_referral(client, service):
    walk(client, answered_pages(service))
    client.post(CHECK)
    client.get(SENT)
    replay = client.post(CHECK)
    assert replay.status_code == 302 and replay["Location"] == START
    assert Referral.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_sends_at_once_make_one_referral_and_both_land_on_the_confirmation(service):
    first = Client()
    walk(first, answered_pages(service))
    second = Client()
    second.cookies = first.cookies
    responses = []
    with another_transaction(lambda: responses.append(second.post(CHECK)), seconds=1):
        responses.append(first.post(CHECK))
    assert [response["Location"] for response in responses] == [SENT, SENT]
    assert Referral.objects.count() == 1
    assert Referral.objects.get().reference in first.get(SENT).content.decode()


def journey_urls(client, service) -> list[str]:
    urls = [START, BEGIN, CHECK, SENT, reverse("mentees:check_request")]
    urls += [step_url(step.slug) for step in ASK_FOR_A_MENTOR.steps]
    return urls


@pytest.mark.parametrize("with_answers", [False, True])
def test_no_journey_page_is_kept_by_a_browser_or_proxy(client, service, with_answers):
    if with_answers:
        walk(client, answered_pages(service))
    for url in journey_urls(client, service):
        response = client.get(url)
        assert response["Cache-Control"] == "no-store, private", url
    response = client.post(CLEAR)
    assert response["Cache-Control"] == "no-store, private"
    response = client.post(CHECK)
    assert response["Cache-Control"] == "no-store, private"


def test_a_public_page_seen_with_answers_kept_is_not_stored_either(client, service):
    assert "no-store" not in client.get(reverse("providers:directory")).get("Cache-Control", "")
    walk(client, answered_pages(service)[:3])
    response = client.get(reverse("providers:directory"))
    assert response["Cache-Control"] == "no-store, private"
