"""Commissioners: accredited providers by region and pathway, expiring soon, applications in
progress, and never the evidence."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from providers.constants import MembershipRole
from tests.conftest import sign_in
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    ServiceFactory,
    pathway,
)
from tests.factories_accreditation import AccreditationApplicationFactory, AwardFactory
from tests.files import pdf_bytes

pytestmark = pytest.mark.django_db
PAGE = reverse("accreditation:commissioning")


@pytest.fixture
def commissioner_client(client, commissioner):
    return sign_in(client, commissioner)


@pytest.fixture
def providers():
    north_east = RegionFactory(name="North East", nation="England")
    housing = ServiceFactory(
        organisation=OrganisationFactory(name="Housing Trust", region=north_east),
        pathways=[pathway("accommodation")],
    )
    AwardFactory(organisation=housing.organisation)
    jobs = ServiceFactory(
        organisation=OrganisationFactory(name="Jobs Trust"),
        pathways=[pathway("education-training-employment")],
    )
    AwardFactory(
        organisation=jobs.organisation,
        awarded_on=timezone.localdate() - timedelta(days=3 * 365 - 30),
    )
    AccreditationApplicationFactory(organisation=OrganisationFactory(name="Working Towards"))
    return north_east


def test_commissioners_see_accredited_providers_expiring_and_in_progress(
    commissioner_client, providers, django_assert_max_num_queries
):
    with django_assert_max_num_queries(14) as few:
        response = commissioner_client.get(PAGE)
    body = response.text
    assert response.status_code == 200
    assert "Accredited providers (2)" in body
    assert "Housing Trust" in body and "Accommodation" in body
    assert "Working Towards" in body and "In progress" in body
    expiring = body.split("Expiring in the next 90 days")[1].split("Applications in progress")[0]
    assert "Jobs Trust" in expiring and "Housing Trust" not in expiring
    for _ in range(5):
        AwardFactory(organisation=ServiceFactory().organisation)
        AccreditationApplicationFactory()
    with django_assert_max_num_queries(len(few.captured_queries)):
        commissioner_client.get(PAGE)


def test_filters_by_region_and_pathway(commissioner_client, providers):
    by_region = commissioner_client.get(PAGE, {"region": providers.pk}).text
    assert "Accredited providers (1)" in by_region and "Housing Trust" in by_region
    by_pathway = commissioner_client.get(PAGE, {"pathway": "education-training-employment"}).text
    assert "Accredited providers (1)" in by_pathway and "Jobs Trust" in by_pathway
    bad = commissioner_client.get(PAGE, {"pathway": "juggling"})
    assert bad.status_code == 400
    assert "Choose a kind of help from the list" in bad.text


def test_commissioners_never_see_evidence(commissioner_client, providers, client):
    from accreditation.models import EvidenceFile

    from .test_organisation import add_evidence

    application = AccreditationApplicationFactory()
    admin = MembershipFactory(
        organisation=application.organisation, role=MembershipRole.ORG_ADMIN
    ).user
    from django.test import Client

    add_evidence(sign_in(Client(), admin), application, "policy.pdf", pdf_bytes())
    evidence = EvidenceFile.objects.get()
    assert "policy" not in commissioner_client.get(PAGE).text.lower()
    assert (
        commissioner_client.get(
            reverse("accreditation:assessor_evidence", args=[evidence.pk])
        ).status_code
        == 403
    )
    assert (
        commissioner_client.get(
            reverse("accreditation:evidence_download", args=[evidence.pk])
        ).status_code
        == 403
    )


def test_the_commissioners_csv_and_comparison_read_awards(commissioner_client, providers):
    response = commissioner_client.get(reverse("providers:commissioning_csv"))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    by_name = {row[1]: row for row in rows[1:]}
    assert by_name["Housing Trust"][7]  # "Approved Provider Standard until"
    compare = commissioner_client.get(reverse("providers:commissioning")).text
    assert compare.count("Approved Provider Standard until") >= 2


@pytest.mark.parametrize("role", [MembershipRole.ORG_ADMIN, MembershipRole.COORDINATOR])
def test_provider_staff_and_assessors_cannot_see_it(client, role, assessor):
    sign_in(client, MembershipFactory(role=role).user)
    assert client.get(PAGE).status_code == 403
    sign_in(client, assessor)
    assert client.get(PAGE).status_code == 403
