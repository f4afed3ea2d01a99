import csv
import io

import pytest
from django.urls import reverse

from accounts.constants import PlatformRole
from tests.conftest import sign_in
from tests.factories import ServiceFactory, UserFactory, pathway
from tests.factories_accreditation import AwardFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def commissioner_client(client):
    sign_in(client, UserFactory(platform_role=PlatformRole.COMMISSIONER))
    return client


def test_commissioners_see_capacity_accreditation_and_review_columns(commissioner_client):
    accredited = ServiceFactory(name="Accredited one", typical_wait_weeks=4)
    AwardFactory(organisation=accredited.organisation)
    ServiceFactory(name="Full one", accepting_referrals=False)
    body = commissioner_client.get(reverse("providers:commissioning")).content.decode()
    assert "Yes, about 4 weeks wait" in body
    assert "Approved Provider Standard until" in body
    assert "Full one" in body and ">No<" in body
    assert "Download these 2 services as CSV" in body


def test_csv_has_the_filtered_list(commissioner_client):
    ServiceFactory(name="Housing help", pathways=[pathway("accommodation")], typical_wait_weeks=2)
    ServiceFactory(name="Jobs help", pathways=[pathway("education-training-employment")])
    ServiceFactory(name="=HYPERLINK(evil)", pathways=[pathway("accommodation")])
    response = commissioner_client.get(
        reverse("providers:commissioning_csv"), {"pathway": "accommodation"}
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][0] == "Service"
    names = [row[0] for row in rows[1:]]
    assert names == ["'=HYPERLINK(evil)", "Housing help"]
    housing = rows[2]
    assert housing[3] == "Accommodation" and housing[6] == "2"
    assert housing[9].startswith("http://testserver/services/")


def test_csv_with_bad_filters_is_refused_with_a_message(commissioner_client):
    response = commissioner_client.get(reverse("providers:commissioning_csv"), {"age": "x"})
    assert response.status_code == 400
    assert "Enter age as a whole number" in response.content.decode()


def test_commissioning_queries_do_not_grow_with_results(
    commissioner_client, django_assert_max_num_queries
):
    ServiceFactory()
    with django_assert_max_num_queries(14) as few:
        commissioner_client.get(reverse("providers:commissioning"))
    for _ in range(20):
        ServiceFactory()
    with django_assert_max_num_queries(len(few.captured_queries)):
        commissioner_client.get(reverse("providers:commissioning"))
