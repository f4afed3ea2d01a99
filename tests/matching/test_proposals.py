from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from matching.constants import MatchStatus
from matching.models import Match, Notification
from matching.services.matches import lapse_overdue_proposals, match_propose
from mentees.constants import MenteeStatus
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(mentee, mentor, coordinator):
    return match_propose(actor=coordinator, mentee=mentee, mentor=mentor)


def url(match):
    return reverse("matching:mentor_proposal", args=[match.pk])


def test_the_mentor_sees_only_what_they_need_to_know(client, proposal, mentor_user):
    sign_in(client, mentor_user)
    body = client.get(url(proposal)).content.decode()
    assert "Would you mentor Sam?" in body
    assert "Example" not in body, "no surname"
    assert proposal.mentee.prison_number not in body
    home = client.get(reverse("matching:mentor_home")).content.decode()
    assert "Would you mentor Sam?" in home


def test_accepting_starts_the_relationship_in_custody_and_tells_the_coordinators(
    client, proposal, mentor_user, coordinator, django_capture_on_commit_callbacks
):
    sign_in(client, mentor_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(proposal), {"answer": "yes"})
    assert response["Location"] == reverse("matching:mentor_relationship", args=[proposal.pk])
    proposal.refresh_from_db()
    assert proposal.status == MatchStatus.ACTIVE_IN_CUSTODY
    assert proposal.started_on == timezone.localdate()
    assert proposal.mentee.status == MenteeStatus.MATCHED
    assert Notification.objects.filter(user=coordinator, kind="proposal_answered").exists()


def test_declining_needs_a_reason(client, proposal, mentor_user):
    sign_in(client, mentor_user)
    response = client.post(url(proposal), {"answer": "no", "reason": ""})
    assert response.status_code == 400
    assert "Say why, so your coordinator can find someone else" in response.content.decode()
    client.post(url(proposal), {"answer": "no", "reason": "I know his family"})
    proposal.refresh_from_db()
    assert (
        proposal.status == MatchStatus.DECLINED and proposal.decline_reason == "I know his family"
    )


def test_a_lapsed_proposal_cannot_be_accepted(client, proposal, mentor_user, coordinator):
    Match.objects.filter(pk=proposal.pk).update(respond_by=timezone.now() - timedelta(minutes=1))
    sign_in(client, mentor_user)
    response = client.post(url(proposal), {"answer": "yes"}, follow=True)
    assert "This proposal lapsed on" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == MatchStatus.LAPSED
    assert Notification.objects.filter(user=coordinator, kind="proposal_lapsed").count() == 1


def test_the_lapse_job_lapses_once_and_tells_the_coordinators_once(proposal, coordinator):
    with time_machine.travel(timezone.now() + timedelta(days=4)):
        assert lapse_overdue_proposals() == 1
        assert lapse_overdue_proposals() == 0
    proposal.refresh_from_db()
    assert proposal.status == MatchStatus.LAPSED
    assert Notification.objects.filter(kind="proposal_lapsed").count() == 1


def test_answering_twice_is_refused(client, proposal, mentor_user):
    sign_in(client, mentor_user)
    client.post(url(proposal), {"answer": "yes"})
    response = client.post(
        url(proposal), {"answer": "no", "reason": "Changed my mind"}, follow=True
    )
    assert "no longer waiting for an answer" in response.content.decode()
    assert Match.objects.get().status == MatchStatus.ACTIVE_IN_CUSTODY


def test_the_coordinator_can_withdraw_a_proposal(staff_client, proposal):
    staff_client.post(reverse("matching:withdraw", args=[proposal.pk]))
    proposal.refresh_from_db()
    assert proposal.status == MatchStatus.WITHDRAWN


def test_a_mentor_sees_nothing_more_of_a_proposal_once_it_is_over(client, proposal, mentor_user):
    sign_in(client, mentor_user)
    client.post(url(proposal), {"answer": "no", "reason": "I know his family"})
    response = client.get(url(proposal), follow=True)
    body = response.content.decode()
    assert "That proposal is no longer open" in body and "Would you mentor Sam?" not in body
    assert proposal.mentee.local_authority.name not in body
    relationship = reverse("matching:mentor_relationship", args=[proposal.pk])
    assert client.get(relationship).status_code == 404
