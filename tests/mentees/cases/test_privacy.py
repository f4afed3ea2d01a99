import json
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from core.models import OutboxMessage, OutboxStatus
from mentees.constants import ClosureReason, MenteeStatus, ReferralStatus
from mentees.models import CaseDocument, CaseNote, Goal, Mentee, Referral
from mentees.services.cases import mentee_create_from_referral, mentee_set_status
from mentees.services.privacy import mentee_erase
from mentees.tasks import erase_expired_case_records, erase_expired_referrals
from tests.concurrency import another_transaction
from tests.conftest import sign_in
from tests.factories import pathway, png_bytes
from tests.mentees.factories import MenteeFactory, ReferralFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mentee(organisation, org_admin):
    referral = ReferralFactory(organisation=organisation, full_name="Sam Example")
    mentee = mentee_create_from_referral(actor=org_admin, referral=referral)
    mentee.release_date = date(2027, 2, 17)
    mentee.save()
    CaseNote.objects.create(
        mentee=mentee, organisation=organisation, text="Talked about housing.", created_by=org_admin
    )
    Goal.objects.create(
        mentee=mentee,
        organisation=organisation,
        pathway=pathway("accommodation"),
        description="Find a flat in Sefton",
    )
    document = CaseDocument(
        mentee=mentee,
        organisation=organisation,
        title="Licence",
        content_type="application/pdf",
        extension="pdf",
        size=9,
    )
    document.file.save("upload", ContentFile(b"%PDF-1.4\n"), save=True)
    return mentee


def test_an_org_admin_exports_everything_held_as_json(admin_client, mentee, org_admin):
    response = admin_client.get(
        reverse("mentees:mentee_export", args=[mentee.pk]), {"format": "json"}
    )
    assert response.status_code == 200
    assert f'filename="{mentee.reference}-subject-access.json"' in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["case_record"]["full_name"] == "Sam Example"
    assert data["notes"][0]["text"] == "Talked about housing."
    assert data["action_plan"][0]["goal"] == "Find a flat in Sefton"
    assert data["referral"]["reference"] == mentee.referral.reference
    assert AuditEvent.objects.filter(actor=org_admin, action="exported").count() == 1


def test_the_printable_export_page_shows_the_same(admin_client, mentee):
    body = admin_client.get(reverse("mentees:mentee_export", args=[mentee.pk])).content.decode()
    assert "Talked about housing." in body and "Date of birth" in body


def test_an_unknown_export_format_is_refused(admin_client, mentee):
    response = admin_client.get(
        reverse("mentees:mentee_export", args=[mentee.pk]), {"format": "xml"}
    )
    assert response.status_code == 302
    assert not AuditEvent.objects.filter(action="exported").exists()


def test_coordinators_cannot_export_or_erase(client, coordinator, mentee):
    sign_in(client, coordinator)
    assert client.get(reverse("mentees:mentee_export", args=[mentee.pk])).status_code == 403
    assert client.post(reverse("mentees:mentee_erase", args=[mentee.pk])).status_code == 403


def test_erasing_needs_the_reference_typed(admin_client, mentee):
    response = admin_client.post(
        reverse("mentees:mentee_erase", args=[mentee.pk]), {"confirm": "yes"}
    )
    assert response.status_code == 400
    assert f"Type the reference {mentee.reference} to confirm" in response.content.decode()
    mentee.refresh_from_db()
    assert mentee.erased_at is None and mentee.full_name == "Sam Example"


def test_erasing_removes_personal_details_and_keeps_what_reports_count(admin_client, mentee):
    referral_id = mentee.referral_id
    stored = CaseDocument.objects.get().file
    response = admin_client.post(
        reverse("mentees:mentee_erase", args=[mentee.pk]), {"confirm": mentee.reference}
    )
    assert response.status_code == 302
    mentee.refresh_from_db()
    assert mentee.erased_at and mentee.full_name == "" and mentee.date_of_birth is None
    assert mentee.prison_number == "" and mentee.release_date == date(2027, 2, 1)
    assert mentee.status == "referred" and mentee.local_authority_id is not None
    assert not CaseNote.objects.exists() and not CaseDocument.objects.exists()
    assert not stored.storage.exists(stored.name)
    goal = Goal.objects.get()
    assert goal.description == "" and goal.pathway.code == "accommodation"
    referral = Referral.objects.get(pk=referral_id)
    assert referral.erased_at and referral.full_name == "" and referral.date_of_birth is None
    assert AuditEvent.objects.filter(action="erased", object_id=str(mentee.pk)).exists()
    assert "Sam Example" not in admin_client.get(reverse("mentees:mentee_list")).content.decode()
    assert admin_client.get(reverse("mentees:mentee_edit", args=[mentee.pk])).status_code == 404


