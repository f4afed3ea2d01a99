"""Platform administrators are held to the same rules as everyone else (issue 18): Django admin
shows memberships, invitations and roles but grants none of them, and lets no admin take over
someone else's account; without a membership given by an organisation's own admin, a platform
admin reaches none of its case records."""

import pytest
from django.urls import reverse

from accounts.constants import PlatformRole
from accounts.models import AuditEvent
from providers.constants import MembershipRole
from providers.models import Invitation, Membership
from tests.conftest import sign_in
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.mentees.factories import MenteeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def platform_admin(client):
    admin = UserFactory(platform_role=PlatformRole.PLATFORM_ADMIN, is_staff=True, is_superuser=True)
    sign_in(client, admin)
    return admin


def test_membership_pages_in_admin_are_read_only(client, platform_admin):
    organisation = OrganisationFactory()
    membership = MembershipFactory(organisation=organisation, role=MembershipRole.COORDINATOR)
    assert client.get(reverse("admin:providers_membership_changelist")).status_code == 200
    assert client.get(reverse("admin:providers_membership_add")).status_code == 403
    added = client.post(
        reverse("admin:providers_membership_add"),
        {"user": platform_admin.pk, "organisation": organisation.pk, "role": "org_admin"},
    )
    assert added.status_code == 403
    change = reverse("admin:providers_membership_change", args=[membership.pk])
    page = client.get(change)
    assert page.status_code == 200 and 'name="role"' not in page.text
    client.post(change, {"user": platform_admin.pk, "organisation": organisation.pk, "role": "x"})
    delete = reverse("admin:providers_membership_delete", args=[membership.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    membership.refresh_from_db()
    assert (membership.user_id, membership.role) != (platform_admin.pk, "org_admin")
    assert not Membership.objects.filter(user=platform_admin).exists()


def test_organisation_page_lists_members_but_cannot_add_one(client, platform_admin):
    organisation = OrganisationFactory()
    member = MembershipFactory(organisation=organisation, role=MembershipRole.ORG_ADMIN)
    url = reverse("admin:providers_organisation_change", args=[organisation.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert str(member.user) in page.text
    assert 'name="memberships-0-role"' not in page.text
    assert 'name="memberships-MAX_NUM_FORMS" value="0"' in page.text


def test_invitations_cannot_be_made_in_admin(client, platform_admin):
    organisation = OrganisationFactory()
    assert client.get(reverse("admin:providers_invitation_add")).status_code == 403
    response = client.post(
        reverse("admin:providers_invitation_add"),
        {"email": platform_admin.email, "organisation": organisation.pk, "role": "org_admin"},
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_admin_rights_email_and_password_are_not_changed_in_admin(client, platform_admin):
    someone = UserFactory(email="dee@example.org", full_name="Dee")
    url = reverse("admin:accounts_user_change", args=[someone.pk])
    page = client.get(url)
    for field in ("is_staff", "is_superuser", "email", "platform_role"):
        assert f'name="{field}"' not in page.text, field
    client.post(
        url,
        {
            "email": platform_admin.email,
            "full_name": "Dee",
            "is_active": "on",
            "is_staff": "on",
            "is_superuser": "on",
        },
    )
    someone.refresh_from_db()
    assert (someone.email, someone.is_staff, someone.is_superuser) == (
        "dee@example.org",
        False,
        False,
    )
    password = reverse("admin:auth_user_password_change", args=[someone.pk])
    assert client.get(password).status_code == 403
    response = client.post(password, {"password1": "Taken0ver!Now", "password2": "Taken0ver!Now"})
    assert response.status_code == 403
    someone.refresh_from_db()
    assert not someone.check_password("Taken0ver!Now")


def test_email_addresses_cannot_be_changed_in_admin(client, platform_admin):
    from allauth.account.models import EmailAddress

    someone = UserFactory(email="dee@example.org")
    address, _new = EmailAddress.objects.get_or_create(user=someone, email=someone.email)
    assert client.get(reverse("admin:account_emailaddress_add")).status_code == 403
    change = reverse("admin:account_emailaddress_change", args=[address.pk])
    client.post(change, {"user": someone.pk, "email": "mine@example.org", "primary": "on"})
    address.refresh_from_db()
    assert address.email == "dee@example.org"


def test_commissioner_regions_are_given_only_with_the_role(client, platform_admin):
    assert client.get(reverse("admin:accounts_commissionerregion_add")).status_code == 403


def test_a_platform_admin_reaches_no_case_record_without_a_membership(client, platform_admin):
    mentee = MenteeFactory()
    for name in ("mentees:mentee_detail", "mentees:mentee_notes", "mentees:mentee_edit"):
        response = client.get(reverse(name, args=[mentee.pk]))
        assert response.status_code in (403, 404), (name, response.status_code)
    assert not AuditEvent.objects.filter(object_id=str(mentee.pk)).exists()
    assert client.get(reverse("mentees:mentee_list")).status_code in (403, 404)
