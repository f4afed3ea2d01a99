import pytest
from django.urls import reverse

from accounts.constants import PlatformRole
from accounts.models import AuditEvent
from providers.constants import MembershipRole, OrganisationStatus
from providers.models import Membership, Organisation
from tests.conftest import sign_in
from tests.factories import OrganisationFactory, RegionFactory, UserFactory

pytestmark = pytest.mark.django_db
REGISTER = reverse("providers:organisation_register")


def registration(**overrides):
    data = {
        "name": "Northern Lights Mentoring",
        "region": str(RegionFactory(name="North East").pk),
        "description": "Volunteer mentors for people leaving prisons in the North East.",
        "charity_number": "1234567",
        "email": "hello@northern-lights.example.org",
        "website": "northern-lights.example.org",
    }
    data.update(overrides)
    return data


def test_registering_creates_a_pending_organisation_with_its_first_admin(client):
    person = UserFactory()
    sign_in(client, person, mfa=False)
    response = client.post(REGISTER, registration())
    assert response.status_code == 200
    assert "waiting for approval" in response.content.decode()
    organisation = Organisation.objects.get(name="Northern Lights Mentoring")
    assert organisation.status == OrganisationStatus.PENDING
    assert organisation.website == "https://northern-lights.example.org"
    membership = Membership.objects.get(organisation=organisation)
    assert membership.user == person and membership.role == MembershipRole.ORG_ADMIN
    # Its public page does not exist until it is approved, even for its own admin.
    detail = reverse("providers:organisation_detail", args=[organisation.slug])
    assert client.get(detail).status_code == 404


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": ""}, "Enter your organisation&#x27;s name"),
        ({"region": ""}, "Choose the region where you mainly work"),
        ({"region": "999999"}, "Choose a region from the list"),
        ({"email": "not-an-email"}, "Enter an email address in the correct format"),
        ({"description": ""}, "Describe what you do"),
    ],
)
def test_registration_errors_are_specific(client, overrides, message):
    sign_in(client, UserFactory(), mfa=False)
    response = client.post(REGISTER, registration(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Organisation.objects.filter(name="Northern Lights Mentoring").exists()


def test_an_existing_name_is_refused(client):
    OrganisationFactory(name="Northern Lights Mentoring")
    sign_in(client, UserFactory(), mfa=False)
    response = client.post(REGISTER, registration(name="northern lights mentoring"))
    assert response.status_code == 400
    assert "is already registered" in response.content.decode()


@pytest.fixture
def platform_admin(client):
    admin = UserFactory(platform_role=PlatformRole.PLATFORM_ADMIN, is_staff=True)
    sign_in(client, admin)
    return admin


@pytest.fixture
def pending():
    organisation = OrganisationFactory(status=OrganisationStatus.PENDING, name="Waiting Trust")
    Membership.objects.create(
        organisation=organisation,
        user=UserFactory(email="founder@waiting.example.org"),
        role=MembershipRole.ORG_ADMIN,
    )
    return organisation


def test_the_queue_lists_pending_organisations(client, platform_admin, pending):
    OrganisationFactory(name="Already Active")
    body = client.get(reverse("providers:moderation")).content.decode()
    assert "Waiting Trust" in body and "Already Active" not in body


def test_approving_activates_and_emails_the_admins(
    client, platform_admin, pending, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("providers:moderation_approve", args=[pending.pk]))
    pending.refresh_from_db()
    assert pending.status == OrganisationStatus.ACTIVE
    assert [m.to for m in mailoutbox] == [["founder@waiting.example.org"]]
    assert "is approved" in mailoutbox[0].body
    assert AuditEvent.objects.filter(action="status_changed", object_id=str(pending.pk)).exists()


def test_rejecting_needs_a_reason_which_is_emailed(
    client, platform_admin, pending, mailoutbox, django_capture_on_commit_callbacks
):
    url = reverse("providers:moderation_review", args=[pending.pk])
    response = client.post(url, {"reason": ""})
    assert response.status_code == 400
    assert "Enter the reason" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == OrganisationStatus.PENDING

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"reason": "We could not find your charity on the register."})
    pending.refresh_from_db()
    assert pending.status == OrganisationStatus.REJECTED
    assert "could not find your charity" in mailoutbox[0].body


def test_a_decided_organisation_cannot_be_decided_again(client, platform_admin, pending):
    client.post(reverse("providers:moderation_approve", args=[pending.pk]))
    response = client.post(reverse("providers:moderation_approve", args=[pending.pk]))
    assert response.status_code == 404
