"""Directory search and Open Referral UK API latency at scale, beside a minimal page.

    .venv/bin/python benchmarks/directory.py --scale full    # 1,500 organisations, 10,000 services
    .venv/bin/python benchmarks/directory.py --scale smoke   # 20 organisations, 100 services

Seeds its own Postgres database (DATABASE_URL, default .../opengate_bench), then times each URL
in-process through Django's test client: server-side time, no network. Each URL's figures sit
beside a minimal page measured in the same run, so the ratio holds on a noisy machine.
"""

import argparse
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/opengate_bench"
BENCH_SLUG_PREFIX = "bench-org-"


@dataclass(frozen=True)
class Scale:
    organisations: int
    services: int


SCALES = {"smoke": Scale(20, 100), "full": Scale(1_500, 10_000)}
# One organisation in this many holds the Approved Provider Standard.
ACCREDITED_SHARE = 0.2

ADJECTIVES = ["New", "Second", "Open", "Bright", "Steady", "Fresh", "Northern", "Coastal"]
NOUNS = ["Start", "Chance", "Door", "Path", "Horizons", "Steps", "Futures", "Bridge", "Leaf"]
KINDS = ["Mentoring", "Trust", "Project", "Foundation", "Partnership", "Network"]
TOPICS = {
    "accommodation": ["housing", "a home", "tenancy", "somewhere safe to live"],
    "education-training-employment": ["employment", "jobs", "training", "work experience"],
    "health": ["mental health", "wellbeing", "a GP", "counselling"],
    "drugs-alcohol": ["recovery", "alcohol", "drug use", "staying clean"],
    "finance-benefit-debt": ["debt", "benefits", "budgeting", "a bank account"],
    "children-families": ["family", "children", "parenting", "family visits"],
    "attitudes-thinking-behaviour": ["motivation", "decisions", "confidence", "desistance"],
}


@dataclass
class Figures:
    label: str
    url: str
    requests: int
    p50_ms: float
    p95_ms: float
    max_ms: float
    per_second: float
    queries: int
    status: int


def _setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # Production settings: DEBUG off (no query log, no debug pages), served as plain HTTP.
    os.environ.update(
        DEBUG="false",
        SECRET_KEY="benchmark-only-" + "x" * 50,
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="false",
    )
    sys.path.insert(0, str(ROOT))
    _create_database(database_url)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # the manifest DEBUG-off needs


def _create_database(database_url: str) -> None:
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    server = database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def seeded_scale() -> Scale:
    from providers.models import Organisation, Service

    organisations = Organisation.objects.filter(slug__startswith=BENCH_SLUG_PREFIX)
    return Scale(
        organisations.count(), Service.objects.filter(organisation__in=organisations).count()
    )


