import pytest

from mentees.duplicates import with_duplicate_flag
from mentees.models import CaseNote, Goal, Mentee, NeedsAssessment, Referral

# Seeding again adds nothing: tests/providers/test_seed_demo.py counts every table.
pytestmark = pytest.mark.usefixtures("demo")


def counts():
    return tuple(
        model.objects.count() for model in (Referral, Mentee, NeedsAssessment, Goal, CaseNote)
    )


def test_the_demo_has_referrals_in_every_state_and_case_records_once():
    first = counts()

    statuses = set(Referral.objects.values_list("status", flat=True))
    assert statuses == {"received", "in_review", "accepted", "declined", "passed_on", "waiting"}
    assert with_duplicate_flag(Referral.objects.all()).filter(has_duplicate=True).count() >= 2
    from outcomes.demo import history_mentees

    # The outcomes demo adds closed cases of the past; these are the ones the referrals made.
    assert Mentee.objects.exclude(pk__in=history_mentees()).count() == 3
    assert all(count > 0 for count in first)
    passed = Referral.objects.get(status="passed_on")
    assert passed.passed_on_as.get().organisation != passed.organisation


def test_the_demo_has_relationships_meetings_and_someone_waiting():
    from matching.models import Match, Meeting
    from matching.waiting import waiting_mentees
    from outcomes.demo import history_matches
    from providers.models import Organisation

    # The outcomes demo adds ended relationships of the past; these are the ones of today.
    current = Match.objects.exclude(pk__in=history_matches())
    statuses = sorted(current.values_list("status", flat=True))
    assert statuses == ["active_in_custody", "ongoing"]
    assert Meeting.objects.filter(match__in=current).count() == 4
    gary = Match.objects.get(status="active_in_custody")
    assert gary.gate_meeting_planned_on is not None
    mersey = Organisation.objects.get(name="Mersey Through the Gate")
    assert [m.full_name for m in waiting_mentees(mersey)] == ["Jordan Reid"]


def test_the_demo_has_a_request_in_the_general_inbox_that_merseyside_can_take():
    from mentees.general_inbox import waiting_for
    from providers.models import Service

    waiting = Referral.objects.get(status="waiting")
    assert waiting.organisation is None
    gate = Service.objects.get(name="Gate to Home mentoring").organisation
    assert waiting in waiting_for(gate)
