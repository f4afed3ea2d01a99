"""When no listed service can take the person, the request can still go to the general inbox:
held with no organisation, shown to providers near the person without anything that names them,
and taken by the first that can help, under the same reference."""

import uuid
from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from mentees.constants import ReferralStatus, Situation
from mentees.models import Referral
from mentees.services.privacy import referrals_erase_expired
from mentees.services.referrals import referral_take
from providers.constants import GenderEligibility, MembershipRole
from tests.concurrency import another_transaction
from tests.conftest import sign_in
from tests.factories import (
    LocalAuthorityFactory,
    MembershipFactory,
    PrisonFactory,
    RegionFactory,
    ServiceFactory,
    pathway,
)
from tests.mentees.factories import ReferralFactory

from .journey import custody_answers, finishing_pages, step_url, walk

pytestmark = pytest.mark.django_db

CHECK = reverse("mentees:ask_check")
WAITING = reverse("mentees:waiting_list")


@pytest.fixture
def devon():
    """Plymouth, where the only service is for men; Leeds, far away, with a service of its own."""
    south_west = RegionFactory(name="South West")
    plymouth = LocalAuthorityFactory(name="Plymouth", region=south_west)
    dartmoor = PrisonFactory(name="HMP Dartmoor")
    men_only = ServiceFactory(
        name="Moor Men mentoring",
        local_authorities=[plymouth],
        gender=GenderEligibility.MEN,
        pathways=[pathway("accommodation")],
    )
    leeds = LocalAuthorityFactory(name="Leeds", region=RegionFactory(name="Yorkshire"))
    far = ServiceFactory(name="Leeds Link", local_authorities=[leeds])
    return {"council": plymouth, "prison": dartmoor, "near": men_only, "far": far}


def _a_woman_in_dartmoor(place, *, worker=False):
    pages = custody_answers(
        prison=place["prison"],
        local_authority=place["council"],
        release=timezone.localdate() + timedelta(days=90),
        worker=worker,
    )
    return [*pages, ("gender", {"gender": "woman"})]


def _send_to_the_inbox(client, place) -> Referral:
    walk(client, _a_woman_in_dartmoor(place))
    body = client.get(step_url("choose-a-service")).content.decode()
    assert "We could not find a service for you" in body
    assert "Send it to services near me" in body
    walk_on = [("choose-a-service", {"service": "nearby"}), *finishing_pages()]
    for slug, data in walk_on:
        response = client.post(step_url(slug), data)
        assert response.status_code == 302, (slug, response.content.decode()[:2000])
    check = client.get(CHECK).content.decode()
    assert "The request goes to mentoring services near you" in check
    assert "Any service near you that can help" in check
    response = client.post(CHECK)
    assert response["Location"] == reverse("mentees:ask_confirmation")
    confirmation = client.get(response["Location"]).content.decode()
    assert "Mentoring services near you can now see the request" in confirmation
    return Referral.objects.get()


def _check(client, referral):
    """Check your request, as the person would, with the reference and date of birth."""
    answers = {"date_of_birth_0": "27", "date_of_birth_1": "3", "date_of_birth_2": "1990"}
    return client.post(
        reverse("mentees:check_request"), {"reference": referral.reference, **answers}
    )


def _coordinator_of(service):
    return MembershipFactory(
        organisation=service.organisation, role=MembershipRole.COORDINATOR
    ).user


def test_with_no_service_that_fits_the_request_waits_for_a_provider_nearby(client, devon):
    referral = _send_to_the_inbox(client, devon)
    assert referral.organisation is None and referral.service is None
    assert referral.status == ReferralStatus.WAITING
    assert list(referral.history.values_list("status", "organisation")) == [("waiting", None)]


def test_a_tampered_service_choice_on_the_inbox_page_is_refused_in_our_words(client, devon):
    walk(client, _a_woman_in_dartmoor(devon))
    response = client.post(step_url("choose-a-service"), {"service": str(devon["near"].pk)})
    assert response.status_code == 400
    assert "Select one of the services listed" in response.content.decode()
    assert "Select a valid choice" not in response.content.decode()


def test_where_a_service_fits_the_inbox_is_not_offered(client, devon):
    pages = _a_woman_in_dartmoor(devon)[:-1] + [("gender", {"gender": "man"})]
    walk(client, pages)
    body = client.get(step_url("choose-a-service")).content.decode()
    assert "Moor Men mentoring" in body and "Send it to services near me" not in body
    response = client.post(step_url("choose-a-service"), {"service": "nearby"})
    assert response.status_code == 400
    assert Referral.objects.count() == 0


def test_a_provider_near_them_sees_a_summary_without_a_name_and_takes_it(client, devon):
    referral = _send_to_the_inbox(client, devon)
    client.logout()
    coordinator = _coordinator_of(devon["near"])
    sign_in(client, coordinator)

    listing = client.get(WAITING)
    body = listing.content.decode()
    assert listing.status_code == 200
    assert "HMP Dartmoor" in body and "Plymouth" in body and "Accommodation" in body
    assert "30 to 39" in body  # An age band, not a date of birth.
    for personal in ("Sam Example", "sam@example.com", "27 March 1990", referral.reference):
        assert personal not in body
    assert listing["Cache-Control"].startswith("no-store") or "no-store" in listing["Cache-Control"]

    take = reverse("mentees:waiting_take", args=[referral.pk])
    confirm = client.get(take).content.decode()
    assert "Take this request?" in confirm and "Sam Example" not in confirm
    assert Referral.objects.get().organisation is None  # Looking changes nothing.

    response = client.post(take)
    assert response["Location"] == reverse("mentees:referral_detail", args=[referral.pk])
    referral.refresh_from_db()
    assert referral.organisation == devon["near"].organisation
    assert referral.status == ReferralStatus.RECEIVED
    detail = client.get(response["Location"]).content.decode()
    assert "Sam Example" in detail
    event = AuditEvent.objects.get(action="status_changed", object_id=str(referral.pk))
    assert event.actor == coordinator and event.details["taken_from"] == "general inbox"
    assert "No requests are waiting near where you work" in client.get(WAITING).content.decode()


