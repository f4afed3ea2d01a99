"""Matching: ranked suggestions for one mentee, and bulk matching, optimal against greedy.

    .venv/bin/python benchmarks/matching.py --scale full    # rank among 5,000 mentors;
                                                            # 2,000 mentees x 2,000 places
    .venv/bin/python benchmarks/matching.py --scale smoke   # 200 mentors; 100 x 100

Seeds no database: the matching code is pure Python, so this builds random but realistic
profiles (fixed seed) on the 318 local authorities of providers/data/local_authorities.tsv and
times the functions themselves. Each figure sits beside a baseline from the same run (sorting
the same mentors by name; one numpy matrix product of the bulk run's size), so the ratio holds
on a noisy machine.

Bulk matching runs twice: one organisation working across England and Wales (each mentee has
a few dozen allowed mentors), and one working in a single region, the North West, where far
more pairs are allowed and the assignment is harder.
"""

import argparse
import csv
import random
import statistics
import sys
import time
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# First on the path, so that run as a script, `matching` is the app and not this file.
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from matching.assignment import Assignment, greedy, optimal  # noqa: E402
from matching.geo import Place, distance_km  # noqa: E402
from matching.matrix import score_matrix  # noqa: E402
from matching.scoring import (  # noqa: E402
    AGE_BANDS,
    DEFAULT_WEIGHTS,
    MenteeProfile,
    MentorProfile,
    rank,
)

PLACES_FILE = ROOT / "providers" / "data" / "local_authorities.tsv"
SEED = 2026
TODAY = date(2026, 12, 1)
ORGANISATION = 1

MAIN_PATHWAYS = [
    "accommodation",
    "education-training-employment",
    "health",
    "drugs-alcohol",
    "finance-benefit-debt",
    "children-families",
    "attitudes-thinking-behaviour",
]
WOMEN_PATHWAYS = ["women-abuse-survivors", "women-sex-work"]
SLOTS = [
    f"{day}_{part}"
    for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    for part in ("morning", "afternoon", "evening")
]
OTHER_LANGUAGES = ["pl", "ur", "pa", "ro", "bn", "ar", "so", "lt", "pt", "gu", "cy"]
FIRST_NAMES = ["Sam", "Alex", "Jo", "Chris", "Pat", "Jamie", "Ali", "Sunita", "Tom", "Grace"]
LAST_NAMES = ["Adams", "Begum", "Clarke", "Davies", "Evans", "Khan", "Jones", "Smith", "Wood"]


@dataclass(frozen=True)
class Scale:
    rank_mentors: int
    rank_runs: int
    bulk_mentees: int
    bulk_places: int


BULK_RUNS = 3
SCALES = {"smoke": Scale(200, 20, 100, 100), "full": Scale(5_000, 50, 2_000, 2_000)}


@dataclass(frozen=True)
class Timing:
    label: str
    runs: int
    p50_ms: float
    p95_ms: float
    max_ms: float


@dataclass(frozen=True)
class BulkResult:
    label: str
    seconds: float  # the median of BULK_RUNS runs
    max_seconds: float
    assignment: Assignment | None  # None for the baseline and the matrix alone


@dataclass(frozen=True)
class Bulk:
    scenario: str
    mentees: int
    places: int
    mentors: int
    allowed_pairs: int
    results: list[BulkResult]


def read_places(path: Path = PLACES_FILE) -> dict[str, list[Place]]:
    """Local authorities by region."""
    regions: dict[str, list[Place]] = {}
    with path.open(newline="", encoding="utf-8") as file:
        for row in csv.DictReader(file, delimiter="\t"):
            place = Place(row["gss_code"], row["name"], float(row["lat"]), float(row["long"]))
            regions.setdefault(row["region"], []).append(place)
    return regions


