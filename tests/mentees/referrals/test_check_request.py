from datetime import date, timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentees.constants import ReferralStatus
from tests.factories import OrganisationFactory
from tests.html import error_summary
from tests.mentees.factories import ReferralFactory

pytestmark = pytest.mark.django_db

URL = reverse("mentees:check_request")
RESULT = reverse("mentees:check_result")


def ask(client, reference, born=date(1990, 3, 27), **extra):
    return client.post(
        URL,
        {
            "reference": reference,
            "date_of_birth_0": born.day,
            "date_of_birth_1": born.month,
            "date_of_birth_2": born.year,
        },
        **extra,
    )


def test_the_form_needs_no_account(client):
    assert client.get(URL).status_code == 200


def shown(client, response) -> str:
    """The result page a successful check redirects to."""
    assert response.status_code == 302 and response["Location"] == RESULT, response
    page = client.get(RESULT)
    assert page.status_code == 200
    return page.content.decode()


def test_the_reference_and_date_of_birth_show_the_status(client):
    referral = ReferralFactory(organisation__name="Mersey Gate")
    response = ask(client, referral.reference.lower().replace("-", " "))
    body = shown(client, response)
    assert "Received" in body and "Mersey Gate" in body
    assert referral.full_name not in body, "the status page repeats no personal details"


def test_a_wrong_date_of_birth_looks_like_an_unknown_reference(client):
    referral = ReferralFactory()
    wrong = ask(client, referral.reference, born=date(1991, 3, 27))
    unknown = ask(client, "JM-7K3Q-9XRT")
    assert wrong.status_code == unknown.status_code == 404
    assert error_summary(wrong.content.decode()) == error_summary(unknown.content.decode())


def test_a_badly_typed_reference_gets_a_clear_message(client):
    response = ask(client, "12345")
    assert response.status_code == 400
    assert [text for text, _ in error_summary(response.content.decode())] == [
        "Enter the reference number in the correct format, like JM-7K3Q-9XRT"
    ]


def test_the_reason_for_not_accepting_is_shown(client):
    referral = ReferralFactory(
        status=ReferralStatus.DECLINED,
        decline_reason="outside_area",
        decision_note="Try Sefton Mentoring instead.",
    )
    body = shown(client, ask(client, referral.reference))
    assert "Not accepted" in body and "Try Sefton Mentoring instead." in body


def test_a_passed_on_request_shows_where_it_went(client):
    first = ReferralFactory(status=ReferralStatus.PASSED_ON, organisation__name="First Org")
    ReferralFactory(
        passed_from=first,
        organisation=OrganisationFactory(name="Second Org"),
        date_of_birth=first.date_of_birth,
    )
    body = shown(client, ask(client, first.reference))
    assert "Passed by First Org to Second Org" in body
    assert "Received by Second Org" in body


def test_wrong_tries_for_one_reference_stop_checks_of_it(client):
    referral = ReferralFactory()
    for _ in range(5):
        assert ask(client, referral.reference, born=date(1980, 1, 1)).status_code == 404
    blocked = ask(client, referral.reference)
    assert blocked.status_code == 429, "even the right date of birth waits once the limit is hit"
    assert "Too many attempts" in blocked.content.decode()
    assert ask(client, "JM-AAAA-CCCC").status_code == 404, "other references are still checked"


def test_wrong_tries_count_for_an_hour(client):
    referral = ReferralFactory()
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        for _ in range(5):
            ask(client, referral.reference, born=date(1980, 1, 1))
        traveller.shift(timedelta(minutes=59))
        assert ask(client, referral.reference).status_code == 429
        traveller.shift(timedelta(minutes=2))
        assert ask(client, referral.reference).status_code == 302


def test_right_answers_are_never_counted_against_a_reference(client):
    referral = ReferralFactory()
    for _ in range(10):
        assert ask(client, referral.reference).status_code == 302


def test_the_right_answer_from_a_prison_address_is_accepted_after_others_fail(client):
    """A whole prison shares one address: 15 people's wrong tries there (for other
    references) do not stop the right person."""
    prison = "203.0.113.9"
    referral = ReferralFactory()
    for letter in "ACDEFGHJKMNPQRT":
        other = Client()
        response = ask(other, f"JM-7K3Q-9XR{letter}", REMOTE_ADDR=prison)
        assert response.status_code == 404
    for _ in range(4):  # Someone mistyping this person's own date of birth, too.
        assert (
            ask(Client(), referral.reference, date(1980, 1, 1), REMOTE_ADDR=prison).status_code
            == 404
        )
    fresh = Client()
    assert shown(fresh, ask(fresh, referral.reference, REMOTE_ADDR=prison))


def test_checks_are_limited_per_address_only_far_beyond_normal_use(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "check_request": "3/1h/ip"}
    for n in range(3):
        ask(client, f"JM-7K3Q-{'9XRT' if n % 2 else '9XRW'}", REMOTE_ADDR="203.0.113.9")
    # Different references, so only the per-address limit can stop this one.
    response = ask(client, "JM-AAAA-CCCC", REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 429
    assert ask(client, "JM-AAAA-CCCC", REMOTE_ADDR="203.0.113.10").status_code == 404


def test_the_shipped_address_limit_is_generous():
    from django.conf import settings

    assert settings.ACCOUNT_RATE_LIMITS["check_request"] == "300/1h/ip"
    assert settings.ACCOUNT_RATE_LIMITS["check_request_failed"] == "5/1h/key"


def test_the_result_is_a_get_page_kept_a_few_minutes_and_never_stored(client):
    referral = ReferralFactory(organisation__name="Mersey Gate")
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        shown(client, ask(client, referral.reference))
        again = client.get(RESULT)
        assert again.status_code == 200, "a refresh sends nothing again"
        assert again["Cache-Control"] == "no-store, private"
        traveller.shift(timedelta(minutes=11))
        assert client.get(RESULT)["Location"] == URL


def test_finish_forgets_the_result(client):
    referral = ReferralFactory()
    shown(client, ask(client, referral.reference))
    assert client.get(reverse("mentees:check_finish")).status_code == 405
    assert client.post(reverse("mentees:check_finish"))["Location"] == URL
    assert client.get(RESULT)["Location"] == URL


def test_start_again_forgets_the_result_too(client):
    referral = ReferralFactory()
    shown(client, ask(client, referral.reference))
    client.post(reverse("mentees:ask_clear"))
    assert client.get(RESULT)["Location"] == URL


def test_the_result_page_without_a_check_goes_to_the_form(client):
    assert client.get(RESULT)["Location"] == URL


def test_an_erased_request_is_not_found(client):
    referral = ReferralFactory()
    referral.erased_at = referral.created_at
    referral.save()
    assert ask(client, referral.reference).status_code == 404


DJANGO_WORDS = ("This field is required", "Ensure this value", "Null characters", "valid date")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    reference=st.text(max_size=60),
    parts=st.lists(st.text(max_size=12), min_size=3, max_size=3),
)
def test_any_input_gets_an_answer_in_our_words_never_an_error(client, reference, parts):
    response = client.post(
        URL,
        {"reference": reference, **{f"date_of_birth_{n}": part for n, part in enumerate(parts)}},
    )
    assert response.status_code in (400, 404, 429)
    body = response.content.decode()
    assert not any(words in body for words in DJANGO_WORDS)
    if response.status_code == 400:
        assert error_summary(body)


def test_an_over_long_reference_or_a_null_character_gets_a_message(client):
    for reference in ("JM-" + "7" * 40, "JM-7K3Q\x00-9XRT"):
        response = ask(client, reference)
        assert response.status_code == 400
        assert error_summary(response.content.decode()), reference
