from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from core.ages import years_before
from mentees.constants import MenteeStatus, ReferralStatus
from mentees.models import Mentee, Referral
from providers.constants import MembershipRole
from tests.conftest import sign_in
from tests.factories import LocalAuthorityFactory, MembershipFactory, ServiceFactory
from tests.html import error_summary
from tests.mentees.factories import MenteeFactory, ReferralFactory

pytestmark = pytest.mark.django_db

INBOX = reverse("mentees:referral_inbox")


@pytest.fixture
def staff_client(client, coordinator):
    return sign_in(client, coordinator)


def url(name, referral):
    return reverse(f"mentees:{name}", args=[referral.pk])


def test_the_inbox_lists_open_referrals_of_this_organisation_only(
    staff_client, organisation, other_organisation
):
    ours = ReferralFactory(organisation=organisation, full_name="Our Person")
    ReferralFactory(organisation=other_organisation, full_name="Their Person")
    ReferralFactory(organisation=organisation, full_name="Decided", status=ReferralStatus.DECLINED)
    body = staff_client.get(INBOX).content.decode()
    assert "Our Person" in body and ours.reference in body
    assert "Their Person" not in body and "Decided" not in body


def test_filters_by_status_and_days_waiting(staff_client, organisation):
    ReferralFactory(organisation=organisation, full_name="New One")
    ReferralFactory(
        organisation=organisation,
        full_name="Old One",
        created_at=timezone.now() - timedelta(days=12),
    )
    ReferralFactory(organisation=organisation, full_name="Declined One", status="declined")
    waiting = staff_client.get(INBOX, {"waiting": "10"}).content.decode()
    assert "Old One" in waiting and "New One" not in waiting
    declined = staff_client.get(INBOX, {"status": "declined"}).content.decode()
    assert "Declined One" in declined and "Old One" not in declined
    everything = staff_client.get(INBOX, {"status": "all"}).content.decode()
    assert all(name in everything for name in ("New One", "Old One", "Declined One"))


def test_unknown_filter_values_get_a_clear_message(staff_client):
    response = staff_client.get(INBOX, {"status": "hacked", "waiting": "999"})
    assert response.status_code == 400
    messages = [text for text, _ in error_summary(response.content.decode())]
    assert messages == ["Choose a status from the list", "Choose how long from the list"]


def test_likely_duplicates_are_flagged_and_compared(staff_client, organisation, other_organisation):
    first = ReferralFactory(organisation=organisation, prison_number="A1111AA")
    again = ReferralFactory(organisation=organisation, prison_number="A1111AA")
    same_name = ReferralFactory(
        organisation=organisation, full_name="Jo Bloggs", date_of_birth=first.date_of_birth
    )
    mentee = MenteeFactory(
        organisation=organisation, full_name="jo bloggs", date_of_birth=first.date_of_birth
    )
    ReferralFactory(organisation=other_organisation, prison_number="A1111AA")  # not ours
    unique = ReferralFactory(organisation=organisation, prison_number="B2222BB")
    body = staff_client.get(INBOX, {"duplicates": "on"}).content.decode()
    for referral in (first, again, same_name):
        assert referral.reference in body
    assert unique.reference not in body

    compare = staff_client.get(url("referral_duplicates", first)).content.decode()
    assert again.reference in compare and same_name.reference not in compare
    by_name = staff_client.get(url("referral_duplicates", same_name)).content.decode()
    assert mentee.reference in by_name


def test_the_inbox_takes_the_same_number_of_queries_for_more_referrals(
    staff_client, organisation, django_assert_max_num_queries
):
    ReferralFactory.create_batch(2, organisation=organisation)
    with django_assert_max_num_queries(12) as few:
        staff_client.get(INBOX)
    ReferralFactory.create_batch(20, organisation=organisation)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert staff_client.get(INBOX).status_code == 200


def test_opening_a_referral_marks_it_being_looked_at_and_is_audited(
    staff_client, organisation, coordinator
):
    referral = ReferralFactory(organisation=organisation)
    body = staff_client.get(url("referral_detail", referral)).content.decode()
    assert referral.full_name in body
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.IN_REVIEW
    assert list(referral.history.values_list("status", flat=True)) == ["received", "in_review"]
    assert AuditEvent.objects.filter(
        actor=coordinator, action="viewed", object_id=str(referral.pk)
    ).exists()


def test_accepting_opens_a_case_record_and_tells_the_worker(
    staff_client, organisation, django_capture_on_commit_callbacks
):
    referral = ReferralFactory(
        organisation=organisation, completed_by="worker", worker_email="officer@justice.example"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url("referral_accept", referral))
    mentee = Mentee.objects.get()
    assert response["Location"] == reverse("mentees:mentee_detail", args=[mentee.pk])
    assert mentee.full_name == referral.full_name and mentee.organisation == organisation
    assert mentee.status == MenteeStatus.REFERRED and mentee.referral == referral
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED
    assert [message.to for message in mail.outbox] == [["officer@justice.example"]]
    assert referral.reference in mail.outbox[0].subject
    assert referral.full_name not in mail.outbox[0].body, "emails name no one"


def test_a_decided_referral_cannot_be_decided_again(
    staff_client, organisation, django_capture_on_commit_callbacks
):
    referral = ReferralFactory(organisation=organisation)
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(url("referral_accept", referral))
        staff_client.post(url("referral_accept", referral))
    assert Mentee.objects.count() == 1
    response = staff_client.post(url("referral_decline", referral), {"reason": "no_capacity"})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED
    assert len(mail.outbox) == 0, "the person gave no email address and no worker filled it in"


