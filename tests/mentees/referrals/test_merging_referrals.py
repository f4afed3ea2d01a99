"""Two referrals of the same person are merged directly (issue 19, item 3): confirmed first,
audited on both, each keeping its own history, within one organisation only, once even when
two coordinators do it at the same moment; the person checking either reference is shown the
one that goes on."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import AuditEvent
from mentees.constants import ReferralStatus
from mentees.models import Referral
from mentees.services.merging import referral_combine
from tests.concurrency import another_transaction
from tests.conftest import sign_in
from tests.factories import pathway
from tests.mentees.factories import ReferralFactory

pytestmark = pytest.mark.django_db

BORN = date(1990, 3, 27)


def twin(organisation, **fields):
    return ReferralFactory(
        organisation=organisation, full_name="Sam Example", date_of_birth=BORN, **fields
    )


def combine_url(referral):
    return reverse("mentees:referral_combine", args=[referral.pk])


@pytest.fixture
def staff_client(client, coordinator):
    return sign_in(client, coordinator)


def test_a_referral_is_merged_into_another_after_confirmation(
    staff_client, organisation, mailoutbox, django_capture_on_commit_callbacks
):
    kept, other = twin(organisation), twin(organisation, contact_methods=["email"])
    kept.needs.set([pathway("accommodation")])
    other.needs.set([pathway("drugs-alcohol")])

    duplicates = staff_client.get(reverse("mentees:referral_duplicates", args=[kept.pk]))
    assert "Merge into this referral" in duplicates.text and other.reference in duplicates.text

    confirm = staff_client.post(combine_url(kept), {"other": other.pk})
    assert f"Merge referral {other.reference} into {kept.reference}?" in confirm.text
    other.refresh_from_db()
    assert other.is_open and other.combined_into is None
    assert not AuditEvent.objects.filter(action="merged").exists()

    kept_history = list(kept.history.values_list("status", flat=True))  # opened: in review
    with django_capture_on_commit_callbacks(execute=True):
        done = staff_client.post(combine_url(kept), {"other": other.pk, "confirmed": "yes"})
    assert done["Location"] == reverse("mentees:referral_detail", args=[kept.pk])
    other.refresh_from_db()
    kept.refresh_from_db()
    assert other.status == ReferralStatus.COMBINED and other.combined_into == kept
    assert kept.is_open
    assert {term.code for term in kept.needs.all()} == {"accommodation", "drugs-alcohol"}
    # Both histories are kept: the merged one gains a "joined" step, the kept one is untouched.
    assert list(other.history.values_list("status", flat=True)) == ["received", "combined"]
    assert list(kept.history.values_list("status", flat=True)) == kept_history
    merges = AuditEvent.objects.filter(action="merged")
    assert {e.object_id for e in merges} == {str(kept.pk), str(other.pk)}
    assert len(mailoutbox) == 0, "no one is emailed about a merge"

    kept_page = staff_client.get(reverse("mentees:referral_detail", args=[kept.pk])).text
    assert f"referral {other.reference}" in kept_page
    other_page = staff_client.get(reverse("mentees:referral_detail", args=[other.pk])).text
    assert "joined to <a" in other_page and kept.reference in other_page

    again = staff_client.post(
        combine_url(kept), {"other": other.pk, "confirmed": "yes"}, follow=True
    )
    assert f"Referral {other.reference} has already been decided" in again.text
    assert other.history.count() == 2


def test_choosing_nothing_or_itself_changes_nothing(staff_client, organisation):
    kept = twin(organisation)
    nothing = staff_client.post(combine_url(kept), {}, follow=True)
    assert "Select the referral of the same person" in nothing.text
    itself = staff_client.post(
        combine_url(kept), {"other": kept.pk, "confirmed": "yes"}, follow=True
    )
    assert "Choose two different referrals to merge" in itself.text
    kept.refresh_from_db()
    assert kept.is_open


def test_another_organisations_referral_is_not_found(
    staff_client, organisation, other_organisation
):
    mine, theirs = twin(organisation), twin(other_organisation)
    response = staff_client.post(combine_url(mine), {"other": theirs.pk, "confirmed": "yes"})
    assert response.status_code == 404
    response = staff_client.post(combine_url(theirs), {"other": mine.pk, "confirmed": "yes"})
    assert response.status_code == 404
    for referral in (mine, theirs):
        referral.refresh_from_db()
        assert referral.is_open and referral.combined_into is None
    assert not AuditEvent.objects.filter(action="merged").exists()


def test_a_decided_referral_is_not_merged(staff_client, organisation):
    kept = twin(organisation)
    declined = twin(organisation, status=ReferralStatus.DECLINED)
    response = staff_client.post(
        combine_url(kept), {"other": declined.pk, "confirmed": "yes"}, follow=True
    )
    assert "has already been decided: it is not accepted" in response.text
    declined.refresh_from_db()
    assert declined.combined_into is None


def test_the_person_checking_the_merged_reference_sees_the_one_that_goes_on(
    organisation, coordinator
):
    kept, other = twin(organisation), twin(organisation)
    referral_combine(actor=coordinator, merged=other, kept=kept)
    Referral.objects.filter(pk=kept.pk).update(status=ReferralStatus.IN_REVIEW)
    kept.history.create(organisation=organisation, status=ReferralStatus.IN_REVIEW)
    client = Client()
    client.post(
        reverse("mentees:check_request"),
        {
            "reference": other.reference,
            "date_of_birth_0": BORN.day,
            "date_of_birth_1": BORN.month,
            "date_of_birth_2": BORN.year,
        },
    )
    page = client.get(reverse("mentees:check_result")).content.decode()
    assert f"Joined by {organisation.name} to your other request" in page
    assert f"{organisation.name} is looking at the request" in page


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_merging_the_same_pair_either_way_round_merge_it_once(
    client, organisation, coordinator
):
    first, second = twin(organisation), twin(organisation)
    sign_in(client, coordinator)
    with another_transaction(
        lambda: referral_combine(actor=coordinator, merged=first, kept=second), seconds=1
    ):
        response = client.post(
            combine_url(first), {"other": second.pk, "confirmed": "yes"}, follow=True
        )
    assert "has already been decided" in response.text
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.combined_into == second and second.combined_into is None
    assert second.is_open
