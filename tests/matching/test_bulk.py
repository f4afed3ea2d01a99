import threading

import pytest
from django.db import connection
from django.urls import reverse

from matching.constants import BulkProposalStatus, MatchStatus
from matching.models import BulkProposal, Match
from matching.services.bulk import bulk_confirm, bulk_suggest
from tests.factories import UserFactory
from tests.mentees.factories import MenteeFactory

from .factories import mentor_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(organisation, wirral):
    mentees = MenteeFactory.create_batch(3, organisation=organisation, local_authority=wirral)
    mentors = []
    for _ in range(2):
        mentor = mentor_for(UserFactory(), organisation, capacity=1)
        mentor.local_authorities.set([wirral])
        mentors.append(mentor)
    return mentees, mentors


def test_suggestions_propose_nothing_until_confirmed(staff_client, many):
    response = staff_client.post(reverse("matching:bulk_create"))
    proposal = BulkProposal.objects.get()
    assert response["Location"] == reverse("matching:bulk_review", args=[proposal.pk])
    assert not Match.objects.exists()
    assert proposal.optimal_matched == 2 and proposal.waiting == 3
    body = staff_client.get(response["Location"]).content.decode()
    assert "Compared with matching one by one" in body and "1 mentee cannot be matched now" in body


def test_confirming_proposes_only_the_ticked_rows(staff_client, many):
    staff_client.post(reverse("matching:bulk_create"))
    proposal = BulkProposal.objects.get()
    keep = proposal.rows.first()
    url = reverse("matching:bulk_review", args=[proposal.pk])
    confirmed = staff_client.post(url, {"action": "confirm", "rows": [keep.pk]}, follow=True)
    assert "1 mentor asked." in confirmed.text and " is asked" not in confirmed.text
    assert list(Match.objects.values_list("mentee_id", "status")) == [
        (keep.mentee_id, MatchStatus.PROPOSED)
    ]
    proposal.refresh_from_db()
    assert proposal.status == BulkProposalStatus.CONFIRMED
    again = staff_client.post(url, {"action": "confirm", "rows": [keep.pk]}, follow=True)
    assert "already confirmed" in again.content.decode()
    assert Match.objects.count() == 1


def test_nothing_is_proposed_if_one_suggestion_no_longer_holds(staff_client, many, coordinator):
    staff_client.post(reverse("matching:bulk_create"))
    proposal = BulkProposal.objects.get()
    rows = list(proposal.rows.all())
    rows[0].mentor.status = "paused"  # meanwhile, a mentor paused
    rows[0].mentor.save()
    response = staff_client.post(
        reverse("matching:bulk_review", args=[proposal.pk]),
        {"action": "confirm", "rows": [row.pk for row in rows]},
        follow=True,
    )
    assert "Nothing was proposed" in response.content.decode()
    assert not Match.objects.exists()
    proposal.refresh_from_db()
    assert proposal.status == BulkProposalStatus.DRAFT


def test_discarding(staff_client, many):
    staff_client.post(reverse("matching:bulk_create"))
    proposal = BulkProposal.objects.get()
    staff_client.post(reverse("matching:bulk_review", args=[proposal.pk]), {"action": "discard"})
    proposal.refresh_from_db()
    assert proposal.status == BulkProposalStatus.DISCARDED and not Match.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_confirming_at_once_propose_once(organisation, coordinator, wirral):
    mentee = MenteeFactory(organisation=organisation, local_authority=wirral)
    mentor = mentor_for(UserFactory(), organisation, capacity=1)
    mentor.local_authorities.set([wirral])
    proposal = bulk_suggest(actor=coordinator, organisation=organisation)
    outcomes = []

    def confirm():
        try:
            outcomes.append(bulk_confirm(actor=coordinator, proposal=proposal))
        except Exception as error:  # noqa: BLE001
            outcomes.append(type(error).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(map(str, outcomes)) == ["1", "ValidationError"]
    assert Match.objects.filter(mentee=mentee).count() == 1
