"""Mentor records: who can be matched, the profile, status and supervision sessions."""

from datetime import date, timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from accounts.models import AuditEvent
from providers.constants import MembershipRole
from providers.models import Membership
from tests.conftest import sign_in
from tests.factories import LocalAuthorityFactory, MembershipFactory, pathway
from tests.factories_volunteering import (
    DBSCheckFactory,
    MentorProfileFactory,
    SupervisionSessionFactory,
    TrainingModuleFactory,
    TrainingRecordFactory,
)
from tests.once import assert_same_confirmation, post_twice
from volunteers.constants import ApplicationStatus, DBSResult, MentorStatus, RiskDecision
from volunteers.models import MentorProfile, SupervisionSession, age_band

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def matchable(mentor) -> bool:
    return MentorProfile.objects.matchable().filter(pk=mentor.pk).exists()


@pytest.fixture
def mentor(organisation):
    return MentorProfileFactory(organisation=organisation)


@pytest.fixture
def staff_client(client, coordinator):
    return sign_in(client, coordinator)


# --- Who can be matched ------------------------------------------------------------------------


def test_an_approved_active_mentor_with_a_current_dbs_and_training_is_matchable(mentor):
    assert matchable(mentor)


@pytest.mark.parametrize("status", [MentorStatus.PAUSED, MentorStatus.LEFT])
def test_paused_and_departed_mentors_are_not_matchable(mentor, status):
    mentor.status = status
    mentor.save()
    assert not matchable(mentor)


def test_a_mentor_whose_approval_was_undone_is_not_matchable(mentor):
    mentor.application.status = ApplicationStatus.SUBMITTED
    mentor.application.save()
    assert not matchable(mentor)


def test_raising_the_roles_dbs_level_above_the_mentors_check_stops_matching(
    client, org_admin, mentor
):
    from volunteers.constants import DBSLevel

    check = mentor.application.dbs_checks.get()
    check.level = DBSLevel.ENHANCED
    check.save()
    role = mentor.application.role
    assert role.dbs_level == DBSLevel.ENHANCED and matchable(mentor)
    sign_in(client, org_admin)
    mentor_page = reverse("volunteers:mentor", args=[mentor.pk])
    assert "Can be matched" in client.get(mentor_page).content.decode()
    role.dbs_level = DBSLevel.ENHANCED_BARRED
    role.save()
    assert not matchable(mentor)
    assert "Can be matched" not in client.get(mentor_page).content.decode()
    check.level = DBSLevel.ENHANCED_BARRED
    check.save()
    assert matchable(mentor)


def test_without_a_current_dbs_check_a_mentor_is_not_matchable(mentor):
    mentor.application.dbs_checks.all().delete()
    assert not matchable(mentor)
    check = DBSCheckFactory(application=mentor.application, result=DBSResult.DISCLOSED)
    assert not matchable(mentor)  # disclosed, no decision yet
    check.risk_decision = RiskDecision.DO_NOT_PROCEED
    check.save()
    assert not matchable(mentor)
    check.risk_decision = RiskDecision.PROCEED
    check.save()
    assert matchable(mentor)


def test_a_dbs_check_past_its_renewal_date_stops_matching(mentor):
    check = mentor.application.dbs_checks.get()
    check.renew_by = TODAY() + timedelta(days=10)
    check.save()
    assert matchable(mentor)
    with time_machine.travel(TODAY() + timedelta(days=11)):
        assert not matchable(mentor)
    # A renewed certificate recorded later makes them matchable again.
    DBSCheckFactory(application=mentor.application, renew_by=TODAY() + timedelta(days=1200))
    with time_machine.travel(TODAY() + timedelta(days=11)):
        assert matchable(mentor)


def test_required_training_must_be_done_and_not_expired(mentor, organisation):
    module = TrainingModuleFactory(organisation=organisation, required=True)
    assert not matchable(mentor)
    TrainingModuleFactory(organisation=organisation, required=False)  # optional: no matter
    TrainingModuleFactory(organisation=organisation, required=True, is_active=False)  # retired
    record = TrainingRecordFactory(
        application=mentor.application, module=module, expires_on=TODAY() + timedelta(days=5)
    )
    assert matchable(mentor)
    with time_machine.travel(TODAY() + timedelta(days=6)):
        assert not matchable(mentor)
    record.expires_on = None
    record.save()
    # Another organisation's required modules do not count.
    TrainingModuleFactory(required=True)
    assert matchable(mentor)


