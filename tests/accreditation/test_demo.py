"""The demo shows every part of the standard, and running it again changes nothing."""

import pytest
from django.core.management import call_command

from accreditation.constants import ApplicationStatus
from accreditation.models import Application, ApplicationEvent, Award, EvidenceFile, SupportRequest
from providers.models import Organisation

pytestmark = pytest.mark.django_db


def counts():
    return (
        Application.objects.count(),
        Award.objects.count(),
        ApplicationEvent.objects.count(),
        EvidenceFile.objects.count(),
        SupportRequest.objects.count(),
    )


def test_demo_accreditation_is_idempotent_and_tells_the_story():
    call_command("seed_demo", force=True)
    first = counts()
    call_command("seed_demo", force=True)
    assert counts() == first

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
