from datetime import date

import pytest
from django.urls import reverse

from mentees.constants import ReferralStatus
from tests.factories import OrganisationFactory
from tests.html import error_summary
from tests.mentees.factories import ReferralFactory

pytestmark = pytest.mark.django_db

URL = reverse("mentees:check_request")


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


def test_the_reference_and_date_of_birth_show_the_status(client):
    referral = ReferralFactory(organisation__name="Mersey Gate")
    response = ask(client, referral.reference.lower().replace("-", " "))
    assert response.status_code == 200
    body = response.content.decode()
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
    body = ask(client, referral.reference).content.decode()
    assert "Not accepted" in body and "Try Sefton Mentoring instead." in body


def test_a_passed_on_request_shows_where_it_went(client):
    first = ReferralFactory(status=ReferralStatus.PASSED_ON, organisation__name="First Org")
    ReferralFactory(
        passed_from=first,
        organisation=OrganisationFactory(name="Second Org"),
        date_of_birth=first.date_of_birth,
    )
    body = ask(client, first.reference).content.decode()
    assert "Passed by First Org to Second Org" in body
    assert "Received by Second Org" in body


def test_checks_are_limited_per_reference(client):
    referral = ReferralFactory()
    for _ in range(5):
        assert ask(client, referral.reference, born=date(1980, 1, 1)).status_code == 404
    blocked = ask(client, referral.reference)
    assert blocked.status_code == 429, "even the right date of birth waits once the limit is hit"
    assert "Too many attempts" in blocked.content.decode()


def test_checks_are_limited_per_address(client):
    for n in range(20):
        ask(client, f"JM-7K3Q-{'9XRT' if n % 2 else '9XRW'}", REMOTE_ADDR="203.0.113.9")
    # Different references, so only the per-address limit can stop this one.
    response = ask(client, "JM-AAAA-CCCC", REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 429
    assert ask(client, "JM-AAAA-CCCC", REMOTE_ADDR="203.0.113.10").status_code == 404


def test_an_erased_request_is_not_found(client):
    referral = ReferralFactory()
    referral.erased_at = referral.created_at
    referral.save()
    assert ask(client, referral.reference).status_code == 404
