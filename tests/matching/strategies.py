"""Hypothesis strategies for small, awkward matching problems: unknown areas, empty records,
mentors who are full or over capacity, other organisations, must-not-match lists, odd slots,
languages and age bands, and weights with zeros or no reach at all."""

from dataclasses import replace
from datetime import date

from hypothesis import strategies as st

from matching.scoring import MenteeProfile, MentorProfile, Weights

from .profiles import KNOWSLEY, LIVERPOOL, NEWCASTLE, SEFTON, WIRRAL

PLACES = [LIVERPOOL, WIRRAL, SEFTON, KNOWSLEY, NEWCASTLE]
PATHWAYS = ["accommodation", "health", "drugs-alcohol", "children-families"]
SLOTS = ["mon_morning", "mon_evening", "tue_evening", "sat_morning", "sun_afternoon", "whenever"]
LANGUAGES = ["en", "pl", "cy"]
MENTOR_IDS = [f"m{n}" for n in range(8)]

places = st.sampled_from(PLACES)
slots = st.frozensets(st.sampled_from(SLOTS), max_size=5)

a_mentee = st.builds(
    MenteeProfile,
    id=st.just(""),
    organisation_id=st.sampled_from([1, 1, 1, 2]),
    area=st.none() | places,
    needs=st.dictionaries(st.sampled_from(PATHWAYS), st.integers(0, 3), max_size=4),
    gender_preference=st.sampled_from(["none", "none", "woman", "man"]),
    wants_lived_experience=st.booleans(),
    language=st.sampled_from(["en", "en", "pl", "", "so"]),
    age=st.none() | st.integers(16, 90),
    availability=slots,
    excluded_mentor_ids=st.frozensets(st.sampled_from(MENTOR_IDS), max_size=2),
    release_date=st.none() | st.dates(date(2026, 12, 1), date(2027, 2, 1)),
)

a_mentor = st.builds(
    MentorProfile,
    id=st.just(""),
    organisation_id=st.sampled_from([1, 1, 1, 2]),
    name=st.sampled_from(["Ann", "Bea", "Cy"]),
    matchable=st.sampled_from([True, True, True, False]),
    gender=st.sampled_from(["woman", "man", "non_binary", ""]),
    age_band=st.sampled_from(["18-24", "25-34", "45-54", "65+", "", "unknown"]),
    languages=st.frozensets(st.sampled_from(LANGUAGES), max_size=2),
    lived_experience=st.booleans(),
    skills=st.frozensets(st.sampled_from(PATHWAYS), max_size=3),
    areas=st.lists(places, max_size=3).map(tuple),
    availability=slots,
    capacity=st.integers(0, 3),
    load=st.integers(0, 3),
)


def _numbered(people, prefix):
    return [replace(person, id=f"{prefix}{n}") for n, person in enumerate(people)]


def mentees(max_size=8):
    return st.lists(a_mentee, max_size=max_size).map(lambda people: _numbered(people, "e"))


def mentors(max_size=8):
    return st.lists(a_mentor, max_size=max_size).map(lambda people: _numbered(people, "m"))


weights = st.builds(
    Weights,
    needs=st.sampled_from([0, 1, 35]),
    lived_experience=st.sampled_from([0, 10]),
    language=st.sampled_from([0, 15]),
    availability=st.sampled_from([0, 2.5, 10]),
    distance=st.sampled_from([0, 15, 60]),
    age=st.sampled_from([0, 5]),
    load=st.sampled_from([0.5, 10]),
    reach_km=st.sampled_from([0, 7, 15, 25]),
)