def test_matchable_is_a_fixed_number_of_queries(organisation, django_assert_num_queries):
    MentorProfileFactory.create_batch(4, organisation=organisation)
    with django_assert_num_queries(1):
        assert len(list(MentorProfile.objects.matchable())) == 4


@pytest.mark.parametrize(
    ("born", "band"),
    [
        (date(2008, 6, 1), "18-24"),
        (date(2001, 6, 2), "18-24"),  # 25 tomorrow
        (date(2001, 6, 1), "25-34"),  # 25 today
        (date(1960, 6, 1), "65+"),
        (date(1961, 6, 2), "55-64"),
        (None, ""),
    ],
)
def test_age_band_is_worked_out_from_the_date_of_birth(born, band):
    assert age_band(born, on=date(2026, 6, 1)) == band


# --- Pages -------------------------------------------------------------------------------------


def test_the_mentor_list_shows_this_organisations_mentors(
    staff_client, organisation, django_assert_max_num_queries
):
    MentorProfileFactory.create_batch(3, organisation=organisation)
    paused = MentorProfileFactory(organisation=organisation, status=MentorStatus.PAUSED)
    elsewhere = MentorProfileFactory()
    with django_assert_max_num_queries(12):
        response = staff_client.get(reverse("volunteers:mentors"))
    assert "3 mentors" in response.text
    assert escape(paused.user.display_name) not in response.text
    assert escape(elsewhere.user.display_name) not in response.text
    response = staff_client.get(reverse("volunteers:mentors"), {"status": "paused"})
    assert escape(paused.user.display_name) in response.text
    assert "4 mentors" in staff_client.get(reverse("volunteers:mentors"), {"status": "all"}).text


def test_a_mentors_record_shows_the_matching_profile_and_is_audited(staff_client, mentor):
    mentor.pathways.set([pathway("accommodation")])
    response = staff_client.get(reverse("volunteers:mentor", args=[mentor.pk]))
    assert response.status_code == 200
    for text in ("Can be matched with a mentee", "Accommodation", "Tuesday evening", "45 to 54"):
        assert text in response.text
    assert AuditEvent.objects.filter(action="viewed", object_id=str(mentor.pk)).exists()


def test_a_mentor_cannot_see_mentor_records(client, mentor, organisation):
    fellow = MembershipFactory(organisation=organisation, role=MembershipRole.MENTOR).user
    sign_in(client, fellow)
    assert client.get(reverse("volunteers:mentor", args=[mentor.pk])).status_code == 403
    assert client.get(reverse("volunteers:mentors")).status_code == 403


def profile_form(**overrides):
    council = LocalAuthorityFactory(name="Sefton")
    data = {
        "capacity": "2",
        "gender": "woman",
        "date_of_birth_0": "1",
        "date_of_birth_1": "2",
        "date_of_birth_2": "1990",
        "languages": ["en", "cy"],
        "lived_experience": ["prison"],
        "pathways": [str(pathway("health").pk)],
        "local_authorities": [str(council.pk)],
        "can_visit_prisons": "False",
        "availability": ["wed_afternoon"],
    }
    data.update(overrides)
    return data