class People:
    """Random but plausible mentees and mentors on a set of places, from one seed."""

    def __init__(self, places: list[Place], seed: int):
        self.rng = random.Random(seed)
        self.places = places
        self.neighbours = {
            p.code: [q for q in places if q.code != p.code and distance_km(p, q) <= 25]
            for p in places
        }
        self.mentor_count = 0
        self.mentee_count = 0

    def mentor(self, organisation_id: int = ORGANISATION) -> MentorProfile:
        rng = self.rng
        self.mentor_count += 1
        home = rng.choice(self.places)
        nearby = self.neighbours[home.code]
        areas = (home, *rng.sample(nearby, min(len(nearby), rng.choice([0, 1, 2, 3]))))
        gender = rng.choices(
            ["woman", "man", "non_binary", "not_said", ""], weights=[45, 45, 3, 4, 3]
        )[0]
        skills = set(rng.sample(MAIN_PATHWAYS, rng.randint(1, 4)))
        if gender == "woman" and rng.random() < 0.2:
            skills.add(rng.choice(WOMEN_PATHWAYS))
        languages = {"en"} if rng.random() < 0.97 else set()
        if rng.random() < 0.12:
            languages.add(rng.choice(OTHER_LANGUAGES))
        capacity = rng.choices([1, 2, 3, 4], weights=[30, 35, 25, 10])[0]
        slots = [] if rng.random() < 0.03 else rng.sample(SLOTS, rng.randint(2, 9))
        return MentorProfile(
            id=f"mentor-{self.mentor_count}",
            organisation_id=organisation_id,
            name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {self.mentor_count}",
            matchable=rng.random() < 0.92,
            gender=gender,
            age_band=rng.choice(AGE_BANDS) if rng.random() < 0.95 else "",
            languages=frozenset(languages),
            lived_experience=rng.random() < 0.4,
            skills=frozenset(skills),
            areas=areas,
            availability=frozenset(slots),
            capacity=capacity,
            load=rng.choices(range(capacity + 1), weights=[4] + [1] * capacity)[0],
        )

    def mentee(self, mentor_ids: list[str]) -> MenteeProfile:
        rng = self.rng
        self.mentee_count += 1
        needs = (
            {}
            if rng.random() < 0.05
            else {
                code: rng.choices([0, 1, 2, 3], weights=[5, 2, 2, 1])[0] for code in MAIN_PATHWAYS
            }
        )
        excluded = (
            frozenset(rng.sample(mentor_ids, min(len(mentor_ids), 2)))
            if rng.random() < 0.03
            else frozenset()
        )
        return MenteeProfile(
            id=f"mentee-{self.mentee_count}",
            organisation_id=ORGANISATION,
            area=None if rng.random() < 0.1 else rng.choice(self.places),
            needs=needs,
            gender_preference=rng.choices(["none", "man", "woman"], weights=[70, 15, 15])[0],
            wants_lived_experience=rng.random() < 0.35,
            language="en" if rng.random() < 0.9 else rng.choice(OTHER_LANGUAGES),
            age=None if rng.random() < 0.05 else min(80, 18 + int(rng.expovariate(1 / 14))),
            availability=frozenset(
                [] if rng.random() < 0.1 else rng.sample(SLOTS, rng.randint(1, 10))
            ),
            excluded_mentor_ids=excluded,
            release_date=None if rng.random() < 0.15 else TODAY + timedelta(rng.randint(0, 180)),
        )

    def mentors_with_places(self, places: int) -> list[MentorProfile]:
        """Mentors, all in one organisation, whose free places (matchable ones') add to `places`."""
        mentors, free = [], 0
        while free < places:
            mentor = self.mentor()
            if mentor.matchable and free + mentor.free_places > places:
                over = free + mentor.free_places - places
                mentor = replace(mentor, capacity=mentor.capacity - over)
            free += mentor.free_places if mentor.matchable else 0
            mentors.append(mentor)
        return mentors


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(share * len(ordered))) - 1)]


def _timing(label: str, timings_ms: list[float]) -> Timing:
    return Timing(
        label,
        len(timings_ms),
        statistics.median(timings_ms),
        _percentile(timings_ms, 0.95),
        max(timings_ms),
    )


def run_rank(scale: Scale, seed: int = SEED) -> list[Timing]:
    """`rank` for `rank_runs` different mentees, each among the same mentors (nine in ten in
    the mentee's organisation, the rest in four others), all of England and Wales."""
    places = [place for region in read_places().values() for place in region]
    people = People(places, seed)
    mentors = [
        people.mentor(ORGANISATION if people.rng.random() < 0.9 else people.rng.randint(2, 5))
        for _ in range(scale.rank_mentors)
    ]
    ids = [mentor.id for mentor in mentors]
    mentees = [people.mentee(ids) for _ in range(scale.rank_runs)]
    rank(mentees[0], mentors)  # warm up

    baseline, full, top = [], [], []
    for mentee in mentees:
        started = time.perf_counter()
        sorted(mentors, key=lambda mentor: (mentor.name, mentor.id))
        baseline.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        rank(mentee, mentors)
        full.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        rank(mentee, mentors, limit=10)
        top.append((time.perf_counter() - started) * 1000)
    count = f"{scale.rank_mentors:,}"
    return [
        _timing(f"baseline: sort {count} mentors by name", baseline),
        _timing(f"rank one mentee among {count} mentors", full),
        _timing(f"rank, first 10 only, among {count}", top),
    ]


