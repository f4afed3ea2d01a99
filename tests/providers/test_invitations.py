import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from providers.constants import MembershipRole
from providers.models import Invitation, Membership
from tests.conftest import sign_in
from tests.factories import InvitationFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def invite(client, email="new.coordinator@example.org", role=MembershipRole.COORDINATOR):
    return client.post(reverse("providers:invitation_create"), {"email": email, "role": role})


def test_org_admin_invites_by_email(
    admin_client, organisation, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(admin_client)
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="new.coordinator@example.org")
    assert invitation.organisation == organisation
    assert invitation.expires_at - timezone.now() > dt.timedelta(days=6)
    assert len(mailoutbox) == 1
    assert reverse("invitation_accept", args=[invitation.token]) in mailoutbox[0].body
    assert organisation.name in mailoutbox[0].subject


def test_the_invitation_email_is_sent_once_even_if_the_task_runs_twice(mailoutbox, organisation):
    from providers.tasks import send_invitation_email

    invitation = InvitationFactory(organisation=organisation)
    assert send_invitation_email(invitation.pk) is True
    assert send_invitation_email(invitation.pk) is False
    assert len(mailoutbox) == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "", "role": "coordinator"}, "Enter the email address of the person"),
        ({"email": "not-an-email", "role": "coordinator"}, "Enter an email address in the"),
        ({"email": "a@example.org", "role": ""}, "Select the role they will have"),
        ({"email": "a@example.org", "role": "superuser"}, "Select an answer from the list"),
    ],
)
def test_bad_invitations_are_refused_beside_the_field(admin_client, data, message):
    response = admin_client.post(reverse("providers:invitation_create"), data)
    assert response.status_code == 200
    assert message in response.text
    assert "govuk-error-summary" in response.text
    assert not Invitation.objects.exists()


def test_inviting_an_existing_member_is_refused(admin_client, organisation):
    member = MembershipFactory(organisation=organisation)
    response = invite(admin_client, email=member.user.email)
    assert "is already a member" in response.text
    assert not Invitation.objects.exists()


def test_a_second_invitation_to_the_same_address_is_refused(admin_client):
    invite(admin_client)
    response = invite(admin_client)
    assert response.status_code == 200
    assert "already has an invitation waiting" in response.text
    assert Invitation.objects.count() == 1


def test_coordinators_cannot_invite(client, coordinator):
    sign_in(client, coordinator)
    assert invite(client).status_code == 403


class TestAccepting:
    @pytest.fixture
    def invitation(self, organisation):
        return InvitationFactory(organisation=organisation, email="joiner@example.org")

    @pytest.fixture
    def joiner(self):
        return UserFactory(email="joiner@example.org")

    def url(self, invitation):
        return reverse("invitation_accept", args=[invitation.token])

    def test_anonymous_visitor_is_asked_to_sign_in_or_create_an_account(self, client, invitation):
        response = client.get(self.url(invitation))
        assert response.status_code == 200
        assert f"Join {invitation.organisation.name}" in response.text
        assert reverse("account_login") in response.text
        assert client.post(self.url(invitation)).status_code == 200
        assert not Membership.objects.filter(user__email="joiner@example.org").exists()

    def test_accepting_creates_one_membership_even_if_sent_twice(self, client, invitation, joiner):
        invitation.role = MembershipRole.MENTOR
        invitation.save()
        sign_in(client, joiner)  # mentors too must have passed two-factor authentication
        first = client.post(self.url(invitation))
        assert first.status_code == 302
        second = client.post(self.url(invitation))
        assert "This invitation has already been used." in second.text
        membership = Membership.objects.get(user=joiner)
        assert membership.organisation == invitation.organisation
        assert membership.role == invitation.role

    def test_a_new_coordinator_is_sent_to_set_up_mfa_next(self, client, invitation, joiner):
        sign_in(client, joiner, mfa=False)
        client.post(self.url(invitation))
        response = client.get(reverse("dashboard"))
        assert response.status_code == 302
        assert response.url.startswith(reverse("mfa_activate_totp"))

    def test_an_expired_invitation_says_so_and_changes_nothing(self, client, invitation, joiner):
        sign_in(client, joiner, mfa=False)
        with time_machine.travel(invitation.expires_at + dt.timedelta(minutes=1)):
            response = client.post(self.url(invitation))
        assert response.status_code == 200
        assert "This invitation expired on" in response.text
        assert "Ask the organisation to send you a new one." in response.text
        assert not Membership.objects.filter(user=joiner).exists()

    def test_a_withdrawn_invitation_cannot_be_used(self, client, admin_client, invitation, joiner):
        admin_client.post(reverse("providers:invitation_revoke", args=[invitation.pk]))
        invitation.refresh_from_db()
        assert invitation.revoked_at is not None
        joiner_client = sign_in(client.__class__(), joiner, mfa=False)
        response = joiner_client.post(self.url(invitation))
        assert "This invitation has been withdrawn." in response.text
        assert not Membership.objects.filter(user=joiner).exists()

    def test_someone_signed_in_with_another_address_cannot_use_it(self, client, invitation):
        sign_in(client, UserFactory(email="someone.else@example.org"), mfa=False)
        response = client.post(self.url(invitation))
        assert "This invitation was sent to joiner@example.org" in response.text
        assert (
            not Membership.objects.filter(organisation=invitation.organisation)
            .exclude(role=MembershipRole.ORG_ADMIN)
            .exists()
        )

    def test_an_unknown_token_is_not_found(self, client):
        assert client.get(reverse("invitation_accept", args=["made-up"])).status_code == 404
