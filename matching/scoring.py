"""How well a mentor suits a mentee: the hard rules, a score out of 100 and the reasons for both.

Pure Python with no Django import: the caller turns its records into the profiles below (and
decides what "matchable" means), so this module is unit-tested directly and the bulk matcher
(matching/matrix.py, matching/assignment.py) can score thousands of pairs at once.

Hard rules: a mentor who breaks any of them is never suggested, and each rule broken is named.
- Matchable: approved and active, with a current DBS check and the required training (the
  caller decides; `MentorProfile.not_matchable_reason` may say which).
- A place free: capacity less current load above zero.
- The same organisation as the mentee.
- Covers the release area: the mentee's area is one of the mentor's areas, or its centroid is
  within `Weights.reach_km` of one of theirs. A mentee whose area is not known yet passes, with
  the reason "release area not known yet".
- A stated gender preference ("woman" or "man") is met; "none" always passes.
- Not on the mentee's must-not-match list (known associates, co-defendants and the like).

Soft criteria, each worth a fraction from 0 to 1 of its weight; the score is
100 x (sum of weight x fraction) / (sum of weights), so it reads the same for every mentee:
100 means the mentor misses nothing we know the mentee needs or wants.
- needs: the mentee's level of need on each pathway (0 to 3) the mentor has experience of, as
  a share of all their need.
- lived_experience: full marks if the mentee asked for someone with lived experience and the
  mentor has it, or did not ask; none if they asked and the mentor lacks it.
- language: the mentor mentors in the mentee's language.
- availability: free times in common, up to ENOUGH_SHARED_TIMES (a weekly meeting needs one;
  three leave room to rearrange), or all of the mentee's times if they gave fewer.
- distance: 0 km (one of the mentor's own areas) full marks, falling in a straight line to none
  at reach_km.
- age: the same age band full marks, one band apart two thirds, falling to none at three apart.
- load: the share of the mentor's places still free, so work is spread across mentors.
What is not recorded counts half (UNKNOWN): an empty record neither wins nor loses a match
outright, and a recorded mismatch still scores below it. A mentee with no need, or no wish for
lived experience, has nothing to miss on that criterion: full marks.

The default weights and why they are what they are: Weights below and
docs/decisions/0017-matching-scores-and-optimal-assignment.md.
"""

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date

from providers.pathways import PATHWAYS

from .geo import Place, nearest

__all__ = [
    "Excluded",
    "MenteeProfile",
    "MentorProfile",
    "Place",
    "Suggestion",
    "Weights",
    "hard_rule_failures",
    "rank",
    "score",
]

UNKNOWN = 0.5
ENOUGH_SHARED_TIMES = 3
AGE_BANDS = ("18-24", "25-34", "35-44", "45-54", "55-64", "65+")
AGE_BAND_LABELS = ("18 to 24", "25 to 34", "35 to 44", "45 to 54", "55 to 64", "65 or over")
AGE_BANDS_APART_FOR_NONE = 3
# Needs at or above this level that a mentor has no experience of are named in the reasons.
NEED_LEVEL_WORTH_NAMING = 2
GENDER_PREFERENCES = ("woman", "man")
DEFAULT_LANGUAGE = "en"

CRITERIA = ("needs", "lived_experience", "language", "availability", "distance", "age", "load")

# Short words for each pathway, for reasons such as "has experience of housing and employment".
PATHWAY_WORDS = {
    "accommodation": "housing",
    "education-training-employment": "employment",
    "health": "health",
    "drugs-alcohol": "substance misuse",
    "finance-benefit-debt": "finance",
    "children-families": "family",
    "attitudes-thinking-behaviour": "attitudes",
    "women-abuse-survivors": "domestic or sexual abuse",
    "women-sex-work": "sex work",
}
PATHWAY_ORDER = {code: position for position, (code, _name, _description) in enumerate(PATHWAYS)}

# The names of providers.constants.Language (a test keeps the two the same).
LANGUAGE_NAMES = {
    "en": "English",
    "cy": "Welsh",
    "pl": "Polish",
    "ro": "Romanian",
    "ur": "Urdu",
    "pa": "Punjabi",
    "bn": "Bengali",
    "gu": "Gujarati",
    "ar": "Arabic",
    "so": "Somali",
    "lt": "Lithuanian",
    "pt": "Portuguese",
    "sgn": "British Sign Language",
}

