"""Notifications name the person on the notifications page only (issue 19, item 4): the title
and the email keep the reference; the page reads the name from the record when it is shown,
and only for a reader who may see that record now."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from matching.constants import MatchStatus
from matching.reminders import referrals_waiting
from matching.services.matches import match_respond
from matching.services.notifications import notify
from mentees.models import Mentee
from tests.conftest import sign_in
from tests.factories import MembershipFactory
from tests.mentees.factories import MenteeFactory, ReferralFactory

from .factories import MatchFactory

pytestmark = pytest.mark.django_db

NOTIFICATIONS = reverse("matching:notifications")


def page_of(client, user) -> str:
    sign_in(client, user)
    return client.get(NOTIFICATIONS).content.decode()


def test_staff_see_the_name_and_the_email_keeps_the_reference(
    client, organisation, coordinator, mentor, mailoutbox, django_capture_on_commit_callbacks
):
    mentee = MenteeFactory(organisation=organisation, full_name="Sam Example")
    match = MatchFactory(
        mentee=mentee,
        mentor=mentor,
        status=MatchStatus.PROPOSED,
        respond_by=timezone.now() + timedelta(days=3),
        started_on=None,
    )
    with django_capture_on_commit_callbacks(execute=True):
        match_respond(actor=mentor.user, match=match, accept=True)

    body = page_of(client, coordinator)
    assert f"accepted mentee Sam Example ({mentee.reference})" in body
    [email] = [message for message in mailoutbox if message.to == [coordinator.email]]
    assert mentee.reference in email.subject
    assert "Sam Example" not in email.subject + email.body
    assert all("Sam Example" not in str(alt) for alt in email.alternatives)


def test_the_mentor_of_the_person_sees_the_name_and_no_one_else_does(client, organisation, mentor):
    mentee = MenteeFactory(organisation=organisation, full_name="Sam Example")
    MatchFactory(mentee=mentee, mentor=mentor, status=MatchStatus.PROPOSED)
    stranger = MenteeFactory(organisation=organisation, full_name="Pat Hidden")
    for person in (mentee, stranger):
        notify(
            user=mentor.user,
            organisation=organisation,
            kind="proposal",
            key=str(person.pk),
            title=f"Someone proposed mentee {person.reference} to you",
            mentee=person,
        )
    body = page_of(client, mentor.user)
    assert f"Sam Example ({mentee.reference})" in body
    assert "Pat Hidden" not in body and stranger.reference in body


def test_another_organisations_person_is_never_named(client, organisation, other_organisation):
    # A coordinator of both organisations: a notification of one never names a record of the
    # other, even though they may see both.
    both = MembershipFactory(organisation=organisation, role="coordinator").user
    MembershipFactory(organisation=other_organisation, role="coordinator", user=both)
    theirs = MenteeFactory(organisation=other_organisation, full_name="Pat Elsewhere")
    notify(
        user=both,
        organisation=organisation,
        kind="proposal_answered",
        key="x",
        title=f"A mentor accepted mentee {theirs.reference}",
        mentee=theirs,
    )
    # And a coordinator of the first only, with a notification pointing at the other's record.
    only = MembershipFactory(organisation=organisation, role="coordinator").user
    notify(
        user=only,
        organisation=other_organisation,
        kind="proposal_answered",
        key="x",
        title=f"A mentor accepted mentee {theirs.reference}",
        mentee=theirs,
    )
    for user in (both, only):
        body = page_of(client, user)
        assert theirs.reference in body and "Pat Elsewhere" not in body


def test_an_erased_record_keeps_its_reference(client, organisation, coordinator):
    mentee = MenteeFactory(organisation=organisation, full_name="Sam Example")
    notify(
        user=coordinator,
        organisation=organisation,
        kind="no_meeting_coordinator",
        key="x",
        title=f"A mentor and mentee {mentee.reference} have not met for 15 days",
        mentee=mentee,
    )
    assert "Sam Example" in page_of(client, coordinator)
    Mentee.objects.filter(pk=mentee.pk).update(full_name="", erased_at=timezone.now())
    body = client.get(NOTIFICATIONS).content.decode()
    assert "Sam Example" not in body and mentee.reference in body


def test_a_waiting_referral_is_named_for_staff(client, organisation, coordinator, mailoutbox):
    referral = ReferralFactory(organisation=organisation, full_name="Alex Waiting")
    type(referral).objects.filter(pk=referral.pk).update(
        created_at=timezone.now() - timedelta(days=14)
    )
    assert referrals_waiting(timezone.localdate()) >= 1
    assert f"Referral Alex Waiting ({referral.reference}) has waited" in page_of(
        client, coordinator
    )
    assert all("Alex Waiting" not in message.body for message in mailoutbox)


def test_the_names_cost_the_same_queries_for_a_full_page(
    client, organisation, coordinator, django_assert_max_num_queries
):
    def notify_about_new_mentees(count, start):
        for n in range(start, start + count):
            mentee = MenteeFactory(organisation=organisation, full_name=f"Person {n}")
            notify(
                user=coordinator,
                organisation=organisation,
                kind="proposal_answered",
                key=str(n),
                title=f"A mentor accepted mentee {mentee.reference}",
                mentee=mentee,
            )

    notify_about_new_mentees(1, 0)
    sign_in(client, coordinator)
    with django_assert_max_num_queries(30) as few:
        client.get(NOTIFICATIONS)
    notify_about_new_mentees(15, 1)
    with django_assert_max_num_queries(len(few.captured_queries)):
        body = client.get(NOTIFICATIONS).content.decode()
    assert all(f"Person {n} (" in body for n in range(16))
