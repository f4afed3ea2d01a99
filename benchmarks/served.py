"""The public directory and the Open Referral UK API under load, served as production serves them.

    .venv/bin/python benchmarks/served.py --scale full                # 10,000 services, 10 s a URL
    .venv/bin/python benchmarks/served.py --scale full --connections 50 --duration 60
    .venv/bin/python benchmarks/served.py --scale smoke --duration 2  # what CI runs

Seeds 10,000 published services with benchmarks/directory.py (in a database of its own:
DATABASE_URL, default .../opengate_bench), collects the static files, then starts gunicorn exactly
as docker-compose.yml and the Dockerfile ship it (`gunicorn config.wsgi --config
config/gunicorn.conf.py`, DEBUG off) on a free local port and drives it with wrk (Debian's `wrk`
package; the script stops with a clear message if it is missing), one URL at a time for a fixed
time with a fixed number of connections. Beside the directory it measures, in the same run, a
bare Django view (/healthz/: the same settings and middleware, no template) and the minimal page
(/privacy/), and prints each URL's throughput as a ratio to the minimal page's.

Last it sends a stream of distinct searches (1,000 or more different words, typos and filter
combinations), so that no cache can answer them all. Goals (issue 15): every search at least 0.40
of the minimal page's throughput at 10 connections, the stream at least 0.20; at 50 connections
a p95 under 300 ms with no errors and nothing over 2 s; the minimal page within 3 times the bare
view's time.
"""

import argparse
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import directory  # noqa: E402

LUA = Path(__file__).resolve().parent / "wrk_report.lua"
GUNICORN_CONFIG = "config/gunicorn.conf.py"
WRK_THREADS = 2
DISTINCT_SEARCHES = 1_200


@dataclass
class Result:
    label: str
    requests: int
    per_second: float
    p50_ms: float
    p95_ms: float
    max_ms: float
    errors: int  # socket errors, time-outs and answers of 500 or more


def wrk_or_exit() -> str:
    found = shutil.which("wrk")
    if not found:
        sys.exit("This benchmark needs wrk, the HTTP load generator: apt-get install -y wrk")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_environment(database_url: str, port: int, extra: dict[str, str]) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "SECRET_KEY": "benchmark-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        **extra,
    }


def start_gunicorn(env: dict[str, str]) -> subprocess.Popen:
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    command = [gunicorn, "config.wsgi", "--config", GUNICORN_CONFIG]
    return subprocess.Popen(  # noqa: S603 - our own gunicorn, our own arguments
        command,
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,  # the access log, as production writes it
        stderr=subprocess.DEVNULL,
    )