def test_expired_referrals_are_erased_once_by_the_daily_job(organisation):
    long_ago = timezone.now() - timedelta(days=400)
    expired = ReferralFactory(
        organisation=organisation, status=ReferralStatus.DECLINED, decided_at=long_ago
    )
    recent = ReferralFactory(
        organisation=organisation,
        status=ReferralStatus.DECLINED,
        decided_at=timezone.now() - timedelta(days=30),
    )
    still_open = ReferralFactory(organisation=organisation, created_at=long_ago)
    accepted = ReferralFactory(
        organisation=organisation, status=ReferralStatus.ACCEPTED, decided_at=long_ago
    )
    MenteeFactory(organisation=organisation, referral=accepted)

    assert erase_expired_referrals.delay().get() == 1
    assert erase_expired_referrals.delay().get() == 0, "running again erases nothing twice"
    expired.refresh_from_db()
    assert expired.erased_at and expired.full_name == ""
    for kept in (recent, still_open, accepted):
        kept.refresh_from_db()
        assert kept.erased_at is None
    assert AuditEvent.objects.filter(action="erased", object_id=str(expired.pk)).count() == 1
    assert Mentee.objects.count() == 1


def test_mentoring_records_are_exported_and_their_words_erased(admin_client, mentee):
    from matching.constants import MatchStatus
    from matching.models import Exclusion, Match, Meeting
    from tests.matching.factories import MatchFactory, MeetingFactory

    match = MatchFactory(
        mentee=mentee,
        status=MatchStatus.ENDED,
        ended_on=timezone.localdate(),
        ending_note="Moved to Leeds with his sister",
    )
    MeetingFactory(
        match=match, notes="Talked about his brother's trial", expenses_description="Bus"
    )
    Exclusion.objects.create(
        organisation=mentee.organisation, mentee=mentee, mentor=match.mentor, reason="Co-defendants"
    )
    data = json.loads(
        admin_client.get(
            reverse("mentees:mentee_export", args=[mentee.pk]), {"format": "json"}
        ).content
    )
    assert data["mentoring"]["meetings"][0]["notes"] == "Talked about his brother's trial"
    assert data["mentoring"]["must_not_be_matched_with"] == ["Co-defendants"]
    page = admin_client.get(reverse("mentees:mentee_export", args=[mentee.pk])).content.decode()
    assert "Co-defendants" in page

    admin_client.post(
        reverse("mentees:mentee_erase", args=[mentee.pk]), {"confirm": mentee.reference}
    )
    match.refresh_from_db()
    meeting = Meeting.objects.get()
    assert match.ending_note == "" and meeting.notes == "" and meeting.expenses_description == ""
    assert not Exclusion.objects.exists()
    assert Match.objects.get().started_on is not None, "dates stay for the counts"


def _closed(mentee, actor, *, years_ago: float):
    mentee_set_status(
        actor=actor,
        mentee=mentee,
        status=MenteeStatus.CLOSED,
        closure_reason=ClosureReason.PLANNED_ENDING,
    )
    mentee.status_changes.filter(status=MenteeStatus.CLOSED).update(
        created_at=timezone.now() - timedelta(days=round(365.25 * years_ago))
    )
    return mentee


