"""The standard as data: the seeded version, the public page, versions in the platform admin."""

import pytest
from django.urls import reverse

from accounts.constants import PlatformRole
from accreditation import services
from accreditation.constants import StandardStatus
from accreditation.models import Requirement, Standard
from tests.conftest import sign_in
from tests.factories import UserFactory
from tests.factories_accreditation import AccreditationApplicationFactory

pytestmark = pytest.mark.django_db


def test_the_seeded_standard_has_ten_requirements_in_four_areas():
    standard = Standard.objects.current()
    assert standard.is_published and standard.version == "2026"
    areas = list(standard.areas.order_by("position"))
    assert [area.title for area in areas] == [
        "Management and operation",
        "Service users",
        "Mentors",
        "The relationship",
    ]
    assert [area.requirements.count() for area in areas] == [3, 2, 3, 2]
    numbers = [r.number for r in standard.requirements.select_related("area")]
    assert numbers == ["1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2", "3.3", "4.1", "4.2"]


def test_anyone_can_read_the_standard(client):
    body = client.get(reverse("accreditation:standard")).content.decode()
    assert "Safe and effective recruitment and selection" in body
    assert "Version 2026" in body


@pytest.fixture
def platform_admin_client(client):
    admin = UserFactory(platform_role=PlatformRole.PLATFORM_ADMIN, is_staff=True, is_superuser=True)
    return sign_in(client, admin), admin


def test_a_published_version_cannot_be_changed_in_the_admin(platform_admin_client):
    client, _ = platform_admin_client
    standard = Standard.objects.current()
    requirement = standard.requirements.first()
    url = reverse("admin:accreditation_requirement_change", args=[requirement.pk])
    response = client.post(url, {"title": "Changed", "code": requirement.code})
    requirement.refresh_from_db()
    assert requirement.title != "Changed"
    assert response.status_code in (200, 403)


def test_admins_copy_edit_and_publish_a_new_version(platform_admin_client):
    client, admin = platform_admin_client
    current = Standard.objects.current()
    changelist = reverse("admin:accreditation_standard_changelist")
    response = client.post(
        changelist, {"action": "copy_as_draft", "_selected_action": [current.pk]}, follow=True
    )
    assert response.status_code == 200
    draft = Standard.objects.get(status=StandardStatus.DRAFT)
    assert draft.requirements.count() == 10
    requirement = draft.requirements.get(code="aims")
    client.post(
        reverse("admin:accreditation_requirement_change", args=[requirement.pk]),
        {
            "area": requirement.area_id,
            "position": requirement.position,
            "code": "aims",
            "title": "Clear, written aims",
            "description": requirement.description,
            "guidance": "",
        },
    )
    assert Requirement.objects.get(pk=requirement.pk).title == "Clear, written aims"
    # The published version is untouched: awards still say what they were assessed against.
    assert current.requirements.get(code="aims").title == "Clear aims"
    client.post(changelist, {"action": "publish", "_selected_action": [draft.pk]})
    assert Standard.objects.current() == draft
    # Applications started from now on use the new version; earlier ones keep theirs.
    assert AccreditationApplicationFactory(standard=draft).standard.version == draft.version


def test_publishing_twice_is_refused():
    standard = Standard.objects.current()
    with pytest.raises(Exception, match="already published"):
        services.standard_publish(actor=None, standard=standard)