def test_a_coordinator_corrects_the_profile(staff_client, mentor):
    response = staff_client.post(
        reverse("volunteers:mentor_edit", args=[mentor.pk]), profile_form()
    )
    assert response.url == reverse("volunteers:mentor", args=[mentor.pk])
    mentor.refresh_from_db()
    assert mentor.languages == ["en", "cy"] and mentor.availability == ["wed_afternoon"]
    assert mentor.date_of_birth == date(1990, 2, 1) and not mentor.can_visit_prisons
    assert [t.code for t in mentor.pathways.all()] == ["health"]
    event = AuditEvent.objects.get(action="updated", object_id=str(mentor.pk))
    assert {"languages", "pathways", "local_authorities"} <= set(event.details["fields"])


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"capacity": "11"}, "Enter a number of mentees from 1 to 10"),
        ({"capacity": ""}, "Enter how many mentees they can have at once"),
        ({"date_of_birth_2": "2020"}, "They must be 18 or over to volunteer"),
        ({"availability": []}, "Select at least one time they are usually free"),
        ({"local_authorities": ["0"]}, "Select council areas from the list"),
        ({"languages": ["xx"]}, "Select an answer from the list"),
    ],
)
def test_bad_profile_input_is_explained(staff_client, mentor, overrides, message):
    response = staff_client.post(
        reverse("volunteers:mentor_edit", args=[mentor.pk]), profile_form(**overrides)
    )
    assert response.status_code == 400
    assert message in response.text
    mentor.refresh_from_db()
    assert mentor.capacity == 2


def test_pausing_needs_a_reason_and_stops_matching(staff_client, mentor):
    status_url = reverse("volunteers:mentor_status", args=[mentor.pk])
    response = staff_client.post(status_url, {"status": "paused"})
    assert response.status_code == 400
    assert "Give the reason, for the mentor&#x27;s record" in response.text
    staff_client.post(status_url, {"status": "paused", "reason": "Exams until June"})
    mentor.refresh_from_db()
    assert mentor.status == MentorStatus.PAUSED and not matchable(mentor)
    staff_client.post(status_url, {"status": "active"})
    mentor.refresh_from_db()
    assert mentor.status == MentorStatus.ACTIVE and matchable(mentor)


def test_leaving_ends_the_mentor_membership_and_is_final(staff_client, mentor, organisation):
    Membership.objects.create(user=mentor.user, organisation=organisation, role="mentor")
    status_url = reverse("volunteers:mentor_status", args=[mentor.pk])
    staff_client.post(status_url, {"status": "left", "reason": "Moved away"})
    mentor.refresh_from_db()
    assert mentor.status == MentorStatus.LEFT
    assert not Membership.objects.active().filter(user=mentor.user).exists()
    response = staff_client.post(status_url, {"status": "active"})
    assert response.status_code == 400
    assert "If they come back, they apply again" in response.text


def test_recording_supervision(staff_client, mentor, coordinator):
    response = staff_client.post(
        reverse("volunteers:supervision_create", args=[mentor.pk]),
        {
            "held_on_0": TODAY().day,
            "held_on_1": TODAY().month,
            "held_on_2": TODAY().year,
            "supervisor": coordinator.pk,
            "notes": "First month going well.",
            "concerns": "Mentee has missed two meetings.",
        },
    )
    assert response.url == reverse("volunteers:mentor", args=[mentor.pk])
    session = SupervisionSession.objects.get()
    assert session.organisation == mentor.organisation and session.recorded_by == coordinator
    page = staff_client.get(reverse("volunteers:mentor", args=[mentor.pk])).text
    assert "missed two meetings" in page
    event = AuditEvent.objects.get(action="created", object_id=str(session.pk))
    assert event.details["concerns"] is True


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"notes": ""}, "Enter notes of the session"),
        (
            {"held_on_2": str(TODAY().year + 1)},
            "The date of the session must be today or in the past",
        ),
        ({"held_on_2": "2001"}, "must be on or after the day the mentor applied"),
        ({"supervisor": "outsider"}, "Choose a member of your staff from the list"),
        ({"supervisor": "mentor"}, "Choose a member of your staff from the list"),
    ],
)
def test_bad_supervision_input_is_explained(
    staff_client, mentor, organisation, coordinator, overrides, message
):
    people = {
        "outsider": MembershipFactory(role=MembershipRole.COORDINATOR).user.pk,
        "mentor": MembershipFactory(organisation=organisation, role=MembershipRole.MENTOR).user.pk,
    }
    data = {
        "held_on_0": TODAY().day,
        "held_on_1": TODAY().month,
        "held_on_2": TODAY().year,
        "supervisor": coordinator.pk,
        "notes": "Notes",
        **overrides,
    }
    data["supervisor"] = people.get(data["supervisor"], data["supervisor"])
    response = staff_client.post(reverse("volunteers:supervision_create", args=[mentor.pk]), data)
    assert response.status_code == 400
    assert message in response.text
    assert not SupervisionSession.objects.exists()


