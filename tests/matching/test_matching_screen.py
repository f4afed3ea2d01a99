import pytest
from django.urls import reverse

from accounts.models import AuditEvent
from matching.constants import MatchStatus
from matching.models import Exclusion, Match, Notification
from tests.factories import OrganisationFactory, UserFactory
from tests.mentees.factories import MenteeFactory

from .factories import MatchFactory, mentor_for

pytestmark = pytest.mark.django_db

WAITING = reverse("matching:waiting")


def page(mentee):
    return reverse("matching:mentee_matching", args=[mentee.pk])


def test_waiting_lists_mentees_without_a_mentor_soonest_release_first(
    staff_client, organisation, mentee, mentor
):
    from datetime import timedelta

    from django.utils import timezone

    sooner = MenteeFactory(
        organisation=organisation,
        full_name="Soon Released",
        release_date=timezone.localdate() + timedelta(days=3),
    )
    matched = MenteeFactory(organisation=organisation, full_name="Already Matched")
    MatchFactory(mentee=matched, mentor=mentor)
    MenteeFactory(full_name="Another Organisation's")
    body = staff_client.get(WAITING).content.decode()
    assert body.index("Soon Released") < body.index("Sam Example")
    assert "Already Matched" not in body and "Another Organisation" not in body
    assert sooner.reference in body


def test_the_waiting_list_takes_the_same_queries_for_more_mentees(
    staff_client, organisation, django_assert_max_num_queries
):
    MenteeFactory.create_batch(2, organisation=organisation)
    with django_assert_max_num_queries(12) as few:
        staff_client.get(WAITING)
    MenteeFactory.create_batch(15, organisation=organisation)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert staff_client.get(WAITING).status_code == 200


def test_ranked_mentors_come_with_reasons_and_the_excluded_with_why(
    staff_client, organisation, mentee, mentor, far_away, coordinator
):
    elsewhere = mentor_for(UserFactory(full_name="Far Mentor"), organisation)
    elsewhere.local_authorities.set([far_away])
    body = staff_client.get(page(mentee)).content.decode()
    assert "Tony Walsh" in body and "Wirral" in body
    assert "Mentors who cannot be matched (1)" in body
    assert "1 more work only in areas further than 15 km from Wirral" in body
    assert AuditEvent.objects.filter(
        actor=coordinator, action="viewed", object_id=str(mentee.pk)
    ).exists()


def test_the_page_uses_a_council_as_it_is_now_though_places_are_kept_per_process(
    staff_client, organisation, mentee, far_away
):
    """Each process keeps every council's place; moving a council shows on the next page."""
    elsewhere = mentor_for(UserFactory(full_name="Far Mentor"), organisation)
    elsewhere.local_authorities.set([far_away])
    before = staff_client.get(page(mentee)).content.decode()
    assert "1 more work only in areas further than 15 km from Wirral" in before
    # The council's centroid is corrected to beside Wirral: the mentor is now within reach.
    far_away.latitude, far_away.longitude = "53.38", "-3.07"
    far_away.save()
    after = staff_client.get(page(mentee)).content.decode()
    assert "Far Mentor" in after
    assert "further than 15 km from Wirral" not in after


def test_the_matching_page_takes_the_same_queries_for_more_mentors(
    staff_client, organisation, mentee, wirral, django_assert_max_num_queries
):
    def add_mentors(count):
        for _ in range(count):
            mentor_for(UserFactory(), organisation).local_authorities.set([wirral])

    add_mentors(2)
    with django_assert_max_num_queries(30) as few:
        staff_client.get(page(mentee))
    add_mentors(8)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert staff_client.get(page(mentee)).status_code == 200


def test_proposing_asks_the_mentor_and_notifies_them(
    staff_client, mentee, mentor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(page(mentee), {"mentor": str(mentor.pk)})
    assert response.status_code == 302
    match = Match.objects.get()
    assert match.status == MatchStatus.PROPOSED and match.mentor == mentor
    assert match.reasons, "the reasons it was suggested are kept"
    notification = Notification.objects.get(user=mentor.user)
    assert notification.kind == "proposal" and "Sam" not in notification.title
    body = staff_client.get(page(mentee)).content.decode()
    assert "has until" in body


def test_a_mentor_breaking_a_hard_rule_cannot_be_proposed_by_a_forged_form(
    staff_client, organisation, mentee, mentor, far_away
):
    far = mentor_for(UserFactory(), organisation)
    far.local_authorities.set([far_away])
    theirs = mentor_for(UserFactory(), OrganisationFactory())
    Exclusion.objects.create(
        organisation=organisation, mentee=mentee, mentor=mentor, reason="Co-defendants"
    )
    for forged in (far.pk, theirs.pk, mentor.pk, "not-an-id"):
        response = staff_client.post(page(mentee), {"mentor": str(forged)}, follow=True)
        body = response.content.decode()
        assert "govuk-notification-banner" in body or "govuk-error" in body
    assert not Match.objects.exists()
    body = staff_client.post(page(mentee), {"mentor": str(mentor.pk)}, follow=True).content.decode()
    assert "must-not-match" in body


def test_a_mentee_with_a_proposal_cannot_get_a_second(staff_client, organisation, mentee, mentor):
    other = mentor_for(UserFactory(), organisation)
    other.local_authorities.set(mentor.local_authorities.all())
    staff_client.post(page(mentee), {"mentor": str(mentor.pk)})
    response = staff_client.post(page(mentee), {"mentor": str(other.pk)}, follow=True)
    assert "already has a mentor proposed or in place" in response.content.decode()
    assert Match.objects.count() == 1


def test_must_not_match_pairs_are_added_and_removed(staff_client, organisation, mentee, mentor):
    url = reverse("matching:exclusion_add", args=[mentee.pk])
    assert "Tony Walsh" in staff_client.get(url).content.decode()
    missing = staff_client.post(url, {"mentor": str(mentor.pk), "reason": ""})
    assert missing.status_code == 400
    assert "Say why they must not be matched" in missing.content.decode()
    forged = staff_client.post(url, {"mentor": "not-an-id", "reason": "x"})
    assert "Choose a mentor from the list" in forged.content.decode()
    staff_client.post(url, {"mentor": str(mentor.pk), "reason": "Known associates"})
    exclusion = Exclusion.objects.get()
    again = staff_client.post(url, {"mentor": str(mentor.pk), "reason": "Again"})
    assert again.status_code == 400
    assert "already on the must-not-match list" in again.content.decode()
    body = staff_client.get(page(mentee)).content.decode()
    assert "Known associates" in body
    staff_client.post(reverse("matching:exclusion_remove", args=[mentee.pk, exclusion.pk]))
    assert not Exclusion.objects.exists()
