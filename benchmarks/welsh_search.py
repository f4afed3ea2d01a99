"""The cost of searching Welsh as written: the directory's text search before (English only)
and now (English OR 'simple', docs/decisions/0052), on the same data in the same run.

    .venv/bin/python benchmarks/welsh_search.py --scale full   # 10,000 services
    .venv/bin/python benchmarks/welsh_search.py --scale smoke  # 100 services

Uses the directory benchmark's database and seeding (benchmarks/directory.py). Each search is
timed as the directory runs it: the first 20 by rank and the count; spelling correction is off
so only the full-text query differs. The two queries alternate, rounds apart, so a noisy machine
slows both alike.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import directory  # noqa: E402

SEARCHES = [
    "housing",
    "mentor",
    "employment training",
    "women",
    "drugs alcohol",
    "family",
    "debt",
    "peer support",
    "mentoring leeds",
    "prison release",
]


def _english_only(services, text):
    from django.contrib.postgres.search import SearchQuery, SearchRank
    from django.db.models import F

    query = SearchQuery(text, config="english", search_type="websearch")
    return services.filter(search_vector=query).annotate(rank=SearchRank(F("search_vector"), query))


def _now(services, text):
    from providers.search import text_search

    return text_search(services, text, correct=False)


def run(rounds: int) -> dict[str, float]:
    from providers.models import Service

    samples: dict[str, list[float]] = {"English only (before)": [], "English OR simple (now)": []}
    makers = dict(zip(samples, (_english_only, _now), strict=True))
    for _ in range(rounds):
        for label, make in makers.items():
            for text in SEARCHES:
                matches = make(Service.objects.published(), text).order_by("-rank")
                started = time.perf_counter()
                list(matches.values_list("pk", flat=True)[:20])
                matches.count()
                samples[label].append((time.perf_counter() - started) * 1000)
    return {label: statistics.median(times) for label, times in samples.items()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", choices=sorted(directory.SCALES), default="full")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", directory.DEFAULT_DATABASE_URL),
    )
    args = parser.parse_args(argv)
    scale = directory.SCALES[args.scale]
    directory._setup_django(args.database_url)
    if directory.seeded_scale() != scale:
        directory.seed(scale)
    medians = run(args.rounds)
    before = medians["English only (before)"]
    print(f"{scale.services:,} published services; {len(SEARCHES)} searches x {args.rounds}")
    for label, median in medians.items():
        print(f"{label:26} median {median:6.1f} ms a search   {median / before:4.2f} x before")
    return 0


if __name__ == "__main__":
    sys.exit(main())
