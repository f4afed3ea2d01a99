"""The benchmarks run in CI at their smoke size, so a change that breaks one is caught here."""

import pytest

from benchmarks import directory

pytestmark = pytest.mark.django_db


def test_directory_benchmark_seeds_and_measures_at_smoke_size():
    smoke = directory.SCALES["smoke"]
    directory.seed(smoke)
    assert directory.seeded_scale() == smoke

    figures = directory.run(requests=2)

    assert [f.status for f in figures] == [200] * len(directory.benchmark_urls())
    assert all(f.queries >= 1 for f in figures[1:]), "each directory URL reads the database"
    report = directory.report(figures, smoke)
    assert "20 organisations, 100 published services" in report
