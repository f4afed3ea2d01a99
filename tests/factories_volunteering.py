"""Factories for volunteer roles, applications, vetting records and mentors."""

from datetime import date, timedelta

import factory
from django.utils import timezone

from volunteers.constants import (
    ApplicationStatus,
    DBSLevel,
    DBSResult,
    Gender,
    InterviewOutcome,
    MentorStatus,
    VettingStage,
    VolunteerRoleStatus,
)
from volunteers.forms.volunteering import STEPS
from volunteers.models import (
    CriminalRecordDisclosure,
    DBSCheck,
    Interview,
    MentorProfile,
    SupervisionSession,
    TrainingModule,
    TrainingRecord,
    VolunteerApplication,
    VolunteerReference,
    VolunteerRole,
)

from .factories import LocalAuthorityFactory, OrganisationFactory, UserFactory, pathway


class VolunteerRoleFactory(factory.django.DjangoModelFactory):
    """A published role."""

    class Meta:
        model = VolunteerRole

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Volunteer mentor {n}")
    summary = "Meet someone leaving prison every week for a year."
    description = "You meet your mentee in prison before release and every week after."
    time_commitment = "2 hours a week for a year"
    training_given = "Three evenings of training before you start."
    expenses = "Travel and lunch on the days you meet"
    dbs_level = DBSLevel.ENHANCED
    status = VolunteerRoleStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class TrainingModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingModule

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Module {n}")
    required = True


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A draft with no answers. Use `complete_application` or `SubmittedApplicationFactory` for
    one ready to send or already sent."""

    class Meta:
        model = VolunteerApplication
        skip_postgeneration_save = True

    reference = factory.Sequence(lambda n: f"VT{n:06d}")
    role = factory.SubFactory(VolunteerRoleFactory)
    organisation = factory.LazyAttribute(lambda a: a.role.organisation)
    applicant = factory.SubFactory(UserFactory)
    full_name = factory.LazyAttribute(lambda a: a.applicant.full_name)


def complete_application(application: VolunteerApplication) -> VolunteerApplication:
    """Fill in every page of a draft, as if the applicant had."""
    application.date_of_birth = date(1980, 5, 17)
    application.gender = Gender.MAN
    application.phone = "0151 496 0123"
    application.postcode = "L1 8JQ"
    application.availability = ["mon_evening", "sat_morning"]
    application.can_visit_prisons = True
    application.languages = ["en"]
    application.motivation = "Someone did it for me."
    application.dbs_consent = True
    application.dbs_consent_at = timezone.now()
    application.completed_steps = [step.slug for step in STEPS]
    application.save()
    application.local_authorities.set([LocalAuthorityFactory(name="Liverpool")])
    application.pathways.set([pathway("accommodation")])
    for position in (1, 2):
        VolunteerReference.objects.get_or_create(
            application=application,
            position=position,
            defaults={
                "organisation": application.organisation,
                "name": f"Referee {position}",
                "relationship": "Manager at work",
                "email": f"referee{position}-{application.pk}@example.org",
            },
        )
    CriminalRecordDisclosure.objects.get_or_create(
        application=application,
        defaults={"organisation": application.organisation, "has_record": False},
    )
    return application


class SubmittedApplicationFactory(ApplicationFactory):
    status = ApplicationStatus.SUBMITTED
    stage = VettingStage.INTERVIEW
    submitted_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=30))

    @factory.post_generation
    def answers(self, create, extracted, **kwargs):
        if create:
            complete_application(self)


class InterviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interview

    application = factory.SubFactory(SubmittedApplicationFactory)
    organisation = factory.LazyAttribute(lambda i: i.application.organisation)
    interview_date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=20))
    outcome = InterviewOutcome.SUITABLE
    created_by = factory.SubFactory(UserFactory)


class DBSCheckFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DBSCheck

    application = factory.SubFactory(SubmittedApplicationFactory)
    organisation = factory.LazyAttribute(lambda c: c.application.organisation)
    level = DBSLevel.ENHANCED_BARRED
    certificate_number = factory.Sequence(lambda n: f"{n:012d}")
    issue_date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=10))
    renew_by = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=1000))
    result = DBSResult.CLEAR
    recorded_by = factory.SubFactory(UserFactory)


class TrainingRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingRecord

    application = factory.SubFactory(SubmittedApplicationFactory)
    organisation = factory.LazyAttribute(lambda r: r.application.organisation)
    module = factory.LazyAttribute(lambda r: TrainingModuleFactory(organisation=r.organisation))
    completed_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=5))
    recorded_by = factory.SubFactory(UserFactory)


def fully_vetted(application: VolunteerApplication) -> VolunteerApplication:
    """Every check done: a suitable interview, two good references, a clear DBS check and the
    organisation's required training."""
    today = timezone.localdate()
    InterviewFactory(application=application)
    application.references.update(
        requested_on=today - timedelta(days=15),
        received_on=today - timedelta(days=12),
        satisfactory=True,
    )
    DBSCheckFactory(application=application)
    for module in TrainingModule.objects.required().filter(organisation=application.organisation):
        TrainingRecordFactory(application=application, module=module)
    return application


class MentorProfileFactory(factory.django.DjangoModelFactory):
    """An approved, active, fully vetted mentor (matchable unless told otherwise)."""

    class Meta:
        model = MentorProfile
        skip_postgeneration_save = True

    application = factory.LazyAttribute(
        lambda m: fully_vetted(
            SubmittedApplicationFactory(
                role__organisation=m.organisation,
                status=ApplicationStatus.APPROVED,
                stage=VettingStage.DECIDED,
            )
        )
    )
    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.LazyAttribute(lambda m: m.application.applicant)
    status = MentorStatus.ACTIVE
    approved_by = factory.SubFactory(UserFactory)
    capacity = 2
    gender = Gender.WOMAN
    date_of_birth = date(1975, 1, 1)
    languages = factory.LazyFunction(lambda: ["en"])
    availability = factory.LazyFunction(lambda: ["tue_evening"])


class SupervisionSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupervisionSession

    mentor = factory.SubFactory(MentorProfileFactory)
    organisation = factory.LazyAttribute(lambda s: s.mentor.organisation)
    held_on = factory.LazyFunction(timezone.localdate)
    supervisor = factory.SubFactory(UserFactory)
    recorded_by = factory.LazyAttribute(lambda s: s.supervisor)
    notes = "Talked through the first month."
