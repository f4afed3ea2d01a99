"""Volunteer roles: listed publicly with the directory and on organisation pages; org admins
describe, publish and close them, and keep their list of training modules."""

import pytest
from django.urls import reverse

from accounts.models import AuditEvent
from providers.constants import OrganisationStatus
from tests.factories import OrganisationFactory, RegionFactory
from tests.factories_volunteering import (
    SubmittedApplicationFactory,
    TrainingModuleFactory,
    VolunteerRoleFactory,
)
from tests.once import assert_same_confirmation, post_twice
from volunteers.constants import DBSLevel, VolunteerRoleStatus
from volunteers.models import TrainingModule, VolunteerRole

pytestmark = pytest.mark.django_db


# --- Public ------------------------------------------------------------------------------------


def test_the_volunteering_page_lists_published_roles_of_active_organisations(
    client, django_assert_max_num_queries
):
    shown = [VolunteerRoleFactory(title=f"Shown role {n}") for n in range(5)]
    VolunteerRoleFactory(title="Draft role", status=VolunteerRoleStatus.DRAFT)
    VolunteerRoleFactory(title="Closed role", status=VolunteerRoleStatus.CLOSED)
    VolunteerRoleFactory(
        title="Pending organisation's role",
        organisation=OrganisationFactory(status=OrganisationStatus.PENDING),
    )
    with django_assert_max_num_queries(6):
        response = client.get(reverse("volunteers:volunteer_roles"))
    assert response.status_code == 200
    for role in shown:
        assert role.title in response.text
    for hidden in ("Draft role", "Closed role", "Pending organisation"):
        assert hidden not in response.text
    assert "5 roles" in response.text


def test_roles_can_be_filtered_by_region(client):
    wales = RegionFactory(name="Wales", nation="Wales")
    VolunteerRoleFactory(title="Cardiff mentor", organisation=OrganisationFactory(region=wales))
    VolunteerRoleFactory(title="Liverpool mentor")
    response = client.get(reverse("volunteers:volunteer_roles"), {"region": wales.pk})
    assert "Cardiff mentor" in response.text and "Liverpool mentor" not in response.text
    assert client.get(reverse("volunteers:volunteer_roles"), {"region": "999"}).status_code == 404


def test_a_role_page_says_what_the_role_asks_and_offers(client):
    role = VolunteerRoleFactory(
        title="Gate mentor",
        time_commitment="Two hours a week",
        expenses="Travel paid",
        dbs_level=DBSLevel.ENHANCED_BARRED,
        criminal_record_notes="We cannot accept arson convictions.",
    )
    page = client.get(reverse("volunteers:volunteer_role", args=[role.pk])).text
    for text in (
        "Gate mentor",
        "Two hours a week",
        "Travel paid",
        "Enhanced with barred lists",
        "A criminal record does not stop you applying",
        "We cannot accept arson convictions.",
        reverse("volunteers:volunteer_apply", args=[role.pk]),
    ):
        assert text in page


def test_the_organisation_pages_list_its_roles(client, organisation):
    role = VolunteerRoleFactory(organisation=organisation, title="Befriender")
    VolunteerRoleFactory(
        organisation=organisation, title="Old role", status=VolunteerRoleStatus.CLOSED
    )
    for name in ("providers:organisation_detail", "providers:organisation_volunteer"):
        page = client.get(reverse(name, args=[organisation.slug])).text
        assert "Befriender" in page and "Old role" not in page
    volunteer = client.get(
        reverse("providers:organisation_volunteer", args=[organisation.slug])
    ).text
    assert reverse("volunteers:volunteer_apply", args=[role.pk]) in volunteer


def test_an_organisation_without_roles_still_says_how_to_volunteer(client, organisation):
    organisation.email = "hello@example.org"
    organisation.save()
    page = client.get(reverse("providers:organisation_volunteer", args=[organisation.slug])).text
    assert "not advertising volunteer roles here" in page
    assert "hello@example.org" in page


@pytest.mark.parametrize("name", ["home", "providers:directory"])
def test_the_home_and_directory_pages_link_to_volunteering(client, name):
    assert reverse("volunteers:volunteer_roles") in client.get(reverse(name)).text


# --- Org admins manage roles ------------------------------------------------------------------

ROLE_FORM = {
    "title": "Through-the-gate mentor",
    "summary": "Meet a man before release and for a year after.",
    "description": "Weekly meetings.",
    "time_commitment": "2 hours a week for a year",
    "training_given": "Three evenings.",
    "expenses": "Travel and lunch",
    "where": "Liverpool",
    "criminal_record_policy": "welcome",
    "dbs_level": "enhanced_barred",
}


def test_org_admin_adds_a_role_as_a_draft_then_publishes_and_closes_it(admin_client, organisation):
    response = admin_client.post(reverse("volunteers:volunteer_role_create"), ROLE_FORM)
    assert response.url == reverse("volunteers:volunteer_role_list")
    role = VolunteerRole.objects.get()
    assert role.organisation == organisation and role.status == VolunteerRoleStatus.DRAFT
    assert AuditEvent.objects.filter(action="created", object_id=str(role.pk)).exists()
    status_url = reverse("volunteers:volunteer_role_status", args=[role.pk])
    admin_client.post(status_url, {"status": "published"})
    role.refresh_from_db()
    assert role.status == VolunteerRoleStatus.PUBLISHED and role.published_at
    response = admin_client.post(status_url, {"status": "closed"}, follow=True)
    assert "closed to new applications" in response.text
    role.refresh_from_db()
    assert role.status == VolunteerRoleStatus.CLOSED
    response = admin_client.post(status_url, {"status": "deleted"}, follow=True)
    assert "Choose to publish or close the role" in response.text


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": ""}, "Enter the role title"),
        ({"summary": "x" * 301}, "Summary must be 300 characters or fewer"),
        ({"expenses": ""}, "Enter the expenses you pay"),
        ({"dbs_level": "very_enhanced"}, "Select an answer from the list"),
        (
            {"criminal_record_policy": "some_excluded"},
            "Say which convictions mean you cannot offer this role",
        ),
    ],
)
def test_bad_role_input_is_explained_and_saves_nothing(admin_client, overrides, message):
    response = admin_client.post(
        reverse("volunteers:volunteer_role_create"), {**ROLE_FORM, **overrides}
    )
    assert response.status_code == 400
    assert message in response.text
    assert not VolunteerRole.objects.exists()


