"""Bytes on the wire and time to a usable first page for the public pages, served for real.

    .venv/bin/python benchmarks/page_weight.py --serve production   # gunicorn, DEBUG off
    .venv/bin/python benchmarks/page_weight.py --serve demo         # as `make demo` serves
    .venv/bin/python benchmarks/page_weight.py --base-url http://127.0.0.1:8000  # a running one

`production` starts gunicorn as docker-compose.yml ships it (config/gunicorn.conf.py, DEBUG off,
WhiteNoise's compressed manifest storage after collectstatic) on a Postgres database of its own
(DATABASE_URL, default .../opengate_pageweight) holding the demo data. `demo` starts the
runserver command from the Makefile's `demo` target on a SQLite copy of the demo (made on first
use: a few minutes).

Debian's Chromium (through Playwright, JavaScript on) then visits two routes with an empty cache:
the directory (home, directory, a search, a service page, its "ask for a mentor" page) and the
request journey (its start page, the first question, "check your request"). For each page it
adds up what the network carried (Chromium's encodedDataLength: headers and compressed bodies).
Last, with Chromium's network throttling (Network.emulateNetworkConditions over a CDP session:
128 kbit/s down and up, 800 ms latency) and an empty cache, it times the first page of each
route: first contentful paint and the load event (styles and scripts in, the page usable).
Goals (issue 12): first visit under 40 KB, later pages under 10 KB, usable in under 5 s.
"""

import argparse
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/opengate_pageweight"
DEFAULT_SQLITE = Path("/tmp/opengate-pageweight-demo.sqlite3")
SLOW_LINK = {"latency": 800, "downloadThroughput": 128_000 / 8, "uploadThroughput": 128_000 / 8}
FIRST_VISIT_GOAL = 40_000
LATER_PAGE_GOAL = 10_000
USABLE_GOAL_MS = 5_000
TIMEOUT_MS = 180_000


@dataclass
class PageWeight:
    label: str
    url: str
    status: int
    bytes: int  # on the wire: headers and bodies as sent, for the page and what it loaded
    requests: int
    html_bytes: int


@dataclass
class Route:
    name: str
    pages: list[PageWeight] = field(default_factory=list)


@dataclass
class SlowLoad:
    label: str
    url: str
    first_paint_ms: float
    load_ms: float
    bytes: int


# Each route: (label, how to reach the page from the one before). A path, or a callable that
# finds the link on the current page.
def _first_service_link(page) -> str:
    href = page.locator("a[href^='/services/']").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
        ".filter(h => /^\\/services\\/[0-9a-f-]{36}\\/$/.test(h))"
    )
    return href[0] if href else "/services/"


ROUTES = {
    "directory": [
        ("home (first visit)", "/"),
        ("directory", "/services/"),
        ("search: housing", "/services/?q=housing"),
        ("service page", _first_service_link),
        ("service: ask for a mentor", lambda page: page.url + "ask-for-a-mentor/"),
    ],
    "journey": [
        ("ask for a mentor (first visit)", "/ask-for-a-mentor/"),
        ("first question", "/ask-for-a-mentor/start/"),
        ("check your request", "/check-your-request/"),
    ],
}


def measure_routes(base_url: str, *, browser) -> list[Route]:
    routes = []
    for name, steps in ROUTES.items():
        context = browser.new_context(base_url=base_url)
        context.set_default_timeout(TIMEOUT_MS)  # a busy machine serves slowly; bytes still count
        page = context.new_page()
        counter = _WireCounter(context, page)
        route = Route(name)
        for label, target in steps:
            url = target(page) if callable(target) else target
            counter.reset()
            response = page.goto(url, wait_until="load")
            page.wait_for_load_state("networkidle")
            route.pages.append(
                PageWeight(
                    label,
                    page.url.removeprefix(base_url),
                    response.status if response else 0,
                    counter.total(),
                    counter.count(),
                    counter.document(),
                )
            )
        context.close()
        routes.append(route)
    return routes


def measure_slow_first_pages(base_url: str, *, browser) -> list[SlowLoad]:
    loads = []
    for _name, steps in ROUTES.items():
        label, url = steps[0]
        context = browser.new_context(base_url=base_url)
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        counter = _WireCounter(context, page)
        counter.cdp.send("Network.emulateNetworkConditions", {"offline": False, **SLOW_LINK})
        page.goto(url, wait_until="load", timeout=TIMEOUT_MS)
        timing = page.evaluate(
            """() => {
                const nav = performance.getEntriesByType('navigation')[0];
                const paint = performance.getEntriesByName('first-contentful-paint')[0];
                return {load: nav.loadEventEnd, paint: paint ? paint.startTime : -1};
            }"""
        )
        page.wait_for_load_state("networkidle")
        loads.append(SlowLoad(label, url, timing["paint"], timing["load"], counter.total()))
        context.close()
    return loads


