"""Every mentee's score for every mentor at once, with numpy: the same hard rules and the same
figures as matching/scoring.py (a test holds the two together on random data), for bulk matching
where calling `score` for each of millions of pairs would be far too slow. No Django import.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .geo import distance_matrix_km
from .scoring import (
    AGE_BANDS,
    AGE_BANDS_APART_FOR_NONE,
    DEFAULT_LANGUAGE,
    ENOUGH_SHARED_TIMES,
    GENDER_PREFERENCES,
    UNKNOWN,
    MenteeProfile,
    MentorProfile,
    Weights,
    age_band_index,
)


@dataclass(frozen=True)
class ScoreMatrix:
    scores: np.ndarray  # float, mentees x mentors, 0 to 100 (meaningful where allowed)
    allowed: np.ndarray  # bool, mentees x mentors: every hard rule passes


def score_matrix(
    mentees: Sequence[MenteeProfile], mentors: Sequence[MentorProfile], weights: Weights
) -> ScoreMatrix:
    n, m = len(mentees), len(mentors)
    if n == 0 or m == 0:
        return ScoreMatrix(np.zeros((n, m)), np.zeros((n, m), dtype=bool))

    km, area_known = _nearest_km(mentees, mentors)
    covered = ~area_known[:, None] | (km <= weights.reach_km)
    allowed = covered & _mentor_rules(mentors)[None, :]
    allowed &= _same_organisation(mentees, mentors)
    allowed &= _gender_met(mentees, mentors)
    _exclude_listed(allowed, mentees, mentors)

    reach = max(weights.reach_km, np.finfo(float).tiny)
    with np.errstate(invalid="ignore", over="ignore"):
        distance = np.where(km == 0, 1.0, np.where(covered, 1 - km / reach, 0.0))
    distance[~area_known] = UNKNOWN
    earned = weights.distance * distance
    del km, distance

    for weight, fraction in (
        (weights.needs, _needs),
        (weights.lived_experience, _lived_experience),
        (weights.language, _language),
        (weights.availability, _availability),
        (weights.age, _age),
    ):
        if weight > 0:
            earned += weight * fraction(mentees, mentors)
    if weights.load > 0:
        capacity = np.array([mentor.capacity for mentor in mentors], dtype=float)
        free = np.array([mentor.free_places for mentor in mentors], dtype=float)
        load = np.divide(free, capacity, out=np.zeros(m), where=capacity > 0)
        earned += weights.load * load[None, :]
    earned *= 100 / weights.total
    return ScoreMatrix(earned, allowed)


def _nearest_km(mentees, mentors) -> tuple[np.ndarray, np.ndarray]:
    """Distance from each mentee's area to the nearest of each mentor's areas (inf if the
    mentor has none, 0 where the mentee's area is unknown), and whether the area is known."""
    places, index = [], {}
    for place in [mentee.area for mentee in mentees if mentee.area] + [
        area for mentor in mentors for area in mentor.areas
    ]:
        if place.code not in index:
            index[place.code] = len(places)
            places.append(place)
    area_known = np.array([mentee.area is not None for mentee in mentees])
    if not places:
        return np.zeros((len(mentees), len(mentors))), area_known
    between = distance_matrix_km(places)
    # Each mentor's nearest area to every place first (a few hundred places at most), then
    # one row per mentee picked from it.
    from_mentor = np.full((len(mentors), len(places)), np.inf)
    for row, mentor in enumerate(mentors):
        if mentor.areas:
            from_mentor[row] = between[[index[area.code] for area in mentor.areas]].min(axis=0)
    km = np.zeros((len(mentees), len(mentors)))
    km[area_known] = from_mentor[:, [index[e.area.code] for e in mentees if e.area]].T
    return km, area_known


def _mentor_rules(mentors) -> np.ndarray:
    return np.array([mentor.matchable and mentor.free_places > 0 for mentor in mentors])


def _same_organisation(mentees, mentors) -> np.ndarray:
    codes = {}
    mentee_orgs = np.array([codes.setdefault(e.organisation_id, len(codes)) for e in mentees])
    mentor_orgs = np.array([codes.setdefault(m.organisation_id, len(codes)) for m in mentors])
    return mentee_orgs[:, None] == mentor_orgs[None, :]


def _gender_met(mentees, mentors) -> np.ndarray:
    allowed = np.ones((len(mentees), len(mentors)), dtype=bool)
    for preference in GENDER_PREFERENCES:
        asked = np.array([mentee.gender_preference == preference for mentee in mentees])
        is_it = np.array([mentor.gender == preference for mentor in mentors])
        allowed &= ~asked[:, None] | is_it[None, :]
    return allowed


def _exclude_listed(allowed, mentees, mentors) -> None:
    columns = {}
    for column, mentor in enumerate(mentors):
        columns.setdefault(mentor.id, []).append(column)
    for row, mentee in enumerate(mentees):
        for mentor_id in mentee.excluded_mentor_ids:
            for column in columns.get(mentor_id, ()):
                allowed[row, column] = False


def _indicator(sets, vocabulary: dict[str, int]) -> np.ndarray:
    """A 0/1 matrix with a row per set and a column per word in `vocabulary`."""
    matrix = np.zeros((len(sets), len(vocabulary)))
    for row, words in enumerate(sets):
        for word in words:
            matrix[row, vocabulary[word]] = 1.0
    return matrix


def _vocabulary(*groups) -> dict[str, int]:
    vocabulary = {}
    for group in groups:
        for words in group:
            for word in words:
                vocabulary.setdefault(word, len(vocabulary))
    return vocabulary


def _needs(mentees, mentors) -> np.ndarray:
    needs = [{code: level for code, level in e.needs.items() if level > 0} for e in mentees]
    vocabulary = _vocabulary(needs, [mentor.skills for mentor in mentors])
    levels = np.zeros((len(mentees), len(vocabulary)))
    for row, mentee_needs in enumerate(needs):
        for code, level in mentee_needs.items():
            levels[row, vocabulary[code]] = level
    skills = _indicator([mentor.skills for mentor in mentors], vocabulary)
    total = levels.sum(axis=1)
    covered = levels @ skills.T
    fraction = np.divide(
        covered, total[:, None], out=np.ones_like(covered), where=total[:, None] > 0
    )
    not_assessed = np.array([not mentee.needs for mentee in mentees])
    fraction[not_assessed] = UNKNOWN
    return fraction


def _lived_experience(mentees, mentors) -> np.ndarray:
    wants = np.array([mentee.wants_lived_experience for mentee in mentees])
    has = np.array([mentor.lived_experience for mentor in mentors])
    return (~wants[:, None] | has[None, :]).astype(float)


def _language(mentees, mentors) -> np.ndarray:
    wanted = [{mentee.language or DEFAULT_LANGUAGE} for mentee in mentees]
    vocabulary = _vocabulary(wanted, [mentor.languages for mentor in mentors])
    spoken = _indicator([mentor.languages for mentor in mentors], vocabulary)
    fraction = spoken[:, [vocabulary[next(iter(w))] for w in wanted]].T.copy()
    fraction[:, np.array([not mentor.languages for mentor in mentors])] = UNKNOWN
    return fraction


def _availability(mentees, mentors) -> np.ndarray:
    vocabulary = _vocabulary(
        [mentee.availability for mentee in mentees], [mentor.availability for mentor in mentors]
    )
    mentee_slots = _indicator([mentee.availability for mentee in mentees], vocabulary)
    mentor_slots = _indicator([mentor.availability for mentor in mentors], vocabulary)
    shared = np.minimum(mentee_slots @ mentor_slots.T, ENOUGH_SHARED_TIMES)
    enough = np.minimum(mentee_slots.sum(axis=1), ENOUGH_SHARED_TIMES)
    fraction = np.divide(
        shared, enough[:, None], out=np.full_like(shared, UNKNOWN), where=enough[:, None] > 0
    )
    fraction[:, mentor_slots.sum(axis=1) == 0] = UNKNOWN
    fraction[enough == 0] = UNKNOWN
    return fraction


def _age(mentees, mentors) -> np.ndarray:
    mentee_bands = np.array(
        [np.nan if e.age is None else age_band_index(e.age) for e in mentees], dtype=float
    )
    mentor_bands = np.array(
        [AGE_BANDS.index(m.age_band) if m.age_band in AGE_BANDS else np.nan for m in mentors],
        dtype=float,
    )
    apart = np.abs(mentee_bands[:, None] - mentor_bands[None, :])
    fraction = np.maximum(0.0, 1 - apart / AGE_BANDS_APART_FOR_NONE)
    return np.where(np.isnan(apart), UNKNOWN, fraction)
