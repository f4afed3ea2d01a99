"""Mentee and mentor profiles for the matching tests: a good, plain pair by default, changed
one field at a time with keyword arguments."""

from dataclasses import replace

from matching.scoring import MenteeProfile, MentorProfile, Place

# Centroids from providers/data/local_authorities.tsv.
LIVERPOOL = Place("E08000012", "Liverpool", 53.3954521482, -2.9170076303)
WIRRAL = Place("E08000015", "Wirral", 53.3683428394, -3.092676444)
SEFTON = Place("E08000014", "Sefton", 53.5653796661, -3.0150163189)
KNOWSLEY = Place("E08000011", "Knowsley", 53.4251005651, -2.8340373463)
NEWCASTLE = Place("E08000021", "Newcastle upon Tyne", 55.0076658552, -1.6578151401)

ORGANISATION = 1

_MENTEE = MenteeProfile(
    id="mentee-1",
    organisation_id=ORGANISATION,
    area=WIRRAL,
    needs={"accommodation": 3, "education-training-employment": 2},
    gender_preference="none",
    wants_lived_experience=False,
    language="en",
    age=30,
    availability=frozenset({"mon_evening", "wed_evening"}),
    excluded_mentor_ids=frozenset(),
)

_MENTOR = MentorProfile(
    id="mentor-1",
    organisation_id=ORGANISATION,
    name="Alex Adams",
    matchable=True,
    gender="woman",
    age_band="25-34",
    languages=frozenset({"en"}),
    lived_experience=True,
    skills=frozenset({"accommodation", "education-training-employment"}),
    areas=(WIRRAL,),
    availability=frozenset({"mon_evening", "wed_evening", "sat_morning"}),
    capacity=3,
    load=0,
)


def mentee(**changes) -> MenteeProfile:
    return replace(_MENTEE, **changes)


def mentor(**changes) -> MentorProfile:
    return replace(_MENTOR, **changes)
