"""Not accepting a referral and passing it on are confirmed on a page of their own (issue 19,
item 6): the valid form shows what will happen and changes nothing, sends nothing; only the
confirmed post decides it, once."""

import pytest
from django.urls import reverse

from mentees.constants import ReferralStatus
from mentees.models import Referral
from tests.conftest import sign_in
from tests.factories import LocalAuthorityFactory, ServiceFactory
from tests.mentees.factories import ReferralFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, coordinator):
    return sign_in(client, coordinator)


def test_not_accepting_is_confirmed_before_anything_is_sent(
    staff_client, organisation, mailoutbox, django_capture_on_commit_callbacks
):
    referral = ReferralFactory(
        organisation=organisation, contact_methods=["email"], email="sam@example.com"
    )
    url = reverse("mentees:referral_decline", args=[referral.pk])
    assert staff_client.get(url).status_code == 200
    answers = {"reason": "no_capacity", "note": "Try again in May."}
    with django_capture_on_commit_callbacks(execute=True):
        confirm = staff_client.post(url, answers)
    assert confirm.status_code == 200
    assert "you cannot accept their referral?" in confirm.text
    assert "Yes, do not accept it" in confirm.text
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.RECEIVED
    assert len(mailoutbox) == 0

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(url, {**answers, "confirmed": "yes"})
        again = staff_client.post(url, {**answers, "confirmed": "yes"})
    assert again.status_code == 302  # already decided: back to the referral, nothing more
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.DECLINED
    assert referral.history.filter(status=ReferralStatus.DECLINED).count() == 1
    assert [message.to for message in mailoutbox] == [["sam@example.com"]]


def test_a_refused_decline_shows_on_the_form(staff_client, organisation):
    referral = ReferralFactory(organisation=organisation)
    response = staff_client.post(
        reverse("mentees:referral_decline", args=[referral.pk]), {"reason": "other"}
    )
    assert response.status_code == 400
    assert "Explain the reason, as the person will read it" in response.text
    assert "Yes, do not accept it" not in response.text


def test_passing_on_is_confirmed_first(staff_client, organisation, other_organisation):
    council = LocalAuthorityFactory()
    referral = ReferralFactory(organisation=organisation, local_authority=council)
    theirs = ServiceFactory(organisation=other_organisation, local_authorities=[council])
    url = reverse("mentees:referral_pass_on", args=[referral.pk])
    answers = {"service": theirs.pk, "consent": "Agreed by phone"}
    confirm = staff_client.post(url, answers)
    assert f"Pass referral {referral.reference} to {other_organisation.name}?" in confirm.text
    assert not Referral.objects.filter(passed_from=referral).exists()
    referral.refresh_from_db()
    assert referral.is_open

    staff_client.post(url, {**answers, "confirmed": "yes"})
    staff_client.post(url, {**answers, "confirmed": "yes"})
    assert Referral.objects.filter(passed_from=referral).count() == 1
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.PASSED_ON


def test_another_organisations_referral_cannot_be_declined(staff_client, other_organisation):
    theirs = ReferralFactory(organisation=other_organisation)
    url = reverse("mentees:referral_decline", args=[theirs.pk])
    assert staff_client.get(url).status_code == 404
    response = staff_client.post(url, {"reason": "no_capacity", "confirmed": "yes"})
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.is_open
