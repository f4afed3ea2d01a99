"""Applying to volunteer: starting, each page of the draft, checking answers, sending, the
applicant's own area and withdrawing. Bad input is explained beside the field and loses nothing."""

from datetime import date

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts.models import AuditEvent
from core import references
from tests.conftest import sign_in
from tests.factories import LocalAuthorityFactory, UserFactory, pathway
from tests.factories_volunteering import (
    ApplicationFactory,
    VolunteerRoleFactory,
    complete_application,
)
from volunteers.constants import ApplicationStatus, ApplicationUpdateKind, VolunteerRoleStatus
from volunteers.models import (
    ApplicationUpdate,
    CriminalRecordDisclosure,
    VolunteerApplication,
    VolunteerReference,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(role, applicant):
    return ApplicationFactory(role=role, applicant=applicant)


def step_url(application, step):
    return reverse("volunteers:volunteer_application_step", args=[application.pk, step])


def check_url(application):
    return reverse("volunteers:volunteer_application_check", args=[application.pk])


# --- Starting ----------------------------------------------------------------------------------


def test_the_start_page_is_public_and_asks_strangers_to_sign_in(client, role):
    response = client.get(reverse("volunteers:volunteer_apply", args=[role.pk]))
    assert response.status_code == 200
    assert "Create an account" in response.text
    assert "does not usually stop you" in response.text
    response = client.post(reverse("volunteers:volunteer_apply", args=[role.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not VolunteerApplication.objects.exists()


def test_an_unverified_email_address_must_be_verified_first(client, role):
    user = UserFactory(verified_email=False)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    sign_in(client, user, mfa=False)
    response = client.post(reverse("volunteers:volunteer_apply", args=[role.pk]))
    assert "account/verified_email_required.html" in [t.name for t in response.templates]
    assert not VolunteerApplication.objects.exists()


def test_starting_twice_gives_one_application_per_role(applicant_client, applicant, role):
    url = reverse("volunteers:volunteer_apply", args=[role.pk])
    first = applicant_client.post(url)
    second = applicant_client.post(url)
    application = VolunteerApplication.objects.get()
    expected = reverse("volunteers:volunteer_application", args=[application.pk])
    assert first.url == second.url == expected
    assert application.applicant == applicant
    assert application.organisation == role.organisation
    assert application.full_name == "Sam Hughes"
    assert application.status == ApplicationStatus.DRAFT
    assert references.normalise_reference(application.reference, "VA") == application.reference
    # The start page now offers to carry on instead.
    assert "Continue your application" in applicant_client.get(url).text


def test_a_reference_already_taken_is_drawn_again(applicant_client, role, monkeypatch):
    taken = ApplicationFactory(role=role, reference="VA-3333-4444").reference
    drawn = iter([taken, "VA-7K3Q-9XRT"])
    monkeypatch.setattr(references, "new_reference", lambda prefix: next(drawn))
    response = applicant_client.post(reverse("volunteers:volunteer_apply", args=[role.pk]))
    assert response.status_code == 302
    mine = VolunteerApplication.objects.exclude(reference=taken).get()
    assert mine.reference == "VA-7K3Q-9XRT"
    assert "VA-7K3Q-9XRT" in applicant_client.get(response.url).text


def test_an_applicant_is_not_made_to_set_up_two_factor_authentication(applicant_client, role):
    response = applicant_client.post(reverse("volunteers:volunteer_apply", args=[role.pk]))
    assert response.status_code == 302
    assert "2fa" not in response.url
    assert applicant_client.get(response.url).status_code == 200


@pytest.mark.parametrize("status", [VolunteerRoleStatus.DRAFT, VolunteerRoleStatus.CLOSED])
def test_a_role_not_published_cannot_be_applied_for(applicant_client, organisation, status):
    hidden = VolunteerRoleFactory(organisation=organisation, status=status)
    assert (
        applicant_client.post(reverse("volunteers:volunteer_apply", args=[hidden.pk])).status_code
        == 404
    )
    assert not VolunteerApplication.objects.exists()


def test_a_forged_role_id_is_not_found(applicant_client):
    url = reverse("volunteers:volunteer_apply", args=["00000000-0000-0000-0000-000000000000"])
    assert applicant_client.post(url).status_code == 404


# --- Each page ---------------------------------------------------------------------------------

VALID_ANSWERS = {
    "about-you": {
        "full_name": "Sam Hughes",
        "date_of_birth_0": "17",
        "date_of_birth_1": "5",
        "date_of_birth_2": "1980",
        "gender": "man",
        "phone": "0151 496 0123",
        "postcode": "l1 8jq",
    },
    "lived-experience": {"lived_experience": ["prison", "addiction"]},
    "availability": {"availability": ["mon_evening", "sat_morning"]},
    "languages": {"languages": ["en", "pl"], "other_languages": "Kurdish"},
    "motivation": {"motivation": "Someone did it for me when I came out."},
    "referees": {
        "referee_1_name": "Pat Jones",
        "referee_1_relationship": "My manager for 3 years",
        "referee_1_email": "pat@example.org",
        "referee_2_name": "Chris Lee",
        "referee_2_relationship": "Support worker",
        "referee_2_phone": "0151 496 0999",
    },
    "criminal-record": {"has_record": "True", "details": "Burglary in 2009."},
    "dbs-consent": {"dbs_consent": "on"},
}


def areas_answers():
    return {
        "local_authorities": [str(LocalAuthorityFactory(name="Liverpool").pk)],
        "can_visit_prisons": "True",
    }


def skills_answers():
    return {"pathways": [str(pathway("accommodation").pk)], "experience": "Hostel work."}


def answers_for(step):
    if step == "areas":
        return areas_answers()
    if step == "skills":
        return skills_answers()
    return VALID_ANSWERS[step]


ORDER = [
    "about-you",
    "lived-experience",
    "availability",
    "areas",
    "languages",
    "skills",
    "motivation",
    "referees",
    "criminal-record",
    "dbs-consent",
]


def test_each_page_saves_and_leads_to_the_next(applicant_client, draft):
    for index, step in enumerate(ORDER):
        response = applicant_client.post(step_url(draft, step), answers_for(step))
        assert response.status_code == 302, (step, response.text[:2000])
        following = ORDER[index + 1] if index + 1 < len(ORDER) else None
        if following:
            assert response.url == step_url(draft, following)
        else:
            assert response.url == reverse("volunteers:volunteer_application", args=[draft.pk])
    draft.refresh_from_db()
    assert draft.completed_steps == ORDER
    assert draft.date_of_birth == date(1980, 5, 17)
    assert draft.postcode == "L1 8JQ"
    assert draft.lived_experience == ["prison", "addiction"]
    assert draft.availability == ["mon_evening", "sat_morning"]
    assert draft.can_visit_prisons is True
    assert [la.name for la in draft.local_authorities.all()] == ["Liverpool"]
    assert draft.languages_display == ["English", "Polish", "Kurdish"]
    assert draft.dbs_consent and draft.dbs_consent_at
    referees = list(VolunteerReference.objects.filter(application=draft))
    assert [(r.position, r.name) for r in referees] == [(1, "Pat Jones"), (2, "Chris Lee")]
    assert all(r.organisation == draft.organisation for r in referees)
    disclosure = CriminalRecordDisclosure.objects.get(application=draft)
    assert disclosure.has_record and disclosure.details == "Burglary in 2009."
    # Every save is audited, and kept out of the organisation's log while it is a draft.
    events = AuditEvent.objects.filter(object_id=str(draft.pk), action="updated")
    assert events.count() == len(ORDER)
    assert not events.exclude(organisation=None).exists()


def test_saving_and_coming_back_later_returns_to_the_task_list(applicant_client, draft):
    data = {**VALID_ANSWERS["about-you"], "later": "1"}
    response = applicant_client.post(step_url(draft, "about-you"), data)
    task_list = reverse("volunteers:volunteer_application", args=[draft.pk])
    assert response.url == task_list
    page = applicant_client.get(task_list).text
    assert "You have completed 1 of 9 sections" in page
    assert "Your answers are saved" in page


def test_the_lived_experience_page_is_optional_and_explained_with_care(applicant_client, draft):
    page = applicant_client.get(step_url(draft, "lived-experience")).text
    assert "You do not have to answer this page" in page
    assert "never held against you" in page
    response = applicant_client.post(step_url(draft, "lived-experience"), {})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.lived_experience == []


def test_the_criminal_record_page_explains_it_is_usually_not_a_bar(applicant_client, draft):
    page = applicant_client.get(step_url(draft, "criminal-record")).text
    assert "does not usually stop you being a mentor" in page
    assert "we keep a record of everyone who looks at it" in page


ABOUT_YOU = VALID_ANSWERS["about-you"]


@pytest.mark.parametrize(
    ("step", "overrides", "message"),
    [
        ("about-you", {"full_name": ""}, "Enter your full name"),
        ("about-you", {"date_of_birth_0": ""}, "Your date of birth must include a day"),
        ("about-you", {"date_of_birth_1": "13"}, "Your date of birth must be a real date"),
        ("about-you", {"date_of_birth_2": "2090"}, "Your date of birth must be in the past"),
        ("about-you", {"date_of_birth_2": "2015"}, "You must be 18 or over to volunteer"),
        ("about-you", {"date_of_birth_2": "80"}, "The year must include 4 numbers"),
        ("about-you", {"gender": "robot"}, "Select an answer from the list"),
        ("about-you", {"gender": ""}, "Select your gender, or that you would rather not say"),
        ("about-you", {"phone": "call me"}, "Enter a telephone number, like 0151 496 0000"),
        ("about-you", {"postcode": "nowhere"}, "Enter a real postcode"),
        ("availability", {"availability": []}, "Select at least one time you are usually free"),
        ("availability", {"availability": ["fri_midnight"]}, "Select times from the table"),
        ("languages", {"languages": []}, "Select at least one language you can mentor in"),
        ("motivation", {"motivation": ""}, "Tell us why you want to be a mentor"),
        ("motivation", {"motivation": "x" * 3001}, "Answer must be 3000 characters or fewer"),
        ("referees", {"referee_1_name": ""}, "Enter the first referee&#x27;s full name"),
        (
            "referees",
            {"referee_1_email": ""},
            "Enter an email address or telephone number for the first referee",
        ),
        (
            "referees",
            {"referee_2_email": "pat@example.org"},
            "Give two different referees",
        ),
        (
            "referees",
            {"referee_1_email": "sam@example.org"},
            "The first referee must be someone other than you",
        ),
        ("referees", {"referee_2_email": "not-an-email"}, "second referee&#x27;s email address"),
        ("criminal-record", {"has_record": ""}, "Select yes if you have a conviction"),
        ("dbs-consent", {"dbs_consent": ""}, "Confirm that you agree to a DBS check"),
    ],
)
def test_bad_input_is_explained_beside_the_field_and_changes_nothing(
    applicant_client, draft, step, overrides, message
):
    complete_application(draft)
    before = VolunteerApplication.objects.filter(pk=draft.pk).values().get()
    response = applicant_client.post(step_url(draft, step), {**VALID_ANSWERS[step], **overrides})
    assert response.status_code == 400
    assert message in response.text
    assert 'class="govuk-error-summary"' in response.text
    assert "govuk-error-message" in response.text
    # What was typed is still in the form, and nothing saved before is lost.
    if step == "about-you" and overrides.get("phone"):
        assert 'value="call me"' in response.text
    assert VolunteerApplication.objects.filter(pk=draft.pk).values().get() == before


def test_forged_area_and_pathway_ids_are_refused(applicant_client, draft):
    response = applicant_client.post(
        step_url(draft, "areas"), {"local_authorities": ["999999"], "can_visit_prisons": "True"}
    )
    assert response.status_code == 400
    assert "Select council areas from the list" in response.text
    response = applicant_client.post(
        step_url(draft, "skills"), {"pathways": ["00000000-0000-0000-0000-000000000000"]}
    )
    assert response.status_code == 400
    assert "Select the kinds of help from the list" in response.text
    draft.refresh_from_db()
    assert draft.completed_steps == []


def test_an_unknown_page_is_not_found(applicant_client, draft):
    assert applicant_client.get(step_url(draft, "favourite-colour")).status_code == 404
    assert applicant_client.post(step_url(draft, "favourite-colour"), {}).status_code == 404


def test_a_sent_application_cannot_be_changed_through_its_pages(applicant_client, draft):
    complete_application(draft)
    applicant_client.post(check_url(draft))
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.SUBMITTED
    response = applicant_client.post(
        step_url(draft, "motivation"), {"motivation": "Changed after sending"}, follow=True
    )
    assert "You have already sent this application" in response.text
    draft.refresh_from_db()
    assert draft.motivation == "Someone did it for me."


def test_the_disclosure_page_view_is_audited(applicant_client, draft):
    complete_application(draft)
    applicant_client.get(step_url(draft, "criminal-record"))
    assert AuditEvent.objects.filter(
        action="viewed", object_type="volunteers.criminalrecorddisclosure"
    ).exists()


# --- Checking answers and sending -------------------------------------------------------------


def test_check_answers_lists_what_is_missing_with_links(applicant_client, draft):
    response = applicant_client.get(check_url(draft))
    assert response.status_code == 200
    assert "You cannot send your application yet" in response.text
    assert "Complete ‘About you’" in response.text
    assert step_url(draft, "about-you") in response.text
    response = applicant_client.post(check_url(draft))
    assert response.status_code == 400
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.DRAFT


def test_check_answers_shows_every_answer_with_a_change_link(applicant_client, draft):
    complete_application(draft)
    page = applicant_client.get(check_url(draft)).text
    assert "Check your answers before sending your application" in page
    assert "You cannot send your application yet" not in page
    for text in ("Liverpool", "Monday evening", "Someone did it for me.", "Referee 1"):
        assert text in page
    assert f"{step_url(draft, 'motivation')}?from=check" in page
    # Changing an answer from here comes back here.
    response = applicant_client.post(
        f"{step_url(draft, 'motivation')}?from=check", {"motivation": "New reasons"}
    )
    assert response.url == check_url(draft)


def test_sending_twice_sends_once_and_tells_the_applicant(
    applicant_client, draft, mailoutbox, django_capture_on_commit_callbacks
):
    complete_application(draft)
    with django_capture_on_commit_callbacks(execute=True):
        first = applicant_client.post(check_url(draft))
        second = applicant_client.post(check_url(draft))
    sent = reverse("volunteers:volunteer_application_sent", args=[draft.pk])
    assert first.url == second.url == sent
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.SUBMITTED and draft.submitted_at
    assert draft.stage == "interview"
    assert ApplicationUpdate.objects.filter(application=draft).count() == 1
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["sam@example.org"]
    assert draft.reference in mailoutbox[0].body
    page = applicant_client.get(sent).text
    assert draft.reference in page and "Application sent" in page
    assert AuditEvent.objects.filter(
        action="status_changed", object_id=str(draft.pk), organisation=draft.organisation
    ).exists()


def test_a_role_closed_before_sending_is_explained(applicant_client, draft):
    complete_application(draft)
    draft.role.status = VolunteerRoleStatus.CLOSED
    draft.role.save()
    response = applicant_client.post(check_url(draft))
    assert response.status_code == 400
    assert "is no longer taking applications" in response.text
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.DRAFT


def test_a_page_answered_by_tampering_with_the_list_of_steps_still_cannot_be_sent(
    applicant_client, draft
):
    """completed_steps is only ever set by the server, but sending checks the answers too."""
    complete_application(draft)
    VolunteerReference.objects.filter(application=draft, position=2).delete()
    draft.dbs_consent = False
    draft.save()
    response = applicant_client.post(check_url(draft))
    assert response.status_code == 400
    assert "Give the details of two referees" in response.text
    assert "Confirm that you agree to a DBS check" in response.text


# --- The applicant's own area ------------------------------------------------------------------


def test_the_applicants_area_lists_their_own_applications_only(
    applicant_client, applicant, role, django_assert_max_num_queries
):
    for _ in range(3):
        ApplicationFactory(applicant=applicant)
    ApplicationFactory(role=role)  # someone else's
    with django_assert_max_num_queries(12):
        response = applicant_client.get(reverse("volunteers:volunteer_applications"))
    assert response.status_code == 200
    assert response.text.count('href="/volunteer/applications/') == 3


def test_the_status_page_shows_what_the_applicant_has_been_told(applicant_client, draft):
    complete_application(draft)
    applicant_client.post(check_url(draft))
    page = applicant_client.get(reverse("volunteers:volunteer_application", args=[draft.pk])).text
    assert "Being checked" in page
    assert ApplicationUpdateKind.RECEIVED.label in page
    assert "contact you to arrange an interview" in page


def test_withdrawing_a_sent_application(applicant_client, draft):
    complete_application(draft)
    applicant_client.post(check_url(draft))
    url = reverse("volunteers:volunteer_application_withdraw", args=[draft.pk])
    assert "Are you sure" in applicant_client.get(url).text
    response = applicant_client.post(url)
    assert response.url == reverse("volunteers:volunteer_applications")
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.WITHDRAWN
    assert draft.updates.filter(kind=ApplicationUpdateKind.WITHDRAWN).exists()
    # Withdrawn, they may apply for the role again.
    response = applicant_client.post(reverse("volunteers:volunteer_apply", args=[draft.role.pk]))
    new = VolunteerApplication.objects.exclude(pk=draft.pk).get()
    assert response.url == reverse("volunteers:volunteer_application", args=[new.pk])
    # A withdrawn application cannot be withdrawn again.
    response = applicant_client.post(url, follow=True)
    assert "cannot be withdrawn" in response.text


def test_forged_fields_in_a_page_are_ignored(applicant_client, draft):
    other = VolunteerRoleFactory()
    applicant_client.post(
        step_url(draft, "about-you"),
        {
            **VALID_ANSWERS["about-you"],
            "status": "approved",
            "organisation": other.organisation.pk,
            "role": other.pk,
            "applicant": UserFactory().pk,
        },
    )
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.DRAFT
    assert draft.role != other and draft.organisation != other.organisation
    assert draft.applicant.email == "sam@example.org"
    assert draft.completed_steps == ["about-you"]
