import pytest
from django.urls import reverse

from accounts.constants import PlatformRole
from providers.constants import MembershipRole, OrganisationStatus
from providers.models import Membership, Organisation
from providers.tenancy import SESSION_KEY
from tests.conftest import sign_in
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_organisation_visible_to_members_and_platform_admins(organisation, other_organisation):
    member = MembershipFactory(organisation=organisation).user
    assert list(Organisation.objects.visible_to(member)) == [organisation]
    admin = UserFactory(platform_role=PlatformRole.PLATFORM_ADMIN)
    assert set(Organisation.objects.visible_to(admin)) == {organisation, other_organisation}


def test_removed_members_see_nothing(organisation, org_admin):
    membership = MembershipFactory(organisation=organisation)
    membership.removed_at = membership.joined_at
    membership.save()
    assert not Organisation.objects.visible_to(membership.user).exists()
    assert not Membership.objects.visible_to(membership.user).exists()


def test_memberships_visible_to_org_admin_are_their_organisations(
    organisation, other_organisation, org_admin
):
    ours = MembershipFactory(organisation=organisation)
    theirs = MembershipFactory(organisation=other_organisation)
    visible = set(Membership.objects.visible_to(org_admin))
    assert ours in visible
    assert theirs not in visible


def test_coordinator_sees_only_their_own_membership(organisation, coordinator):
    MembershipFactory(organisation=organisation)
    assert [m.user for m in Membership.objects.visible_to(coordinator)] == [coordinator]


class TestSwitchingOrganisation:
    @pytest.fixture
    def two_hats(self, organisation, other_organisation):
        user = UserFactory()
        MembershipFactory(user=user, organisation=organisation, role=MembershipRole.ORG_ADMIN)
        MembershipFactory(user=user, organisation=other_organisation, role=MembershipRole.ORG_ADMIN)
        return user

    def test_switch_changes_the_organisation_pages_act_for(
        self, client, two_hats, other_organisation
    ):
        sign_in(client, two_hats)
        response = client.post(
            reverse("providers:organisation_switch"), {"organisation": other_organisation.pk}
        )
        assert response.status_code == 302
        assert client.session[SESSION_KEY] == other_organisation.pk
        team = client.get(reverse("providers:team"))
        assert f"Team at {other_organisation.name}" in team.text

    def test_switching_to_an_organisation_you_do_not_belong_to_is_refused(
        self, client, two_hats, organisation
    ):
        stranger = OrganisationFactory()
        sign_in(client, two_hats)
        client.post(reverse("providers:organisation_switch"), {"organisation": organisation.pk})
        response = client.post(
            reverse("providers:organisation_switch"), {"organisation": stranger.pk}
        )
        assert response.status_code == 200
        assert "Select one of the organisations you belong to" in response.text
        assert client.session[SESSION_KEY] == organisation.pk

    @pytest.mark.parametrize("value", ["", "abc", "1 OR 1=1", "-1"])
    def test_garbage_organisation_ids_get_a_message(self, client, two_hats, value):
        sign_in(client, two_hats)
        response = client.post(reverse("providers:organisation_switch"), {"organisation": value})
        assert response.status_code == 200
        assert "govuk-error-summary" in response.text

    def test_a_tampered_session_value_is_ignored(self, client, organisation, org_admin):
        stranger = OrganisationFactory(name="Not Yours Mentoring")
        sign_in(client, org_admin)
        session = client.session
        session[SESSION_KEY] = stranger.pk
        session.save()
        response = client.get(reverse("providers:team"))
        assert response.status_code == 200
        assert f"Team at {organisation.name}" in response.text
        assert "Not Yours Mentoring" not in response.text
        assert client.session.get(SESSION_KEY) != stranger.pk


@pytest.mark.parametrize(
    ("status", "text"),
    [
        (OrganisationStatus.PENDING, "A platform administrator is checking"),
        (OrganisationStatus.SUSPENDED, "You cannot use your organisation's pages"),
    ],
)
def test_pages_of_an_organisation_that_is_not_active_are_closed(client, status, text):
    membership = MembershipFactory(
        role=MembershipRole.ORG_ADMIN, organisation=OrganisationFactory(status=status)
    )
    sign_in(client, membership.user)
    response = client.get(reverse("providers:team"))
    assert response.status_code == 403
    assert text in response.text
    assert client.get(reverse("dashboard")).status_code == 200


def test_team_page_lists_members_with_bounded_queries(
    client, organisation, org_admin, django_assert_max_num_queries
):
    for _ in range(20):
        MembershipFactory(organisation=organisation)
    sign_in(client, org_admin)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("providers:team"))
    assert response.status_code == 200
    assert response.text.count("Remove<span") == 20


def test_removing_the_only_org_admin_is_refused(client, organisation, org_admin):
    own = Membership.objects.get(user=org_admin)
    sign_in(client, org_admin)
    response = client.post(reverse("providers:member_remove", args=[own.pk]))
    assert response.status_code == 200
    assert "You cannot remove the only organisation admin" in response.text
    own.refresh_from_db()
    assert own.removed_at is None


def test_removing_a_member_ends_their_access(client, organisation, org_admin):
    coordinator = MembershipFactory(organisation=organisation)
    sign_in(client, org_admin)
    response = client.post(reverse("providers:member_remove", args=[coordinator.pk]))
    assert response.status_code == 302
    coordinator.refresh_from_db()
    assert coordinator.removed_at is not None
    assert coordinator.removed_by == org_admin
    removed_client = sign_in(client.__class__(), coordinator.user)
    assert removed_client.get(reverse("providers:team")).status_code == 403


def test_removing_twice_says_so(client, organisation, org_admin):
    coordinator = MembershipFactory(organisation=organisation)
    sign_in(client, org_admin)
    client.post(reverse("providers:member_remove", args=[coordinator.pk]))
    # Removed members drop out of the admin's view: a second attempt is a 404, not a 500.
    response = client.post(reverse("providers:member_remove", args=[coordinator.pk]))
    assert response.status_code == 404


def test_platform_admin_approves_a_pending_organisation_through_the_audited_service(client):
    from accounts.models import AuditEvent

    pending = OrganisationFactory(status=OrganisationStatus.PENDING)
    admin = UserFactory(platform_role=PlatformRole.PLATFORM_ADMIN, is_staff=True, is_superuser=True)
    sign_in(client, admin)
    response = client.post(
        reverse("admin:providers_organisation_changelist"),
        {"action": "approve", "_selected_action": [pending.pk]},
    )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == OrganisationStatus.ACTIVE
    event = AuditEvent.objects.get(object_id=str(pending.pk), action="status_changed")
    assert event.details == {"from": "pending", "to": "active", "reason": ""}


def test_dashboard_summarises_the_organisation(client, organisation, coordinator):
    sign_in(client, coordinator)
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    assert "govuk-summary-list" in response.text
    assert "Coordinator" in response.text
    assert organisation.name in response.text
