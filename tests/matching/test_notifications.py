import pytest
from celery.contrib.testing.worker import start_worker
from django.urls import reverse

from config.celery import app
from matching.models import EmailPreference, Notification
from matching.services.notifications import notify
from matching.tasks import send_notification_email
from providers.tenancy import SESSION_KEY
from tests.conftest import sign_in
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.mentees.factories import MenteeFactory

pytestmark = pytest.mark.django_db


def test_the_same_thing_is_notified_once(user, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = notify(
            user=user, kind="proposal", key="m1", title="A mentee has been proposed to you"
        )
        second = notify(
            user=user, kind="proposal", key="m1", title="A mentee has been proposed to you"
        )
    assert first is not None and second is None
    assert Notification.objects.count() == 1
    assert len(mailoutbox) == 1 and "proposed to you" in mailoutbox[0].subject


def test_an_unwanted_kind_is_not_emailed_but_safeguarding_always_is(
    user, mailoutbox, django_capture_on_commit_callbacks
):
    EmailPreference.objects.create(user=user, kind="proposal")
    EmailPreference.objects.create(user=user, kind="released_no_meeting")
    with django_capture_on_commit_callbacks(execute=True):
        notify(user=user, kind="proposal", key="a", title="Not emailed")
        notify(user=user, kind="released_no_meeting", key="b", title="Always emailed")
    assert [message.subject.split(": ", 1)[1] for message in mailoutbox] == ["Always emailed"]


def test_the_list_shows_only_your_own_and_opening_marks_read(client, user):
    mine = notify(user=user, kind="proposal", key="a", title="Mine", link="/mentor/")
    notify(user=UserFactory(), kind="proposal", key="a", title="Someone else's")
    sign_in(client, user)
    body = client.get(reverse("matching:notifications")).content.decode()
    assert "Mine" in body and "Someone else" not in body and "1 unread" in body
    response = client.get(reverse("matching:notification_open", args=[mine.pk]))
    assert response["Location"] == "/mentor/"
    mine.refresh_from_db()
    assert mine.read_at is not None


def test_the_list_costs_the_same_queries_for_many_organisations(
    client, user, django_assert_max_num_queries
):
    from tests.factories import OrganisationFactory

    notify(user=user, kind="proposal", key="0", title="First", organisation=OrganisationFactory())
    sign_in(client, user)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("matching:notifications"))
    for n in range(1, 10):
        notify(
            user=user, kind="proposal", key=str(n), title="More", organisation=OrganisationFactory()
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        body = client.get(reverse("matching:notifications")).content.decode()
    assert body.count("More") == 9


def reminder_about_a_mentee_of(organisation, *, user):
    """A notification whose link is one of the organisation's own pages."""
    mentee = MenteeFactory(organisation=organisation)
    reminder = notify(
        user=user,
        organisation=organisation,
        kind="referral_waiting",
        key=str(mentee.pk),
        title=f"About {organisation}",
        link=reverse("mentees:mentee_detail", args=[mentee.pk]),
    )
    return reminder, mentee


def test_opening_one_about_another_of_your_organisations_works_for_that_one(client, user):
    MembershipFactory(user=user, organisation=OrganisationFactory(name="A first"))
    second = OrganisationFactory(name="B second")
    MembershipFactory(user=user, organisation=second)
    reminder, mentee = reminder_about_a_mentee_of(second, user=user)
    sign_in(client, user)
    assert client.get(reverse("dashboard")).context["membership"].organisation.name == "A first"

    response = client.get(reverse("matching:notification_open", args=[reminder.pk]), follow=True)

    assert response.status_code == 200
    assert mentee.full_name in response.content.decode()
    assert "You are now working for B second." in response.content.decode()
    assert client.session[SESSION_KEY] == second.pk


def test_opening_one_about_an_organisation_you_left_goes_back_to_the_list(client, user):
    MembershipFactory(user=user)
    reminder, _ = reminder_about_a_mentee_of(OrganisationFactory(name="Left behind"), user=user)
    sign_in(client, user)

    response = client.get(reverse("matching:notification_open", args=[reminder.pk]), follow=True)

    assert response.redirect_chain == [(reverse("matching:notifications"), 302)]
    assert "You no longer work for Left behind" in response.content.decode()


def test_a_link_elsewhere_is_never_followed(client, user):
    sneaky = notify(user=user, kind="proposal", key="x", title="Hi", link="https://evil.example/")
    sign_in(client, user)
    assert client.get(reverse("matching:notification_open", args=[sneaky.pk]))[
        "Location"
    ] == reverse("matching:notifications")


def test_email_choices_are_saved_except_for_safeguarding(client, user):
    sign_in(client, user)
    client.post(reverse("matching:email_preferences"), {"wanted": ["meeting_tomorrow"]})
    unwanted = set(EmailPreference.objects.filter(user=user).values_list("kind", flat=True))
    assert "meeting_tomorrow" not in unwanted and "proposal" in unwanted
    assert "released_no_meeting" not in unwanted
    bad = client.post(reverse("matching:email_preferences"), {"wanted": ["hacked"]})
    assert bad.status_code == 400 and "Select from the list" in bad.content.decode()


def test_a_notification_and_its_email_are_written_together_or_not_at_all(user, mailoutbox):
    from django.db import transaction

    from core.models import OutboxMessage

    with pytest.raises(RuntimeError), transaction.atomic():
        notify(user=user, kind="proposal", key="gone", title="Rolled back")
        assert OutboxMessage.objects.filter(recipient=user.email).count() == 1
        raise RuntimeError("the change failed")
    assert not Notification.objects.exists() and not OutboxMessage.objects.exists()

    notification = notify(user=user, kind="proposal", key="kept", title="Kept")
    assert OutboxMessage.objects.filter(recipient=user.email).count() == 1
    assert send_notification_email(notification.pk) is False  # already written: not again
    assert [message.subject.split(": ", 1)[1] for message in mailoutbox] == ["Kept"]


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_notification_email_goes_through_a_real_worker(mailoutbox):
    import time

    from django.core import mail

    user = UserFactory()
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        notify(user=user, kind="proposal", key="w", title="Via the worker")  # commits, asks
        deadline = time.monotonic() + 20
        while not mail.outbox and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [message.to for message in mail.outbox] == [[user.email]]
    assert [message.to for message in mailoutbox] == [[user.email]]  # and no second copy