def seed(scale: Scale, *, seed_value: int = 2026) -> None:
    """Reference data, then `scale` active organisations with published services, in bulk."""
    from django.db import transaction

    from providers.constants import GenderEligibility, OrganisationStatus, ServiceStatus
    from providers.models import (
        LocalAuthority,
        Organisation,
        Prison,
        Region,
        Service,
        TaxonomyTerm,
    )
    from providers.reference_data import load_reference_data
    from providers.search import refresh_search_index

    rng = random.Random(seed_value)
    load_reference_data()
    regions = list(Region.objects.all())
    councils = list(LocalAuthority.objects.all())
    prisons = list(Prison.objects.all())
    pathways = {term.code: term for term in TaxonomyTerm.objects.pathways()}
    main_pathways = [code for code in TOPICS if code in pathways]

    with transaction.atomic():
        _delete_seeded()
        organisations = Organisation.objects.bulk_create(
            Organisation(
                name=f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} {rng.choice(KINDS)} {n}",
                slug=f"{BENCH_SLUG_PREFIX}{n}",
                status=OrganisationStatus.ACTIVE,
                region=rng.choice(regions),
                description="A fictional mentoring provider made by the benchmark.",
            )
            for n in range(scale.organisations)
        )
        services, chosen_pathways = [], []
        for n in range(scale.services):
            codes = rng.sample(main_pathways, rng.randint(1, 3))
            words = [rng.choice(TOPICS[code]) for code in codes]
            chosen_pathways.append(codes)
            services.append(
                Service(
                    organisation=organisations[n % len(organisations)],
                    name=f"{rng.choice(NOUNS)} {words[0]} mentoring {n}",
                    summary=f"One-to-one mentoring with {' and '.join(words)} after prison.",
                    description=(
                        f"Trained volunteers meet you every week to help with {', '.join(words)}. "
                        "We start before release and carry on in the community for a year."
                    ),
                    status=ServiceStatus.PUBLISHED,
                    in_custody=rng.random() < 0.5,
                    through_the_gate=rng.random() < 0.6,
                    in_community=rng.random() < 0.8,
                    gender=rng.choice(list(GenderEligibility.values)),
                    minimum_age=rng.choice([None, 18, 21]),
                    maximum_age=rng.choice([None, None, 25, 65]),
                    national=rng.random() < 0.03,
                    volunteer_mentors=rng.random() < 0.8,
                    lived_experience_mentors=rng.random() < 0.4,
                    paid_mentors=rng.random() < 0.2,
                    self_referral=True,
                    probation_referral=rng.random() < 0.7,
                    accepting_referrals=rng.random() < 0.85,
                    typical_wait_weeks=rng.choice([None, 1, 2, 4, 8]),
                )
            )
        services = Service.objects.bulk_create(services, batch_size=1000)
        _link(
            Service.pathways.through,
            services,
            "taxonomyterm_id",
            [[pathways[code].pk for code in codes] for codes in chosen_pathways],
        )
        _link(
            Service.local_authorities.through,
            services,
            "localauthority_id",
            [[c.pk for c in rng.sample(councils, rng.randint(0, 4))] for _ in services],
        )
        _link(
            Service.regions.through,
            services,
            "region_id",
            [[r.pk for r in rng.sample(regions, rng.choice([0, 0, 1]))] for _ in services],
        )
        _link(
            Service.prisons.through,
            services,
            "prison_id",
            [[p.pk for p in rng.sample(prisons, rng.choice([0, 0, 1, 2]))] for _ in services],
        )
    _accredit(organisations[:: max(1, round(1 / ACCREDITED_SHARE))])
    refresh_search_index([service.pk for service in services])
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _accredit(organisations) -> None:
    """A current Approved Provider Standard award for each organisation, as the badge and the
    "holders only" filter read them."""
    from datetime import timedelta

    from django.utils import timezone

    from accounts.models import User
    from accreditation.constants import ApplicationStatus
    from accreditation.models import Application, Area, Award, Requirement, Standard, award_expiry
    from accreditation.standard_data import load_standard

    load_standard(Standard, Area, Requirement)  # a flushed test database lacks it
    standard = Standard.objects.current()
    assessor, _ = User.objects.get_or_create(email="bench-assessor@example.invalid")
    awarded_on = timezone.localdate() - timedelta(days=200)
    applications = Application.objects.bulk_create(
        Application(
            reference=f"B{n:07d}",
            organisation=organisation,
            standard=standard,
            status=ApplicationStatus.AWARDED,
            started_by=assessor,
        )
        for n, organisation in enumerate(organisations)
    )
    Award.objects.bulk_create(
        Award(
            organisation=application.organisation,
            application=application,
            standard=standard,
            awarded_on=awarded_on,
            expires_on=award_expiry(awarded_on),
            verification_code=f"APS-BENCH-{n:05d}",
            awarded_by=assessor,
        )
        for n, application in enumerate(applications)
    )


def _link(through, services, column: str, targets_per_service: list[list]) -> None:
    through.objects.bulk_create(
        [
            through(service_id=service.pk, **{column: target})
            for service, targets in zip(services, targets_per_service, strict=True)
            for target in targets
        ],
        batch_size=5000,
    )


