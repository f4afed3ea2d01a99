"""Suggesting matches for everyone waiting at once. No Django import.

`optimal` finds the assignment with the highest total score that keeps every hard rule and no
mentor above their free places (capacity less current load). It is the assignment problem: each
mentor's free places become that many identical columns of a mentees x places matrix of scores,
a pair that breaks a hard rule scores 0 (the same as leaving the mentee unmatched), and
scipy.optimize.linear_sum_assignment picks at most one place per mentee and one mentee per place
so that the total is as large as it can be. Pairs that break a rule are then dropped, so every
mentee may stay unmatched. Only the total score is maximised: the matched count is reported, not
maximised first (see docs/decisions/0017-matching-scores-and-optimal-assignment.md).

`greedy` is what a coordinator would do by hand and the yardstick `optimal` is measured against:
the most urgent mentee first (release date soonest, unknown last, otherwise in the order given)
takes the best mentor left, as `rank` orders them.

The scores come from matching/matrix.py (numpy); each chosen pair's score and reasons are then
worked out again by matching.scoring.score, so a suggestion reads exactly as it would for that
mentee alone.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from scipy.optimize import linear_sum_assignment

from .matrix import score_matrix
from .scoring import DEFAULT_WEIGHTS, MenteeProfile, MentorProfile, Weights, score


@dataclass(frozen=True)
class Pair:
    mentee_id: str
    mentor_id: str
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Assignment:
    pairs: tuple[Pair, ...]  # in the order the mentees were given
    unmatched: tuple[str, ...]  # mentee ids with no allowed mentor left, in the order given

    @property
    def total_score(self) -> float:
        return sum(pair.score for pair in self.pairs)

    @property
    def matched(self) -> int:
        return len(self.pairs)


def optimal(
    mentees: Sequence[MenteeProfile],
    mentors: Sequence[MentorProfile],
    weights: Weights = DEFAULT_WEIGHTS,
) -> Assignment:
    mentees, mentors = _checked(mentees, mentors)
    matrix = score_matrix(mentees, mentors, weights)
    free = np.array([mentor.free_places for mentor in mentors], dtype=int)
    # Only mentees with an allowed mentor, and mentors with a free place someone may take.
    rows = np.flatnonzero(matrix.allowed.any(axis=1))
    useful = np.flatnonzero(matrix.allowed.any(axis=0) & (free > 0))
    chosen: dict[int, int] = {}
    if len(rows) and len(useful):
        place_mentor = np.repeat(useful, free[useful])
        benefit = np.where(matrix.allowed, matrix.scores, 0.0)[np.ix_(rows, place_mentor)]
        picked_rows, picked_places = linear_sum_assignment(benefit, maximize=True)
        for row, place in zip(picked_rows, picked_places, strict=True):
            mentee_at, mentor_at = rows[row], place_mentor[place]
            if matrix.allowed[mentee_at, mentor_at]:
                chosen[int(mentee_at)] = int(mentor_at)
    return _assignment(mentees, mentors, chosen, weights)


def greedy(
    mentees: Sequence[MenteeProfile],
    mentors: Sequence[MentorProfile],
    weights: Weights = DEFAULT_WEIGHTS,
) -> Assignment:
    mentees, mentors = _checked(mentees, mentors)
    # Mentors in rank's order for equal scores, so argmax's first maximum is rank's first.
    by_name = sorted(range(len(mentors)), key=lambda at: (mentors[at].name, mentors[at].id))
    matrix = score_matrix(mentees, [mentors[at] for at in by_name], weights)
    free = np.array([mentors[at].free_places for at in by_name], dtype=int)
    chosen: dict[int, int] = {}
    for row in sorted(range(len(mentees)), key=lambda at: _urgency(mentees[at])):
        open_to = matrix.allowed[row] & (free > 0)
        if not open_to.any():
            continue
        column = int(np.argmax(np.where(open_to, matrix.scores[row], -np.inf)))
        free[column] -= 1
        chosen[row] = by_name[column]
    return _assignment(mentees, mentors, chosen, weights)


def _urgency(mentee: MenteeProfile) -> tuple[bool, date]:
    return (mentee.release_date is None, mentee.release_date or date.max)


def _checked(mentees, mentors) -> tuple[list[MenteeProfile], list[MentorProfile]]:
    mentees, mentors = list(mentees), list(mentors)
    for kind, people in (("mentee", mentees), ("mentor", mentors)):
        ids = [person.id for person in people]
        if len(set(ids)) != len(ids):
            raise ValueError(f"each {kind} may be given only once")
    return mentees, mentors


def _assignment(mentees, mentors, chosen: dict[int, int], weights: Weights) -> Assignment:
    pairs, unmatched = [], []
    for row, mentee in enumerate(mentees):
        if row not in chosen:
            unmatched.append(mentee.id)
            continue
        suggestion = score(mentee, mentors[chosen[row]], weights)
        pairs.append(Pair(mentee.id, suggestion.mentor.id, suggestion.score, suggestion.reasons))
    return Assignment(pairs=tuple(pairs), unmatched=tuple(unmatched))
