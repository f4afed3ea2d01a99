"""Factories for the Approved Provider Standard: applications at each stage and awards."""

from datetime import timedelta

import factory
from django.utils import timezone

from accounts.constants import PlatformRole
from accreditation.constants import ApplicationStatus, ReviewOutcome, SelfAssessment
from accreditation.models import (
    Application,
    Area,
    Award,
    Requirement,
    Standard,
    SupportRequest,
    award_expiry,
)
from accreditation.standard_data import load_standard
from core.references import new_reference

from .factories import OrganisationFactory, UserFactory


def current_standard() -> Standard:
    """The published standard. A migration loads it; tests that flush the database
    (transactional ones) remove it, so load it again when missing."""
    standard = Standard.objects.current()
    if standard is None:
        load_standard(Standard, Area, Requirement)
        standard = Standard.objects.current()
    return standard


class AssessorFactory(UserFactory):
    platform_role = PlatformRole.ASSESSOR


class AccreditationApplicationFactory(factory.django.DjangoModelFactory):
    """A draft application with a blank response to every requirement."""

    class Meta:
        model = Application
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    standard = factory.LazyFunction(current_standard)
    reference = factory.LazyFunction(lambda: new_reference("AP"))
    started_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def responses(self, create, extracted, **kwargs):
        if create:
            for requirement in self.standard.requirements.all():
                self.responses.create(organisation=self.organisation, requirement=requirement)


def answer_all(application: Application, rating: str = SelfAssessment.MET) -> Application:
    """Fill in every requirement as an org admin would."""
    application.responses.update(
        self_assessment=rating,
        narrative="We do this every week and keep records.",
        action_plan="" if rating == SelfAssessment.MET else "We will fix it by June.",
        updated_at=timezone.now(),
    )
    return application


def sent_application(**kwargs) -> Application:
    """An answered application waiting for an assessor (or in `status`, if given)."""
    kwargs.setdefault("status", ApplicationStatus.SUBMITTED)
    kwargs.setdefault("sent_at", timezone.now())
    kwargs.setdefault("submitted_at", kwargs["sent_at"])
    return answer_all(AccreditationApplicationFactory(**kwargs))


def taken_application(assessor, **kwargs) -> Application:
    return sent_application(
        status=ApplicationStatus.IN_ASSESSMENT,
        assessor=assessor,
        taken_at=timezone.now(),
        **kwargs,
    )


def accept_all(application: Application) -> Application:
    application.responses.update(review_outcome=ReviewOutcome.ACCEPTED, reviewed_at=timezone.now())
    return application


class AwardFactory(factory.django.DjangoModelFactory):
    """An award made 30 days ago, on an awarded application of its organisation."""

    class Meta:
        model = Award

    organisation = factory.SubFactory(OrganisationFactory)
    awarded_by = factory.SubFactory(AssessorFactory)
    application = factory.LazyAttribute(
        lambda award: accept_all(
            sent_application(
                organisation=award.organisation,
                status=ApplicationStatus.AWARDED,
                assessor=award.awarded_by,
                decided_at=timezone.now(),
                decided_by=award.awarded_by,
            )
        )
    )
    standard = factory.LazyAttribute(lambda award: award.application.standard)
    awarded_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))
    expires_on = factory.LazyAttribute(lambda award: award_expiry(award.awarded_on))
    verification_code = factory.LazyFunction(lambda: new_reference("APS"))


class SupportRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportRequest

    organisation = factory.SubFactory(OrganisationFactory)
    message = "How do we show our supervision is regular enough?"
    requested_by = factory.SubFactory(UserFactory)


def accredited_organisation(**kwargs):
    """An organisation holding a current award of the Approved Provider Standard."""
    organisation = OrganisationFactory(**kwargs)
    AwardFactory(organisation=organisation)
    return organisation