def wait_until_up(base_url: str, server: subprocess.Popen, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn stopped with exit code {server.returncode}")
        try:
            with urllib.request.urlopen(base_url + "/healthz/", timeout=2):  # noqa: S310
                return
        except OSError:
            time.sleep(0.3)
    sys.exit("gunicorn did not answer within 5 minutes")


def stop(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def load(
    base_url: str,
    label: str,
    path: str,
    *,
    connections: int,
    seconds: float,
    paths_file: Path | None = None,
    headers: tuple[str, ...] = (),
) -> Result:
    """Drive one URL (or, with paths_file, a stream of them) for `seconds` with wrk; `headers`
    ("Name: value") are sent with every request, such as a signed-in session's cookie."""
    env = {**os.environ, "WRK_PATHS": str(paths_file or ""), "WRK_THREADS": str(WRK_THREADS)}
    threads = min(WRK_THREADS, connections)
    command = [
        wrk_or_exit(),
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-H",
        "Accept-Encoding: gzip",
        *[part for header in headers for part in ("-H", header)],
        "-s",
        str(LUA),
        base_url + path,
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)  # noqa: S603
    line = next(ln for ln in done.stdout.splitlines() if ln.startswith("WRK_JSON "))
    figures = json.loads(line.removeprefix("WRK_JSON "))
    errors = sum(
        figures[key]
        for key in ("non_success", "connect_errors", "read_errors", "write_errors", "timeouts")
    )
    return Result(
        label=label,
        requests=figures["requests"],
        per_second=figures["requests"] / (figures["duration_us"] / 1e6),
        p50_ms=figures["p50_us"] / 1000,
        p95_ms=figures["p95_us"] / 1000,
        max_ms=figures["max_us"] / 1000,
        errors=errors,
    )


def urls(region_pk: int) -> list[tuple[str, str]]:
    """(label, path): the two baselines first, then what the directory is judged on."""
    return [
        ("bare Django view (/healthz/)", "/healthz/"),
        ("minimal page (/privacy/)", "/privacy/"),
        ("directory, no search", "/services/"),
        ("search: common word", "/services/?q=housing"),
        ("search with a typo", "/services/?q=acommodation"),
        ("search + filters", "/services/?q=mentoring&pathway=accommodation&accepting=on"),
        ("search + region", f"/services/?q=housing&area=region-{region_pk}"),
        ("Approved Provider Standard only", "/services/?approved_provider=on"),
        ("API services search", "/api/v1/services?search=housing"),
    ]


def distinct_searches(count: int, *, seed: int = 15) -> list[str]:
    """`count` different directory and API searches: words, typos, places and filters."""
    from providers.models import LocalAuthority, Prison, Region

    rng = random.Random(seed)
    words = sorted({w for phrases in directory.TOPICS.values() for p in phrases for w in p.split()})
    words += [n.lower() for n in directory.NOUNS + directory.ADJECTIVES + directory.KINDS]
    areas = [f"region-{pk}" for pk in Region.objects.values_list("pk", flat=True)]
    areas += [f"la-{c}" for c in LocalAuthority.objects.values_list("gss_code", flat=True)]
    prisons = [str(pk) for pk in Prison.objects.values_list("pk", flat=True)]
    pathways = list(directory.TOPICS)
    settings = ["in_custody", "through_the_gate", "in_community"]
    seen: set[str] = set()
    paths: list[str] = []

    def typo(word: str) -> str:
        if len(word) < 4:
            return word
        i = rng.randrange(1, len(word) - 1)
        return word[:i] + word[i + 1 :] if rng.random() < 0.5 else word[:i] + word[i] * 2 + word[i:]

    while len(paths) < count:
        query: dict[str, str] = {}
        text = " ".join(rng.sample(words, rng.choice([1, 1, 2])))
        if rng.random() < 0.3:
            text = typo(text)
        if rng.random() < 0.85:
            query["q"] = text
        if rng.random() < 0.3:
            query["pathway"] = rng.choice(pathways)
        if rng.random() < 0.35:
            query["area"] = rng.choice(areas)
        if rng.random() < 0.1:
            query["prison"] = rng.choice(prisons)
        if rng.random() < 0.2:
            query["setting"] = rng.choice(settings)
        if rng.random() < 0.15:
            query["age"] = str(rng.randint(18, 70))
        for flag in ("accepting", "approved_provider", "lived_experience"):
            if rng.random() < 0.1:
                query[flag] = "on"
        if rng.random() < 0.1:
            query["page"] = "2"
        if rng.random() < 0.15:
            path = "/api/v1/services?" + urllib.parse.urlencode({"search": text})
        else:
            path = "/services/?" + urllib.parse.urlencode(query)
        if path not in seen:
            seen.add(path)
            paths.append(path)
    return paths


def table(results: list[Result], baseline: Result) -> list[str]:
    lines = [
        f"{'URL':<34} {'req/s':>7} {'vs min':>7} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>8} errors"
    ]
    for r in results:
        lines.append(
            f"{r.label:<34} {r.per_second:>7.0f} {r.per_second / baseline.per_second:>7.2f} "
            f"{r.p50_ms:>7.1f} {r.p95_ms:>7.1f} {r.max_ms:>8.1f} {r.errors:>6}"
        )
    return lines


def run(args) -> list[str]:
    wrk_or_exit()
    directory._setup_django(args.database_url)
    scale = directory.SCALES[args.scale]
    if args.reseed or directory.seeded_scale() != scale:
        started = time.perf_counter()
        directory.seed(scale)
        print(f"Seeded in {time.perf_counter() - started:.0f} s.", flush=True)
    from django.db import connections

    from providers.models import Region

    region_pk = Region.objects.get(name="North West").pk
    stream = distinct_searches(args.distinct)
    # Start from a new directory version, so no page an earlier run kept in Redis (for up to 10
    # minutes) answers this run's stream of distinct searches.
    from providers.directory_version import directory_changed

    directory_changed()
    connections.close_all()

    port = args.port or free_port()
    base_url = f"http://127.0.0.1:{port}"
    extra = dict(item.split("=", 1) for item in args.env)
    server = start_gunicorn(server_environment(args.database_url, port, extra))
    lines = []
    try:
        wait_until_up(base_url, server)
        results = []
        for label, path in urls(region_pk):
            # Warm up: one request alone (so the page is worked out once, not by every
            # connection at once), then a second of load so each worker has loaded its caches.
            with urllib.request.urlopen(base_url + path, timeout=120):  # noqa: S310
                pass
            load(base_url, label, path, connections=args.connections, seconds=1)
            results.append(
                load(base_url, label, path, connections=args.connections, seconds=args.duration)
            )
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as paths_file:
            paths_file.write("\n".join(stream) + "\n")
        results.append(
            load(
                base_url,
                f"{len(stream):,} distinct searches",
                "/services/",
                connections=args.connections,
                seconds=args.duration,
                paths_file=Path(paths_file.name),
            )
        )
        Path(paths_file.name).unlink()
    finally:
        stop(server)
    bare, minimal = results[0], results[1]
    settings_note = " ".join(args.env) or "the shipped settings"
    lines += [
        f"Scale: {scale.organisations:,} organisations, {scale.services:,} published services. "
        f"gunicorn with {GUNICORN_CONFIG} ({settings_note}), DEBUG off; wrk, "
        f"{args.connections} connections, {args.duration} s a URL after one request and 1 s "
        "of warm-up.",
        "",
        *table(results, minimal),
        "",
        f"Minimal page against the bare view: {bare.per_second / minimal.per_second:.2f} times "
        f"its time a request (goal: within 3).",
    ]
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", choices=sorted(directory.SCALES), default="full")
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--duration", type=int, default=10, help="seconds a URL")
    parser.add_argument("--distinct", type=int, default=DISTINCT_SEARCHES)
    parser.add_argument("--port", type=int, default=0, help="default: a free one")
    parser.add_argument("--reseed", action="store_true", help="seed again even if present")
    parser.add_argument(
        "--env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="set for gunicorn, to compare settings (WEB_CONCURRENCY=3, GUNICORN_THREADS=1)",
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", directory.DEFAULT_DATABASE_URL),
    )
    args = parser.parse_args(argv)
    print("\n".join(run(args)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
