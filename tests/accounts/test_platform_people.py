"""Platform administrators give and take platform roles (accounts.views.people)."""

import pytest
from django.urls import reverse

from accounts import services
from accounts.constants import PlatformRole
from accounts.models import AuditEvent, CommissionerRegion, User
from tests.concurrency import another_transaction
from tests.conftest import sign_in
from tests.factories import RegionFactory, UserFactory
from tests.factories_accreditation import taken_application

pytestmark = pytest.mark.django_db
PEOPLE = reverse("accounts:platform_people")


def person(user):
    return reverse("accounts:platform_person", args=[user.pk])


@pytest.fixture
def platform_admin(db):
    return UserFactory(platform_role=PlatformRole.PLATFORM_ADMIN, full_name="Pat Admin")


@pytest.fixture
def admin(client, platform_admin):
    return sign_in(client, platform_admin)


def test_a_platform_admin_makes_someone_a_commissioner_for_a_region(admin, platform_admin):
    someone = UserFactory(email="casey@example.org", full_name="Casey Commissioner")
    region = RegionFactory(name="Yorkshire and The Humber")
    response = admin.post(
        PEOPLE,
        {"email": "Casey@Example.org", "role": PlatformRole.COMMISSIONER, "region": region.pk},
        follow=True,
    )
    assert "Casey Commissioner is now a Commissioner." in response.text
    someone.refresh_from_db()
    assert someone.platform_role == PlatformRole.COMMISSIONER
    assert CommissionerRegion.objects.get(user=someone).region == region
    row = response.text[response.text.index("casey@example.org") :][:600]
    assert "Yorkshire and The Humber" in row and "Not set up yet" in row
    event = AuditEvent.objects.get(action="updated", object_id=str(someone.pk))
    assert event.actor == platform_admin
    assert event.details == {
        "platform_role": ["", "commissioner"],
        "region": ["", "Yorkshire and The Humber"],
    }


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"email": "", "role": "assessor"}, "email", "Enter their email address"),
        ({"email": "nobody@example.org", "role": "assessor"}, "email", "There is no account"),
        ({"email": "taken@example.org", "role": ""}, "role", "Choose a role"),
        ({"email": "taken@example.org", "role": "king"}, "role", "Choose a role from the list"),
        (
            {"email": "taken@example.org", "role": "commissioner"},
            "region",
            "Choose the region this commissioner works in",
        ),
        (
            {"email": "taken@example.org", "role": "commissioner", "region": "999999"},
            "region",
            "Choose a region from the list",
        ),
    ],
)
def test_bad_input_is_refused_beside_the_field(admin, data, field, message):
    UserFactory(email="taken@example.org")
    response = admin.post(PEOPLE, data)
    assert response.status_code == 400
    assert message in response.text and f'href="#id_{field}' in response.text
    assert not User.objects.filter(email="taken@example.org").exclude(platform_role="").exists()


def test_someone_who_already_has_a_role_is_changed_not_given_another(admin):
    UserFactory(email="ann@example.org", full_name="Ann", platform_role=PlatformRole.ASSESSOR)
    response = admin.post(PEOPLE, {"email": "ann@example.org", "role": "commissioner"})
    assert response.status_code == 400
    assert "Ann already has a platform role (Approved Provider Standard assessor)" in response.text


def test_changing_a_commissioner_to_an_assessor_drops_their_region(admin):
    casey = UserFactory(platform_role=PlatformRole.COMMISSIONER, full_name="Casey")
    CommissionerRegion.objects.create(user=casey, region=RegionFactory())
    response = admin.post(person(casey), {"role": PlatformRole.ASSESSOR})
    assert response.status_code == 302
    page = admin.get(response.url).text
    assert "Casey is now an Approved Provider Standard assessor." in page
    casey.refresh_from_db()
    assert casey.platform_role == PlatformRole.ASSESSOR
    assert not CommissionerRegion.objects.filter(user=casey).exists()


def test_taking_the_role_away_removes_them_from_the_list(admin):
    ann = UserFactory(full_name="Ann Assessor", platform_role=PlatformRole.ASSESSOR)
    response = admin.post(person(ann), {"role": "none"}, follow=True)
    assert "Ann Assessor no longer has a platform role." in response.text
    ann.refresh_from_db()
    assert ann.platform_role == ""
    assert admin.get(person(ann)).status_code == 404


