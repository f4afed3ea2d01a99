"""The coordinator's matching page for one mentee, through the database, beside a minimal page.

    .venv/bin/python benchmarks/matching_page.py --scale full    # one organisation, 5,000 mentors
    .venv/bin/python benchmarks/matching_page.py --scale smoke   # 100 mentors

benchmarks/matching.py times the pure scoring on profiles already in memory; this one times
what a coordinator waits for: loading every mentor of the organisation (with whether each may be
matched, their current load, pathways and areas), ranking them, and rendering the page. It seeds
its own Postgres database (BENCH_MATCHING_DATABASE_URL, default .../opengate_bench_matching;
a different scale needs it dropped first), signs a coordinator
in, and times GET /organisation/matching/<mentee>/ in-process through Django's test client, with
DEBUG off, beside the same server's minimal page.

    .venv/bin/python benchmarks/matching_page.py --scale full --served --duration 20

With --served it serves them as production does instead (gunicorn with config/gunicorn.conf.py,
driven by wrk, as benchmarks/served.py does), with the coordinator's session cookie: the matching
page at 1 connection (goal: p95 under 150 ms), then the minimal page, the referral inbox and the
dashboard at 10 connections (goal: the inbox and the dashboard at least 0.15 of the minimal
page's throughput).
"""

import argparse
import os
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.directory import (  # noqa: E402
    _setup_django,
    figures_table,
    measure,
)

SCALES = {"smoke": 100, "full": 5_000}
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/opengate_bench_matching"
ORGANISATION_SLUG = "bench-matching-org"


def seed(mentors: int, *, seed_value: int = 2026) -> None:
    """One organisation with `mentors` vetted mentors around the North West and one mentee."""
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from accounts.models import User
    from mentees.models import Mentee
    from providers.constants import MembershipRole, OrganisationStatus
    from providers.models import LocalAuthority, Membership, Organisation, Region, TaxonomyTerm
    from providers.reference_data import load_reference_data
    from volunteers.constants import ApplicationStatus, DBSLevel, DBSResult, VettingStage
    from volunteers.models import DBSCheck, MentorProfile, VolunteerApplication, VolunteerRole

    rng = random.Random(seed_value)
    load_reference_data()
    north_west = Region.objects.get(name="North West")
    councils = list(LocalAuthority.objects.filter(region=north_west))
    pathways = list(TaxonomyTerm.objects.pathways())
    today = timezone.localdate()
    password = make_password(None)
    with transaction.atomic():
        organisation, _ = Organisation.objects.get_or_create(
            slug=ORGANISATION_SLUG,
            defaults={
                "name": "Benchmark Mentoring",
                "status": OrganisationStatus.ACTIVE,
                "region": north_west,
            },
        )
        coordinator, _ = User.objects.get_or_create(
            email="bench.coordinator@example.org", defaults={"password": password}
        )
        Membership.objects.get_or_create(
            organisation=organisation,
            user=coordinator,
            defaults={"role": MembershipRole.COORDINATOR},
        )
        role = VolunteerRole.objects.create(
            organisation=organisation,
            title="Mentor",
            summary="Benchmark role",
            description="Benchmark role",
            time_commitment="Weekly",
            training_given="Induction",
            expenses="Travel",
        )
        users = User.objects.bulk_create(
            User(
                email=f"bench.mentor.{n}@example.org",
                full_name=f"Mentor {n:05d}",
                password=password,
            )
            for n in range(mentors)
        )
        applications = VolunteerApplication.objects.bulk_create(
            VolunteerApplication(
                organisation=organisation,
                role=role,
                applicant=user,
                reference=f"BM{n:06d}",
                status=ApplicationStatus.APPROVED,
                stage=VettingStage.DECIDED,
                full_name=user.full_name,
            )
            for n, user in enumerate(users)
        )
        DBSCheck.objects.bulk_create(
            DBSCheck(
                organisation=organisation,
                application=application,
                level=DBSLevel.ENHANCED_BARRED,
                certificate_number=f"{n:012d}",
                issue_date=today - timedelta(days=100),
                renew_by=today + timedelta(days=900),
                result=DBSResult.CLEAR,
                recorded_by=coordinator,
            )
            for n, application in enumerate(applications)
        )
        profiles = MentorProfile.objects.bulk_create(
            MentorProfile(
                organisation=organisation,
                user=user,
                application=application,
                approved_by=coordinator,
                capacity=rng.randint(1, 4),
                gender=rng.choice(["woman", "man", "man", "not_said"]),
                date_of_birth=date(rng.randint(1955, 2000), rng.randint(1, 12), 1),
                languages=["en"] + (["pl"] if rng.random() < 0.1 else []),
                lived_experience=["prison"] if rng.random() < 0.4 else [],
                availability=rng.sample(
                    ["mon_evening", "tue_morning", "wed_afternoon", "sat_morning"], 2
                ),
            )
            for user, application in zip(users, applications, strict=True)
        )
        MentorProfile.pathways.through.objects.bulk_create(
            MentorProfile.pathways.through(mentorprofile_id=profile.pk, taxonomyterm_id=term.pk)
            for profile in profiles
            for term in rng.sample(pathways, rng.randint(1, 3))
        )
        MentorProfile.local_authorities.through.objects.bulk_create(
            MentorProfile.local_authorities.through(
                mentorprofile_id=profile.pk, localauthority_id=council.pk
            )
            for profile in profiles
            for council in rng.sample(councils, rng.randint(1, 4))
        )
        Mentee.objects.create(
            organisation=organisation,
            reference="MN-BENC-HMRK",
            full_name="Benchmark Mentee",
            date_of_birth=date(1990, 1, 1),
            local_authority=councils[0],
            release_date=today + timedelta(days=30),
        )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def seeded_mentors() -> int:
    from volunteers.models import MentorProfile

    return MentorProfile.objects.filter(organisation__slug=ORGANISATION_SLUG).count()


