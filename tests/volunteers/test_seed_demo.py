"""The demo shows volunteering at every stage (seeding it again changes nothing: see
tests/providers/test_seed_demo.py)."""

import pytest

from volunteers.constants import ApplicationStatus, VettingStage
from volunteers.models import (
    ApplicationUpdate,
    DBSCheck,
    MentorProfile,
    SupervisionSession,
    TrainingModule,
    VolunteerApplication,
    VolunteerRole,
)

pytestmark = pytest.mark.usefixtures("demo")

MODELS = (
    VolunteerRole,
    TrainingModule,
    VolunteerApplication,
    DBSCheck,
    MentorProfile,
    SupervisionSession,
    ApplicationUpdate,
)


def counts():
    return [model.objects.count() for model in MODELS]


def test_demo_volunteering_shows_every_stage(demo):
    assert all(counts())

    assert VolunteerRole.objects.published().values("organisation").distinct().count() >= 4
    statuses = set(VolunteerApplication.objects.values_list("status", flat=True))
    assert statuses == {
        ApplicationStatus.DRAFT,
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.APPROVED,
        ApplicationStatus.REJECTED,
    }
    stages = set(
        VolunteerApplication.objects.filter(status=ApplicationStatus.SUBMITTED).values_list(
            "stage", flat=True
        )
    )
    assert {VettingStage.INTERVIEW, VettingStage.REFERENCES, VettingStage.DBS} <= stages
    assert MentorProfile.objects.matchable().count() >= 3
    assert DBSCheck.objects.filter(result="disclosed", risk_decision="proceed").exists()
    assert DBSCheck.objects.filter(result="disclosed", risk_decision="").exists()
    assert SupervisionSession.objects.exclude(concerns="").exists()
    assert not ApplicationUpdate.objects.filter(emailed_at__isnull=True).exists()
    assert demo.emails == ()  # seeding emails no one
    assert "volunteer.draft@demo.opengate.example" in demo.output