def run_bulk(scale: Scale, scenario: str, places: list[Place], seed: int = SEED) -> Bulk:
    people = People(places, seed)
    mentors = people.mentors_with_places(scale.bulk_places)
    ids = [mentor.id for mentor in mentors]
    mentees = [people.mentee(ids) for _ in range(scale.bulk_mentees)]
    a = np.random.default_rng(seed).random((scale.bulk_mentees, scale.bulk_places))
    steps = [
        (
            f"baseline: numpy {scale.bulk_mentees:,} x {scale.bulk_places:,} product",
            lambda: a @ a.T,
        ),
        ("score matrix alone (numpy)", lambda: score_matrix(mentees, mentors, DEFAULT_WEIGHTS)),
        ("optimal", lambda: optimal(mentees, mentors, DEFAULT_WEIGHTS)),
        ("greedy, most urgent first", lambda: greedy(mentees, mentors, DEFAULT_WEIGHTS)),
    ]
    results = []
    for label, step in steps:
        seconds = []
        for _ in range(BULK_RUNS):
            started = time.perf_counter()
            outcome = step()
            seconds.append(time.perf_counter() - started)
        results.append(
            BulkResult(
                label,
                statistics.median(seconds),
                max(seconds),
                outcome if isinstance(outcome, Assignment) else None,
            )
        )
    matrix = score_matrix(mentees, mentors, DEFAULT_WEIGHTS)
    return Bulk(
        scenario=scenario,
        mentees=len(mentees),
        places=sum(m.free_places for m in mentors if m.matchable),
        mentors=len(mentors),
        allowed_pairs=int(matrix.allowed.sum()),
        results=results,
    )


def run(scale: Scale, seed: int = SEED) -> tuple[list[Timing], list[Bulk]]:
    regions = read_places()
    everywhere = [place for region in regions.values() for place in region]
    return run_rank(scale, seed), [
        run_bulk(scale, "England and Wales", everywhere, seed),
        run_bulk(scale, "North West only", regions["North West"], seed),
    ]


def report(timings: list[Timing], bulks: list[Bulk], scale: Scale) -> str:
    lines = [
        f"Scale: rank among {scale.rank_mentors:,} mentors for {scale.rank_runs} mentees; "
        f"bulk {scale.bulk_mentees:,} mentees x {scale.bulk_places:,} places, "
        f"{BULK_RUNS} runs each. "
        f"Seed {SEED}, default weights (reach {DEFAULT_WEIGHTS.reach_km:.0f} km).",
        "",
        f"{'Ranked suggestions':<44} {'runs':>5} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} "
        f"{'p50 x base':>10}",
    ]
    for t in timings:
        lines.append(
            f"{t.label:<44} {t.runs:>5} {t.p50_ms:>7.2f} {t.p95_ms:>7.2f} {t.max_ms:>7.2f} "
            f"{t.p50_ms / timings[0].p50_ms:>10.1f}"
        )
    for bulk in bulks:
        lines += [
            "",
            f"Bulk, {bulk.scenario}: {bulk.mentees:,} mentees, {bulk.places:,} free places "
            f"({bulk.mentors:,} mentors), {bulk.allowed_pairs:,} allowed pairs",
            f"{'':<44} {'p50 s':>7} {'max s':>7} {'x base':>7} {'total score':>12} "
            f"{'matched':>8} {'mean':>6}",
        ]
        base = bulk.results[0].seconds
        for result in bulk.results:
            a = result.assignment
            figures = (
                f"{a.total_score:>12,.1f} {a.matched:>8,} {a.total_score / max(1, a.matched):>6.1f}"
                if a
                else ""
            )
            lines.append(
                f"{result.label:<44} {result.seconds:>7.3f} {result.max_seconds:>7.3f} "
                f"{result.seconds / base:>7.1f} {figures}"
            )
        best, by_hand = bulk.results[-2].assignment, bulk.results[-1].assignment
        gain = best.total_score - by_hand.total_score
        share = gain / by_hand.total_score * 100 if by_hand.total_score else 0.0
        lines.append(
            f"optimal against greedy: {gain:+,.1f} total score ({share:+.1f}%), "
            f"{best.matched - by_hand.matched:+,} matched"
        )
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="full")
    args = parser.parse_args(argv)
    scale = SCALES[args.scale]
    timings, bulks = run(scale)
    print(report(timings, bulks, scale))
    return 0


if __name__ == "__main__":
    sys.exit(main())
