"""A mentee's outcome record through HTTP: the page, the two forms, answers that cannot be
known yet, erased records, audit and another organisation's mentee."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from outcomes.models import OutcomeRecord
from tests.conftest import sign_in
from tests.factories import MembershipFactory
from tests.html import error_beside, error_summary
from tests.mentees.factories import MenteeFactory

from .factories import mentored

pytestmark = pytest.mark.django_db


def date_fields(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def reoffending_data(index_date, **answers):
    data = {
        **date_fields("index_date", index_date),
        "index_kind": "release",
        "reoffended": "unknown",
        "returned_to_custody": "unknown",
        "gender": "not_recorded",
    }
    for key, value in answers.items():
        if hasattr(value, "year"):
            data.update(date_fields(key, value))
        else:
            data[key] = value
    return data


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def mentee(organisation, today):
    return mentored(organisation, index_date=today - timedelta(days=100)).mentee


def test_the_outcomes_page_suggests_the_start_and_is_audited(staff_client, organisation, today):
    mentee = MenteeFactory(organisation=organisation, release_date=today - timedelta(days=40))
    response = staff_client.get(reverse("outcomes:record", args=[mentee.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "suggested from the case record" in content
    assert f"{mentee.release_date:%-d %B %Y}" in content
    assert "Outcomes" in content and 'aria-current="page"' in content
    assert not OutcomeRecord.objects.exists()  # looking creates nothing
    assert AuditEvent.objects.filter(
        action="viewed", object_id=str(mentee.pk), details__part="outcomes"
    ).exists()


def test_record_a_proven_reoffence_within_the_year(staff_client, mentee, coordinator, today):
    url = reverse("outcomes:record_reoffending", args=[mentee.pk])
    index = today - timedelta(days=100)
    data = reoffending_data(
        index,
        reoffended="yes",
        offence_date=index + timedelta(days=20),
        proven_on=index + timedelta(days=50),
        proven_by="caution",
        reoffending_source="probation",
        gender="male",
    )
    response = staff_client.post(url, data)
    assert response.status_code == 302
    record = OutcomeRecord.objects.get(mentee=mentee)
    assert record.reoffended == "yes"
    assert record.offence_date == index + timedelta(days=20)
    assert (record.proven_on, record.proven_by) == (index + timedelta(days=50), "caution")
    assert record.counts_as_proven and record.reoffending_note == ""
    assert record.reoffending_source == "probation"
    assert record.reoffending_recorded_by == coordinator
    assert record.gender == "male"
    event = AuditEvent.objects.filter(object_type="outcomes.outcomerecord").first()
    assert event.action == "updated" and "reoffended" in event.details["fields"]
    # The same form sent again changes nothing and makes no second record.
    assert staff_client.post(url, data).status_code == 302
    assert OutcomeRecord.objects.filter(mentee=mentee).count() == 1


def test_no_cannot_be_answered_before_18_months(staff_client, mentee, today):
    index = today - timedelta(days=100)
    response = staff_client.post(
        reverse("outcomes:record_reoffending", args=[mentee.pk]),
        reoffending_data(index, reoffended="no", reoffending_source="police"),
    )
    assert response.status_code == 400
    content = response.content.decode()
    [(message, _target)] = error_summary(content)
    assert message.startswith("You can answer no from")
    assert "Until then the answer is not yet known" in content
    assert OutcomeRecord.objects.get(mentee=mentee).reoffended == "unknown"


def test_no_can_be_answered_once_the_follow_up_is_complete(staff_client, organisation, today):
    index = today - timedelta(days=600)
    mentee = mentored(organisation, index_date=index).mentee
    response = staff_client.post(
        reverse("outcomes:record_reoffending", args=[mentee.pk]),
        reoffending_data(index, reoffended="no", reoffending_source="police"),
    )
    assert response.status_code == 302
    assert OutcomeRecord.objects.get(mentee=mentee).reoffended == "no"


@pytest.mark.parametrize(
    ("offence_days", "message"),
    [
        (-5, "must be on or after the follow-up start date"),
        (400, "counts as proven reoffending"),
        (None, "Enter the date of the offence"),
    ],
)
def test_an_offence_outside_the_year_is_refused(
    staff_client, organisation, today, offence_days, message
):
    index = today - timedelta(days=600)
    mentee = mentored(organisation, index_date=index).mentee
    answers = {
        "reoffended": "yes",
        "reoffending_source": "police",
        "proven_on": index + timedelta(days=500),
        "proven_by": "conviction",
    }
    if offence_days is not None:
        answers["offence_date"] = index + timedelta(days=offence_days)
    response = staff_client.post(
        reverse("outcomes:record_reoffending", args=[mentee.pk]),
        reoffending_data(index, **answers),
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert OutcomeRecord.objects.get(mentee=mentee).reoffended == "unknown"


def test_answers_before_the_follow_up_starts_are_refused(staff_client, mentee, today):
    response = staff_client.post(
        reverse("outcomes:record_reoffending", args=[mentee.pk]),
        reoffending_data(today + timedelta(days=10), returned_to_custody="yes", returned_on=today),
    )
    assert response.status_code == 400
    assert "answers can be recorded from then" in response.content.decode()


def test_a_return_to_custody_needs_its_date(staff_client, mentee, today):
    index = today - timedelta(days=100)
    response = staff_client.post(
        reverse("outcomes:record_reoffending", args=[mentee.pk]),
        reoffending_data(index, returned_to_custody="yes"),
    )
    assert response.status_code == 400
    assert "Enter the date they returned to custody" in response.content.decode()
    response = staff_client.post(
        reverse("outcomes:record_reoffending", args=[mentee.pk]),
        reoffending_data(index, returned_to_custody="yes", returned_on=today - timedelta(days=3)),
    )
    assert response.status_code == 302
    assert OutcomeRecord.objects.get(mentee=mentee).returned_to_custody == "yes"


def test_an_empty_form_says_what_to_answer(staff_client, mentee):
    response = staff_client.post(reverse("outcomes:record_reoffending", args=[mentee.pk]), {})
    assert response.status_code == 400
    assert "Select yes, no or not yet known" in response.content.decode()


def pathway_data(**overrides):
    data = {
        "accommodation": "yes",
        "education_training_employment": "no",
        "substance_misuse_services": "unknown",
        "health_services": "yes",
        "confidence_life_skills": "yes",
    }
    for key, value in overrides.items():
        if hasattr(value, "year"):
            data.update(date_fields(key, value))
        else:
            data[key] = value
    return data


def test_record_pathway_outcomes_and_wellbeing(staff_client, mentee, today):
    url = reverse("outcomes:record_pathways", args=[mentee.pk])
    response = staff_client.post(
        url,
        pathway_data(
            wellbeing_start=18,
            wellbeing_start_on=today - timedelta(days=90),
            wellbeing_end=24,
            wellbeing_end_on=today,
        ),
    )
    assert response.status_code == 302
    record = OutcomeRecord.objects.get(mentee=mentee)
    assert (record.accommodation, record.education_training_employment) == ("yes", "no")
    assert (record.wellbeing_start, record.wellbeing_end) == (18, 24)
    page = staff_client.get(reverse("outcomes:record", args=[mentee.pk])).content.decode()
    assert "24 out of 35" in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"wellbeing_start": 40}, "Enter a score from 7 to 35"),
        ({"wellbeing_start": "lots"}, "Enter a score from 7 to 35"),
        ({"wellbeing_start": 20}, "Enter the date of the score at the start"),
        ("end-before-start", "The end score must be taken after the start score"),
        ({"accommodation": "maybe"}, "Select yes, no or not recorded"),
    ],
)
def test_pathway_bad_input_is_explained(staff_client, mentee, today, overrides, message):
    if overrides == "end-before-start":
        overrides = {
            "wellbeing_start": 20,
            "wellbeing_start_on": today - timedelta(days=5),
            "wellbeing_end": 25,
            "wellbeing_end_on": today - timedelta(days=30),
        }
    response = staff_client.post(
        reverse("outcomes:record_pathways", args=[mentee.pk]), pathway_data(**overrides)
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not OutcomeRecord.objects.filter(mentee=mentee, accommodation="yes").exists()


def test_an_erased_record_shows_its_outcomes_but_cannot_change(client, organisation, today):
    from mentees.services.privacy import mentee_erase

    admin = MembershipFactory(organisation=organisation, role="org_admin").user
    record = mentored(
        organisation,
        index_date=today - timedelta(days=600),
        ended_on=today - timedelta(days=300),
        reoffended="yes",
        gender="female",
    )
    mentee_erase(actor=admin, mentee=record.mentee)
    record.refresh_from_db()
    assert record.reoffended == "yes"  # kept for the counts
    assert record.gender == "" and record.index_date.day == 1 and record.offence_date.day == 1
    sign_in(client, admin)
    assert client.get(reverse("outcomes:record", args=[record.mentee_id])).status_code == 200
    url = reverse("outcomes:record_reoffending", args=[record.mentee_id])
    assert client.get(url).status_code == 404


def test_subject_access_export_includes_outcomes(client, organisation, today):
    admin = MembershipFactory(organisation=organisation, role="org_admin").user
    record = mentored(organisation, index_date=today - timedelta(days=600), reoffended="yes")
    sign_in(client, admin)
    response = client.get(reverse("mentees:mentee_export", args=[record.mentee_id]))
    assert "Proven reoffending" in response.content.decode()
    data = client.get(
        reverse("mentees:mentee_export", args=[record.mentee_id]) + "?format=json"
    ).json()
    facts = {fact["label"]: fact["value"] for fact in data["outcomes"]}
    assert facts["Proven reoffending"] == "Yes"


def test_another_organisations_mentee_is_not_found(staff_client, other_organisation):
    theirs = MenteeFactory(organisation=other_organisation)
    for name in ("outcomes:record", "outcomes:record_reoffending", "outcomes:record_pathways"):
        assert staff_client.get(reverse(name, args=[theirs.pk])).status_code == 404


def test_mentors_cannot_see_outcomes(client, organisation, mentee):
    sign_in(client, MembershipFactory(organisation=organisation, role="mentor").user)
    assert client.get(reverse("outcomes:record", args=[mentee.pk])).status_code == 403


@pytest.mark.parametrize(
    ("offence_days", "proven_days", "field", "message"),
    [
        (30, 20, "proven_on", "The date it was proven must be on or after the offence date"),
        (30, None, "proven_on", "Enter the date the offence was proven in court or cautioned"),
        (30, 700, "proven_on", "The date it was proven must be today or in the past"),
        (700, 710, "offence_date", "The offence date must be today or in the past"),
    ],
)
def test_impossible_proof_dates_are_explained_beside_the_field(
    staff_client, organisation, today, offence_days, proven_days, field, message
):
    index = today - timedelta(days=600)
    mentee = mentored(organisation, index_date=index).mentee
    answers = {"reoffended": "yes", "reoffending_source": "police", "proven_by": "conviction"}
    answers["offence_date"] = index + timedelta(days=offence_days)
    if proven_days is not None:
        answers["proven_on"] = index + timedelta(days=proven_days)
    response = staff_client.post(
        reverse("outcomes:record_reoffending", args=[mentee.pk]),
        reoffending_data(index, **answers),
    )
    assert response.status_code == 400
    assert error_beside(response.content.decode(), field).startswith(message)
    record = OutcomeRecord.objects.get(mentee=mentee)
    assert (record.reoffended, record.proven_on) == ("unknown", None)


def test_a_proof_after_18_months_is_kept_but_not_counted_and_the_record_says_why(
    staff_client, organisation, today
):
    from core.dates import add_months
    from outcomes import reports
    from outcomes.periods import Period

    index = add_months(today, -20)
    mentee = mentored(organisation, index_date=index).mentee
    one_day_late = add_months(index, 18) + timedelta(days=1)
    response = staff_client.post(
        reverse("outcomes:record_reoffending", args=[mentee.pk]),
        reoffending_data(
            index,
            reoffended="yes",
            offence_date=index + timedelta(days=300),
            proven_on=one_day_late,
            proven_by="conviction",
            reoffending_source="police",
        ),
    )
    assert response.status_code == 302
    record = OutcomeRecord.objects.get(mentee=mentee)
    assert record.reoffended == "yes" and not record.counts_as_proven
    page = staff_client.get(reverse("outcomes:record", args=[mentee.pk])).content.decode()
    assert f"proven on {one_day_late:%-d %B %Y}" in page
    assert "The Ministry of Justice counts only offences proven within 18 months" in page
    on_time = mentored(
        organisation,
        index_date=index,
        reoffended="yes",
        proven_on=add_months(index, 18),
    )
    assert on_time.counts_as_proven
    period = Period(index, index)
    figures = reports.compute(reports.organisation_scope(organisation), period, today=today)
    counted = figures[reports.ALL]
    assert (counted.reoffended, counted.not_reoffended, counted.proven_too_late) == (1, 1, 1)


def test_a_yes_recorded_without_a_proof_date_is_held_back_for_checking(
    staff_client, organisation, today
):
    from outcomes import reports
    from outcomes.periods import Period

    index = today - timedelta(days=600)
    legacy = mentored(
        organisation,
        index_date=index,
        reoffended="yes",
        proven_on=None,
        proven_by="",
        counts_as_proven=False,
    )
    mentored(organisation, index_date=index, reoffended="no")
    period = Period(index, index)
    figures = reports.compute(reports.organisation_scope(organisation), period, today=today)
    counted = figures[reports.ALL]
    assert (counted.reoffended, counted.not_reoffended, counted.proof_missing) == (0, 1, 1)
    page = staff_client.get(reverse("outcomes:record", args=[legacy.mentee.pk])).content.decode()
    assert "Not counted yet: the date the offence was proven" in page
