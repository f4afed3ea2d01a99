"""How long each PDF takes to make: outcome reports, the certificate and the printable
directory, from a small prison to the largest region, beside the same content as HTML.

    .venv/bin/python benchmarks/pdfs.py --scale full    # 10,000 services, 1,000 relationships
    .venv/bin/python benchmarks/pdfs.py --scale smoke   # 100 services, 1,000 relationships

Seeds its own Postgres database (BENCH_PDFS_DATABASE_URL, default .../opengate_bench_pdfs) with
the directory benchmark's services and the outcomes benchmark's smoke-sized organisation, then
times, in one process, the median of several runs of each PDF after a warm-up. The baseline is
rendering the printable directory's web page (HTML, no PDF) for the same place, so the ratio
holds on a noisy machine.
"""

import argparse
import io
import os
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/opengate_bench_pdfs"
SCALES = {"smoke": "smoke", "full": "full"}


@dataclass
class Timing:
    label: str
    runs: int
    median_ms: float
    max_ms: float
    pages: int
    kilobytes: float


def _setup_django(database_url: str) -> None:
    from benchmarks.directory import _setup_django as setup

    setup(database_url)


def seed(scale: str) -> None:
    from benchmarks import directory, outcomes

    directory_scale = directory.SCALES[scale]
    if directory.seeded_scale() != directory_scale:
        directory.seed(directory_scale)
    if outcomes.seeded_scale() != outcomes.SCALES["smoke"]:
        outcomes.seed(outcomes.SCALES["smoke"])


def _pages(content: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(content)).pages)


def timed(label: str, work, runs: int) -> Timing:
    """The median of `runs` runs after a warm-up (fonts, templates, caches); a PDF that takes
    over a minute is timed once, its warm-up being the first of the others."""
    started = time.perf_counter()
    content = work()
    timings = [(time.perf_counter() - started) * 1000]
    if timings[0] < 60_000:
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            work()
            timings.append((time.perf_counter() - started) * 1000)
    pages = _pages(content) if isinstance(content, bytes) else 0
    size = len(content.encode() if isinstance(content, str) else content) / 1024
    timing = Timing(label, len(timings), statistics.median(timings), max(timings), pages, size)
    print(_line(timing, None), flush=True)
    return timing


def _places():
    """A prison, a council and the region with the most services, each with its count."""
    from django.db.models import Count

    from providers.models import LocalAuthority, Prison, Region

    prison = Prison.objects.annotate(n=Count("services")).order_by("-n", "name").first()
    council = LocalAuthority.objects.annotate(n=Count("services")).order_by("-n", "name").first()
    region = Region.objects.annotate(n=Count("services")).order_by("-n", "name").first()
    return [("prison", prison), ("council", council), ("region", region)]


def run(runs: int) -> list[Timing]:
    from django.template.loader import render_to_string

    from accreditation.certificate import certificate_pdf
    from accreditation.models import Award
    from benchmarks.outcomes import BENCH_SLUG, PERIOD_DAYS, TODAY
    from outcomes.exports import document_pdf
    from outcomes.periods import Period
    from outcomes.services.reports import comparison_report, organisation_report
    from providers.models import Organisation
    from providers.printing.directory import printable_directory
    from providers.printing.pdf import directory_pdf

    directories = []
    for kind, place in _places():
        directory = printable_directory(place, made_on=TODAY, check_online_at="opengate.test/")
        directories.append((f"{kind}, {directory.service_count} services", directory))
    largest = directories[-1][1]
    organisation = Organisation.objects.get(slug=BENCH_SLUG)
    period = Period(TODAY - timedelta(days=PERIOD_DAYS), TODAY)
    report = organisation_report(organisation, period, today=TODAY)
    comparison = comparison_report(organisation.region, period, today=TODAY)
    award = Award.objects.select_related("organisation", "standard").first()
    verify_url = f"https://opengate.test/accreditation/verify/{award.verification_code}/"
    timings = [
        timed(
            f"directory web page, {largest.service_count} services (baseline)",
            lambda: render_to_string("providers/printing/directory.html", {"directory": largest}),
            runs,
        ),
        timed("outcome report PDF", lambda: document_pdf(report), runs),
        timed("comparison report PDF", lambda: document_pdf(comparison), runs),
        timed("certificate PDF", lambda: certificate_pdf(award, verify_url), runs),
    ]
    for label, directory in directories:
        timings.append(timed(f"directory PDF: {label}", lambda d=directory: directory_pdf(d), runs))
    return timings


def report(timings: list[Timing]) -> str:
    baseline = timings[0].median_ms
    lines = [
        f"Median of {timings[0].runs} runs after a warm-up, in one process (one run, no "
        "warm-up, for a PDF over a minute).",
        "",
        f"{'what':<48} {'median ms':>10} {'max ms':>8} {'vs page':>8} {'pages':>6} {'KB':>7}",
    ]
    lines += [_line(t, baseline) for t in timings]
    return "\n".join(lines)


def _line(t: Timing, baseline: float | None) -> str:
    ratio = f"{t.median_ms / baseline:>8.1f}" if baseline else " " * 8
    return (
        f"{t.label:<48} {t.median_ms:>10.1f} {t.max_ms:>8.1f} {ratio} {t.pages or '':>6} "
        f"{t.kilobytes:>7.0f}"
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="full")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each")
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_PDFS_DATABASE_URL", DEFAULT_DATABASE_URL)
    )
    args = parser.parse_args(argv)
    _setup_django(args.database_url)
    started = time.perf_counter()
    seed(args.scale)
    print(f"Seeded (or found) in {time.perf_counter() - started:.0f} s.")
    print(report(run(args.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