def test_declining_needs_a_reason_and_tells_the_person_by_email(
    staff_client, organisation, django_capture_on_commit_callbacks
):
    referral = ReferralFactory(
        organisation=organisation, contact_methods=["email"], email="sam@example.com"
    )
    response = staff_client.post(url("referral_decline", referral), {"reason": ""})
    assert response.status_code == 400
    assert "Select why the referral is not accepted" in response.content.decode()
    response = staff_client.post(url("referral_decline", referral), {"reason": "other"})
    assert response.status_code == 400
    assert "Explain the reason, as the person will read it" in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.RECEIVED

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            url("referral_decline", referral),
            {"reason": "outside_area", "note": "Sefton Mentoring works there.", "confirmed": "yes"},
        )
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.DECLINED
    assert referral.decision_note == "Sefton Mentoring works there."
    assert mail.outbox[0].to == ["sam@example.com"]
    assert "Sefton Mentoring works there." in mail.outbox[0].body


def test_passing_on_makes_a_referral_only_the_receiving_provider_sees(
    client, organisation, other_organisation
):
    council = LocalAuthorityFactory()
    referral = ReferralFactory(organisation=organisation, local_authority=council)
    theirs = ServiceFactory(organisation=other_organisation, local_authorities=[council])
    ServiceFactory(organisation=organisation, local_authorities=[council])
    sign_in(client, MembershipFactory(organisation=organisation, role="coordinator").user)

    missing_consent = client.post(url("referral_pass_on", referral), {"service": theirs.pk})
    assert missing_consent.status_code == 400
    assert "Record how the person agreed" in missing_consent.content.decode()

    client.post(
        url("referral_pass_on", referral),
        {"service": theirs.pk, "consent": "Agreed by phone on 3 March", "confirmed": "yes"},
    )
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.PASSED_ON
    onward = Referral.objects.get(passed_from=referral)
    assert onward.organisation == other_organisation and onward.status == ReferralStatus.RECEIVED
    assert onward.full_name == referral.full_name
    assert onward.pass_on_consent == "Agreed by phone on 3 March"

    receiver = MembershipFactory(organisation=other_organisation, role="coordinator").user
    client = sign_in(Client(), receiver)
    inbox = client.get(INBOX).content.decode()
    assert onward.reference in inbox and referral.reference not in inbox
    assert client.get(url("referral_detail", referral)).status_code == 404
    detail = client.get(url("referral_detail", onward)).content.decode()
    assert f"passed on by {organisation.name}" in detail


def test_passing_on_refuses_a_forged_service(staff_client, organisation, other_organisation):
    council = LocalAuthorityFactory()
    referral = ReferralFactory(organisation=organisation, local_authority=council)
    own = ServiceFactory(organisation=organisation, local_authorities=[council])
    draft = ServiceFactory(
        organisation=other_organisation, local_authorities=[council], status="draft"
    )
    ServiceFactory(organisation=other_organisation, local_authorities=[council])  # a real choice
    for forged in (own.pk, draft.pk, "not-an-id"):
        response = staff_client.post(
            url("referral_pass_on", referral), {"service": forged, "consent": "Agreed"}
        )
        assert response.status_code == 400
        assert "Choose a service from the list" in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.RECEIVED


def test_mentors_cannot_see_referrals(client, organisation):
    referral = ReferralFactory(organisation=organisation)
    sign_in(client, MembershipFactory(organisation=organisation, role=MembershipRole.MENTOR).user)
    assert client.get(INBOX).status_code == 403
    assert client.get(url("referral_detail", referral)).status_code == 403


def test_filters_by_age_group(staff_client, organisation):
    today = timezone.localdate()
    ReferralFactory(
        organisation=organisation,
        full_name="Young Adult",
        date_of_birth=years_before(today, 20),
    )
    ReferralFactory(
        organisation=organisation,
        full_name="Older Man",
        date_of_birth=years_before(today, 52),
    )
    # 25 today: in "25 to 49", not in "18 to 24".
    ReferralFactory(
        organisation=organisation,
        full_name="Birthday Today",
        date_of_birth=years_before(today, 25),
    )
    young = staff_client.get(INBOX, {"age": "18-24"}).content.decode()
    assert "Young Adult" in young and "Older Man" not in young and "Birthday Today" not in young
    middle = staff_client.get(INBOX, {"age": "25-49"}).content.decode()
    assert "Birthday Today" in middle and "Young Adult" not in middle
    assert "Older Man" in staff_client.get(INBOX, {"age": "50-over"}).content.decode()
    bad = staff_client.get(INBOX, {"age": "twelve"})
    assert bad.status_code == 400 and "Choose an age group from the list" in bad.content.decode()


def test_an_accepted_referral_is_not_a_duplicate_of_its_own_case_record(staff_client, organisation):
    referral = ReferralFactory(organisation=organisation)
    staff_client.post(url("referral_accept", referral))
    body = staff_client.get(INBOX, {"status": "all"}).content.decode()
    assert "Likely duplicate" not in body
    assert (
        "This may be the same person"
        not in staff_client.get(url("referral_detail", referral)).content.decode()
    )


def test_every_record_compared_side_by_side_is_audited(staff_client, organisation, coordinator):
    first = ReferralFactory(organisation=organisation, prison_number="A1111AA")
    again = ReferralFactory(organisation=organisation, prison_number="A1111AA")
    mentee = MenteeFactory(organisation=organisation, prison_number="A1111AA")
    staff_client.get(url("referral_duplicates", first))
    viewed = set(
        AuditEvent.objects.filter(actor=coordinator, action="viewed").values_list(
            "object_id", flat=True
        )
    )
    assert {str(first.pk), str(again.pk), str(mentee.pk)} <= viewed
