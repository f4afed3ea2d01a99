"""Factories for relationships and meetings, and a mentor for a given user."""

from datetime import time, timedelta

import factory
from django.utils import timezone

from matching.constants import MatchStatus
from matching.models import Match, Meeting
from providers.constants import MembershipRole
from tests.factories import MembershipFactory
from tests.factories_volunteering import (
    MentorProfileFactory,
    SubmittedApplicationFactory,
    fully_vetted,
)
from tests.mentees.factories import MenteeFactory
from volunteers.constants import ApplicationStatus, VettingStage
from volunteers.models import MentorProfile


def mentor_for(user, organisation, **profile):
    """`user` as a vetted, matchable mentor of `organisation` (with a mentor membership if they
    have none there); their existing profile there if they have one."""
    existing = MentorProfile.objects.filter(organisation=organisation, user=user).first()
    if existing is not None:
        return existing
    if not organisation.memberships.filter(user=user, removed_at__isnull=True).exists():
        MembershipFactory(user=user, organisation=organisation, role=MembershipRole.MENTOR)
    application = fully_vetted(
        SubmittedApplicationFactory(
            applicant=user,
            role__organisation=organisation,
            status=ApplicationStatus.APPROVED,
            stage=VettingStage.DECIDED,
        )
    )
    return MentorProfileFactory(organisation=organisation, application=application, **profile)


class MatchFactory(factory.django.DjangoModelFactory):
    """A relationship under way in the community, begun 30 days ago."""

    class Meta:
        model = Match

    mentee = factory.SubFactory(MenteeFactory)
    organisation = factory.LazyAttribute(lambda m: m.mentee.organisation)
    mentor = factory.LazyAttribute(lambda m: MentorProfileFactory(organisation=m.organisation))
    status = MatchStatus.ONGOING
    score = 70.0
    reasons = factory.LazyFunction(lambda: ["covers the area"])
    proposed_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=33))
    respond_by = factory.LazyFunction(lambda: timezone.now() - timedelta(days=30))
    responded_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=31))
    started_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    match = factory.SubFactory(MatchFactory)
    organisation = factory.LazyAttribute(lambda m: m.match.organisation)
    held_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=2))
    starts_at = time(10, 0)
    ends_at = time(11, 0)
    place = "community"
    attendees = factory.LazyFunction(lambda: ["mentor", "mentee"])
    logged_by = factory.LazyAttribute(lambda m: m.match.mentor.user)
