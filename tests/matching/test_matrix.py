"""The vectorised score matrix agrees with `score` and `hard_rule_failures` pair by pair."""

import numpy as np
import pytest
from hypothesis import given, settings

from benchmarks.matching import People, read_places
from matching.geo import distance_km, distance_matrix_km
from matching.matrix import score_matrix
from matching.scoring import Weights, hard_rule_failures, score

from . import strategies
from .profiles import LIVERPOOL, NEWCASTLE, WIRRAL, mentee, mentor


def assert_agrees(mentees, mentors, weights):
    matrix = score_matrix(mentees, mentors, weights)
    assert matrix.scores.shape == matrix.allowed.shape == (len(mentees), len(mentors))
    for row, one_mentee in enumerate(mentees):
        for column, one_mentor in enumerate(mentors):
            failures = hard_rule_failures(one_mentee, one_mentor, weights)
            assert matrix.allowed[row, column] == (not failures), (one_mentee, one_mentor)
            expected = score(one_mentee, one_mentor, weights).score
            assert matrix.scores[row, column] == pytest.approx(expected, abs=1e-9)
            assert 0 <= expected <= 100


@pytest.mark.parametrize("weights", [Weights.default(), Weights(needs=0, load=50, reach_km=30)])
def test_the_matrix_agrees_with_score_on_realistic_random_profiles(weights):
    regions = read_places()
    people = People(regions["North West"] + regions["Wales"], seed=7)
    mentors = [people.mentor(organisation_id=people.rng.choice([1, 1, 1, 2])) for _ in range(120)]
    mentees = [people.mentee([m.id for m in mentors]) for _ in range(60)]
    assert_agrees(mentees, mentors, weights)


@settings(max_examples=300, deadline=None, database=None)
@given(strategies.mentees(), strategies.mentors(), strategies.weights)
def test_the_matrix_agrees_with_score_on_awkward_profiles(mentees, mentors, weights):
    assert_agrees(mentees, mentors, weights)


def test_an_empty_matrix_has_the_right_shape():
    assert score_matrix([], [], Weights()).scores.shape == (0, 0)
    assert score_matrix([], [mentor()], Weights()).allowed.shape == (0, 1)
    assert score_matrix([mentee()], [], Weights()).scores.shape == (1, 0)


def test_the_distance_matrix_matches_the_distance_between_two_places():
    places = [LIVERPOOL, WIRRAL, NEWCASTLE]
    matrix = distance_matrix_km(places)
    for i, a in enumerate(places):
        for j, b in enumerate(places):
            assert matrix[i, j] == pytest.approx(distance_km(a, b), abs=1e-9)
    assert np.all(np.diag(matrix) == 0)
    assert distance_km(LIVERPOOL, WIRRAL) == pytest.approx(12.03, abs=0.01)
    assert distance_km(WIRRAL, LIVERPOOL) == distance_km(LIVERPOOL, WIRRAL)