DAY_NAMES = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}
PARTS_OF_DAY = ("morning", "afternoon", "evening")


@dataclass(frozen=True)
class MenteeProfile:
    id: str
    organisation_id: int
    area: Place | None  # where they will live; None if not known yet
    needs: Mapping[str, int]  # pathway code -> level of need: 0 none, 1 low, 2 medium, 3 high
    gender_preference: str  # "none" | "woman" | "man"
    wants_lived_experience: bool
    language: str  # ISO 639-1 code, "en" by default
    age: int | None
    availability: frozenset[str]  # slots like "mon_morning"; empty when not recorded
    excluded_mentor_ids: frozenset[str]
    release_date: date | None = None  # for "most urgent first"


@dataclass(frozen=True)
class MentorProfile:
    id: str
    organisation_id: int
    name: str
    matchable: bool  # approved, active, current DBS, required training done (the caller decides)
    gender: str  # "woman" | "man" | "non_binary" | "self_described" | "not_said" | ""
    age_band: str  # one of AGE_BANDS, or "" if not known
    languages: frozenset[str]
    lived_experience: bool
    skills: frozenset[str]  # pathway codes they have experience of
    areas: tuple[Place, ...]
    availability: frozenset[str]
    capacity: int
    load: int  # current active relationships
    # Why the mentor is not matchable, in plain English, when the caller knows.
    not_matchable_reason: str = ""

    @property
    def free_places(self) -> int:
        return max(0, self.capacity - self.load)


