"""From the database to the pure scoring module: one query per kind of thing, however many
mentees or mentors, so ranking and bulk matching do not grow their query count."""

from collections import defaultdict

from django.db.models import Count, Exists, OuterRef, Prefetch, Q

from mentees.constants import (
    LivedExperience,
    LivedExperiencePreference,
    MentorStatus,
    NeedLevel,
)
from mentees.models import Mentee, MentorProfile, NeedRating, NeedsAssessment
from providers.models import LocalAuthority

from . import scoring
from .constants import LIVE_STATUSES
from .models import Exclusion, MatchingSettings

LEVELS = {NeedLevel.NONE: 0, NeedLevel.LOW: 1, NeedLevel.MEDIUM: 2, NeedLevel.HIGH: 3}
# A pathway asked for in the referral, before any assessment, counts as a medium need.
ASKED_FOR = 2
PRISON_EXPERIENCE = {LivedExperience.PRISON, LivedExperience.PROBATION}


def place(council: LocalAuthority | None) -> scoring.Place | None:
    if council is None:
        return None
    return scoring.Place(
        code=council.gss_code,
        name=council.name,
        latitude=float(council.latitude),
        longitude=float(council.longitude),
    )


def weights_for(organisation) -> scoring.Weights:
    settings = MatchingSettings.objects.filter(organisation=organisation).first()
    if settings is None or not settings.weights:
        return scoring.Weights.default()
    return scoring.Weights.from_mapping(settings.weights)


def _needs(mentees: list[Mentee]) -> dict:
    """Each mentee's needs from their latest assessment, else what their referral asked for."""
    latest = {}
    assessments = (
        NeedsAssessment.objects.filter(mentee__in=mentees)
        .order_by("mentee_id", "assessed_on", "id")
        .prefetch_related(
            Prefetch("ratings", queryset=NeedRating.objects.select_related("pathway"))
        )
    )
    for assessment in assessments:
        latest[assessment.mentee_id] = {
            rating.pathway.code: LEVELS[rating.level] for rating in assessment.ratings.all()
        }
    asked = defaultdict(dict)
    referral_ids = [mentee.referral_id for mentee in mentees if mentee.referral_id]
    if referral_ids:
        from mentees.models import Referral

        through = Referral.needs.through.objects.filter(referral_id__in=referral_ids)
        for referral_id, code in through.values_list("referral_id", "taxonomyterm__code"):
            asked[referral_id][code] = ASKED_FOR
    return {
        mentee.pk: latest.get(mentee.pk) or dict(asked.get(mentee.referral_id, {}))
        for mentee in mentees
    }


def mentee_profiles(mentees) -> list[scoring.MenteeProfile]:
    mentees = list(mentees.select_related("local_authority"))
    needs = _needs(mentees)
    excluded = defaultdict(set)
    for mentee_id, mentor_id in Exclusion.objects.filter(mentee__in=mentees).values_list(
        "mentee_id", "mentor_id"
    ):
        excluded[mentee_id].add(str(mentor_id))
    return [
        scoring.MenteeProfile(
            id=str(mentee.pk),
            organisation_id=mentee.organisation_id,
            area=place(mentee.local_authority),
            needs=needs[mentee.pk],
            gender_preference=mentee.mentor_gender,
            wants_lived_experience=mentee.lived_experience == LivedExperiencePreference.PREFERRED,
            language=mentee.language,
            age=mentee.age,
            availability=frozenset(mentee.availability),
            excluded_mentor_ids=frozenset(excluded[mentee.pk]),
            release_date=mentee.release_date,
        )
        for mentee in mentees
    ]


def mentor_queryset(organisation):
    """Every active or paused mentor of the organisation (so the excluded are listed with why),
    with whether they may be matched and how many live relationships they have."""
    return (
        MentorProfile.objects.filter(organisation=organisation)
        .exclude(status=MentorStatus.LEFT)
        .select_related("user")
        .prefetch_related("pathways", "local_authorities")
        .annotate(
            is_matchable=Exists(MentorProfile.objects.matchable().filter(pk=OuterRef("pk"))),
            load=Count("matches", filter=Q(matches__status__in=LIVE_STATUSES), distinct=True),
        )
    )


def _why_not_matchable(mentor) -> str:
    if mentor.status != MentorStatus.ACTIVE:
        return f"{mentor.get_status_display().lower()}, not taking mentees"
    if not mentor.is_matchable:
        return "DBS check or required training not current"
    return ""


def mentor_profiles(mentors) -> list[scoring.MentorProfile]:
    return [
        scoring.MentorProfile(
            id=str(mentor.pk),
            organisation_id=mentor.organisation_id,
            name=mentor.user.display_name,
            matchable=mentor.is_matchable and mentor.status == MentorStatus.ACTIVE,
            not_matchable_reason=_why_not_matchable(mentor),
            gender=mentor.gender,
            age_band=mentor.age_band,
            languages=frozenset(mentor.languages),
            lived_experience=bool(PRISON_EXPERIENCE & set(mentor.lived_experience)),
            skills=frozenset(term.code for term in mentor.pathways.all()),
            areas=tuple(place(council) for council in mentor.local_authorities.all()),
            availability=frozenset(mentor.availability),
            capacity=mentor.capacity,
            load=mentor.load,
        )
        for mentor in mentors
    ]
