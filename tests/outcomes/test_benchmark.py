"""The outcomes benchmark at its smoke size, so a change that breaks it is caught in CI; and
its hand-written SQL must count exactly what the report engine counts."""

import pytest

from benchmarks import outcomes as benchmark

pytestmark = pytest.mark.django_db


def test_the_outcomes_benchmark_seeds_measures_and_agrees_with_its_sql():
    smoke = benchmark.SCALES["smoke"]
    benchmark.seed(smoke)
    assert benchmark.seeded_scale() == smoke
    timings, different = benchmark.run(runs=1)
    assert different == []
    assert [t.label for t in timings][0] == "hand-written SQL (baseline)"
    text = benchmark.report(timings, different, smoke)
    assert "1,000 relationships and 10,000 meetings" in text
    assert "Counts identical to the hand-written SQL." in text