def test_the_person_checks_a_waiting_request_and_sees_it_taken(client, devon):
    referral = _send_to_the_inbox(client, devon)
    assert _check(client, referral).status_code == 302
    status = client.get(reverse("mentees:check_result")).content.decode()
    assert "Waiting for a service to take it" in status
    assert "Sent to mentoring services near you" in status
    assert "Not taken yet" in status

    referral_take(
        actor=_coordinator_of(devon["near"]),
        organisation=devon["near"].organisation,
        referral=referral,
    )
    status = client.get(reverse("mentees:check_result")).content.decode()
    assert "Received by" in status and devon["near"].organisation.name in status


def test_a_waiting_request_can_be_withdrawn_and_then_no_one_sees_it(client, devon):
    referral = _send_to_the_inbox(client, devon)
    _check(client, referral)
    client.post(reverse("mentees:check_withdraw"))
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.WITHDRAWN and referral.organisation is None
    status = client.get(reverse("mentees:check_result")).content.decode()
    assert "No service will act on it" in status

    sign_in(client, _coordinator_of(devon["near"]))
    assert "No requests are waiting" in client.get(WAITING).content.decode()
    response = client.post(reverse("mentees:waiting_take", args=[referral.pk]))
    assert response.status_code == 404


def test_a_provider_elsewhere_neither_sees_nor_takes_it(client, devon):
    referral = _send_to_the_inbox(client, devon)
    client.logout()
    sign_in(client, _coordinator_of(devon["far"]))
    assert "No requests are waiting" in client.get(WAITING).content.decode()
    take = reverse("mentees:waiting_take", args=[referral.pk])
    assert client.get(take).status_code == 404
    assert client.post(take).status_code == 404
    assert Referral.objects.get().organisation is None


def test_a_provider_visiting_their_prison_sees_it_and_a_national_line_too(client, devon):
    referral = _send_to_the_inbox(client, devon)
    visits = ServiceFactory(name="Moorland visits", prisons=[devon["prison"]])
    national = ServiceFactory(name="Anywhere line", national=True)
    for service in (visits, national):
        client.logout()
        sign_in(client, _coordinator_of(service))
        assert client.get(reverse("mentees:waiting_take", args=[referral.pk])).status_code == 200


def test_a_request_already_taken_cannot_be_taken_again(client, devon):
    referral = _send_to_the_inbox(client, devon)
    other = ServiceFactory(name="Plymouth Pathways", local_authorities=[devon["council"]])
    referral_take(actor=_coordinator_of(other), organisation=other.organisation, referral=referral)
    client.logout()
    sign_in(client, _coordinator_of(devon["near"]))
    response = client.post(reverse("mentees:waiting_take", args=[referral.pk]))
    assert response.status_code == 404
    assert Referral.objects.get().organisation == other.organisation


@pytest.mark.django_db(transaction=True)
def test_two_providers_taking_at_once_one_gets_it_and_the_other_is_told(client, devon):
    referral = _send_to_the_inbox(client, devon)
    other = ServiceFactory(name="Plymouth Pathways", local_authorities=[devon["council"]])
    first = _coordinator_of(other)

    with another_transaction(
        lambda: referral_take(actor=first, organisation=other.organisation, referral=referral),
        seconds=1,
    ):
        client.logout()
        sign_in(client, _coordinator_of(devon["near"]))
        # Waits for the other transaction's lock, then finds the request gone.
        response = client.post(reverse("mentees:waiting_take", args=[referral.pk]))
    assert response.status_code == 302
    assert response["Location"] == WAITING
    messages = client.get(WAITING).content.decode()
    assert "Another service has taken this request" in messages
    assert Referral.objects.get().organisation == other.organisation
    assert Referral.objects.get().history.count() == 2


def test_a_request_no_one_takes_is_erased_after_the_retention_period(client, devon):
    referral = _send_to_the_inbox(client, devon)
    assert referrals_erase_expired(before=timezone.now() - timedelta(days=1)) == 0
    assert referrals_erase_expired(before=timezone.now() + timedelta(days=1)) == 1
    referral.refresh_from_db()
    assert referral.erased_at is not None and referral.full_name != "Sam Example"


def test_only_the_waiting_may_have_no_organisation(devon):
    with pytest.raises(IntegrityError), transaction.atomic():
        Referral.objects.create(
            organisation=None,
            status=ReferralStatus.RECEIVED,
            reference="JM-TEST-0000",
            submission_key=uuid.uuid4(),
            completed_by="self",
            full_name="Nobody",
            situation=Situation.IN_COMMUNITY,
            consented_at=timezone.now(),
            privacy_notice_version="1",
        )


def test_the_waiting_list_costs_the_same_queries_for_one_request_or_many(
    client, devon, django_assert_max_num_queries
):
    def waiting_request():
        waiting = ReferralFactory(
            organisation=None,
            status=ReferralStatus.WAITING,
            situation=Situation.IN_COMMUNITY,
            prison=None,
            local_authority=devon["council"],
        )
        waiting.needs.set([pathway("accommodation"), pathway("health")])

    waiting_request()
    sign_in(client, _coordinator_of(devon["near"]))
    with django_assert_max_num_queries(20) as few:
        assert client.get(WAITING).content.decode().count("Take this request") == 1
    for _more in range(4):
        waiting_request()
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(WAITING).content.decode().count("Take this request") == 5
