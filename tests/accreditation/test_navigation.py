"""Each role finds its accreditation pages from the navigation and the dashboard."""

import pytest
from django.urls import reverse

from providers.constants import MembershipRole
from tests.conftest import sign_in
from tests.factories import MembershipFactory
from tests.factories_accreditation import AwardFactory

pytestmark = pytest.mark.django_db


def test_org_admins_see_their_accreditation_on_the_dashboard(admin_client, organisation):
    page = admin_client.get(reverse("dashboard")).text
    assert "Approved Provider Standard" in page and "Not held" in page
    assert reverse("accreditation:overview") in page
    award = AwardFactory(organisation=organisation)
    assert f"Held until {award.expires_on:%-d %B %Y}" in admin_client.get(reverse("dashboard")).text


def test_coordinators_are_not_offered_the_accreditation_pages(client, organisation):
    sign_in(
        client, MembershipFactory(organisation=organisation, role=MembershipRole.COORDINATOR).user
    )
    assert reverse("accreditation:overview") not in client.get(reverse("dashboard")).text


def test_assessors_and_commissioners_find_their_pages(client, assessor, commissioner):
    sign_in(client, assessor)
    page = client.get(reverse("dashboard")).text
    assert reverse("accreditation:queue") in page
    assert reverse("accreditation:support_requests") in page
    sign_in(client, commissioner)
    page = client.get(reverse("dashboard")).text
    assert reverse("accreditation:commissioning") in page
    assert reverse("accreditation:queue") not in page


def test_the_public_finds_the_register(client):
    assert reverse("accreditation:register") in client.get(reverse("home")).text