def test_editing_a_role_is_audited_with_the_fields_changed(admin_client, organisation):
    role = VolunteerRoleFactory(organisation=organisation)
    response = admin_client.post(
        reverse("volunteers:volunteer_role_edit", args=[role.pk]), {**ROLE_FORM, "title": "New"}
    )
    assert response.status_code == 302
    role.refresh_from_db()
    assert role.title == "New"
    event = AuditEvent.objects.get(action="updated", object_id=str(role.pk))
    assert "title" in event.details["fields"]


def test_the_role_list_counts_applications_being_checked(
    admin_client, organisation, django_assert_max_num_queries
):
    role = VolunteerRoleFactory(organisation=organisation, title="Counted role")
    SubmittedApplicationFactory.create_batch(2, role=role)
    VolunteerRoleFactory.create_batch(3, organisation=organisation)
    VolunteerRoleFactory(title="Another organisation's role")
    with django_assert_max_num_queries(12):
        response = admin_client.get(reverse("volunteers:volunteer_role_list"))
    assert "Counted role" in response.text
    assert "Another organisation&#x27;s role" not in response.text
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">2</td>' in response.text


def test_a_coordinator_cannot_manage_roles(client, coordinator):
    from tests.conftest import sign_in

    sign_in(client, coordinator)
    assert client.get(reverse("volunteers:volunteer_role_list")).status_code == 403


# --- Training modules -------------------------------------------------------------------------


def test_org_admin_adds_and_retires_a_training_module(admin_client, organisation):
    response = admin_client.post(
        reverse("volunteers:training_module_create"),
        {"name": "Safeguarding adults", "required": "True", "valid_for_months": "24"},
    )
    assert response.url == reverse("volunteers:training_module_list")
    module = TrainingModule.objects.get()
    assert module.organisation == organisation and module.required
    assert module.valid_for_months == 24 and module.is_active
    response = admin_client.post(
        reverse("volunteers:training_module_edit", args=[module.pk]),
        {"name": "Safeguarding adults", "required": "True", "is_active": "False"},
    )
    assert response.status_code == 302
    module.refresh_from_db()
    assert not module.is_active and module.valid_for_months is None
    assert "Retired" in admin_client.get(reverse("volunteers:training_module_list")).text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "", "required": "True"}, "Enter the module name"),
        ({"name": "X", "required": ""}, "Select yes if every mentor must complete this module"),
        ({"name": "X", "required": "True", "valid_for_months": "0"}, "between 1 and 120"),
        ({"name": "X", "required": "True", "valid_for_months": "9" * 12}, "between 1 and 120"),
        ({"name": "X", "required": "True", "valid_for_months": "a year"}, "whole number"),
        ({"name": "First aid", "required": "True"}, "You already have a module called First aid"),
    ],
)
def test_bad_module_input_is_explained(admin_client, organisation, data, message):
    TrainingModuleFactory(organisation=organisation, name="First aid")
    response = admin_client.post(reverse("volunteers:training_module_create"), data)
    assert response.status_code == 400
    assert message in response.text
    assert TrainingModule.objects.count() == 1


def test_another_organisation_may_use_the_same_module_name(admin_client):
    TrainingModuleFactory(name="First aid")
    response = admin_client.post(
        reverse("volunteers:training_module_create"), {"name": "First aid", "required": "False"}
    )
    assert response.status_code == 302


def test_saving_a_new_role_twice_makes_one_role(admin_client):
    admin_client.post(reverse("volunteers:volunteer_role_create"), ROLE_FORM)
    response = admin_client.post(reverse("volunteers:volunteer_role_create"), ROLE_FORM)
    assert response.status_code == 400
    assert "You already have a role called Through-the-gate mentor" in response.text
    assert VolunteerRole.objects.count() == 1


def test_a_forged_organisation_in_the_form_is_ignored(admin_client, organisation):
    other = OrganisationFactory()
    admin_client.post(
        reverse("volunteers:volunteer_role_create"), {**ROLE_FORM, "organisation": other.pk}
    )
    assert VolunteerRole.objects.get().organisation == organisation


def test_the_training_module_list_is_a_fixed_number_of_queries(
    admin_client, organisation, django_assert_max_num_queries
):
    TrainingModuleFactory.create_batch(5, organisation=organisation)
    with django_assert_max_num_queries(10):
        response = admin_client.get(reverse("volunteers:training_module_list"))
    assert response.text.count("/edit/") == 5


def test_a_role_or_module_sent_twice_is_added_once(admin_client, organisation):
    first, second = post_twice(admin_client, reverse("volunteers:volunteer_role_create"), ROLE_FORM)
    assert_same_confirmation(first, second)
    assert VolunteerRole.objects.filter(organisation=organisation).count() == 1
    first, second = post_twice(
        admin_client,
        reverse("volunteers:training_module_create"),
        {"name": "Safeguarding adults", "required": "True", "valid_for_months": "24"},
    )
    assert_same_confirmation(first, second)
    assert TrainingModule.objects.filter(organisation=organisation).count() == 1
