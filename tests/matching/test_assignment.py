"""Bulk matching: optimal against greedy, capacities, unmatched mentees and empty inputs."""

from collections import Counter
from datetime import date
from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching.assignment import Assignment, Pair, greedy, optimal
from matching.scoring import hard_rule_failures, score

from . import strategies
from .profiles import NEWCASTLE, SEFTON, WIRRAL, mentee, mentor

SOON, LATER = date(2026, 12, 10), date(2027, 1, 20)


def ids(assignment: Assignment) -> dict[str, str]:
    return {pair.mentee_id: pair.mentor_id for pair in assignment.pairs}


def test_greedy_can_leave_someone_unmatched_that_optimal_matches():
    # The urgent mentee's best mentor is the only one who covers Sefton.
    urgent = mentee(id="urgent", release_date=SOON)
    in_sefton = mentee(id="sefton", area=SEFTON, release_date=LATER)
    both_areas = mentor(id="both", name="Both", areas=(WIRRAL, SEFTON), capacity=1)
    wirral_only = mentor(id="wirral", name="Wirral", load=1)

    by_hand = greedy([urgent, in_sefton], [both_areas, wirral_only])
    assert ids(by_hand) == {"urgent": "both"}
    assert by_hand.unmatched == ("sefton",)

    best = optimal([urgent, in_sefton], [both_areas, wirral_only])
    assert ids(best) == {"urgent": "wirral", "sefton": "both"}
    assert best.unmatched == ()
    assert (best.matched, by_hand.matched) == (2, 1)
    assert best.total_score > by_hand.total_score


def test_greedy_can_match_everyone_with_a_lower_total():
    urgent = mentee(id="urgent", needs={"health": 3}, release_date=SOON)
    housing = mentee(id="housing", needs={"accommodation": 3}, release_date=LATER)
    all_round = mentor(
        id="all", name="All", skills=frozenset({"health", "accommodation"}), capacity=1
    )
    health_only = mentor(id="health", name="Health", skills=frozenset({"health"}), load=1)

    by_hand = greedy([urgent, housing], [all_round, health_only])
    best = optimal([urgent, housing], [all_round, health_only])
    assert ids(by_hand) == {"urgent": "all", "housing": "health"}
    assert ids(best) == {"urgent": "health", "housing": "all"}
    assert by_hand.matched == best.matched == 2
    assert best.total_score - by_hand.total_score == pytest.approx(35)


def test_greedy_serves_the_soonest_release_first_and_unknown_dates_last():
    people = [
        mentee(id="unknown", release_date=None),
        mentee(id="later", release_date=LATER),
        mentee(id="soon", release_date=SOON),
    ]
    assert ids(greedy(people, [mentor(capacity=1)])) == {"soon": "mentor-1"}
    assert set(ids(greedy(people, [mentor(capacity=2)]))) == {"soon", "later"}
    assert greedy(people, [mentor(capacity=2)]).unmatched == ("unknown",)


@pytest.mark.parametrize("method", [optimal, greedy])
def test_free_places_are_capacity_less_load(method):
    people = [mentee(id=f"e{n}") for n in range(4)]
    result = method(people, [mentor(id="a", capacity=3, load=1), mentor(id="full", load=3)])
    assert result.matched == 2
    assert Counter(ids(result).values()) == {"a": 2}
    assert len(result.unmatched) == 2


@pytest.mark.parametrize("method", [optimal, greedy])
def test_mentees_nobody_may_mentor_stay_unmatched(method):
    people = [
        mentee(id="elsewhere", organisation_id=2),
        mentee(id="far", area=NEWCASTLE),
        mentee(id="wants-a-man", gender_preference="man"),
        mentee(id="listed", excluded_mentor_ids=frozenset({"mentor-1"})),
    ]
    result = method(people, [mentor(), mentor(id="paused", matchable=False)])
    assert result.pairs == ()
    assert result.unmatched == ("elsewhere", "far", "wants-a-man", "listed")
    assert result.total_score == 0
    assert result.matched == 0