def test_an_assessor_part_way_through_an_assessment_keeps_the_role(admin):
    ann = UserFactory(full_name="Ann Assessor", platform_role=PlatformRole.ASSESSOR)
    application = taken_application(ann)
    response = admin.post(person(ann), {"role": "none"})
    assert response.status_code == 400
    assert f"Ann Assessor is assessing {application.reference}" in response.text
    ann.refresh_from_db()
    assert ann.platform_role == PlatformRole.ASSESSOR


def test_a_platform_admin_cannot_change_their_own_role(admin, platform_admin):
    response = admin.get(PEOPLE)
    assert person(platform_admin) not in response.text
    refused = admin.post(person(platform_admin), {"role": "none"})
    assert refused.status_code == 400 and "You cannot change your own role" in refused.text
    platform_admin.refresh_from_db()
    assert platform_admin.platform_role == PlatformRole.PLATFORM_ADMIN


def test_the_list_costs_the_same_queries_however_many_people(admin, django_assert_max_num_queries):
    UserFactory(platform_role=PlatformRole.ASSESSOR)
    with django_assert_max_num_queries(20) as few:
        admin.get(PEOPLE)
    for _ in range(10):
        casey = UserFactory(platform_role=PlatformRole.COMMISSIONER)
        CommissionerRegion.objects.create(user=casey, region=RegionFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = admin.get(PEOPLE)
    assert response.text.count('<td class="govuk-table__cell">North West</td>') == 10


def test_other_roles_cannot_reach_the_page(client):
    sign_in(client, UserFactory(platform_role=PlatformRole.COMMISSIONER))
    assert client.get(PEOPLE).status_code == 403


def _ann_taking_bobs_role(ann, bob):
    """Ann's change taking Bob's role, uncommitted for half a second: long enough for a request
    of Bob's to be waiting on it."""
    return another_transaction(
        lambda: services.platform_role_set(actor=ann, user=bob, role=PlatformRole.NONE),
        seconds=0.5,
    )


@pytest.mark.django_db(transaction=True)
def test_two_administrators_taking_each_others_role_at_once_leave_one(client):
    """Bob's request passed the role check while Ann was taking his role away: it waits for
    hers (no deadlock, no error page), then finds him no longer an administrator."""
    ann = UserFactory(platform_role=PlatformRole.PLATFORM_ADMIN, full_name="Ann Admin")
    bob = UserFactory(platform_role=PlatformRole.PLATFORM_ADMIN, full_name="Bob Admin")
    sign_in(client, bob)
    with _ann_taking_bobs_role(ann, bob):
        response = client.post(person(ann), {"role": "none"})
    assert response.status_code == 403
    ann.refresh_from_db()
    bob.refresh_from_db()
    assert ann.platform_role == PlatformRole.PLATFORM_ADMIN and bob.platform_role == ""


@pytest.mark.django_db(transaction=True)
def test_an_administrator_whose_role_was_just_taken_cannot_give_one(client):
    """Ann takes Bob's role while his request to make Cal an assessor is on its way: his
    request waits for hers and is then refused."""
    ann = UserFactory(platform_role=PlatformRole.PLATFORM_ADMIN)
    bob = UserFactory(platform_role=PlatformRole.PLATFORM_ADMIN)
    cal = UserFactory(email="cal@example.org")
    sign_in(client, bob)
    with _ann_taking_bobs_role(ann, bob):
        response = client.post(PEOPLE, {"email": "cal@example.org", "role": "assessor"})
    assert response.status_code == 403
    cal.refresh_from_db()
    assert cal.platform_role == ""


def test_django_admin_shows_platform_roles_but_leaves_changing_them_to_the_audited_page(client):
    superuser = UserFactory(
        platform_role=PlatformRole.PLATFORM_ADMIN, is_staff=True, is_superuser=True
    )
    sign_in(client, superuser)
    someone = UserFactory(email="dee@example.org", full_name="Dee")
    url = reverse("admin:accounts_user_change", args=[someone.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="platform_role"' not in page.text and PEOPLE in page.text
    client.post(
        url,
        {
            "email": "dee@example.org",
            "full_name": "Dee",
            "platform_role": PlatformRole.PLATFORM_ADMIN,
            "is_active": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "09:00:00",
        },
    )
    someone.refresh_from_db()
    assert someone.platform_role == ""