def test_sessions_show_newest_first(staff_client, mentor):
    SupervisionSessionFactory(mentor=mentor, held_on=TODAY() - timedelta(days=30), notes="Older")
    SupervisionSessionFactory(mentor=mentor, held_on=TODAY(), notes="Newer")
    page = staff_client.get(reverse("volunteers:mentor", args=[mentor.pk])).text
    assert page.index("Newer") < page.index("Older")


# --- "Training current" means the same on the record pages as in matching ---------------------


def _training_row(staff_client, mentor) -> str:
    page = BeautifulSoup(
        staff_client.get(
            reverse("volunteers:vetting_application", args=[mentor.application.pk])
        ).text,
        "html.parser",
    )
    key = page.find("dt", string="Required training")
    return key.parent.get_text(" ", strip=True)


def _mentor_page(staff_client, mentor) -> str:
    return staff_client.get(reverse("volunteers:mentor", args=[mentor.pk])).text


def test_training_shown_as_current_on_the_record_is_current_for_matching(
    staff_client, mentor, organisation
):
    """A module done twice: the first completion still runs, the later refresher (recorded with
    a shorter validity) ran out yesterday. A completion that has not run out counts, on the
    record pages as in matching; so does nothing for a module since retired."""
    module = TrainingModuleFactory(organisation=organisation, name="Safeguarding")
    TrainingRecordFactory(
        application=mentor.application,
        module=module,
        completed_on=TODAY() - timedelta(days=400),
        expires_on=TODAY() + timedelta(days=300),
    )
    TrainingRecordFactory(
        application=mentor.application,
        module=module,
        completed_on=TODAY() - timedelta(days=10),
        expires_on=TODAY() - timedelta(days=1),
    )
    retired = TrainingModuleFactory(organisation=organisation, name="Old induction")
    TrainingRecordFactory(
        application=mentor.application,
        module=retired,
        completed_on=TODAY() - timedelta(days=400),
        expires_on=TODAY() - timedelta(days=30),
    )
    retired.is_active = False
    retired.save()

    row = _training_row(staff_client, mentor)
    assert "Done" in row and "Safeguarding" in row and "Old induction" not in row
    assert "Can be matched with a mentee" in _mentor_page(staff_client, mentor)
    assert matchable(mentor)


@pytest.mark.parametrize(
    ("expires", "current"), [(timedelta(days=-1), False), (timedelta(days=0), True)]
)
def test_training_that_ran_out_yesterday_is_current_for_neither(
    staff_client, mentor, organisation, expires, current
):
    module = TrainingModuleFactory(organisation=organisation, name="Safeguarding")
    TrainingRecordFactory(
        application=mentor.application,
        module=module,
        completed_on=TODAY() - timedelta(days=400),
        expires_on=TODAY() + expires,
    )
    row = _training_row(staff_client, mentor)
    page = _mentor_page(staff_client, mentor)
    assert matchable(mentor) is current
    assert ("Done" in row) is current
    assert ("Safeguarding: completed" in row) and ("expired" in row) is not current
    assert ("Can be matched with a mentee" in page) is current
    still_to_do = "Record the required training still to do: Safeguarding."
    assert (still_to_do in page) is not current


def test_supervision_sent_twice_is_recorded_once(staff_client, mentor, coordinator):
    first, second = post_twice(
        staff_client,
        reverse("volunteers:supervision_create", args=[mentor.pk]),
        {
            "held_on_0": TODAY().day,
            "held_on_1": TODAY().month,
            "held_on_2": TODAY().year,
            "supervisor": coordinator.pk,
            "notes": "First month going well.",
        },
    )
    assert_same_confirmation(first, second)
    assert SupervisionSession.objects.filter(mentor=mentor).count() == 1