def _delete_seeded() -> None:
    from accreditation.models import Application, Award
    from providers.models import Organisation, Service

    organisations = Organisation.objects.filter(slug__startswith=BENCH_SLUG_PREFIX)
    Award.objects.filter(organisation__in=organisations).delete()
    Application.objects.filter(organisation__in=organisations).delete()
    Service.objects.filter(organisation__in=organisations).delete()
    organisations.delete()


def benchmark_urls() -> list[tuple[str, str]]:
    """(label, URL) pairs: the minimal page first, then what the directory is judged on."""
    from providers.models import Region

    region = Region.objects.get(name="North West")
    return [
        ("minimal page (baseline)", "/privacy/"),
        ("directory, no search", "/services/"),
        ("search + region", f"/services/?q=housing&area=region-{region.pk}"),
        ("search + setting", "/services/?q=employment+mentor&setting=in_community"),
        ("search with a typo", "/services/?q=acommodation"),
        (
            "search + pathway + accepting",
            "/services/?q=mentoring&pathway=accommodation&accepting=on",
        ),
        ("Approved Provider Standard only", "/services/?approved_provider=on"),
        ("search + APS only", "/services/?q=housing&approved_provider=on"),
        ("register of approved providers", "/accreditation/register/"),
        ("API services search", "/api/v1/services?search=housing"),
        ("API services + local authority", "/api/v1/services?local_authority=E08000012"),
    ]


def measure(client, label: str, url: str, requests: int, warm_up: int = 5) -> Figures:
    from django.db import connection

    for _ in range(warm_up):
        client.get(url)
    # Counted with a wrapper: Django empties its query log at the start of every request.
    queries = []

    def count_query(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    # Queries are counted on the first request after a change to the directory, which no
    # cached answer can serve; the timings below are of repeated requests, as people make them.
    from providers.directory_version import directory_changed

    directory_changed()
    with connection.execute_wrapper(count_query):
        response = client.get(url)
    timings = []
    started = time.perf_counter()
    for _ in range(requests):
        before = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - before) * 1000)
    elapsed = time.perf_counter() - started
    timings.sort()
    return Figures(
        label=label,
        url=url,
        requests=requests,
        p50_ms=statistics.median(timings),
        p95_ms=timings[max(0, int(round(0.95 * len(timings))) - 1)],
        max_ms=timings[-1],
        per_second=requests / elapsed,
        queries=len(queries),
        status=response.status_code,
    )


def run(requests: int) -> list[Figures]:
    from django.test import Client

    client = Client()
    return [measure(client, label, url, requests) for label, url in benchmark_urls()]


def figures_table(figures: list[Figures]) -> list[str]:
    """The table of figures, each with its throughput against the first (the baseline)."""
    baseline = figures[0]
    lines = [
        f"{'URL':<34} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} {'req/s':>7} "
        f"{'vs min':>7} {'SQL':>4} status"
    ]
    for f in figures:
        ratio = f.per_second / baseline.per_second
        lines.append(
            f"{f.label:<34} {f.p50_ms:>7.1f} {f.p95_ms:>7.1f} {f.max_ms:>7.1f} "
            f"{f.per_second:>7.0f} {ratio:>7.2f} {f.queries:>4} {f.status}"
        )
    return lines


def report(figures: list[Figures], scale: Scale) -> str:
    return "\n".join(
        [
            f"Scale: {scale.organisations:,} organisations, {scale.services:,} published services; "
            f"{figures[0].requests} timed requests per URL after 5 warm-up requests.",
            "",
            *figures_table(figures),
        ]
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="full")
    parser.add_argument("--requests", type=int, default=200, help="timed requests per URL")
    parser.add_argument("--reseed", action="store_true", help="seed again even if present")
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    )
    args = parser.parse_args(argv)
    scale = SCALES[args.scale]
    _setup_django(args.database_url)
    if args.reseed or seeded_scale() != scale:
        started = time.perf_counter()
        seed(scale)
        print(f"Seeded in {time.perf_counter() - started:.0f} s.")
    print(report(run(args.requests), scale))
    return 0


if __name__ == "__main__":
    sys.exit(main())
