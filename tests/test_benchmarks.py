"""The benchmarks run in CI at their smoke size, so a change that breaks one is caught here."""

import pytest

from benchmarks import directory, welsh_search
from benchmarks import matching as matching_benchmark
from tests.conftest import ONE_AT_A_TIME

# One at a time with the soak test: both collect the static files into STATIC_ROOT for the
# gunicorn they start, and two processes writing there at once spoil each other's manifest.
pytestmark = [pytest.mark.django_db, ONE_AT_A_TIME]


def test_directory_benchmark_seeds_and_measures_at_smoke_size():
    smoke = directory.SCALES["smoke"]
    directory.seed(smoke)
    assert directory.seeded_scale() == smoke

    figures = directory.run(requests=2)

    assert [f.status for f in figures] == [200] * len(directory.benchmark_urls())
    assert all(f.queries >= 1 for f in figures[1:]), "each directory URL reads the database"
    report = directory.report(figures, smoke)
    assert "20 organisations, 100 published services" in report


def test_welsh_search_benchmark_times_both_queries_at_smoke_size():
    directory.seed(directory.SCALES["smoke"])
    medians = welsh_search.run(rounds=1)
    assert list(medians) == ["English only (before)", "English OR simple (now)"]
    assert all(median > 0 for median in medians.values())


def test_matching_benchmark_measures_at_smoke_size():
    smoke = matching_benchmark.SCALES["smoke"]
    timings, bulks = matching_benchmark.run(smoke)

    assert [t.runs for t in timings] == [smoke.rank_runs] * len(timings)
    assert [bulk.scenario for bulk in bulks] == ["England and Wales", "North West only"]
    for bulk in bulks:
        assert (bulk.mentees, bulk.places) == (smoke.bulk_mentees, smoke.bulk_places)
        best, by_hand = bulk.results[-2].assignment, bulk.results[-1].assignment
        assert best.matched > 0
        assert best.total_score >= by_hand.total_score
    report = matching_benchmark.report(timings, bulks, smoke)
    assert "rank one mentee among 200 mentors" in report
    assert "Bulk, North West only: 100 mentees, 100 free places" in report
    assert "optimal against greedy" in report


def test_matching_page_benchmark_seeds_and_measures_at_smoke_size():
    from benchmarks import matching_page
    from mentees.models import Mentee

    matching_page.seed(matching_page.SCALES["smoke"])
    assert matching_page.seeded_mentors() == 100
    mentee = Mentee.objects.get(reference="MN-BENC-HMRK")
    figure = directory.measure(
        matching_page.signed_in_client(),
        "matching page",
        f"/organisation/matching/{mentee.pk}/",
        requests=2,
        warm_up=1,
    )
    assert figure.status == 200 and figure.queries >= 4


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, as tests/browser uses it, for the page weight benchmark."""
    from benchmarks import page_weight

    return {
        **browser_type_launch_args,
        "executable_path": page_weight.CHROMIUM,
        "args": page_weight.CHROMIUM_ARGS,
        "headless": True,
    }


@pytest.mark.django_db(transaction=True)
def test_page_weight_benchmark_measures_every_page_of_both_routes(live_server, browser):
    from benchmarks import page_weight
    from tests.factories import ServiceFactory

    ServiceFactory(name="Housing mentors", description="Help with housing.")
    routes = page_weight.measure_routes(live_server.url, browser=browser)

    assert [route.name for route in routes] == list(page_weight.ROUTES)
    for route in routes:
        assert [page.status for page in route.pages] == [200] * len(route.pages), route
        first, *later = route.pages
        assert first.requests >= 4, "the page, its stylesheet, script and image"
        assert first.bytes > first.html_bytes > 0
        assert all(page.bytes >= page.html_bytes > 0 for page in later)
        assert all(page.bytes < first.bytes for page in later), "later pages reuse the cache"
    assert page_weight.demo_runserver_arguments()[0] == "runserver"
    text = page_weight.report(routes, [], "the test server")
    assert "directory: search: housing" in text and "journey: check your request" in text
