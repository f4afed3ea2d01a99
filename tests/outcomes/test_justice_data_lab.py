"""The Justice Data Lab export: org admins only, refused under 60 people with the reason,
the fields the Justice Data Lab asks for, every download audited."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from mentees.models import Mentee
from outcomes.justice_data_lab import HEADER, split_name
from tests.conftest import sign_in
from tests.factories import MembershipFactory, OrganisationFactory
from tests.html import error_summary

from .factories import bulk_cohort

pytestmark = pytest.mark.django_db


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def admin_client(client, organisation):
    return sign_in(client, MembershipFactory(organisation=organisation, role="org_admin").user)


def dates(start, end):
    return {
        "start_0": start.day,
        "start_1": start.month,
        "start_2": start.year,
        "end_0": end.day,
        "end_1": end.month,
        "end_2": end.year,
    }


def test_a_cohort_of_sixty_downloads_in_the_labs_fields(admin_client, organisation, today):
    index = today - timedelta(days=400)
    bulk_cohort(organisation, people=60, reoffended=10, index_date=index)
    bulk_cohort(OrganisationFactory(), people=5, reoffended=0, index_date=index)
    url = reverse("outcomes:justice_data_lab")
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, dates(index - timedelta(days=1), index))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == HEADER
    assert len(rows) == 61
    first = rows[1]
    assert first[1] and first[3] == "01/01/1990"
    assert first[6] == index.strftime("%d/%m/%Y")
    assert first[7] == "Released from custody"
    event = AuditEvent.objects.get(action="exported", object_type="outcomes.justicedatalabcohort")
    assert event.details["people"] == 60
    assert len(event.details["references"]) == 60


def test_a_cohort_under_sixty_is_refused_with_the_reason(admin_client, organisation, today):
    index = today - timedelta(days=400)
    bulk_cohort(organisation, people=59, reoffended=10, index_date=index)
    response = admin_client.post(reverse("outcomes:justice_data_lab"), dates(index, index))
    assert response.status_code == 400
    [(message, _)] = error_summary(response.content.decode())
    assert message.startswith("This cohort has 59 people.")
    assert "needs at least 60" in message and "could identify someone" in message
    assert not AuditEvent.objects.filter(action="exported").exists()


def test_erased_people_are_never_exported(admin_client, organisation, today):
    from mentees.services.privacy import mentee_erase

    index = today - timedelta(days=400)
    mentees = bulk_cohort(organisation, people=60, reoffended=0, index_date=index)
    actor = MembershipFactory(organisation=organisation, role="org_admin").user
    mentee_erase(actor=actor, mentee=Mentee.objects.get(pk=mentees[0].pk))
    response = admin_client.post(
        reverse("outcomes:justice_data_lab"), dates(index.replace(day=1), index)
    )
    assert response.status_code == 400
    assert "This cohort has 59 people." in response.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Enter the first follow-up start date"),
        ("backwards", "The last date must be the same as or after the first date"),
    ],
)
def test_bad_dates_are_explained(admin_client, today, data, message):
    if data == "backwards":
        data = dates(today, today - timedelta(days=5))
    response = admin_client.post(reverse("outcomes:justice_data_lab"), data)
    assert response.status_code == 400
    assert message in [text for text, _ in error_summary(response.content.decode())]


def test_coordinators_cannot_export(client, organisation):
    sign_in(client, MembershipFactory(organisation=organisation, role="coordinator").user)
    assert client.get(reverse("outcomes:justice_data_lab")).status_code == 403


def test_names_are_split_into_surname_and_forenames():
    assert split_name("Mark Anthony Hughes") == ("Hughes", "Mark Anthony")
    assert split_name("Cher") == ("Cher", "")
    assert split_name("  ") == ("", "")
