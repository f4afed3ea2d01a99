"""A create-form sent twice (a double click, the back button, a retry) makes one record and one
email, and the second sending lands on the same confirmation (core/once.py)."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from config.celery import app as celery_app
from core.models import Submission
from core.tasks import forget_old_submissions
from mentees.models import CaseDocument, CaseNote
from providers.constants import MembershipRole
from providers.models import Invitation
from providers.services import invitation_create
from tests.concurrency import another_transaction
from tests.conftest import sign_in
from tests.factories import MembershipFactory
from tests.files import pdf_bytes
from tests.mentees.factories import MenteeFactory
from tests.once import form_key


@pytest.fixture
def mentee(organisation):
    return MenteeFactory(organisation=organisation)


@pytest.fixture
def staff_client(client, coordinator):
    return sign_in(client, coordinator)


@pytest.mark.django_db
def test_a_case_note_sent_twice_is_saved_once_and_both_land_on_the_notes(staff_client, mentee):
    url = reverse("mentees:mentee_notes", args=[mentee.pk])
    key = form_key(staff_client.get(url))
    data = {"text": "Housing appointment booked.", "submission_key": key}
    first = staff_client.post(url, data)
    second = staff_client.post(url, data, follow=True)
    assert first.status_code == 302 and first.url == url
    assert second.redirect_chain == [(url, 302)]
    assert "The note is added." in second.text
    assert CaseNote.objects.filter(mentee=mentee).count() == 1
    assert form_key(second) != key  # The next note gets a new form.


@pytest.mark.django_db
def test_notes_sent_from_two_forms_are_two_notes(staff_client, mentee):
    url = reverse("mentees:mentee_notes", args=[mentee.pk])
    for text in ("First call.", "Second call."):
        key = form_key(staff_client.get(url))
        staff_client.post(url, {"text": text, "submission_key": key})
    assert CaseNote.objects.filter(mentee=mentee).count() == 2


@pytest.mark.django_db
def test_a_document_sent_twice_is_stored_once(staff_client, mentee):
    url = reverse("mentees:mentee_documents", args=[mentee.pk])
    key = form_key(staff_client.get(url))
    for _ in range(2):
        upload = SimpleUploadedFile("l.pdf", pdf_bytes(), content_type="application/pdf")
        response = staff_client.post(
            url, {"title": "Licence", "upload": upload, "submission_key": key}
        )
        assert response.status_code == 302 and response.url == url
    assert CaseDocument.objects.filter(mentee=mentee).count() == 1


@pytest.mark.django_db
def test_someone_elses_key_makes_a_record_of_ones_own(
    client, staff_client, coordinator, mentee, organisation
):
    url = reverse("mentees:mentee_notes", args=[mentee.pk])
    key = form_key(staff_client.get(url))
    staff_client.post(url, {"text": "Mine.", "submission_key": key})
    colleague = MembershipFactory(organisation=organisation, role=MembershipRole.COORDINATOR)
    other = sign_in(type(client)(), colleague.user)
    other.post(url, {"text": "Theirs.", "submission_key": key})
    assert sorted(CaseNote.objects.values_list("text", flat=True)) == ["Mine.", "Theirs."]
    assert Submission.objects.get(key=key).user == coordinator


@pytest.fixture
def eager_tasks():
    """Run tasks where they are sent, so the test sees every email an invitation sends."""
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = False


INVITED = "new.mentor@example.org"


@pytest.mark.django_db(transaction=True)
def test_an_invitation_sent_twice_at_once_sends_one_email(
    admin_client, organisation, org_admin, eager_tasks
):
    url = reverse("providers:invitation_create")
    key = form_key(admin_client.get(url))
    data = {"email": INVITED, "role": MembershipRole.MENTOR, "submission_key": key}

    def first_click():
        invitation_create(
            actor=org_admin,
            organisation=organisation,
            email=INVITED,
            role=MembershipRole.MENTOR,
            submission_key=key,
        )

    # The second click arrives while the first is still being saved: it waits, then finds it.
    with another_transaction(first_click, seconds=1):
        second = admin_client.post(url, data)
    assert second.status_code == 302 and second.url == reverse("providers:team")
    assert Invitation.objects.filter(email=INVITED).count() == 1
    assert [message.to for message in mail.outbox] == [[INVITED]]


@pytest.mark.django_db(transaction=True)
def test_two_admins_inviting_the_same_person_at_once_send_one_email(
    admin_client, organisation, eager_tasks
):
    other_admin = MembershipFactory(organisation=organisation, role=MembershipRole.ORG_ADMIN).user
    url = reverse("providers:invitation_create")
    key = form_key(admin_client.get(url))

    def other_admin_invites():
        invitation_create(
            actor=other_admin, organisation=organisation, email=INVITED, role="mentor"
        )

    with another_transaction(other_admin_invites, seconds=1):
        response = admin_client.post(
            url, {"email": INVITED, "role": "coordinator", "submission_key": key}
        )
    assert response.status_code == 200
    assert "already has an invitation waiting" in response.text
    assert Invitation.objects.filter(email=INVITED).count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_old_sent_once_keys_are_deleted_daily_and_recent_ones_kept(
    staff_client, coordinator, mentee, settings
):
    url = reverse("mentees:mentee_notes", args=[mentee.pk])
    days = settings.SUBMISSION_KEEP_DAYS

    def send_note(text):
        staff_client.post(url, {"text": text, "submission_key": form_key(staff_client.get(url))})

    send_note("Sent first.")
    with time_machine.travel(timezone.now() + timedelta(days=days - 1)):
        sign_in(staff_client, coordinator)  # the first session has timed out by now
        send_note("Sent later.")
        assert forget_old_submissions() == 0
    assert Submission.objects.count() == 2
    with time_machine.travel(timezone.now() + timedelta(days=days + 1)):
        assert forget_old_submissions() == 1
        assert forget_old_submissions() == 0  # a second run the same day changes nothing
    assert Submission.objects.count() == 1
    assert CaseNote.objects.filter(mentee=mentee).count() == 2  # the notes themselves stay
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "core.tasks.forget_old_submissions" in scheduled