class _WireCounter:
    """Adds up Chromium's encodedDataLength (headers plus body as sent) per request."""

    def __init__(self, context, page):
        self.cdp = context.new_cdp_session(page)
        self.cdp.send("Network.enable")
        self.cdp.send("Network.setCacheDisabled", {"cacheDisabled": False})
        self._sizes: dict[str, int] = {}
        self._types: dict[str, str] = {}
        self.cdp.on("Network.responseReceived", self._response)
        self.cdp.on("Network.loadingFinished", self._finished)

    def _response(self, event):
        self._types[event["requestId"]] = event.get("type", "")

    def _finished(self, event):
        self._sizes[event["requestId"]] = int(event["encodedDataLength"])

    def reset(self):
        self._sizes.clear()
        self._types.clear()

    def total(self) -> int:
        return sum(self._sizes.values())

    def count(self) -> int:
        return len(self._sizes)

    def document(self) -> int:
        return sum(size for rid, size in self._sizes.items() if self._types.get(rid) == "Document")


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def report(routes: list[Route], loads: list[SlowLoad], served: str) -> str:
    lines = [f"Public pages as {served}: bytes on the wire (Chromium, JavaScript on)", ""]
    lines.append(f"{'page':36} {'status':>6} {'requests':>8} {'HTML':>8} {'total':>8}  goal")
    for route in routes:
        for n, weight in enumerate(route.pages):
            goal = FIRST_VISIT_GOAL if n == 0 else LATER_PAGE_GOAL
            verdict = "ok" if weight.bytes < goal else "OVER"
            lines.append(
                f"{route.name + ': ' + weight.label:36.36} {weight.status:>6} "
                f"{weight.requests:>8} {_kb(weight.html_bytes):>8} {_kb(weight.bytes):>8}  "
                f"< {goal // 1000} KB {verdict}"
            )
    if loads:
        lines += ["", "First page over 128 kbit/s with 800 ms latency, empty cache:", ""]
        lines.append(f"{'page':36} {'first paint':>12} {'usable':>10} {'bytes':>8}  goal")
        for load in loads:
            verdict = "ok" if load.load_ms < USABLE_GOAL_MS else "OVER"
            lines.append(
                f"{load.label:36.36} {load.first_paint_ms / 1000:>11.1f}s "
                f"{load.load_ms / 1000:>9.1f}s {_kb(load.bytes):>8}  < 5 s {verdict}"
            )
    return "\n".join(lines)


def _kb(size: int) -> str:
    return f"{size / 1000:.1f} KB"


# Serving, as production and as `make demo` do.


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, process: subprocess.Popen, timeout: float = 120) -> None:
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped with exit code {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=5)  # noqa: S310 (our own server on loopback)
            return
        except urllib.error.HTTPError:
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def _run(command: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)  # noqa: S603
    if done.returncode:
        sys.exit(f"{' '.join(command[1:])} failed:\n{done.stderr[-3000:]}")


def production_server(database_url: str, port: int) -> tuple[subprocess.Popen, dict]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "SECRET_KEY": "benchmark-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
    }
    _create_database(database_url)
    python = sys.executable
    _run([python, "manage.py", "migrate", "--no-input"], env)
    _run([python, "manage.py", "seed_demo", "--force"], env)
    _run([python, "manage.py", "collectstatic", "--no-input"], env)
    gunicorn = [str(Path(python).parent / "gunicorn"), "config.wsgi"]
    command = [*gunicorn, "--config", "config/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"]
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True), env  # noqa: S603


def demo_server(sqlite: Path, port: int) -> tuple[subprocess.Popen, dict]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{sqlite}", "DEMO_MFA_BYPASS_CODE": "000000"}
    for name in ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "SECURE_SSL_REDIRECT"):
        env.pop(name, None)
    python = sys.executable
    if not sqlite.exists():
        _run([python, "manage.py", "migrate", "--no-input"], env)
        _run([python, "manage.py", "seed_demo"], env)
    command = [python, "manage.py", *demo_runserver_arguments(), f"127.0.0.1:{port}"]
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True), env  # noqa: S603


def demo_runserver_arguments() -> list[str]:
    """`runserver` and its options as the Makefile's demo target runs it, address left out."""
    makefile = (ROOT / "Makefile").read_text()
    line = re.search(r"manage\.py (runserver[^\n]*)", makefile)[1]
    return [word for word in shlex.split(line) if not re.match(r"[\d.]+:\d+$", word)]


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--serve", choices=["production", "demo"], default="production")
    parser.add_argument("--base-url", help="measure a server that is already running")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--sqlite", type=Path, default=DEFAULT_SQLITE)
    parser.add_argument("--no-throttle", action="store_true", help="skip the slow-link timing")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    server = None
    base_url = args.base_url
    served = f"served at {base_url}"
    if not base_url:
        port = _free_port()
        base_url = f"http://127.0.0.1:{port}"
        if args.serve == "production":
            server, _env = production_server(args.database_url, port)
            served = "production serves them (gunicorn, config/gunicorn.conf.py, DEBUG off)"
        else:
            server, _env = demo_server(args.sqlite, port)
            served = f"make demo serves them (manage.py {' '.join(demo_runserver_arguments())})"
    try:
        if server:
            _wait_for(base_url + "/privacy/", server)
        with sync_playwright() as playwright:
            browser = launch(playwright)
            routes = measure_routes(base_url, browser=browser)
            loads = [] if args.no_throttle else measure_slow_first_pages(base_url, browser=browser)
            browser.close()
    finally:
        if server:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    print(report(routes, loads, served))


if __name__ == "__main__":
    main()
