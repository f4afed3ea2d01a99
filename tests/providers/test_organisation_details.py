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
        "case_retention_years": "6",
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
        (b"<svg onload='alert(1)'></svg>", "The logo must be a PNG or JPEG"),
        (b"GIF89a" + b"\x00" * 20, "The logo must be a PNG or JPEG"),
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


def test_org_admin_sets_how_long_closed_case_records_are_kept(admin_client, organisation):
    response = admin_client.post(DETAILS, details(organisation, case_retention_years="3"))
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.case_retention_years == 3
    event = AuditEvent.objects.get(action="updated", object_id=str(organisation.pk))
    assert "case_retention_years" in event.details["fields"]


@pytest.mark.parametrize(
    ("years", "message"),
    [
        ("1", "Enter a number of years from 2 to 20"),
        ("21", "Enter a number of years from 2 to 20"),
        ("six", "Enter the number of years as a whole number, like 6"),
        ("", "Enter how many years to keep a closed case record"),
    ],
)
def test_a_retention_period_out_of_range_is_refused(admin_client, organisation, years, message):
    response = admin_client.post(
        DETAILS, details(organisation, case_retention_years=years, phone="0151 496 0000")
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body and "govuk-error-summary" in body
    organisation.refresh_from_db()
    assert organisation.case_retention_years == 6 and organisation.phone == ""


def test_a_144_megapixel_logo_is_refused_before_it_is_decoded(admin_client, organisation):
    from tests.files import image_bytes

    huge = image_bytes("PNG", size=(12_000, 12_000), mode="1")
    assert len(huge) < 1024 * 1024  # Small on disk: the danger is in decoding it.
    logo = SimpleUploadedFile("logo.png", huge, content_type="image/png")
    response = admin_client.post(DETAILS, details(organisation, logo=logo))
    assert response.status_code == 400
    assert "The image is 12,000 by 12,000 pixels, which is too big" in response.text
    organisation.refresh_from_db()
    assert not organisation.logo


def test_a_logo_far_over_1_mb_is_refused_and_the_other_details_survive(admin_client, organisation):
    logo = SimpleUploadedFile("logo.png", image_bytes_big(), content_type="image/png")
    response = admin_client.post(DETAILS, details(organisation, logo=logo))
    assert response.status_code == 400
    assert "The logo must be 1 MB or smaller" in response.text
    assert "Enter how many years" not in response.text  # Fields before the file all arrived.
    assert len(response.wsgi_request.environ["wsgi.input"]) > 4 * 1024 * 1024


def image_bytes_big() -> bytes:
    return png_bytes() + bytes(6 * 1024 * 1024)
