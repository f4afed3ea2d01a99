"""The demo shows every part of the standard (seeding it again changes nothing: see
tests/providers/test_seed_demo.py)."""

import pytest

from accreditation.constants import ApplicationStatus
from accreditation.models import Application, ApplicationEvent, Award, EvidenceFile, SupportRequest
from providers.models import Organisation

pytestmark = pytest.mark.usefixtures("demo")


def counts():
    return (
        Application.objects.count(),
        Award.objects.count(),
        ApplicationEvent.objects.count(),
        EvidenceFile.objects.count(),
        SupportRequest.objects.count(),
    )


def test_demo_accreditation_is_idempotent_and_tells_the_story():
    assert all(counts())

    mersey = Organisation.objects.with_accreditation().get(name="Mersey Through the Gate")
    assert mersey.is_aps_accredited
    award = Award.objects.get(organisation=mersey)
    awarded = award.application.events.get(kind="awarded")
    assert f"Valid until {award.expires_on:%-d %B %Y}" in awarded.message
    assert award.application.visits.exists()
    assert Application.objects.filter(
        organisation__name="Tyneside Mind Prison Mentoring", status=ApplicationStatus.DRAFT
    ).exists()
    severn = Application.objects.get(organisation__name="Severn New Leaf")
    assert severn.status == ApplicationStatus.SUBMITTED
    assert Application.objects.waiting_for_assessor_for().filter(pk=severn.pk).exists()
    assert SupportRequest.objects.filter(organisation__name="Cardiff Bay Second Chance").exists()
    assert EvidenceFile.objects.filter(application=award.application).exists()