def test_closed_case_records_are_erased_once_their_organisations_period_has_passed(
    mentee, organisation, org_admin
):
    organisation.case_retention_years = 3
    organisation.save()
    _closed(mentee, org_admin, years_ago=3.1)
    recent = _closed(MenteeFactory(organisation=organisation), org_admin, years_ago=2.5)
    still_open = MenteeFactory(organisation=organisation)
    reopened = _closed(MenteeFactory(organisation=organisation), org_admin, years_ago=4)
    mentee_set_status(actor=org_admin, mentee=reopened, status=MenteeStatus.ENGAGED_IN_CUSTODY)

    assert erase_expired_case_records.delay().get() == 1
    assert erase_expired_case_records.delay().get() == 0, "running again erases nothing twice"
    mentee.refresh_from_db()
    assert mentee.erased_at and mentee.full_name == "" and mentee.status == MenteeStatus.CLOSED
    assert not CaseNote.objects.filter(mentee=mentee).exists()
    assert not CaseDocument.objects.filter(mentee=mentee).exists()
    assert Referral.objects.get(pk=mentee.referral_id).full_name == ""
    for kept in (recent, still_open, reopened):
        kept.refresh_from_db()
        assert kept.erased_at is None and kept.full_name
    event = AuditEvent.objects.get(action="erased", object_id=str(mentee.pk))
    assert event.actor is None and "3 years" in event.details["reason"]


def test_a_longer_retention_period_keeps_the_record(mentee, organisation, org_admin):
    organisation.case_retention_years = 10
    organisation.save()
    _closed(mentee, org_admin, years_ago=7)
    assert erase_expired_case_records.delay().get() == 0
    mentee.refresh_from_db()
    assert mentee.erased_at is None


def test_a_closed_record_says_when_it_will_be_erased(admin_client, mentee, organisation, org_admin):
    page = reverse("mentees:mentee_detail", args=[mentee.pk])
    assert "will be erased on" not in admin_client.get(page).content.decode()
    organisation.case_retention_years = 4
    organisation.save()
    _closed(mentee, org_admin, years_ago=0)
    closed_on = timezone.localdate(mentee.status_changes.get(status=MenteeStatus.CLOSED).created_at)
    erase_on = closed_on.replace(year=closed_on.year + 4)
    body = admin_client.get(page).content.decode()
    assert "keeps closed case records for 4 years" in body
    assert f"will be erased on {erase_on.day} {erase_on:%B %Y}" in body


def test_a_closed_record_is_erased_on_the_day_its_page_gives(organisation, org_admin):
    """The job runs early in the morning (02:30); on the day the page names the record is gone,
    29 February counting to the last day of February."""
    london = ZoneInfo("Europe/London")
    organisation.case_retention_years = 2
    organisation.save()
    with time_machine.travel(datetime(2024, 2, 29, 16, 0, tzinfo=london), tick=False):
        mentee = MenteeFactory(organisation=organisation, full_name="Kim Closed")
        mentee_set_status(
            actor=org_admin,
            mentee=mentee,
            status=MenteeStatus.CLOSED,
            closure_reason=ClosureReason.PLANNED_ENDING,
        )
        client = sign_in(Client(), org_admin)
        page = client.get(reverse("mentees:mentee_detail", args=[mentee.pk])).text
        assert "will be erased on 28 February 2026" in page
    with time_machine.travel(datetime(2026, 2, 27, 2, 30, tzinfo=london), tick=False):
        assert erase_expired_case_records.delay().get() == 0
    with time_machine.travel(datetime(2026, 2, 28, 2, 30, tzinfo=london), tick=False):
        assert erase_expired_case_records.delay().get() == 1
    mentee.refresh_from_db()
    assert mentee.erased_at and mentee.full_name == ""


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("page", "data"),
    [
        ("mentee_notes", lambda: {"text": "Moved to a flat in Bootle."}),
        (
            "mentee_documents",
            lambda: {
                "title": "Tenancy",
                "upload": SimpleUploadedFile("t.png", png_bytes(), content_type="image/png"),
            },
        ),
    ],
)
def test_what_is_added_while_the_record_is_being_erased_is_refused(
    admin_client, mentee, org_admin, page, data
):
    """The page found the record not erased, but the erasure was under way: the addition waits
    for it and is refused, rather than landing on the erased record for good."""
    url = reverse(f"mentees:{page}", args=[mentee.pk])
    assert admin_client.get(url).status_code == 200  # warm, so the POST arrives in time
    with another_transaction(lambda: mentee_erase(actor=org_admin, mentee=mentee), seconds=1):
        response = admin_client.post(url, data())
    assert response.status_code == 400
    assert "This record has been erased and cannot be changed." in response.text
    mentee.refresh_from_db()
    assert mentee.erased_at is not None
    assert not CaseNote.objects.filter(mentee=mentee).exists()
    assert not CaseDocument.objects.filter(mentee=mentee).exists()


