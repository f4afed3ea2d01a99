"""Endings and closures are confirmed on a page of their own (issue 19, item 6): the valid
form shows what will happen and changes nothing; a refusal shows on the form before any
confirmation; only the confirmed post changes it, once."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from matching.constants import MatchStatus
from matching.models import Match
from mentees.constants import MenteeStatus
from tests.factories import UserFactory
from tests.mentees.factories import MenteeFactory

from .factories import MatchFactory, mentor_for

pytestmark = pytest.mark.django_db


def ended_today(**more):
    today = timezone.localdate()
    return {
        **{f"ended_on_{i}": v for i, v in enumerate((today.day, today.month, today.year))},
        **more,
    }


def test_ending_a_relationship_is_confirmed_first_and_happens_once(staff_client, mentee, mentor):
    match = MatchFactory(mentee=mentee, mentor=mentor)
    url = reverse("matching:end", args=[match.pk])
    form = staff_client.get(url)
    assert form.status_code == 200 and "When did it end?" in form.text

    answers = ended_today(ending="early", early_reason="mentee_disengaged")
    confirm = staff_client.post(url, answers)
    assert confirm.status_code == 200
    assert "End this relationship?" in confirm.text
    assert "Yes, end the relationship" in confirm.text
    assert "counted as shorter than advised" in confirm.text
    assert 'name="early_reason" value="mentee_disengaged"' in confirm.text
    match.refresh_from_db()
    assert match.status == MatchStatus.ONGOING
    assert not AuditEvent.objects.filter(object_id=str(match.pk)).exists()

    back = staff_client.post(url, {**answers, "change": "yes"})
    assert back.status_code == 200 and "When did it end?" in back.text
    match.refresh_from_db()
    assert match.status == MatchStatus.ONGOING

    done = staff_client.post(url, {**answers, "confirmed": "yes"})
    assert done["Location"] == reverse("matching:relationship", args=[match.pk])
    match.refresh_from_db()
    assert match.status == MatchStatus.ENDED
    assert match.events.filter(status=MatchStatus.ENDED).count() == 1

    again = staff_client.post(url, {**answers, "confirmed": "yes"})
    assert again.status_code == 400
    assert "Only a relationship under way can be ended" in again.text
    assert match.events.filter(status=MatchStatus.ENDED).count() == 1


def test_a_refused_ending_shows_on_the_form_not_a_confirmation(staff_client, mentee, mentor):
    match = MatchFactory(mentee=mentee, mentor=mentor, started_on=timezone.localdate())
    yesterday = timezone.localdate() - timedelta(days=1)
    response = staff_client.post(
        reverse("matching:end", args=[match.pk]),
        {
            **{
                f"ended_on_{i}": v
                for i, v in enumerate((yesterday.day, yesterday.month, yesterday.year))
            },
            "ending": "planned",
        },
    )
    assert response.status_code == 400
    assert "on or after the day it began" in response.text
    assert "Yes, end the relationship" not in response.text
    match.refresh_from_db()
    assert match.status == MatchStatus.ONGOING


def test_another_organisations_relationship_cannot_be_ended(
    staff_client, other_organisation, mentor
):
    theirs = MatchFactory(mentee=MenteeFactory(organisation=other_organisation))
    url = reverse("matching:end", args=[theirs.pk])
    assert staff_client.get(url).status_code == 404
    refused = staff_client.post(url, ended_today(ending="planned", confirmed="yes"))
    assert refused.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status != MatchStatus.ENDED


def test_changing_mentor_is_confirmed_first(staff_client, organisation, mentee, mentor, wirral):
    match = MatchFactory(mentee=mentee, mentor=mentor)
    second = mentor_for(UserFactory(full_name="Sue Parry"), organisation)
    second.local_authorities.set([wirral])
    url = reverse("matching:change_mentor", args=[match.pk])
    assert staff_client.get(url).status_code == 200
    confirm = staff_client.post(url, {"mentor": str(second.pk)})
    assert "Change mentor to Sue Parry?" in confirm.text
    match.refresh_from_db()
    assert match.status == MatchStatus.ONGOING
    assert not Match.objects.filter(replaces=match).exists()

    staff_client.post(url, {"mentor": str(second.pk), "confirmed": "yes"})
    staff_client.post(url, {"mentor": str(second.pk), "confirmed": "yes"})
    match.refresh_from_db()
    assert match.status == MatchStatus.ENDED
    assert Match.objects.filter(replaces=match).count() == 1


def test_closing_a_case_is_confirmed_first_and_other_changes_are_not(staff_client, mentee):
    url = reverse("mentees:mentee_status", args=[mentee.pk])
    assert staff_client.get(url).status_code == 200
    answers = {"status": "closed", "closure_reason": "moved_away"}
    confirm = staff_client.post(url, answers)
    assert confirm.status_code == 200
    assert f"Close case record {mentee.reference}?" in confirm.text
    assert "The reason recorded is: moved away." in confirm.text
    assert "its personal details are erased on" in confirm.text
    mentee.refresh_from_db()
    assert mentee.status != MenteeStatus.CLOSED
    assert not mentee.status_changes.exists()

    staff_client.post(url, {**answers, "confirmed": "yes"})
    mentee.refresh_from_db()
    assert mentee.status == MenteeStatus.CLOSED and mentee.closure_reason == "moved_away"
    assert mentee.status_changes.filter(status=MenteeStatus.CLOSED).count() == 1

    # Opening it again changes nothing for good and needs no confirmation.
    reopened = staff_client.post(url, {"status": "engaged_in_custody"})
    assert reopened.status_code == 302
    mentee.refresh_from_db()
    assert mentee.status == "engaged_in_custody"


def test_a_case_with_a_relationship_under_way_is_refused_before_confirmation(
    staff_client, mentee, mentor
):
    MatchFactory(mentee=mentee, mentor=mentor)
    response = staff_client.post(
        reverse("mentees:mentee_status", args=[mentee.pk]),
        {"status": "closed", "closure_reason": "planned_ending"},
    )
    assert response.status_code == 400
    assert "The case cannot be closed yet" in response.text
    assert "Yes, close the case" not in response.text


def test_another_organisations_case_cannot_be_closed(staff_client, other_organisation):
    theirs = MenteeFactory(organisation=other_organisation)
    response = staff_client.post(
        reverse("mentees:mentee_status", args=[theirs.pk]),
        {"status": "closed", "closure_reason": "moved_away", "confirmed": "yes"},
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status != MenteeStatus.CLOSED
