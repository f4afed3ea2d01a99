""" "Save and come back later" keeps a page as it stands, checked only when the applicant
finishes it or sends the application; the task list says where each page is in the GOV.UK task
list pattern's words; error links land on a field that can be seen."""

import re

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import LocalAuthorityFactory, RegionFactory
from tests.factories_volunteering import ApplicationFactory
from volunteers.constants import DBSLevel
from volunteers.models import CriminalRecordDisclosure, VolunteerReference

from .test_application import VALID_ANSWERS, step_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(role, applicant):
    return ApplicationFactory(role=role, applicant=applicant)


def task_list_url(application):
    return reverse("volunteers:volunteer_application", args=[application.pk])


def status_of(page: str, slug: str) -> str:
    found = re.search(rf'id="{slug}-status">(.*?)</div>', page, re.S)
    return re.sub(r"<[^>]+>", "", found.group(1)).strip()


def later(client, application, step, data):
    return client.post(step_url(application, step), {**data, "later": "1"})


def test_a_half_filled_page_is_saved_as_it_stands(applicant_client, draft):
    response = later(
        applicant_client,
        draft,
        "about-you",
        {"full_name": "Sam Hughes", "postcode": "l1 8jq", "phone": ""},
    )
    assert response.status_code == 302
    assert response.url == task_list_url(draft)
    draft.refresh_from_db()
    assert (draft.full_name, draft.postcode) == ("Sam Hughes", "L1 8JQ")
    assert "about-you" not in draft.completed_steps
    page = applicant_client.get(response.url).text
    assert "‘About you’ is in progress" in page
    assert status_of(page, "about-you") == "In progress"
    # Coming back shows what was saved, and finishing the page checks it.
    again = applicant_client.get(step_url(draft, "about-you")).text
    assert 'value="Sam Hughes"' in again
    finished = applicant_client.post(step_url(draft, "about-you"), {"full_name": "Sam Hughes"})
    assert finished.status_code == 400
    assert "Enter a telephone number we can call you on" in finished.text


def test_an_answer_that_cannot_be_read_is_left_as_it_was(applicant_client, draft):
    later(applicant_client, draft, "about-you", {"postcode": "L1 8JQ", "phone": "0151 496 0123"})
    later(
        applicant_client,
        draft,
        "about-you",
        {
            "postcode": "not a postcode",
            "phone": "0151 496 0123",
            "date_of_birth_0": "31",
            "date_of_birth_1": "2",
            "date_of_birth_2": "1980",
        },
    )
    draft.refresh_from_db()
    assert draft.postcode == "L1 8JQ"
    assert draft.date_of_birth is None


def test_a_complete_page_saved_for_later_counts_as_completed(applicant_client, draft):
    later(applicant_client, draft, "about-you", VALID_ANSWERS["about-you"])
    draft.refresh_from_db()
    assert "about-you" in draft.completed_steps
    page = applicant_client.get(task_list_url(draft)).text
    assert status_of(page, "about-you") == "Completed"


def test_a_half_filled_checks_page_is_saved(applicant_client, draft):
    later(applicant_client, draft, "referees", {"referee_1_name": "Pat Jones"})
    later(applicant_client, draft, "criminal-record", {"details": "I will explain at interview"})
    later(applicant_client, draft, "dbs-consent", {})
    reference = VolunteerReference.objects.get(application=draft)
    assert (reference.position, reference.name, reference.relationship) == (1, "Pat Jones", "")
    disclosure = CriminalRecordDisclosure.objects.get(application=draft)
    assert disclosure.has_record is None
    draft.refresh_from_db()
    assert draft.completed_steps == []
    page = applicant_client.get(task_list_url(draft)).text
    assert status_of(page, "referees") == "In progress"
    assert status_of(page, "criminal-record") == "In progress"
    assert status_of(page, "dbs-consent") == "Not yet started"
    # Sending is checked in full: the half-filled pages are not complete.
    response = applicant_client.post(
        reverse("volunteers:volunteer_application_check", args=[draft.pk])
    )
    assert response.status_code == 400
    assert "Complete ‘Referees’" in response.text


def test_the_task_list_uses_the_gov_uk_statuses(applicant_client, draft):
    page = applicant_client.get(task_list_url(draft)).text
    assert "Incomplete" not in page and "Not started" not in page
    assert status_of(page, "about-you") == "Not yet started"
    assert status_of(page, "lived-experience") == "Not yet started"
    assert status_of(page, "send") == "Cannot start yet"
    assert reverse("volunteers:volunteer_application_check", args=[draft.pk]) not in page


@given(
    name=st.text(max_size=200),
    postcode=st.text(max_size=20),
    phone=st.text(max_size=40),
    day=st.text(max_size=5),
)
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_save_for_later_takes_anything_without_an_error(
    applicant_client, draft, name, postcode, phone, day
):
    response = later(
        applicant_client,
        draft,
        "about-you",
        {"full_name": name, "postcode": postcode, "phone": phone, "date_of_birth_0": day},
    )
    assert response.status_code == 302


def test_an_error_in_a_closed_section_opens_it(applicant_client, draft):
    north_west = RegionFactory(name="North West")
    LocalAuthorityFactory(name="Liverpool", region=north_west)
    LocalAuthorityFactory(name="Sefton", region=north_west)
    LocalAuthorityFactory(name="Leeds", region=RegionFactory(name="Yorkshire"))
    page = applicant_client.get(step_url(draft, "areas")).text
    assert " open>" not in page
    response = applicant_client.post(step_url(draft, "areas"), {"can_visit_prisons": "True"})
    assert response.status_code == 400
    page = response.text
    link = re.search(r'govuk-error-summary__list">\s*<li><a href="#([^"]+)"', page).group(1)
    assert link == "id_local_authorities_1"
    # The box the link points to is the first council of the first region, whose section is open.
    opened = page.index('<details class="govuk-details govuk-!-margin-bottom-2" open>')
    assert opened < page.index(f'id="{link}"') < page.index("</details>", opened)
    # Standard checkboxes: these are the page's question, not a filter.
    assert "govuk-checkboxes--small" not in page
    assert page.count("<title>Error: ") == 1
    assert "<title>Error: Where you can get to – your application – Open Gate</title>" in page


def test_the_availability_page_uses_standard_checkboxes_the_summary_links_to(
    applicant_client, draft
):
    response = applicant_client.post(step_url(draft, "availability"), {})
    page = response.text
    assert "govuk-checkboxes--small" not in page
    assert '<a href="#id_availability_1">' in page
    first = re.search(r'<input class="govuk-checkboxes__input" id="id_availability_1"[^>]*>', page)
    assert 'value="mon_morning"' in first.group(0)
    assert '<span class="govuk-visually-hidden">Monday </span>Morning' in page


@pytest.mark.parametrize(
    ("level", "words"),
    [
        (DBSLevel.ENHANCED_BARRED, "This role needs an enhanced check with barred lists from"),
        (DBSLevel.BASIC, "This role needs a basic check from"),
    ],
)
def test_the_dbs_check_is_named_in_good_english(applicant_client, draft, level, words):
    draft.role.dbs_level = level
    draft.role.save()
    page = applicant_client.get(step_url(draft, "dbs-consent")).text
    assert words in page
    assert "a enhanced" not in page