def test_a_record_with_a_relationship_under_way_is_neither_closed_nor_erased(
    admin_client, mentee, org_admin
):
    from matching.constants import MatchStatus
    from matching.services.meetings import meeting_log
    from tests.matching.factories import MatchFactory

    match = MatchFactory(mentee=mentee)
    mentor = match.mentor.user.display_name
    closing = admin_client.post(
        reverse("mentees:mentee_status", args=[mentee.pk]),
        {"status": "closed", "closure_reason": "planned_ending"},
    )
    assert closing.status_code == 400
    assert f"End the relationship with {mentor} first" in closing.content.decode()
    erase_page = reverse("mentees:mentee_erase", args=[mentee.pk])
    page = admin_client.get(erase_page).content.decode()
    assert "cannot be erased yet" in page and 'name="confirm"' not in page
    refused = admin_client.post(erase_page, {"confirm": mentee.reference})
    assert refused.status_code == 400
    mentee.refresh_from_db()
    assert mentee.status != MenteeStatus.CLOSED and mentee.erased_at is None

    match.status = MatchStatus.PROPOSED
    match.save()
    page = admin_client.get(erase_page).content.decode()
    assert f"Withdraw the proposal to {mentor} first" in page

    # A relationship left under way on a record erased before this rule (or by hand in the
    # database) takes no more meetings.
    match.status = MatchStatus.ONGOING
    match.save()
    Mentee.objects.filter(pk=mentee.pk).update(erased_at=timezone.now())
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="record has been erased"):
        meeting_log(
            actor=org_admin,
            match=match,
            held_on=timezone.localdate(),
            starts_at=time(9, 0),
            ends_at=time(10, 0),
            place="community",
            attendees=["mentor", "mentee"],
        )


def test_a_record_closed_without_a_status_change_counts_from_its_last_change(
    organisation, org_admin
):
    organisation.case_retention_years = 2
    organisation.save()
    imported = MenteeFactory(organisation=organisation, status=MenteeStatus.CLOSED)
    Mentee.objects.filter(pk=imported.pk).update(
        updated_at=timezone.now() - timedelta(days=3 * 365)
    )
    recent = MenteeFactory(organisation=organisation, status=MenteeStatus.CLOSED)
    assert not imported.status_changes.exists()
    assert erase_expired_case_records.delay().get() == 1
    imported.refresh_from_db()
    recent.refresh_from_db()
    assert imported.erased_at is not None and recent.erased_at is None


def outbox_copy(address, subject, status):
    return OutboxMessage.objects.create(
        recipient=address,
        from_email="noreply@example.org",
        subject=subject,
        body="About you.",
        status=status,
        available_at=timezone.now(),
    )


def test_erasing_a_record_deletes_the_kept_copies_of_emails_to_the_person(admin_client, mentee):
    mentee.email = "sam@example.org"
    mentee.save()
    Referral.objects.filter(pk=mentee.referral_id).update(email="Sam@Example.org")
    outbox_copy("sam@example.org", "sent to them", OutboxStatus.SENT)
    outbox_copy("SAM@example.org", "given up", OutboxStatus.DEAD)
    outbox_copy("sam@example.org", "still to go", OutboxStatus.PENDING)
    outbox_copy("jo@example.org", "someone else", OutboxStatus.SENT)

    response = admin_client.post(
        reverse("mentees:mentee_erase", args=[mentee.pk]), {"confirm": mentee.reference}
    )

    assert response.status_code == 302
    left = set(OutboxMessage.objects.values_list("subject", flat=True))
    assert left == {"still to go", "someone else"}


def test_the_daily_job_erasing_a_referral_deletes_its_emails_kept_copies(organisation):
    long_ago = timezone.now() - timedelta(days=400)
    ReferralFactory(
        organisation=organisation,
        status=ReferralStatus.DECLINED,
        decided_at=long_ago,
        email="ada@example.org",
    )
    outbox_copy("ada@example.org", "your request", OutboxStatus.DEAD)

    assert erase_expired_referrals.delay().get() == 1

    assert not OutboxMessage.objects.exists()
