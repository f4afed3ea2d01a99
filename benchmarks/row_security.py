"""What Postgres row-level security costs (core/row_security.py), served as production serves it.

    .venv/bin/python benchmarks/row_security.py                    # 10 s a URL, 10 connections
    .venv/bin/python benchmarks/row_security.py --mentees 200 --duration 2   # a quick look

Seeds two organisations with --mentees mentee case records each (in a database of its own,
made afresh each run: BENCH_DATABASE_URL, default .../opengate_bench_rls), creates the
application's database role as `manage.py migrate` does in production
(accounts.database.grant_app_role), signs a coordinator of the first organisation in, then
serves the site three times with gunicorn (config/gunicorn.conf.py, DEBUG off) and drives each
URL with wrk:

- "owner": connected as the tables' owner, whom the policies do not hold (no row security);
- "app, scoping off": the application's role with ROW_SECURITY_SCOPING=false (the policies are
  there and checked on every row, but no organisation is set);
- "app, scoping on": the application's role as shipped (each staff request sets its
  organisation, and Postgres filters the tenant tables by it).

URLs: the bare health view (/healthz/), the public directory (/services/) and the
coordinator's mentee list (/organisation/mentees/). Each URL's throughput is printed as a ratio
to the same URL served by the owner in the same run (the baseline).
"""

import argparse
import os
import secrets
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import directory, served  # noqa: E402

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/opengate_bench_rls"
APP_ROLE = "opengate_bench_app"
URLS = [
    ("bare view /healthz/", "/healthz/"),
    ("directory /services/", "/services/"),
    ("staff list /organisation/mentees/", "/organisation/mentees/"),
]


def seed(mentees: int) -> tuple[str, str]:
    """Two organisations of `mentees` each (once), and a signed-in coordinator of the first:
    the session cookie's name and value."""
    from django.conf import settings
    from django.test import Client

    from providers.constants import MembershipRole
    from tests.conftest import sign_in
    from tests.factories import MembershipFactory, OrganisationFactory
    from tests.mentees.factories import MenteeFactory

    organisations = []
    for name in ("Row security A", "Row security B"):
        organisation = OrganisationFactory(name=name)
        organisations.append(organisation)
        MenteeFactory.create_batch(mentees, organisation=organisation)
    coordinator = MembershipFactory(
        organisation=organisations[0], role=MembershipRole.COORDINATOR
    ).user
    client = Client()
    sign_in(client, coordinator)
    return settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value


def drop_database(database_url: str) -> None:
    """A fresh database each run: the factories' sequences start again with every process."""
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    server = database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def app_role_url(database_url: str, password: str) -> str:
    from django.db import connection

    from accounts.database import grant_app_role

    grant_app_role(connection, role=APP_ROLE, password=password)
    parts = urllib.parse.urlsplit(database_url)
    netloc = f"{APP_ROLE}:{password}@{parts.hostname}:{parts.port or 5432}"
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def check_answers(url: str, headers: tuple[str, ...], label: str) -> None:
    """Each URL must answer 200 itself (not a redirect to sign in, not an error page)."""
    request = urllib.request.Request(url, headers=dict(h.split(": ", 1) for h in headers))
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=60) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    if status != 200:
        sys.exit(f"{label}: {url} answered {status}, not 200")


def serve_and_measure(label, database_url, extra, cookie, args) -> list[served.Result]:
    port = served.free_port()
    env = served.server_environment(database_url, port, extra)
    server = served.start_gunicorn(env)
    base = f"http://127.0.0.1:{port}"
    try:
        served.wait_until_up(base, server)
        results = []
        for name, path in URLS:
            headers = (f"Cookie: {cookie}",) if path.startswith("/organisation/") else ()
            check_answers(base + path, headers, label)
            served.load(base, name, path, connections=args.connections, seconds=1, headers=headers)
            result = served.load(
                base,
                f"{label}: {name}",
                path,
                connections=args.connections,
                seconds=args.duration,
                headers=headers,
            )
            results.append(result)
        return results
    finally:
        served.stop(server)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mentees", type=int, default=2_000, help="per organisation")
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--duration", type=int, default=10, help="seconds a URL")
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    )
    args = parser.parse_args(argv)
    drop_database(args.database_url)
    directory._setup_django(args.database_url)
    cookie_name, session = seed(args.mentees)
    cookie = f"{cookie_name}={session}"
    app_url = app_role_url(args.database_url, secrets.token_urlsafe(16))
    runs = [
        ("owner", args.database_url, {}),
        ("app, scoping off", app_url, {"ROW_SECURITY_SCOPING": "false"}),
        ("app, scoping on", app_url, {"ROW_SECURITY_SCOPING": "true"}),
    ]
    by_run = {
        label: serve_and_measure(label, url, extra, cookie, args) for label, url, extra in runs
    }
    owner = by_run["owner"]
    print(
        f"{args.mentees} mentees in each of 2 organisations, {args.connections} connections, "
        f"{args.duration} s a URL"
    )
    print(f"{'run: URL':<54} {'req/s':>7} {'vs owner':>9} {'p50 ms':>7} {'p95 ms':>7} errors")
    for results in by_run.values():
        for result, baseline in zip(results, owner, strict=True):
            print(
                f"{result.label:<54} {result.per_second:>7.0f} "
                f"{result.per_second / max(baseline.per_second, 0.01):>9.2f} {result.p50_ms:>7.1f} "
                f"{result.p95_ms:>7.1f} {result.errors:>6}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
