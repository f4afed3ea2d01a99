import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import AuditEvent
from providers.constants import MembershipRole
from tests.conftest import sign_in
from tests.factories import MembershipFactory, RegionFactory, png_bytes

pytestmark = pytest.mark.django_db
DETAILS = reverse("providers:organisation_details")


def details(organisation, **overrides):
    data = {
        "name": organisation.name,
        "region": str(RegionFactory().pk),
        "description": "Mentors for people leaving prison.",
        "email": "hello@example.org",
    }
    data.update(overrides)
    return data


def test_org_admin_updates_details_and_logo_which_anyone_can_see(admin_client, organisation):
    logo = SimpleUploadedFile("anything.gif", png_bytes(), content_type="image/gif")
    response = admin_client.post(DETAILS, details(organisation, phone="0151 496 0000", logo=logo))
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.phone == "0151 496 0000"
    assert organisation.logo.name.endswith(".png")  # named by its content, not the upload
    event = AuditEvent.objects.get(action="updated", object_id=str(organisation.pk))
    assert {"phone", "logo"} <= set(event.details["fields"])
    admin_client.logout()
    served = admin_client.get(reverse("providers:organisation_logo", args=[organisation.slug]))
    assert served.status_code == 200 and served["Content-Type"] == "image/png"


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (b"<svg onload='alert(1)'></svg>", "The logo must be a PNG or JPEG image"),
        (b"GIF89a" + b"\x00" * 20, "The logo must be a PNG or JPEG image"),
        (png_bytes(size=(2000, 2000)) + b"\x00" * (1024 * 1024), "1 MB or smaller"),
    ],
)
def test_bad_logos_are_refused(admin_client, organisation, upload, message):
    logo = SimpleUploadedFile("logo.png", upload, content_type="image/png")
    response = admin_client.post(DETAILS, details(organisation, logo=logo))
    assert response.status_code == 400
    assert message in response.content.decode()
    organisation.refresh_from_db()
    assert not organisation.logo


def test_coordinators_cannot_edit_details(client, organisation):
    sign_in(
        client, MembershipFactory(organisation=organisation, role=MembershipRole.COORDINATOR).user
    )
    assert client.get(DETAILS).status_code == 403
