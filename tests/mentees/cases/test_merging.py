"""Likely duplicates are merged by a coordinator, not only compared (issue 19, item 3): a
referral into the person's case record, or one case record into another, confirmed first,
audited, keeping both histories, within one organisation only."""

from datetime import date, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from matching.constants import MatchStatus
from matching.models import Meeting
from mentees.constants import ReferralStatus
from mentees.models import CaseNote, Goal, Mentee, NeedsAssessment
from mentees.services.merging import mentee_merge
from tests.concurrency import another_transaction
from tests.conftest import sign_in
from tests.factories import pathway
from tests.matching.factories import MatchFactory
from tests.mentees.factories import MenteeFactory, ReferralFactory

pytestmark = pytest.mark.django_db

BORN = date(1990, 3, 27)


@pytest.fixture
def staff_client(client, coordinator):
    return sign_in(client, coordinator)


def twin(organisation, **fields):
    return MenteeFactory(
        organisation=organisation,
        full_name="Sam Example",
        date_of_birth=BORN,
        **fields,
    )


def merge_url(mentee):
    return reverse("mentees:mentee_merge", args=[mentee.pk])


def test_a_case_record_is_merged_after_confirmation_keeping_both_histories(
    staff_client, organisation, coordinator
):
    kept, other = twin(organisation), twin(organisation)
    CaseNote.objects.create(mentee=other, organisation=organisation, text="Met at induction.")
    Goal.objects.create(
        mentee=other,
        organisation=organisation,
        pathway=pathway("accommodation"),
        description="Find a flat",
    )
    NeedsAssessment.objects.create(
        mentee=other, organisation=organisation, kind="initial", assessed_on=timezone.localdate()
    )
    match = MatchFactory(mentee=other, status=MatchStatus.ONGOING)
    meeting = Meeting.objects.create(
        organisation=organisation,
        match=match,
        held_on=timezone.localdate() - timedelta(days=1),
        starts_at=time(10),
        ends_at=time(11),
        place="community",
        logged_by=coordinator,
    )

    page = staff_client.get(merge_url(kept)).content.decode()
    assert other.reference in page
    confirm = staff_client.post(merge_url(kept), {"other": other.pk})
    assert f"Merge case record {other.reference} into {kept.reference}?" in confirm.text
    other.refresh_from_db()
    assert other.merged_into is None  # nothing changes before confirmation

    done = staff_client.post(merge_url(kept), {"other": other.pk, "confirmed": "yes"})
    assert done["Location"] == reverse("mentees:mentee_detail", args=[kept.pk])
    other.refresh_from_db()
    assert other.merged_into == kept
    assert kept.notes.filter(text="Met at induction.").exists()
    assert kept.goals.count() == 1 and kept.assessments.count() == 1
    match.refresh_from_db()
    assert match.mentee == kept and meeting.match.mentee_id == kept.pk
    merges = AuditEvent.objects.filter(action="merged")
    assert {e.object_id for e in merges} == {str(kept.pk), str(other.pk)}
    assert all(e.organisation == organisation for e in merges)
    # The merged record leads to the one kept and is no longer listed.
    assert staff_client.get(reverse("mentees:mentee_detail", args=[other.pk])).url == reverse(
        "mentees:mentee_detail", args=[kept.pk]
    )
    listing = staff_client.get(reverse("mentees:mentee_list")).content.decode()
    assert listing.count("Sam Example") == 1


def test_choosing_nothing_is_a_clear_message_and_changes_nothing(staff_client, organisation):
    kept = twin(organisation)
    twin(organisation)
    response = staff_client.post(merge_url(kept), {})
    assert response.status_code == 400
    assert "Select the record of the same person" in response.text
    assert not Mentee.objects.filter(merged_into__isnull=False).exists()


def test_another_organisations_record_is_not_found(staff_client, organisation, other_organisation):
    kept = twin(organisation)
    theirs = twin(other_organisation)
    response = staff_client.post(merge_url(kept), {"other": theirs.pk, "confirmed": "yes"})
    assert response.status_code == 404
    assert staff_client.get(merge_url(theirs)).status_code == 404
    theirs.refresh_from_db()
    assert theirs.merged_into is None


def test_two_live_relationships_are_refused_with_a_message(staff_client, organisation):
    kept, other = twin(organisation), twin(organisation)
    MatchFactory(mentee=kept, status=MatchStatus.ONGOING)
    MatchFactory(mentee=other, status=MatchStatus.ACTIVE_IN_CUSTODY)
    response = staff_client.post(merge_url(kept), {"other": other.pk, "confirmed": "yes"})
    assert response.status_code == 400
    assert "Both records have a mentor proposed or working with them" in response.text
    other.refresh_from_db()
    assert other.merged_into is None


def test_a_referral_is_merged_into_the_persons_case_record(staff_client, organisation, coordinator):
    mentee = twin(organisation)
    referral = ReferralFactory(organisation=organisation, full_name="Sam Example")
    referral.needs.set([pathway("drugs-alcohol")])
    duplicates = staff_client.get(reverse("mentees:referral_duplicates", args=[referral.pk]))
    assert "Merge into this case record" in duplicates.text
    url = reverse("mentees:referral_merge", args=[referral.pk])
    confirm = staff_client.post(url, {"mentee": mentee.pk})
    assert "Yes, merge the records" in confirm.text
    referral.refresh_from_db()
    assert referral.is_open
    staff_client.post(url, {"mentee": mentee.pk, "confirmed": "yes"})
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.MERGED and referral.merged_into == mentee
    assert referral.history.last().status == ReferralStatus.MERGED
    assert mentee.notes.filter(text__contains="drugs and alcohol").exists()
    assert AuditEvent.objects.filter(action="merged", object_id=str(referral.pk)).exists()
    # Decided once: a second merge is refused.
    again = staff_client.post(url, {"mentee": mentee.pk, "confirmed": "yes"}, follow=True)
    assert "already been decided" in again.text


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_merging_the_same_pair_either_way_round_merge_it_once(
    client, organisation, coordinator
):
    first, second = twin(organisation), twin(organisation)
    sign_in(client, coordinator)
    assert client.get(merge_url(first)).status_code == 200
    with another_transaction(
        lambda: mentee_merge(actor=coordinator, merged=first, kept=second), seconds=1
    ):
        response = client.post(merge_url(first), {"other": second.pk, "confirmed": "yes"})
    assert response.status_code == 400
    assert "already been merged" in response.text
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.merged_into == second and second.merged_into is None