@pytest.mark.parametrize("method", [optimal, greedy])
def test_empty_inputs(method):
    assert method([], []) == Assignment(pairs=(), unmatched=())
    assert method([], [mentor()]) == Assignment(pairs=(), unmatched=())
    assert method([mentee()], []) == Assignment(pairs=(), unmatched=("mentee-1",))


@pytest.mark.parametrize("method", [optimal, greedy])
def test_each_person_may_be_given_only_once(method):
    with pytest.raises(ValueError, match="each mentee may be given only once"):
        method([mentee(), mentee()], [mentor()])
    with pytest.raises(ValueError, match="each mentor may be given only once"):
        method([mentee()], [mentor(), mentor()])


@pytest.mark.parametrize("method", [optimal, greedy])
def test_pairs_carry_the_score_and_reasons_of_the_pair_in_the_order_given(method):
    people = [mentee(id="b", needs={}), mentee(id="a", release_date=SOON)]
    result = method(people, [mentor(capacity=1)])
    single = score(people[1], mentor(capacity=1))
    assert result.pairs == (Pair("a", "mentor-1", single.score, single.reasons),)
    assert result.unmatched == ("b",)
    assert result.total_score == pytest.approx(single.score)

    both = method(people, [mentor(capacity=1), mentor(id="m2", capacity=1)])
    assert [pair.mentee_id for pair in both.pairs] == ["b", "a"]


def assert_valid(assignment, mentees, mentors, weights):
    by_id = {m.id: m for m in mentors}
    taken = Counter(pair.mentor_id for pair in assignment.pairs)
    for mentor_id, count in taken.items():
        assert count <= by_id[mentor_id].free_places
    matched = [pair.mentee_id for pair in assignment.pairs]
    assert sorted(matched + list(assignment.unmatched)) == sorted(e.id for e in mentees)
    people = {e.id: e for e in mentees}
    for pair in assignment.pairs:
        assert hard_rule_failures(people[pair.mentee_id], by_id[pair.mentor_id], weights) == []


@settings(max_examples=300, deadline=None, database=None)
@given(strategies.mentees(), strategies.mentors(), strategies.weights)
def test_optimal_is_never_below_greedy_and_both_keep_the_rules(mentees, mentors, weights):
    best, by_hand = optimal(mentees, mentors, weights), greedy(mentees, mentors, weights)
    assert_valid(best, mentees, mentors, weights)
    assert_valid(by_hand, mentees, mentors, weights)
    assert best.total_score >= by_hand.total_score - 1e-9


def brute_force_best(mentees, mentors, weights) -> float:
    options = [
        [None] + [m for m in mentors if not hard_rule_failures(e, m, weights)] for e in mentees
    ]
    best = 0.0
    for choice in product(*options):
        taken = Counter(m.id for m in choice if m is not None)
        if all(taken[m.id] <= m.free_places for m in mentors):
            total = sum(
                score(e, m, weights).score for e, m in zip(mentees, choice, strict=True) if m
            )
            best = max(best, total)
    return best


@settings(max_examples=150, deadline=None, database=None)
@given(strategies.mentees(max_size=4), strategies.mentors(max_size=4), strategies.weights)
def test_optimal_finds_the_best_total_that_trying_every_assignment_finds(mentees, mentors, weights):
    assert optimal(mentees, mentors, weights).total_score == pytest.approx(
        brute_force_best(mentees, mentors, weights), abs=1e-6
    )


@settings(max_examples=50, deadline=None, database=None)
@given(st.integers(1, 6), st.integers(1, 3))
def test_one_mentor_takes_no_more_than_their_places(mentee_count, capacity):
    people = [mentee(id=f"e{n}") for n in range(mentee_count)]
    for method in (optimal, greedy):
        assert method(people, [mentor(capacity=capacity)]).matched == min(mentee_count, capacity)
