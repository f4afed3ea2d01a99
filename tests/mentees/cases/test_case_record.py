from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from mentees.constants import MenteeStatus
from mentees.models import CaseDocument, CaseNote, Goal, NeedsAssessment
from mentees.services.privacy import mentee_erase
from mentees.views.cases import ERASED
from providers.models import TaxonomyTerm
from tests.conftest import sign_in
from tests.factories import MembershipFactory, pathway, png_bytes
from tests.files import pdf_bytes
from tests.html import error_summary
from tests.mentees.factories import MenteeFactory
from tests.once import assert_same_confirmation, post_twice

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, coordinator):
    return sign_in(client, coordinator)


@pytest.fixture
def mentee(organisation):
    return MenteeFactory(organisation=organisation, full_name="Sam Example")


def url(name, mentee, *args):
    return reverse(f"mentees:{name}", args=[mentee.pk, *args])


def date_fields(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


@pytest.mark.parametrize(
    "name", ["mentee_detail", "mentee_needs", "mentee_plan", "mentee_notes", "mentee_documents"]
)
def test_every_part_of_the_record_is_shown_and_its_viewing_audited(
    staff_client, mentee, coordinator, name
):
    response = staff_client.get(url(name, mentee))
    assert response.status_code == 200
    assert "Sam Example" in response.content.decode()
    event = AuditEvent.objects.get(actor=coordinator, action="viewed", object_id=str(mentee.pk))
    assert event.object_repr == f"Mentee {mentee.reference}", "no name in the audit log"


def test_the_list_shows_this_organisations_mentees(staff_client, mentee, other_organisation):
    MenteeFactory(organisation=other_organisation, full_name="Not Ours")
    body = staff_client.get(reverse("mentees:mentee_list")).content.decode()
    assert "Sam Example" in body and "Not Ours" not in body


def test_the_list_takes_the_same_number_of_queries_for_more_mentees(
    staff_client, organisation, django_assert_max_num_queries
):
    MenteeFactory.create_batch(2, organisation=organisation)
    with django_assert_max_num_queries(10) as few:
        staff_client.get(reverse("mentees:mentee_list"))
    MenteeFactory.create_batch(20, organisation=organisation)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert staff_client.get(reverse("mentees:mentee_list")).status_code == 200


def _details(mentee, **changes):
    data = {
        "full_name": mentee.full_name,
        "preferred_name": "",
        **date_fields("date_of_birth", mentee.date_of_birth),
        "prison": str(mentee.prison_id),
        "prison_number": mentee.prison_number,
        "local_authority": f"la-{mentee.local_authority.gss_code}",
        "mentor_gender": "none",
        "lived_experience": "none",
        "language": "en",
    }
    data.update(changes)
    return data


def test_details_and_key_dates_are_changed_and_audited(staff_client, mentee):
    induction = date(2026, 1, 5)
    release = timezone.localdate() + timedelta(days=10)
    response = staff_client.post(
        url("mentee_edit", mentee),
        _details(
            mentee,
            preferred_name="Sammy",
            **date_fields("prison_induction_date", induction),
            **date_fields("release_date", release),
        ),
    )
    assert response.status_code == 302
    mentee.refresh_from_db()
    assert mentee.preferred_name == "Sammy" and mentee.release_date == release
    event = AuditEvent.objects.get(action="updated", object_id=str(mentee.pk))
    assert event.details["fields"] == ["preferred_name", "prison_induction_date", "release_date"]


def test_key_dates_out_of_order_are_refused(staff_client, mentee):
    response = staff_client.post(
        url("mentee_edit", mentee),
        _details(
            mentee,
            **date_fields("prison_induction_date", date(2026, 5, 1)),
            **date_fields("release_date", date(2026, 4, 1)),
        ),
    )
    assert response.status_code == 400
    assert [text for text, _ in error_summary(response.content.decode())] == [
        "Release date must be after the prison induction date"
    ]
    mentee.refresh_from_db()
    assert mentee.prison_induction_date is None


def test_a_bad_prison_number_is_refused(staff_client, mentee):
    response = staff_client.post(url("mentee_edit", mentee), _details(mentee, prison_number="12"))
    assert response.status_code == 400
    assert "like A1234BC" in response.content.decode()


def test_closing_a_case_needs_a_reason_and_is_kept_in_the_history(staff_client, mentee):
    response = staff_client.post(url("mentee_status", mentee), {"status": "closed"})
    assert response.status_code == 400
    assert "Select why the case is closed" in response.content.decode()
    staff_client.post(url("mentee_status", mentee), {"status": "engaged_in_custody"})
    staff_client.post(
        url("mentee_status", mentee),
        {
            "status": "closed",
            "closure_reason": "returned_to_custody",
            "note": "Recalled",
            "confirmed": "yes",
        },
    )
    mentee.refresh_from_db()
    assert mentee.status == MenteeStatus.CLOSED and mentee.closure_reason == "returned_to_custody"
    assert list(mentee.status_changes.values_list("status", flat=True)) == [
        "engaged_in_custody",
        "closed",
    ]
    overview = staff_client.get(url("mentee_detail", mentee)).content.decode()
    assert "Recalled" in overview


def test_a_needs_assessment_rates_every_pathway(staff_client, mentee):
    terms = list(TaxonomyTerm.objects.pathways())
    data = {"kind": "initial", **date_fields("assessed_on", timezone.localdate())}
    for term in terms:
        data[f"level_{term.code}"] = "high" if term.code == "accommodation" else "none"
    data["notes_accommodation"] = "No fixed address on release"
    response = staff_client.post(url("assessment_create", mentee), data)
    assert response.status_code == 302
    assessment = NeedsAssessment.objects.get(mentee=mentee)
    # The two pathways for women do not apply to a man held in the men's estate.
    assert assessment.ratings.count() == len(terms) - 2
    assert assessment.ratings.get(pathway__code="accommodation").level == "high"
    page = staff_client.get(url("mentee_needs", mentee)).content.decode()
    assert "No fixed address on release" in page


def test_an_assessment_with_a_pathway_left_out_or_in_the_future_is_refused(staff_client, mentee):
    data = {"kind": "initial", **date_fields("assessed_on", timezone.localdate())}
    response = staff_client.post(url("assessment_create", mentee), data)
    assert response.status_code == 400
    assert "Select the level of need for at least one pathway" in response.content.decode()
    data = {
        "kind": "initial",
        **date_fields("assessed_on", timezone.localdate() + timedelta(days=3)),
        **{f"level_{term.code}": "low" for term in TaxonomyTerm.objects.pathways()},
    }
    response = staff_client.post(url("assessment_create", mentee), data)
    assert response.status_code == 400
    assert "Assessment date must be today or in the past" in response.content.decode()
    assert not NeedsAssessment.objects.exists()


def test_goals_are_added_and_progress_changed(staff_client, mentee):
    housing = pathway("accommodation")
    response = staff_client.post(
        url("goal_create", mentee),
        {
            "pathway": housing.pk,
            "description": "Move into supported housing",
            **date_fields("target_date", timezone.localdate() + timedelta(days=60)),
            "status": "not_started",
        },
    )
    assert response.status_code == 302
    goal = Goal.objects.get(mentee=mentee)
    staff_client.post(
        url("goal_edit", mentee, goal.pk),
        {"pathway": housing.pk, "description": goal.description, "status": "achieved"},
    )
    goal.refresh_from_db()
    assert goal.status == "achieved" and goal.target_date is None
    missing = staff_client.post(url("goal_create", mentee), {"status": "not_started"})
    assert missing.status_code == 400
    assert [text for text, _ in error_summary(missing.content.decode())] == [
        "Select the pathway this goal is part of",
        "Enter the goal",
    ]


def test_another_mentees_goal_is_not_found(staff_client, mentee, organisation):
    other = MenteeFactory(organisation=organisation)
    goal = Goal.objects.create(
        mentee=other, organisation=organisation, pathway=pathway("health"), description="GP"
    )
    assert staff_client.get(url("goal_edit", mentee, goal.pk)).status_code == 404


def test_notes_are_added_and_shown_newest_first(staff_client, mentee):
    staff_client.post(url("mentee_notes", mentee), {"text": "First meeting went well."})
    staff_client.post(url("mentee_notes", mentee), {"text": "Housing appointment booked."})
    body = staff_client.get(url("mentee_notes", mentee)).content.decode()
    assert body.index("Housing appointment booked.") < body.index("First meeting went well.")
    empty = staff_client.post(url("mentee_notes", mentee), {"text": "  "})
    assert empty.status_code == 400 and "Enter the note" in empty.content.decode()


def test_documents_are_checked_by_content_and_downloaded_only_by_staff(
    client, staff_client, mentee, organisation, other_organisation
):
    pdf = SimpleUploadedFile("licence.pdf", pdf_bytes(), content_type="application/pdf")
    response = staff_client.post(
        url("mentee_documents", mentee), {"title": "Licence conditions", "upload": pdf}
    )
    assert response.status_code == 302
    document = CaseDocument.objects.get()
    assert document.content_type == "application/pdf" and "licence" not in document.file.name

    download = staff_client.get(url("document_download", mentee, document.pk))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert "attachment" in download["Content-Disposition"]

    disguised = SimpleUploadedFile(
        "photo.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    refused = staff_client.post(
        url("mentee_documents", mentee), {"title": "Sneaky", "upload": disguised}
    )
    assert refused.status_code == 400
    assert "The file must be a PDF, PNG or JPEG" in refused.content.decode()
    png = SimpleUploadedFile("x.txt", png_bytes(), content_type="text/plain")
    staff_client.post(url("mentee_documents", mentee), {"title": "Photo ID", "upload": png})
    assert CaseDocument.objects.filter(content_type="image/png").exists()

    outsider = MembershipFactory(organisation=other_organisation, role="coordinator").user
    sign_in(client, outsider)
    assert client.get(url("document_download", mentee, document.pk)).status_code == 404


def test_a_document_over_5_mb_is_refused(staff_client, mentee):
    big = SimpleUploadedFile(
        "big.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024), content_type="application/pdf"
    )
    response = staff_client.post(url("mentee_documents", mentee), {"title": "Big", "upload": big})
    assert response.status_code == 400
    assert "The file must be 5 MB or smaller" in response.content.decode()
    assert not CaseDocument.objects.exists()


def test_nothing_is_added_to_an_erased_record_and_the_refusal_says_why(
    staff_client, mentee, org_admin
):
    mentee_erase(actor=org_admin, mentee=mentee)
    before = AuditEvent.objects.count()
    note = staff_client.post(url("mentee_notes", mentee), {"text": "Called about housing."})
    pdf = SimpleUploadedFile("licence.pdf", pdf_bytes(), content_type="application/pdf")
    document = staff_client.post(
        url("mentee_documents", mentee), {"title": "Licence conditions", "upload": pdf}
    )
    change_page = staff_client.get(url("mentee_edit", mentee))
    for response in (note, document, change_page):
        assert response.status_code == 404
        assert ERASED in response.content.decode()
    assert not CaseNote.objects.exists() and not CaseDocument.objects.exists()
    assert AuditEvent.objects.count() == before
    # What is left of the record can still be read, and the refusal is not shown again.
    for name in ("mentee_notes", "mentee_documents"):
        page = staff_client.get(url(name, mentee)).content.decode()
        assert "The personal details of this record were erased" in page
        assert ERASED not in page


def test_an_empty_note_is_refused_with_a_message(staff_client, mentee):
    response = staff_client.post(url("mentee_notes", mentee), {})
    assert response.status_code == 400
    assert error_summary(response.content.decode()) == [("Enter the note", "id_text")]
    assert not CaseNote.objects.exists()


def test_a_needs_assessment_sent_twice_is_recorded_once(staff_client, mentee):
    data = {"kind": "initial", **date_fields("assessed_on", timezone.localdate())}
    for term in TaxonomyTerm.objects.pathways():
        data[f"level_{term.code}"] = "none"
    first, second = post_twice(staff_client, url("assessment_create", mentee), data)
    assert_same_confirmation(first, second)
    assert NeedsAssessment.objects.filter(mentee=mentee).count() == 1


def test_a_new_goal_sent_twice_is_added_once(staff_client, mentee):
    data = {
        "pathway": pathway("accommodation").pk,
        "description": "Find a flat",
        "status": "not_started",
    }
    first, second = post_twice(staff_client, url("goal_create", mentee), data)
    assert_same_confirmation(first, second)
    assert Goal.objects.filter(mentee=mentee).count() == 1


def test_the_list_filters_by_status_and_says_when_one_is_not_on_the_list(
    staff_client, organisation, mentee
):
    MenteeFactory(organisation=organisation, full_name="Closed Person", status=MenteeStatus.CLOSED)
    listed = reverse("mentees:mentee_list")
    closed = staff_client.get(listed, {"status": "closed"}).content.decode()
    assert "Closed Person" in closed and "Sam Example" not in closed
    unknown = staff_client.get(listed, {"status": "hacked"}).content.decode()
    assert "Choose a status from the list." in unknown
    assert "Closed Person" in unknown and "Sam Example" in unknown, (
        "an unknown status filters out no one"
    )