def signed_in_client():
    from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
    from allauth.mfa.models import Authenticator
    from django.test import Client

    from accounts.demo import enrol_demo_mfa
    from accounts.models import User

    user = User.objects.get(email="bench.coordinator@example.org")
    enrol_demo_mfa(user)
    totp = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    client = Client()
    client.force_login(user)
    session = client.session
    # The records allauth keeps after a password and a second factor: staff pages need both.
    session["account_authentication_methods_user"] = str(user.pk)
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": time.time(), "email": user.email},
        {"method": "mfa", "at": time.time(), "id": totp.pk, "type": "totp"},
    ]
    session.save()
    return client


def served(args, mentee) -> list[str]:
    """The matching page, the referral inbox and the dashboard through gunicorn and wrk."""
    import urllib.request

    from django.conf import settings
    from django.db import connections

    from benchmarks import served as serving

    serving.wrk_or_exit()
    session = signed_in_client().cookies[settings.SESSION_COOKIE_NAME].value
    cookie = f"Cookie: {settings.SESSION_COOKIE_NAME}={session}"
    connections.close_all()
    port = serving.free_port()
    base_url = f"http://127.0.0.1:{port}"
    server = serving.start_gunicorn(serving.server_environment(args.database_url, port, {}))
    matching = f"/organisation/matching/{mentee.pk}/"
    try:
        serving.wait_until_up(base_url, server)
        for path in (matching, "/organisation/referrals/", "/dashboard/"):
            # Signed in, the page itself answers (not a redirect to the sign-in page).
            request = urllib.request.Request(base_url + path, headers=dict([cookie.split(": ")]))
            with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
                if response.url != base_url + path or response.status != 200:
                    raise SystemExit(f"{path} answered {response.status} at {response.url}")

        def measured(label, path, connections):
            serving.load(
                base_url, label, path, connections=connections, seconds=1, headers=(cookie,)
            )
            return serving.load(
                base_url,
                label,
                path,
                connections=connections,
                seconds=args.duration,
                headers=(cookie,),
            )

        one = [
            measured("minimal page (/privacy/)", "/privacy/", 1),
            measured(f"matching page, {SCALES[args.scale]:,} mentors", matching, 1),
        ]
        ten = [
            measured("minimal page (/privacy/)", "/privacy/", 10),
            measured("referral inbox", "/organisation/referrals/", 10),
            measured("dashboard", "/dashboard/", 10),
        ]
    finally:
        serving.stop(server)
    return [
        f"gunicorn with {serving.GUNICORN_CONFIG} (the shipped settings), DEBUG off; wrk, "
        f"{args.duration} s a URL after 1 s of warm-up, signed in as the coordinator.",
        "",
        "At 1 connection:",
        *serving.table(one, one[0]),
        "",
        "At 10 connections:",
        *serving.table(ten, ten[0]),
    ]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="full")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_MATCHING_DATABASE_URL", DEFAULT_DATABASE_URL),
    )
    parser.add_argument(
        "--no-freeze",
        action="store_true",
        help="skip what config/wsgi.py does at startup (load the views, freeze the GC)",
    )
    parser.add_argument(
        "--served", action="store_true", help="through gunicorn and wrk, with the inbox"
    )
    parser.add_argument("--duration", type=int, default=20, help="seconds a URL (--served)")
    args = parser.parse_args(argv)
    mentors = SCALES[args.scale]
    _setup_django(args.database_url)
    if seeded_mentors() != mentors:
        if seeded_mentors():
            raise SystemExit(
                "The benchmark database holds another scale: drop it first "
                f"(dropdb {args.database_url.rsplit('/', 1)[1]})."
            )
        started = time.perf_counter()
        seed(mentors)
        print(f"Seeded {mentors:,} mentors in {time.perf_counter() - started:.0f} s.")
    from mentees.models import Mentee

    mentee = Mentee.objects.get(reference="MN-BENC-HMRK")
    if args.served:
        print("\n".join(served(args, mentee)))
        return 0
    client = signed_in_client()
    if not args.no_freeze:
        from config.startup import load_views_and_freeze

        load_views_and_freeze()  # as config/wsgi.py does in every web process
    figures = [
        measure(client, "minimal page (baseline)", "/privacy/", args.requests),
        measure(
            client,
            f"matching page, {mentors:,} mentors",
            f"/organisation/matching/{mentee.pk}/",
            args.requests,
        ),
    ]
    print(
        f"{mentors:,} mentors in one organisation; {args.requests} timed requests per URL "
        f"after 5 warm-up requests; startup objects {'not ' if args.no_freeze else ''}frozen."
    )
    print("\n".join(figures_table(figures)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
