"""Awards in public: the badge that comes and goes with no job, the register, checking a
certificate, and the certificate itself."""

import io
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from accounts.constants import PlatformRole
from accreditation.services.assessment import award_withdraw
from providers.models import Organisation, Service
from tests.conftest import sign_in
from tests.factories import OrganisationFactory, RegionFactory, ServiceFactory, UserFactory
from tests.factories_accreditation import AwardFactory
from tests.pdf import read_accessible_pdf

pytestmark = pytest.mark.django_db

BADGE = "Approved Provider Standard</strong>"


@pytest.fixture
def accredited_service():
    service = ServiceFactory(
        name="Gate mentors", organisation=OrganisationFactory(name="Badge Trust")
    )
    award = AwardFactory(organisation=service.organisation)
    return service, award


def directory_pages(client, service):
    return [
        client.get(reverse("providers:directory")).text,
        client.get(reverse("providers:service_detail", args=[service.pk])).text,
        client.get(reverse("providers:organisation_detail", args=[service.organisation.slug])).text,
    ]


def test_the_badge_disappears_the_day_after_expiry_with_no_job(client, accredited_service):
    service, award = accredited_service
    last_day = timezone.make_aware(
        timezone.datetime.combine(award.expires_on, timezone.datetime.min.time())
    ) + timedelta(hours=12)
    with time_machine.travel(last_day, tick=False):
        assert all(BADGE in page for page in directory_pages(client, service))
        filtered = client.get(reverse("providers:directory"), {"approved_provider": "on"}).text
        assert "Gate mentors" in filtered
        assert "Badge Trust" in client.get(reverse("accreditation:register")).text
    with time_machine.travel(last_day + timedelta(days=1), tick=False):
        assert not any(BADGE in page for page in directory_pages(client, service))
        filtered = client.get(reverse("providers:directory"), {"approved_provider": "on"}).text
        assert "Gate mentors" not in filtered
        assert "Badge Trust" not in client.get(reverse("accreditation:register")).text


def test_the_badge_disappears_the_moment_an_award_is_withdrawn(client, accredited_service):
    service, award = accredited_service
    assert all(BADGE in page for page in directory_pages(client, service))
    # Withdrawn as the assessors' page does it (the search page was cached by the visit above).
    award_withdraw(
        actor=UserFactory(platform_role=PlatformRole.ASSESSOR), award=award, reason="Lapsed"
    )
    assert not any(BADGE in page for page in directory_pages(client, service))


def test_the_directory_queries_stay_the_same_with_awards(client, django_assert_max_num_queries):
    for _ in range(3):
        AwardFactory(organisation=ServiceFactory().organisation)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("providers:directory"))
    for _ in range(10):
        AwardFactory(organisation=ServiceFactory().organisation)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("providers:directory"))
    assert response.text.count(BADGE) == 13


def test_organisation_accreditation_is_computed_in_the_query(accredited_service):
    service, award = accredited_service
    assert list(Organisation.objects.accredited()) == [service.organisation]
    annotated = Organisation.objects.with_accreditation().get(pk=service.organisation_id)
    assert annotated.aps_accredited_until == award.expires_on
    assert annotated.is_aps_accredited
    assert Service.objects.with_accreditation().get().aps_accredited_until == award.expires_on
    on_the_day_after = award.expires_on + timedelta(days=1)
    assert not Organisation.objects.accredited(on=on_the_day_after).exists()
    plain = OrganisationFactory()
    assert not plain.is_aps_accredited  # asks the database when not annotated


def test_after_a_renewal_the_later_award_counts(accredited_service):
    service, award = accredited_service
    later = AwardFactory(
        organisation=service.organisation, awarded_on=timezone.localdate() - timedelta(days=1)
    )
    annotated = Organisation.objects.with_accreditation().get(pk=service.organisation_id)
    assert annotated.aps_accredited_until == later.expires_on
    from accreditation.models import Award

    assert list(Award.objects.public().latest_per_organisation()) == [later]


# --- The register --------------------------------------------------------------------------


