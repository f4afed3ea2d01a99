"""Summaries of what Open Gate holds: counts and descriptions, never a person's name."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accreditation import evidence
from mentees.constants import AssessmentKind
from tests.factories import UserFactory
from tests.factories_volunteering import (
    MentorProfileFactory,
    SubmittedApplicationFactory,
    TrainingModuleFactory,
    VolunteerRoleFactory,
)
from tests.mentees.factories import MenteeFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def test_each_summary_is_registered_for_its_requirement():
    assert [s.kind for s in evidence.sources_for("recruitment")] == ["vetting-process"]
    assert [s.kind for s in evidence.sources_for("support-supervision")] == ["supervision"]
    assert [s.kind for s in evidence.sources_for("needs-assessment")] == ["needs-assessment"]
    assert [s.kind for s in evidence.sources_for("induction-training")] == ["training"]
    assert evidence.sources_for("aims") == []


def test_new_summaries_register_with_the_decorator():
    @evidence.summary("test-kind", "A test summary", requirements=["matching"])
    def build(organisation, on):
        return f"Made on {on}"

    try:
        assert evidence.sources_for("matching")[-1].kind == "test-kind"
        assert evidence.generate("test-kind", None, TODAY()) == f"Made on {TODAY()}"
    finally:
        evidence.SOURCES.pop("test-kind")
        evidence.REQUIREMENT_SOURCES["matching"].remove("test-kind")


def test_vetting_process(organisation):
    VolunteerRoleFactory(organisation=organisation, title="Gate mentor")
    TrainingModuleFactory(organisation=organisation, name="Safeguarding", valid_for_months=24)
    role = VolunteerRoleFactory(organisation=organisation)
    SubmittedApplicationFactory(role=role, full_name="Jo Secretname")
    text = evidence.generate("vetting-process", organisation)
    assert "Gate mentor: enhanced DBS check" in text
    assert "Safeguarding (renewed every 24 months)" in text
    assert "Volunteer applications received in the 12 months" in text
    assert "Jo Secretname" not in text


def test_supervision(organisation):
    mentor = MentorProfileFactory(organisation=organisation)
    supervisor = UserFactory(full_name="Supervisor Secretname")
    for days in (10, 200):
        mentor.supervision_sessions.create(
            organisation=organisation,
            held_on=TODAY() - timedelta(days=days),
            supervisor=supervisor,
            notes="Talked about boundaries.",
            recorded_by=supervisor,
        )
    text = evidence.generate("supervision", organisation)
    assert "Active mentors: 1" in text
    assert "Supervision sessions in the last 12 months: 2" in text
    assert "Active mentors supervised in the last 3 months: 1 of 1 (100%)" in text
    assert "Secretname" not in text and "boundaries" not in text


def test_needs_assessment(organisation):
    assessed = MenteeFactory(organisation=organisation, full_name="Mentee Secretname")
    MenteeFactory(organisation=organisation)
    assessed.assessments.create(
        organisation=organisation, kind=AssessmentKind.INITIAL, assessed_on=TODAY()
    )
    text = evidence.generate("needs-assessment", organisation)
    assert "Mentees with a case record: 2" in text
    assert "with an assessment of needs at the start: 1 of 2 (50%)" in text
    assert "with at least one review of their needs: 0 of 2 (0%)" in text
    assert "Secretname" not in text


def test_training(organisation):
    TrainingModuleFactory(organisation=organisation, name="Boundaries")
    text = evidence.generate("training", organisation)
    assert "- Boundaries: required" in text
    assert "Active mentors with every required module" in text


def test_summaries_of_one_organisation_never_count_another(organisation, other_organisation):
    MenteeFactory(organisation=other_organisation)
    assert "Mentees with a case record: 0" in evidence.generate("needs-assessment", organisation)


def test_matching_and_meeting_summaries_count_without_names(organisation):
    from tests.matching.factories import MatchFactory, MeetingFactory

    match = MatchFactory(mentee__organisation=organisation, mentee__full_name="Secret Person")
    MeetingFactory(match=match, attendees=["mentor", "mentee", "probation"])
    MeetingFactory(match=match)
    assert [s.kind for s in evidence.sources_for("matching")] == ["matching-reasons"]
    assert [s.kind for s in evidence.sources_for("monitoring")] == ["meeting-logs"]
    reasons = evidence.generate("matching-reasons", organisation, TODAY())
    assert "with the reasons for the match recorded: 1 of 1 (100%)" in reasons
    meetings = evidence.generate("meeting-logs", organisation, TODAY())
    assert "Meetings logged in the last 12 months: 2, across 1 relationships" in meetings
    assert "three-way meetings with probation: 1 of 2 (50%)" in meetings
    for text in (reasons, meetings):
        assert "Secret Person" not in text and match.mentor.user.display_name not in text
