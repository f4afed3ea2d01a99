"""Decisions with consequences are confirmed on a page of their own, and a requirement is
accepted only with evidence or a recorded reason (issue 19, item 6)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from accreditation.constants import ApplicationStatus, ReviewOutcome
from accreditation.models import Award
from tests.factories_accreditation import AwardFactory, accept_all, taken_application

pytestmark = pytest.mark.django_db


def url(name, application, *args):
    return reverse(f"accreditation:{name}", args=[application.pk, *args])


def hidden_fields(body: str) -> dict:
    soup = BeautifulSoup(body, "html.parser")
    return {field["name"]: field["value"] for field in soup.select("form input[type=hidden]")}


@pytest.fixture
def ready(assessor):
    application = accept_all(taken_application(assessor))
    application.visits.create(
        organisation=application.organisation,
        visited_on=timezone.localdate(),
        interviewed="Staff",
        recorded_by=assessor,
    )
    return application


def test_awarding_asks_for_confirmation_and_changes_nothing_until_confirmed(assessor_client, ready):
    response = assessor_client.post(
        url("decide", ready), {"decision": "awarded", "feedback": "Well run."}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert f"Award the standard to {ready.organisation.name}?" in body
    assert "for 3 years from today" in body
    # The answers travel with the confirmation, unchanged.
    assert hidden_fields(body)["feedback"] == "Well run."
    ready.refresh_from_db()
    assert ready.status == ApplicationStatus.IN_ASSESSMENT and not Award.objects.exists()
    response = assessor_client.post(
        url("decide", ready), {**hidden_fields(body), "confirmed": "yes"}
    )
    assert response.status_code == 302
    award = Award.objects.get()
    assert award.application.feedback == "Well run."


def test_going_back_from_the_confirmation_keeps_the_answers(assessor_client, ready):
    response = assessor_client.post(
        url("decide", ready), {"decision": "awarded", "feedback": "Well run.", "change": "yes"}
    )
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("input[name=decision][value=awarded]").has_attr("checked")
    assert soup.select_one("textarea[name=feedback]").get_text().strip() == "Well run."
    assert not Award.objects.exists()


def test_an_award_that_cannot_be_made_is_refused_before_any_confirmation(assessor_client, assessor):
    application = taken_application(assessor)
    response = assessor_client.post(url("decide", application), {"decision": "awarded"})
    assert response.status_code == 400
    assert "Award the standard to" not in response.content.decode()
    assert "Record the visit before making an award" in response.content.decode()


def test_withdrawing_is_confirmed_with_a_warning_button(assessor_client, assessor):
    award = AwardFactory(awarded_by=assessor)
    page = url("withdraw", award.application)
    response = assessor_client.post(page, {"reason": "Spot check found no DBS checks."})
    soup = BeautifulSoup(response.content, "html.parser")
    button = soup.select_one("button[name=confirmed]")
    assert "govuk-button--warning" in button["class"]
    assert button.get_text(strip=True) == "Yes, withdraw the award"
    award.refresh_from_db()
    assert not award.is_withdrawn
    assessor_client.post(page, {"reason": "Spot check found no DBS checks.", "confirmed": "yes"})
    award.refresh_from_db()
    assert award.is_withdrawn


def test_a_requirement_without_evidence_is_accepted_only_with_a_reason(assessor_client, assessor):
    application = taken_application(assessor)
    response = application.responses.get(requirement__code="aims")
    assert not response.files.exists() and not response.summaries.exists()
    page = url("review", application, "aims")
    refused = assessor_client.post(page, {"outcome": "accepted", "comment": "  "})
    assert refused.status_code == 400
    assert "No evidence is added to this requirement" in refused.content.decode()
    response.refresh_from_db()
    assert response.review_outcome != ReviewOutcome.ACCEPTED
    assessor_client.post(page, {"outcome": "accepted", "comment": "Their aims are on the wall."})
    response.refresh_from_db()
    assert response.review_outcome == ReviewOutcome.ACCEPTED
    assert response.review_comment == "Their aims are on the wall."