def test_the_register_lists_current_awards_of_active_organisations(
    client, django_assert_max_num_queries
):
    north_east = RegionFactory(name="North East", nation="England")
    AwardFactory(organisation=OrganisationFactory(name="Current Trust", region=north_east))
    AwardFactory(
        organisation=OrganisationFactory(name="Withdrawn Trust"), withdrawn_at=timezone.now()
    )
    AwardFactory(
        organisation=OrganisationFactory(name="Expired Trust"),
        awarded_on=timezone.localdate() - timedelta(days=1500),
    )
    AwardFactory(organisation=OrganisationFactory(name="Suspended Trust", status="suspended"))
    with django_assert_max_num_queries(8) as few:
        response = client.get(reverse("accreditation:register"))
    body = response.text
    assert "Current Trust" in body and "North East" in body
    for absent in ("Withdrawn Trust", "Expired Trust", "Suspended Trust"):
        assert absent not in body
    for _ in range(10):
        AwardFactory()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("accreditation:register"))
    filtered = client.get(reverse("accreditation:register"), {"region": north_east.pk}).text
    assert "1 organisation" in filtered


def test_the_register_refuses_a_made_up_region(client):
    response = client.get(reverse("accreditation:register"), {"region": "atlantis"})
    assert response.status_code == 400
    assert "Choose a region from the list" in response.text


# --- Checking a certificate ---------------------------------------------------------------


def verify(client, code):
    return client.get(reverse("accreditation:verify", args=[code]))


def test_a_valid_certificate(client, accredited_service):
    _, award = accredited_service
    response = verify(client, award.verification_code)
    assert response.status_code == 200
    assert "This certificate is valid" in response.text
    assert "Badge Trust" in response.text


def test_an_expired_certificate(client):
    award = AwardFactory(awarded_on=timezone.localdate() - timedelta(days=1500))
    response = verify(client, award.verification_code)
    assert "This award has expired" in response.text
    assert "This certificate is valid" not in response.text


def test_a_withdrawn_certificate_says_so_without_the_reason(client):
    award = AwardFactory(withdrawn_at=timezone.now(), withdrawal_reason="Private reason")
    response = verify(client, award.verification_code)
    assert "This award was withdrawn" in response.text
    assert "Private reason" not in response.text


def test_an_unknown_code(client):
    response = verify(client, "APS-3333-4444")
    assert response.status_code == 404
    assert "We could not find that certificate" in response.text
    assert verify(client, "<script>").status_code == 404


def test_codes_are_forgiving_of_case_and_spaces(client, accredited_service):
    _, award = accredited_service
    response = verify(client, award.verification_code.lower().replace("-", ""))
    assert response.status_code == 302
    assert response.url == reverse("accreditation:verify", args=[award.verification_code])
    lookup = client.get(reverse("accreditation:verify_lookup"), {"code": award.verification_code})
    assert lookup.status_code == 302
    bad = client.get(reverse("accreditation:verify_lookup"), {"code": "hello"})
    assert bad.status_code == 400
    assert "Enter the verification code as it is on the certificate" in bad.text


def test_certificate_checks_are_rate_limited(client):
    for _ in range(60):
        verify(client, "APS-3333-4444")
    response = verify(client, "APS-3333-4444")
    assert response.status_code == 429
    assert "Too many checks" in response.text


# --- The certificate -----------------------------------------------------------------------


def test_the_certificate_pdf(client, accredited_service, org_admin_factory):
    _, award = accredited_service
    sign_in(client, org_admin_factory(award.organisation))
    response = client.get(reverse("accreditation:certificate", args=[award.pk]))
    assert response["Content-Type"] == "application/pdf"
    pdf = read_accessible_pdf(
        response.content, title="Approved Provider Standard certificate: Badge Trust"
    )
    assert len(pdf.pages) == 1
    assert pdf.tags["H1"] == 1 and pdf.tags["TH"] == 4
    text = pdf.reader.pages[0].extract_text()
    for expected in (
        "Badge Trust",
        "Approved Provider Standard",
        award.verification_code,
        award.standard.version,
        award.awarded_on.strftime("%-d %B %Y"),
        award.expires_on.strftime("%-d %B %Y"),
        f"/accreditation/verify/{award.verification_code}/",
    ):
        assert expected in text, expected


def test_a_withdrawn_awards_certificate_says_so(client, org_admin_factory):
    award = AwardFactory(withdrawn_at=timezone.now())
    sign_in(client, org_admin_factory(award.organisation))
    response = client.get(reverse("accreditation:certificate", args=[award.pk]))
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "This award was withdrawn on" in text


def test_another_organisations_certificate_is_not_found(client, org_admin_factory):
    award = AwardFactory()
    sign_in(client, org_admin_factory(OrganisationFactory()))
    assert client.get(reverse("accreditation:certificate", args=[award.pk])).status_code == 404
