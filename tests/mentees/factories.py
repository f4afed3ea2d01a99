"""Factories for referrals and mentee case records."""

import uuid
from datetime import date

import factory
from django.utils import timezone

from core.references import new_reference
from mentees.constants import CompletedBy, ContactMethod, Situation
from mentees.models import Mentee, Referral
from tests.factories import LocalAuthorityFactory, OrganisationFactory, PrisonFactory


class ReferralFactory(factory.django.DjangoModelFactory):
    """A person in prison asking for a mentor themselves, contactable through the prison."""

    class Meta:
        model = Referral
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    reference = factory.LazyFunction(lambda: new_reference("JM"))
    submission_key = factory.LazyFunction(uuid.uuid4)
    completed_by = CompletedBy.SELF
    full_name = factory.Sequence(lambda n: f"Person {n} Example")
    date_of_birth = date(1990, 3, 27)
    situation = Situation.IN_CUSTODY
    prison = factory.SubFactory(PrisonFactory)
    prison_number = factory.Sequence(lambda n: f"A{n % 10000:04d}BC")
    expected_release_date = factory.LazyFunction(
        lambda: timezone.localdate() + timezone.timedelta(days=60)
    )
    local_authority = factory.SubFactory(LocalAuthorityFactory)
    contact_methods = factory.LazyFunction(lambda: [ContactMethod.OFFENDER_MANAGEMENT_UNIT])
    consented_at = factory.LazyFunction(timezone.now)
    privacy_notice_version = "2026-11"

    @factory.post_generation
    def history(self, create, extracted, **kwargs):
        if create:
            self.history.create(organisation=self.organisation, status=self.status)


class MenteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mentee

    organisation = factory.SubFactory(OrganisationFactory)
    reference = factory.LazyFunction(lambda: new_reference("MN"))
    full_name = factory.Sequence(lambda n: f"Mentee {n} Example")
    date_of_birth = date(1988, 6, 1)
    prison = factory.SubFactory(PrisonFactory)
    prison_number = factory.Sequence(lambda n: f"B{n % 10000:04d}CD")
    local_authority = factory.SubFactory(LocalAuthorityFactory)
    release_date = factory.LazyFunction(lambda: timezone.localdate() + timezone.timedelta(days=30))
