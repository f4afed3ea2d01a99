"""matching/scoring.py on its own: each hard rule and its reason, each soft criterion moving the
score the right way, weights, and rank's order, limit and exclusions."""

import math
import subprocess
import sys
from pathlib import Path

import pytest

from matching.scoring import (
    LANGUAGE_NAMES,
    PATHWAY_WORDS,
    Weights,
    age_band_index,
    hard_rule_failures,
    rank,
    score,
    slot_label,
)

from .profiles import KNOWSLEY, LIVERPOOL, NEWCASTLE, SEFTON, WIRRAL, mentee, mentor

ROOT = Path(__file__).resolve().parents[2]


def test_the_pure_modules_import_no_django():
    code = (
        "import sys, matching.geo, matching.scoring, matching.matrix, matching.assignment; "
        "print([name for name in sys.modules if name.split('.')[0] == 'django'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# --- Hard rules ---------------------------------------------------------------------------


def test_a_plain_good_pair_breaks_no_rule():
    assert hard_rule_failures(mentee(), mentor()) == []


@pytest.mark.parametrize(
    ("mentor_changes", "mentee_changes", "reason"),
    [
        (
            {"matchable": False},
            {},
            "not active, or DBS or required training not current",
        ),
        (
            {"matchable": False, "not_matchable_reason": "DBS check expired"},
            {},
            "DBS check expired",
        ),
        ({"capacity": 3, "load": 3}, {}, "no places free (3 of 3 taken)"),
        ({"capacity": 2, "load": 3}, {}, "no places free (3 of 2 taken)"),
        ({"organisation_id": 2}, {}, "another organisation"),
        ({"areas": (SEFTON,)}, {}, "does not cover Wirral (nearest area Sefton, 23 km)"),
        (
            {"areas": (NEWCASTLE, SEFTON)},
            {},
            "does not cover Wirral (nearest area Sefton, 23 km)",
        ),
        ({"areas": ()}, {}, "does not cover Wirral (no areas recorded)"),
        ({"gender": "man"}, {"gender_preference": "woman"}, "mentee asked for a woman"),
        ({"gender": "non_binary"}, {"gender_preference": "woman"}, "mentee asked for a woman"),
        ({"gender": ""}, {"gender_preference": "man"}, "mentee asked for a man"),
        (
            {"id": "mentor-9"},
            {"excluded_mentor_ids": frozenset({"mentor-9"})},
            "on this mentee's must-not-match list",
        ),
    ],
)
def test_each_hard_rule_names_itself(mentor_changes, mentee_changes, reason):
    assert hard_rule_failures(mentee(**mentee_changes), mentor(**mentor_changes)) == [reason]


def test_every_broken_rule_is_listed_in_order():
    failures = hard_rule_failures(
        mentee(gender_preference="woman", excluded_mentor_ids=frozenset({"mentor-1"})),
        mentor(
            matchable=False, capacity=1, load=1, organisation_id=2, areas=(SEFTON,), gender="man"
        ),
    )
    assert failures == [
        "not active, or DBS or required training not current",
        "no places free (1 of 1 taken)",
        "another organisation",
        "does not cover Wirral (nearest area Sefton, 23 km)",
        "mentee asked for a woman",
        "on this mentee's must-not-match list",
    ]


@pytest.mark.parametrize(
    ("preference", "gender"),
    [("woman", "woman"), ("man", "man"), ("none", "man"), ("none", ""), ("none", "not_said")],
)
def test_a_gender_preference_is_met_or_there_is_none(preference, gender):
    assert hard_rule_failures(mentee(gender_preference=preference), mentor(gender=gender)) == []


def test_a_mentor_within_reach_of_one_of_their_areas_covers_the_mentees_area():
    nearby = mentor(areas=(NEWCASTLE, LIVERPOOL))  # Liverpool is 12 km from Wirral
    assert hard_rule_failures(mentee(), nearby) == []
    assert score(mentee(), nearby).reasons[0] == "covers Wirral from Liverpool, 12 km away"

    shorter = Weights(reach_km=10)
    assert hard_rule_failures(mentee(), nearby, shorter) == [
        "does not cover Wirral (nearest area Liverpool, 12 km)"
    ]
    assert hard_rule_failures(mentee(), mentor(areas=(WIRRAL,)), Weights(reach_km=0)) == []


def test_a_mentee_whose_area_is_not_known_yet_passes_the_area_rule():
    unknown = mentee(area=None)
    assert hard_rule_failures(unknown, mentor(areas=(NEWCASTLE,))) == []
    assert hard_rule_failures(unknown, mentor(areas=())) == []
    assert score(unknown, mentor()).reasons[0] == "release area not known yet"


# --- The score and its reasons --------------------------------------------------------------


def test_a_mentor_who_misses_nothing_scores_100_with_plain_reasons():
    suggestion = score(mentee(), mentor())
    assert suggestion.score == pytest.approx(100)
    assert suggestion.reasons == (
        "covers Wirral",
        "has experience of housing and employment",
        "2 free times in common, such as Monday evening",
        "same age group (25 to 34)",
        "3 of 3 places free",
    )


def test_the_score_is_the_weighted_share_of_what_the_mentor_meets():
    km = 12.034942852463915  # Wirral to Liverpool
    suggestion = score(mentee(), mentor(areas=(LIVERPOOL,), load=2))
    expected = 35 + 10 + 15 + 10 + 15 * (1 - km / 15) + 5 + 10 * (1 / 3)
    assert suggestion.score == pytest.approx(expected)
    assert "1 of 3 places free" in suggestion.reasons

    halved = Weights(needs=70, lived_experience=20, language=30, availability=20, distance=30,
                     age=10, load=20)  # fmt: skip
    assert score(mentee(), mentor(areas=(LIVERPOOL,), load=2), halved).score == pytest.approx(
        expected
    )


def test_needs_count_by_level_and_name_the_pathways_met_and_missed():
    both = score(mentee(), mentor())
    housing = score(mentee(), mentor(skills=frozenset({"accommodation"})))
    employment = score(mentee(), mentor(skills=frozenset({"education-training-employment"})))
    neither = score(mentee(), mentor(skills=frozenset({"health"})))
    assert both.score > housing.score > employment.score > neither.score
    assert housing.score - neither.score == pytest.approx(35 * 3 / 5)

    assert "has experience of housing" in housing.reasons
    assert "no experience of employment" in housing.reasons
    assert "no experience of housing or employment" in neither.reasons


def test_a_low_need_left_unmet_costs_points_but_is_not_named():
    needs = {"accommodation": 3, "health": 1}
    suggestion = score(mentee(needs=needs), mentor(skills=frozenset({"accommodation"})))
    assert suggestion.score == pytest.approx(100 - 35 / 4)
    assert not any("health" in reason for reason in suggestion.reasons)


def test_needs_not_assessed_count_half_and_say_so():
    suggestion = score(mentee(needs={}), mentor())
    assert suggestion.score == pytest.approx(100 - 35 / 2)
    assert "needs not assessed yet" in suggestion.reasons
    # Assessed with no need at all: nothing for any mentor to miss.
    assert score(mentee(needs={"health": 0}), mentor()).score == pytest.approx(100)


def test_lived_experience_counts_only_when_the_mentee_asked_for_it():
    asked = mentee(wants_lived_experience=True)
    has, lacks = mentor(), mentor(lived_experience=False)
    assert score(asked, has).score - score(asked, lacks).score == pytest.approx(10)
    assert "has lived experience, as the mentee asked" in score(asked, has).reasons
    assert "no lived experience, which the mentee asked for" in score(asked, lacks).reasons
    assert score(mentee(), has).score == score(mentee(), lacks).score


def test_a_shared_language_scores_and_is_named_when_it_is_not_english():
    polish = mentee(language="pl")
    speaks = score(polish, mentor(languages=frozenset({"en", "pl"})))
    not_recorded = score(polish, mentor(languages=frozenset()))
    does_not = score(polish, mentor())
    assert speaks.score > not_recorded.score > does_not.score
    assert "mentors in Polish" in speaks.reasons
    assert "does not mentor in Polish" in does_not.reasons
    assert "mentor's languages not recorded" in not_recorded.reasons
    assert (
        "does not mentor in English" in score(mentee(), mentor(languages=frozenset({"pl"}))).reasons
    )


def test_more_free_times_in_common_score_more_up_to_three():
    free = frozenset({"mon_morning", "tue_morning", "wed_morning", "thu_morning"})
    keen = mentee(availability=free)

    def with_times(*slots):
        return score(keen, mentor(availability=frozenset(slots)))

    none = with_times("sun_evening")
    one = with_times("tue_morning", "sun_evening")
    three = with_times("mon_morning", "tue_morning", "wed_morning")
    four = with_times(*free)
    assert none.score < one.score < three.score == four.score
    assert "no free times in common" in none.reasons
    assert "free at the same time: Tuesday morning" in one.reasons
    assert "3 free times in common, such as Monday morning" in three.reasons
    assert score(mentee(availability=frozenset()), mentor()).score == pytest.approx(95)
    assert (
        "mentee's free times not recorded"
        in score(mentee(availability=frozenset()), mentor()).reasons
    )
    assert (
        "mentor's free times not recorded"
        in score(mentee(), mentor(availability=frozenset())).reasons
    )


def test_nearer_mentors_score_more_and_the_reason_names_the_nearest_area():
    in_liverpool = mentee(area=LIVERPOOL)
    own = score(in_liverpool, mentor(areas=(LIVERPOOL,)))
    knowsley = score(in_liverpool, mentor(areas=(KNOWSLEY,)))  # 6 km
    wirral = score(in_liverpool, mentor(areas=(WIRRAL, NEWCASTLE)))  # 12 km
    unknown = score(mentee(area=None), mentor())
    assert own.score > knowsley.score > wirral.score
    assert own.score - unknown.score == pytest.approx(15 / 2)
    assert own.reasons[0] == "covers Liverpool"
    assert knowsley.reasons[0] == "covers Liverpool from Knowsley, 6 km away"
    assert wirral.reasons[0] == "covers Liverpool from Wirral, 12 km away"


def test_closer_age_bands_score_more():
    bands = ("25-34", "35-44", "45-54", "55-64", "65+")
    scores = [score(mentee(age=30), mentor(age_band=band)) for band in bands]
    assert [round(100 - s.score, 4) for s in scores] == [0, round(5 / 3, 4), round(10 / 3, 4), 5, 5]
    assert "same age group (25 to 34)" in scores[0].reasons
    assert "close in age (35 to 44)" in scores[1].reasons
    assert "a different age group (55 to 64)" in scores[3].reasons
    assert "mentor's age not recorded" in score(mentee(), mentor(age_band="")).reasons
    assert "mentee's age not recorded" in score(mentee(age=None), mentor()).reasons
    assert score(mentee(age=None), mentor()).score == pytest.approx(97.5)


def test_mentors_with_more_places_free_score_more():
    assert score(mentee(), mentor(load=0)).score > score(mentee(), mentor(load=2)).score
    assert "1 of 1 place free" in score(mentee(), mentor(capacity=1)).reasons


def test_a_criterion_weighted_zero_neither_scores_nor_gives_reasons():
    weights = Weights(age=0)
    far_apart = score(mentee(age=19), mentor(age_band="65+"), weights)
    assert far_apart.score == pytest.approx(100)
    assert not any("age" in reason for reason in far_apart.reasons)


# --- Weights --------------------------------------------------------------------------------


def test_the_default_weights_add_up_to_100_and_reach_15_km():
    weights = Weights.default()
    assert weights.total == 100
    assert weights.reach_km == 15


@pytest.mark.parametrize(
    "values",
    [{"needs": -1}, {"language": math.nan}, {"reach_km": math.inf}, {"distance": "high"}],
)
def test_weights_refuse_what_is_not_a_number_of_0_or_more(values):
    with pytest.raises(ValueError, match="must be a number of 0 or more"):
        Weights(**values)


def test_weights_need_at_least_one_above_0():
    zero = dict.fromkeys(
        ["needs", "lived_experience", "language", "availability", "distance", "age", "load"], 0
    )
    with pytest.raises(ValueError, match="at least one weight"):
        Weights(**zero)


def test_an_organisations_weights_lie_over_the_defaults():
    weights = Weights.from_mapping({"needs": 50, "reach_km": 25})
    assert (weights.needs, weights.reach_km, weights.language) == (50, 25, 15)
    with pytest.raises(ValueError, match="unknown weights: colour"):
        Weights.from_mapping({"colour": 1})


def test_weights_change_the_ranking():
    close_no_skills = mentor(id="close", name="Close", skills=frozenset())
    far_with_skills = mentor(id="far", name="Far", areas=(LIVERPOOL,))
    mentors = [close_no_skills, far_with_skills]

    by_default, _ = rank(mentee(), mentors)
    assert [s.mentor.id for s in by_default] == ["far", "close"]

    distance_first, _ = rank(mentee(), mentors, Weights(needs=0, distance=100))
    assert [s.mentor.id for s in distance_first] == ["close", "far"]


# --- rank -----------------------------------------------------------------------------------


def test_rank_orders_by_score_then_name_and_honours_the_limit():
    mentors = [
        mentor(id="c", name="Chris", load=2),
        mentor(id="b2", name="Bea", load=1),
        mentor(id="a", name="Ann", load=1),
        mentor(id="b1", name="Bea", load=1),
        mentor(id="d", name="Dan", load=0),
    ]
    suggestions, excluded = rank(mentee(), mentors)
    assert [s.mentor.id for s in suggestions] == ["d", "a", "b1", "b2", "c"]
    assert [s.score for s in suggestions] == sorted((s.score for s in suggestions), reverse=True)
    assert excluded == []

    top, _ = rank(mentee(), mentors, limit=2)
    assert [s.mentor.id for s in top] == ["d", "a"]
    assert rank(mentee(), mentors, limit=0)[0] == []


def test_rank_lists_every_excluded_mentor_with_every_reason_nearest_misses_first():
    mentors = [
        mentor(id="ok", name="Ok"),
        mentor(id="far-full", name="Avery", areas=(NEWCASTLE,), capacity=1, load=1),
        mentor(id="other", name="Zed", organisation_id=2),
        mentor(id="listed", name="Bo"),
    ]
    suggestions, excluded = rank(mentee(excluded_mentor_ids=frozenset({"listed"})), mentors)
    assert [s.mentor.id for s in suggestions] == ["ok"]
    assert [(e.mentor.id, e.reasons) for e in excluded] == [
        ("listed", ("on this mentee's must-not-match list",)),
        ("other", ("another organisation",)),
        (
            "far-full",
            (
                "no places free (1 of 1 taken)",
                "does not cover Wirral (nearest area Newcastle upon Tyne, 205 km)",
            ),
        ),
    ]


def test_rank_with_no_mentors_suggests_nobody():
    assert rank(mentee(), []) == ([], [])


def test_rank_accepts_any_iterable_of_mentors():
    suggestions, _ = rank(mentee(), (m for m in [mentor()]))
    assert len(suggestions) == 1


# --- Words ----------------------------------------------------------------------------------


def test_language_names_are_the_sites_own():
    from providers.constants import Language

    assert dict(Language.choices) == LANGUAGE_NAMES


def test_every_pathway_has_a_short_word():
    from providers.pathways import PATHWAYS

    assert {code for code, _name, _description in PATHWAYS} == set(PATHWAY_WORDS)


def test_slot_labels_and_age_bands():
    assert slot_label("mon_evening") == "Monday evening"
    assert slot_label("whenever") == "whenever"
    assert [age_band_index(age) for age in (16, 24, 25, 44, 45, 64, 65, 90)] == [
        0,
        0,
        1,
        2,
        3,
        4,
        5,
        5,
    ]
