"""How much slower the pages are with Redis down (issue 17: no page more than a second slower).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/og_bench .venv/bin/python \\
        benchmarks/redis_outage.py --rounds 15

The database must hold the demo data (`manage.py migrate` and `manage.py seed_demo --force`).
It starts a redis-server of its own on a spare port and gunicorn as docker-compose.yml ships it
(DEBUG off, pointed at that Redis), then requests each page ROUNDS times with Redis up, kills
Redis (SIGKILL by its pid) and requests them ROUNDS times again. For each page it prints the
median time up and down and the difference; the baseline is the same page in the same run with
Redis up. The first round of each phase is a warm-up and not counted.
"""

import argparse
import http.cookiejar
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    ("home", "/"),
    ("directory", "/services/"),
    ("directory search", "/services/?q=housing"),
    ("ask: start", "/ask-for-a-mentor/"),
    ("check your request", "/check-your-request/"),
    ("sign in", "/accounts/login/"),
    ("readyz", "/readyz"),
]


def wait_for_port(port: int, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"nothing listening on {port}")


def fetch(base: str, path: str) -> tuple[int, float]:
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    started = time.perf_counter()
    try:
        with opener.open(base + path, timeout=180) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return status, time.perf_counter() - started


def measure(base: str, rounds: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {label: [] for label, _ in PAGES}
    for round_number in range(rounds + 1):
        for label, path in PAGES:
            status, seconds = fetch(base, path)
            if status != 200:
                raise SystemExit(f"{label} ({path}) answered {status}")
            if round_number:  # the first round warms up
                times[label].append(seconds)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--port", type=int, default=8165)
    parser.add_argument("--redis-port", type=int, default=6392)
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        raise SystemExit("Set DATABASE_URL to a database holding the demo data.")

    redis = subprocess.Popen(
        ["/usr/bin/redis-server", "--port", str(args.redis_port), "--bind", "127.0.0.1"]
        + ["--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    wait_for_port(args.redis_port)
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "benchmark-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "REDIS_URL": f"redis://127.0.0.1:{args.redis_port}/0",
        "CACHE_KEY_PREFIX": "redis-outage-bench",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    gunicorn = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{args.port}"]
        + ["--workers", "3"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{args.port}"
    try:
        wait_for_port(args.port)
        up = measure(base, args.rounds)
        os.kill(redis.pid, signal.SIGKILL)
        redis.wait()
        down = measure(base, args.rounds)
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        try:
            gunicorn.wait(timeout=60)
        except subprocess.TimeoutExpired:
            gunicorn.kill()
        if redis.poll() is None:
            redis.kill()
    print(f"{'page':<22} {'Redis up':>10} {'Redis down':>11} {'slower by':>10}  (medians, ms)")
    worst = 0.0
    for label, _path in PAGES:
        median_up = statistics.median(up[label]) * 1000
        median_down = statistics.median(down[label]) * 1000
        slowest_down = max(down[label]) * 1000
        worst = max(worst, slowest_down - median_up)
        print(
            f"{label:<22} {median_up:>10.0f} {median_down:>11.0f} "
            f"{median_down - median_up:>+10.0f}  (slowest down {slowest_down:.0f})"
        )
    print(
        f"worst single request with Redis down, over the page's median with it up: {worst:.0f} ms"
    )


if __name__ == "__main__":
    main()
