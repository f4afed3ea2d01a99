"""From the database to the pure scoring module: one query per kind of thing, however many
mentees or mentors, so ranking and bulk matching do not grow their query count."""

from collections import defaultdict

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from mentees.constants import LivedExperiencePreference, NeedLevel
from mentees.models import Mentee, NeedRating, NeedsAssessment, Referral
from providers.council_version import councils_version
from providers.models import LocalAuthority
from volunteers.constants import LivedExperience, MentorStatus
from volunteers.models import MentorProfile, age_band

from . import scoring
from .constants import LIVE_STATUSES
from .geo import distance_km
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


def mentors_of(organisation, *, exclude=(), only=None, near=None, reach_km=None):
    """The organisation's active and paused mentors; with `near`, only those with an area within
    `reach_km` of it, as the area rule would allow no others (see scoring.hard_rule_failures)."""
    mentors = (
        MentorProfile.objects.filter(organisation=organisation)
        .exclude(status=MentorStatus.LEFT)
        .exclude(pk__in=list(exclude))
    )
    if only is not None:
        mentors = mentors.filter(pk__in=list(only))
    if near is not None:
        nearby = [pk for pk, council in _places().items() if distance_km(council, near) <= reach_km]
        covering = MentorProfile.local_authorities.through.objects.filter(
            mentorprofile_id=OuterRef("pk"), localauthority_id__in=nearby
        )
        mentors = mentors.filter(Exists(covering))
    return mentors


def mentor_profiles_of(organisation, **which) -> list[scoring.MentorProfile]:
    """Mentors of the organisation (`which`: see mentors_of) as scoring profiles, with whether
    they may be matched and how many live relationships they have: four queries however many
    mentors, and no model instances, so thousands load quickly."""
    mentors = mentors_of(organisation, **which)
    rows = mentors.annotate(
        is_matchable=Exists(MentorProfile.objects.matchable().filter(pk=OuterRef("pk"))),
        load=Count("matches", filter=Q(matches__status__in=LIVE_STATUSES), distinct=True),
    ).values(
        "pk",
        "organisation_id",
        "status",
        "gender",
        "date_of_birth",
        "languages",
        "lived_experience",
        "availability",
        "capacity",
        "user__full_name",
        "user__email",
        "is_matchable",
        "load",
    )
    skills, areas = defaultdict(set), defaultdict(list)
    through = MentorProfile.pathways.through.objects.filter(mentorprofile__in=mentors)
    for mentor_id, code in through.values_list("mentorprofile_id", "taxonomyterm__code"):
        skills[mentor_id].add(code)
    covered = MentorProfile.local_authorities.through.objects.filter(mentorprofile__in=mentors)
    for mentor_id, council_id in covered.values_list("mentorprofile_id", "localauthority_id"):
        areas[mentor_id].append(council_id)
    places = _places()
    today = timezone.localdate()  # once: it reads the active time zone each time
    return [
        scoring.MentorProfile(
            id=str(row["pk"]),
            organisation_id=row["organisation_id"],
            name=row["user__full_name"] or row["user__email"],
            matchable=row["is_matchable"] and row["status"] == MentorStatus.ACTIVE,
            not_matchable_reason=_why_not_matchable(row["status"], row["is_matchable"]),
            gender=row["gender"],
            age_band=age_band(row["date_of_birth"], today),
            languages=frozenset(row["languages"]),
            lived_experience=bool(PRISON_EXPERIENCE & set(row["lived_experience"])),
            skills=frozenset(skills[row["pk"]]),
            areas=tuple(sorted((places[pk] for pk in areas[row["pk"]]), key=lambda p: p.name)),
            availability=frozenset(row["availability"]),
            capacity=row["capacity"],
            load=row["load"],
        )
        for row in rows.order_by("user__full_name", "pk")
    ]


# Every council's place by id, kept by each process under the councils' version: {version: places}.
_PLACES: dict[int, dict] = {}


def _places() -> dict:
    """Every council as a scoring Place, by id (318 rows that change a few times a year): read
    once per process and again only when a council changes (providers/council_version.py)."""
    version = councils_version()
    places = _PLACES.get(version)
    if places is None:
        rows = LocalAuthority.objects.values_list("pk", "gss_code", "name", "latitude", "longitude")
        places = {
            pk: scoring.Place(code=code, name=name, latitude=float(lat), longitude=float(lon))
            for pk, code, name, lat, lon in rows
        }
        _PLACES.clear()
        _PLACES[version] = places
    return places


def _why_not_matchable(status: str, is_matchable: bool) -> str:
    if status != MentorStatus.ACTIVE:
        return f"{MentorStatus(status).label.lower()}, not taking mentees"
    if not is_matchable:
        return "DBS check or required training not current"
    return ""