@dataclass(frozen=True)
class Weights:
    """How much each soft criterion counts, and how far a mentor's reach runs.

    The weights are relative (only their shares matter); the defaults add up to 100, so each
    reads as the points a criterion is worth. Why these: needs come first, because the
    pathways are what a mentor helps with; language next with distance, because a mentee who
    cannot be understood, or a mentor who cannot get there, makes the rest moot; lived
    experience and a shared free time matter to whether meetings happen and last; current load
    spreads the work so that no volunteer burns out; age counts a little (some schemes find
    near-peers easier, others do not, so organisations may set it to 0).
    """

    needs: float = 35.0
    lived_experience: float = 10.0
    language: float = 15.0
    availability: float = 10.0
    distance: float = 15.0
    age: float = 5.0
    load: float = 10.0
    reach_km: float = 15.0  # how far from one of their areas' centroids a mentor still covers

    def __post_init__(self):
        for field in fields(self):
            value = getattr(self, field.name)
            if not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
                raise ValueError(f"{field.name} must be a number of 0 or more, not {value!r}")
        if self.total <= 0:
            raise ValueError("at least one weight must be more than 0")

    @classmethod
    def default(cls) -> "Weights":
        return cls()

    @classmethod
    def from_mapping(cls, values: Mapping[str, float]) -> "Weights":
        """The defaults with an organisation's own values laid over them (e.g. from JSON)."""
        known = {field.name for field in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ValueError(f"unknown weights: {', '.join(unknown)}")
        return cls(**values)

    @property
    def total(self) -> float:
        return sum(getattr(self, name) for name in CRITERIA)


DEFAULT_WEIGHTS = Weights.default()


@dataclass(frozen=True)
class Suggestion:
    mentor: MentorProfile
    score: float  # 0 to 100, comparable across mentees
    reasons: tuple[str, ...]  # plain English, e.g. "covers Wirral", "2 of 3 places free"


@dataclass(frozen=True)
class Excluded:
    mentor: MentorProfile
    reasons: tuple[str, ...]  # each hard rule the mentor breaks, in plain English


# --- Hard rules ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Coverage:
    covered: bool
    fraction: float  # the distance criterion
    reason: str


def _coverage(mentee: MenteeProfile, mentor: MentorProfile, reach_km: float) -> _Coverage:
    area = mentee.area
    if area is None:
        return _Coverage(True, UNKNOWN, "release area not known yet")
    found = nearest(area, mentor.areas)
    if found is None:
        return _Coverage(False, 0.0, f"does not cover {area.name} (no areas recorded)")
    mentor_area, km = found
    if km > reach_km:
        return _Coverage(
            False, 0.0, f"does not cover {area.name} (nearest area {mentor_area.name}, {_km(km)})"
        )
    if km == 0:
        if mentor_area.code == area.code:
            return _Coverage(True, 1.0, f"covers {area.name}")
        return _Coverage(True, 1.0, f"covers {area.name} from {mentor_area.name}")
    return _Coverage(
        True, 1 - km / reach_km, f"covers {area.name} from {mentor_area.name}, {_km(km)} away"
    )


def _km(km: float) -> str:
    return "under 1 km" if km < 0.5 else f"{km:.0f} km"


def _rule_failures(mentee: MenteeProfile, mentor: MentorProfile, coverage: _Coverage) -> list[str]:
    failures = []
    if not mentor.matchable:
        failures.append(
            mentor.not_matchable_reason or "not active, or DBS or required training not current"
        )
    if mentor.free_places <= 0:
        failures.append(f"no places free ({mentor.load} of {mentor.capacity} taken)")
    if mentor.organisation_id != mentee.organisation_id:
        failures.append("another organisation")
    if not coverage.covered:
        failures.append(coverage.reason)
    preference = mentee.gender_preference
    if preference in GENDER_PREFERENCES and mentor.gender != preference:
        failures.append(f"mentee asked for a {preference}")
    if mentor.id in mentee.excluded_mentor_ids:
        failures.append("on this mentee's must-not-match list")
    return failures


def hard_rule_failures(
    mentee: MenteeProfile, mentor: MentorProfile, weights: Weights = DEFAULT_WEIGHTS
) -> list[str]:
    """Every hard rule the pair breaks, in plain English; empty if the mentor may be matched."""
    return _rule_failures(mentee, mentor, _coverage(mentee, mentor, weights.reach_km))


# --- Soft criteria ------------------------------------------------------------------------


def _needs(mentee: MenteeProfile, mentor: MentorProfile) -> tuple[float, list[str]]:
    if not mentee.needs:
        return UNKNOWN, ["needs not assessed yet"]
    needs = {code: level for code, level in mentee.needs.items() if level > 0}
    total = sum(needs.values())
    if total == 0:
        return 1.0, []
    by_importance = sorted(needs, key=lambda code: (-needs[code], PATHWAY_ORDER.get(code, 99)))
    covered = [code for code in by_importance if code in mentor.skills]
    missing = [
        code
        for code in by_importance
        if code not in mentor.skills and needs[code] >= NEED_LEVEL_WORTH_NAMING
    ]
    reasons = []
    if covered:
        reasons.append(f"has experience of {_join(_pathway_word(c) for c in covered)}")
    if missing:
        reasons.append(f"no experience of {_join((_pathway_word(c) for c in missing), 'or')}")
    return sum(needs[code] for code in covered) / total, reasons


def _lived_experience(mentee: MenteeProfile, mentor: MentorProfile) -> tuple[float, list[str]]:
    if not mentee.wants_lived_experience:
        return 1.0, []
    if mentor.lived_experience:
        return 1.0, ["has lived experience, as the mentee asked"]
    return 0.0, ["no lived experience, which the mentee asked for"]


def _language(mentee: MenteeProfile, mentor: MentorProfile) -> tuple[float, list[str]]:
    language = mentee.language or DEFAULT_LANGUAGE
    name = LANGUAGE_NAMES.get(language, language)
    if not mentor.languages:
        return UNKNOWN, ["mentor's languages not recorded"]
    if language in mentor.languages:
        return 1.0, [] if language == DEFAULT_LANGUAGE else [f"mentors in {name}"]
    return 0.0, [f"does not mentor in {name}"]


def _availability(mentee: MenteeProfile, mentor: MentorProfile) -> tuple[float, list[str]]:
    if not mentee.availability:
        return UNKNOWN, ["mentee's free times not recorded"]
    if not mentor.availability:
        return UNKNOWN, ["mentor's free times not recorded"]
    shared = sorted(mentee.availability & mentor.availability, key=_slot_order)
    fraction = min(len(shared), ENOUGH_SHARED_TIMES) / min(
        len(mentee.availability), ENOUGH_SHARED_TIMES
    )
    if not shared:
        return fraction, ["no free times in common"]
    if len(shared) == 1:
        return fraction, [f"free at the same time: {slot_label(shared[0])}"]
    return fraction, [f"{len(shared)} free times in common, such as {slot_label(shared[0])}"]


def _age(mentee: MenteeProfile, mentor: MentorProfile) -> tuple[float, list[str]]:
    if mentee.age is None:
        return UNKNOWN, ["mentee's age not recorded"]
    if mentor.age_band not in AGE_BANDS:
        return UNKNOWN, ["mentor's age not recorded"]
    mentor_band = AGE_BANDS.index(mentor.age_band)
    apart = abs(age_band_index(mentee.age) - mentor_band)
    fraction = max(0.0, 1 - apart / AGE_BANDS_APART_FOR_NONE)
    label = AGE_BAND_LABELS[mentor_band]
    if apart == 0:
        return fraction, [f"same age group ({label})"]
    if apart == 1:
        return fraction, [f"close in age ({label})"]
    return fraction, [f"a different age group ({label})"]


def _load(mentor: MentorProfile) -> tuple[float, list[str]]:
    if mentor.capacity <= 0:
        return 0.0, []
    places = "place" if mentor.capacity == 1 else "places"
    return (
        mentor.free_places / mentor.capacity,
        [f"{mentor.free_places} of {mentor.capacity} {places} free"],
    )


def age_band_index(age: int) -> int:
    """The position in AGE_BANDS of a mentee's age (under 18s count with 18 to 24)."""
    return sum(age >= start for start in (25, 35, 45, 55, 65))


def slot_label(slot: str) -> str:
    """ "mon_evening" -> "Monday evening"; anything else as it is."""
    day, _, part = slot.partition("_")
    return f"{DAY_NAMES[day]} {part}" if day in DAY_NAMES and part in PARTS_OF_DAY else slot


def _slot_order(slot: str) -> tuple:
    day, _, part = slot.partition("_")
    days = list(DAY_NAMES)
    if day in DAY_NAMES and part in PARTS_OF_DAY:
        return (days.index(day), PARTS_OF_DAY.index(part), slot)
    return (len(days), 0, slot)


def _pathway_word(code: str) -> str:
    return PATHWAY_WORDS.get(code, code.replace("-", " "))


def _join(words: Iterable[str], conjunction: str = "and") -> str:
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def _suggestion(
    mentee: MenteeProfile, mentor: MentorProfile, weights: Weights, coverage: _Coverage
) -> Suggestion:
    parts = {
        "needs": _needs(mentee, mentor),
        "lived_experience": _lived_experience(mentee, mentor),
        "language": _language(mentee, mentor),
        "availability": _availability(mentee, mentor),
        "age": _age(mentee, mentor),
        "load": _load(mentor),
    }
    earned = weights.distance * coverage.fraction
    reasons = [coverage.reason]
    for name in ("needs", "lived_experience", "language", "availability", "age", "load"):
        fraction, why = parts[name]
        weight = getattr(weights, name)
        earned += weight * fraction
        if weight > 0:
            reasons.extend(why)
    return Suggestion(mentor=mentor, score=100 * earned / weights.total, reasons=tuple(reasons))


def score(
    mentee: MenteeProfile, mentor: MentorProfile, weights: Weights = DEFAULT_WEIGHTS
) -> Suggestion:
    """The mentor's score for this mentee, 0 to 100, with its reasons. Assumes the hard rules
    pass (check with hard_rule_failures); a mentor out of reach scores 0 on distance."""
    return _suggestion(mentee, mentor, weights, _coverage(mentee, mentor, weights.reach_km))


def suggestion_order(suggestion: Suggestion) -> tuple:
    """Highest score first; equal scores by mentor name, then id, so the order is stable."""
    return (-suggestion.score, suggestion.mentor.name, suggestion.mentor.id)


def rank(
    mentee: MenteeProfile,
    mentors: Iterable[MentorProfile],
    weights: Weights = DEFAULT_WEIGHTS,
    limit: int | None = None,
) -> tuple[list[Suggestion], list[Excluded]]:
    """The mentors allowed for this mentee, best first (the first `limit` of them), and every
    mentor excluded with each hard rule broken: nearest misses (fewest rules broken) first,
    then by name."""
    suggestions, excluded = [], []
    for mentor in mentors:
        coverage = _coverage(mentee, mentor, weights.reach_km)
        failures = _rule_failures(mentee, mentor, coverage)
        if failures:
            excluded.append(Excluded(mentor=mentor, reasons=tuple(failures)))
        else:
            suggestions.append(_suggestion(mentee, mentor, weights, coverage))
    suggestions.sort(key=suggestion_order)
    excluded.sort(key=lambda e: (len(e.reasons), e.mentor.name, e.mentor.id))
    if limit is not None:
        suggestions = suggestions[: max(0, limit)]
    return suggestions, excluded
