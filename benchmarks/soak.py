"""Soak: 50 mixed users for a long while against the site served as production serves it, with a
real Celery worker and beat, then counting that nothing was lost (issue 17, items 4 and 5).

    .venv/bin/python benchmarks/soak.py --minutes 10                 # the issue's figures
    .venv/bin/python benchmarks/soak.py --minutes 1 --phases steady  # a quick look

The database (DATABASE_URL, default .../opengate_soak) is migrated and, if it has no demo, seeded
with `seed_demo`. Each phase starts its own redis-server (on --redis-port, stopped by its pid),
gunicorn with config/gunicorn.conf.py (DEBUG off), a Celery worker and beat sending to an SMTP
sink of the benchmark's own, and runs the users for --minutes:

- searchers read the directory and a service's page;
- people ask for a mentor, page by page, to "request sent";
- coordinators open their referral inbox and accept or decline a request, or log a meeting;
- mentors open their page and answer a proposal waiting for them, or log a meeting.

Phases: `steady` (nothing fails), `redis` (Redis killed for --redis-down seconds in the middle and
started again), `postgres` (gunicorn reaches Postgres through a TCP proxy, which is cut for
--postgres-down seconds in the middle). After each phase the outbox is given time to drain, then
every write the site acknowledged is looked for in the database and every email written to the
outbox since the phase began must have reached the sink exactly once. The memory (RSS) of the
gunicorn workers and of the Celery worker is sampled every few seconds; "steady" means the
fitted growth over the phase, after the first fifth, stays under MEMORY_GROWTH_BOUND of the mean.
"""

import argparse
import logging
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import served  # noqa: E402
from benchmarks.soak_users import (  # noqa: E402
    Browser,
    Ledger,
    Surprise,
    ask_for_a_mentor,
    coordinate,
    mentor,
    search,
)

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/opengate_soak"
PHASES = ("steady", "redis", "postgres")
MEMORY_GROWTH_BOUND = 0.10  # of the mean RSS, fitted over a phase after its first fifth
SAMPLE_SECONDS = 5
RECOVERY_BOUND_SECONDS = 30
# Share of the users in each role.
ROLES = {"searcher": 0.4, "asker": 0.2, "coordinator": 0.2, "mentor": 0.2}


@dataclass
class Ports:
    redis: int = 6395
    smtp: int = 8396
    postgres_proxy: int = 5441


@dataclass
class MemorySample:
    at: float
    gunicorn_mb: float
    celery_mb: float


@dataclass
class PhaseResult:
    name: str
    seconds: float
    users: int
    ledger: Ledger
    writes: list
    emails: object
    memory: list[MemorySample]
    fault: tuple[float, float] | None = None  # (down, back up), seconds into the phase
    notes: list[str] = field(default_factory=list)
    started_at: object = None  # the database's clock when the users began
    sink_ids: list[str] = field(default_factory=list)  # Message-IDs the SMTP sink holds

    def answers(self, *, in_fault: bool | None = None):
        if self.fault is None or in_fault is None:
            return list(self.ledger.answers)
        down, up = self.fault
        # A request in flight when the fault began or ended saw it too.
        return [
            a for a in self.ledger.answers if (a.at <= up and a.at + a.seconds >= down) == in_fault
        ]

    def errors(self) -> int:
        """Answers of 500 or more, or none at all, outside the fault (all of them if none)."""
        answers = self.answers(in_fault=False) if self.fault else self.answers()
        return sum(a.status == 0 or a.status >= 500 for a in answers)

    def recovery_seconds(self) -> float:
        """From the fault's end to the start of the last request that failed after it."""
        if self.fault is None:
            return 0.0
        _, up = self.fault
        failed = [a.at for a in self.ledger.answers if a.at > up and (a.status in (0, 500, 503))]
        return max(failed) - up if failed else 0.0

    def lost_writes(self) -> int:
        return sum(c.acknowledged - c.found for c in self.writes)

    def lost_emails(self) -> int:
        return self.emails.written - self.emails.delivered

    def memory_growth(self, part: str) -> float:
        """Fitted growth over the phase (after its first fifth) as a share of the mean."""
        kept = [s for s in self.memory if s.at >= self.seconds / 5]
        if len(kept) < 3:
            return 0.0
        xs = [s.at for s in kept]
        ys = [getattr(s, part) for s in kept]
        if len(set(ys)) == 1:
            return 0.0
        slope, _ = statistics.linear_regression(xs, ys)
        return slope * (xs[-1] - xs[0]) / statistics.mean(ys)


def setup_django(database_url: str) -> None:
    """Migrate, collect static files and seed the demo once, as benchmarks/directory.py does."""
    from benchmarks import directory

    directory._setup_django(database_url)
    from django.core.management import call_command

    from providers.models import Organisation

    if not Organisation.objects.exists():
        started = time.monotonic()
        call_command("seed_demo", force=True, verbosity=0)
        print(f"Seeded the demo in {time.monotonic() - started:.0f} s.", flush=True)


def _rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def _children(pid: int) -> list[int]:
    found = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True, check=False
    )
    return [int(p) for p in found.stdout.split()]


def _letters(number: int) -> str:
    """A number written in letters (names may not hold digits): 0 a, 25 z, 26 ba..."""
    word = ""
    while True:
        number, digit = divmod(number, 26)
        word = "abcdefghijklmnopqrstuvwxyz"[digit] + word
        if not number:
            return word


class Proxy:
    """The TCP proxy of tests/faults.py in a process of its own (so pumping Postgres's bytes
    does not compete with the users' threads): SIGUSR1 cuts it, SIGUSR2 opens it again."""

    def __init__(self, port: int, target_port: int):
        code = (
            f"import signal, sys, threading; sys.path.insert(0, {str(ROOT)!r})\n"
            "from tests.faults import TcpProxy\n"
            f"proxy = TcpProxy('127.0.0.1', {target_port}, {port}).start()\n"
            "signal.signal(signal.SIGUSR1, lambda *a: proxy.stop())\n"
            "signal.signal(signal.SIGUSR2, lambda *a: proxy.start())\n"
            "threading.Event().wait()\n"
        )
        self.port = port
        self.process = subprocess.Popen([sys.executable, "-c", code], start_new_session=True)
        from tests.faults import wait_for_port

        wait_for_port(port)

    def cut(self) -> None:
        os.kill(self.process.pid, signal.SIGUSR1)

    def restore(self) -> None:
        os.kill(self.process.pid, signal.SIGUSR2)

    def close(self) -> None:
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)


def _via(database_url: str, port: int) -> str:
    """The same database, reached through a local port."""
    head, _, rest = database_url.rpartition("@")
    name = rest.split("/", 1)[1]
    return f"{head}@127.0.0.1:{port}/{name}"


def _postgres_port(database_url: str) -> int:
    host = database_url.rpartition("@")[2].split("/", 1)[0]
    return int(host.rsplit(":", 1)[1]) if ":" in host else 5432


def run_phase(
    name: str,
    *,
    database_url: str,
    seconds: float,
    users: int,
    ports: Ports,
    sink,
    think_seconds: float = 1.0,
    fault_seconds: float = 0,
    drain_seconds: float = 240,
    log_dir: Path,
) -> PhaseResult:
    from benchmarks import soak_data
    from tests.faults import CeleryProcess, RedisServer

    for port in (ports.redis, ports.postgres_proxy):
        if _listening(port):
            raise SystemExit(f"Something already listens on port {port}: choose another.")
    redis = RedisServer(ports.redis).start()
    # The worker and beat run with the site's production settings (DEBUG off), sending through
    # the benchmark's SMTP sink.
    celery_env = served.server_environment(
        database_url,
        0,
        {
            "REDIS_URL": redis.url,
            "CELERY_BROKER_URL": redis.url,
            "CELERY_RESULT_BACKEND": redis.url,
            "CACHE_KEY_PREFIX": f"soak-{name}",
            "EMAIL_URL": f"smtp://127.0.0.1:{ports.smtp}",
            "CELERY_TASK_ALWAYS_EAGER": "false",
        },
    )
    worker = CeleryProcess("worker", celery_env, log_dir / f"{name}-worker.log").start()
    beat = CeleryProcess("beat", celery_env, log_dir / f"{name}-beat.log").start()
    proxy = None
    web_database = database_url
    if name == "postgres":
        proxy = Proxy(ports.postgres_proxy, _postgres_port(database_url))
        web_database = _via(database_url, ports.postgres_proxy)
    port = served.free_port()
    base_url = f"http://127.0.0.1:{port}"
    gunicorn = served.start_gunicorn(
        served.server_environment(
            web_database,
            port,
            {
                "REDIS_URL": redis.url,
                "CELERY_BROKER_URL": redis.url,
                "CELERY_RESULT_BACKEND": redis.url,
                "CACHE_KEY_PREFIX": f"soak-{name}",
                "CELERY_TASK_ALWAYS_EAGER": "false",
                "GUNICORN_ACCESS_LOG": "",
            },
        )
    )
    ledger = Ledger()
    memory: list[MemorySample] = []
    fault: tuple[float, float] | None = None
    notes: list[str] = []
    try:
        worker.wait_ready()
        served.wait_until_up(base_url, gunicorn)
        plan = soak_data.plan(coordinators=10, mentors=10)
        notes.append(
            f"{len(plan.coordinators)} coordinators, {len(plan.mentors)} mentors "
            f"({sum(len(m.proposals) for m in plan.mentors)} proposals waiting), "
            f"{len(plan.ask_targets)} services taking requests"
        )
        started = time.monotonic()
        deadline = started + seconds
        stop = threading.Event()
        threads = [
            threading.Thread(
                target=_user,
                args=(role, number, plan, base_url, ledger, started, deadline, think_seconds),
                daemon=True,
            )
            for number, role in enumerate(_roles(users, plan))
        ]
        sampler = threading.Thread(
            target=_sample,
            args=(memory, gunicorn.pid, worker.process.pid, started, stop),
            daemon=True,
        )
        sampler.start()
        for thread in threads:
            thread.start()
        if fault_seconds and name in ("redis", "postgres"):
            time.sleep(max(0.0, seconds / 2 - fault_seconds / 2))
            down_at = time.monotonic() - started
            if name == "redis":
                redis.stop()
            else:
                proxy.cut()
            time.sleep(fault_seconds)
            if name == "redis":
                redis = RedisServer(ports.redis).start()
            else:
                proxy.restore()
            fault = (down_at, time.monotonic() - started)
        for thread in threads:
            thread.join(timeout=max(1.0, deadline - time.monotonic()) + 120)
        stop.set()
        sampler.join()
        elapsed = time.monotonic() - started
        _drain(plan.started_at, sink, drain_seconds)
        writes = soak_data.count_writes(ledger)
        sink_ids = sink.message_ids()
        emails = soak_data.count_emails(plan.started_at, sink_ids)
    finally:
        # Each is stopped even if stopping another failed: nothing is left running.
        for stopping in (
            lambda: _stop_gunicorn(gunicorn),
            worker.kill,
            beat.kill,
            lambda: redis.stop(),
            proxy.close if proxy is not None else None,
        ):
            try:
                if stopping is not None:
                    stopping()
            except Exception as error:  # reported; the others are still stopped
                print(f"Stopping a process of phase {name} failed: {error!r}", file=sys.stderr)
    return PhaseResult(
        name,
        elapsed,
        users,
        ledger,
        writes,
        emails,
        memory,
        fault,
        notes,
        plan.started_at,
        sink_ids,
    )


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _stop_gunicorn(server: subprocess.Popen) -> None:
    """As benchmarks/served.py stops it, but killed if a worker is still busy after 30 s."""
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)


def _roles(users: int, plan) -> list[str]:
    roles: list[str] = []
    for role, share in ROLES.items():
        if role == "coordinator" and not plan.coordinators:
            continue
        if role == "mentor" and not plan.mentors:
            continue
        if role == "asker" and not plan.ask_targets:
            continue
        roles += [role] * max(1, round(users * share))
    return (roles * users)[:users] if len(roles) < users else roles[:users]


def _user(role, number, plan, base_url, ledger, started, deadline, think_seconds) -> None:
    rng = random.Random(number)
    person = None
    if role == "coordinator":
        person = plan.coordinators[number % len(plan.coordinators)]
    elif role == "mentor":
        person = plan.mentors[number % len(plan.mentors)]
    browser = Browser(base_url, ledger, started, cookies=person.cookies if person else None)
    count = 0
    while time.monotonic() < deadline:
        try:
            if role == "searcher":
                search(browser, rng, plan.services)
            elif role == "asker":
                name = f"Soak {_letters(number)} {_letters(count)} {_letters(int(started))}"
                ask_for_a_mentor(browser, rng.choice(plan.ask_targets), name.title())
            elif role == "coordinator":
                coordinate(browser, person, rng)
            else:
                mentor(browser, person, rng)
        except Surprise as surprise:
            with ledger.lock:
                ledger.surprises.append(str(surprise))
        count += 1
        time.sleep(rng.uniform(0, 2 * think_seconds))


def _sample(memory, gunicorn_pid, worker_pid, started, stop) -> None:
    while True:
        memory.append(
            MemorySample(
                time.monotonic() - started,
                _rss_mb(_children(gunicorn_pid)),
                _rss_mb([worker_pid, *_children(worker_pid)]),
            )
        )
        if stop.wait(SAMPLE_SECONDS):
            return


def _drain(since, sink, seconds: float) -> None:
    """Wait until every email written since `since` is sent and received, or `seconds` pass."""
    from django.db import connections

    from benchmarks import soak_data

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        emails = soak_data.count_emails(since, sink.message_ids())
        connections.close_all()
        if emails.delivered == emails.written:
            return
        time.sleep(1)


def report(results: list[PhaseResult]) -> list[str]:
    lines = []
    for r in results:
        answers = r.answers()
        times = sorted(a.seconds * 1000 for a in answers) or [0.0]
        p95 = times[int(0.95 * (len(times) - 1))]
        lines += [
            f"Phase {r.name}: {r.users} users for {r.seconds:.0f} s; {'; '.join(r.notes)}",
            f"  {len(answers):,} requests, {len(answers) / r.seconds:.1f}/s; "
            f"p50 {statistics.median(times):.0f} ms, p95 {p95:.0f} ms, max {times[-1]:.0f} ms",
            f"  errors (500 or more, or no answer){' outside the fault' if r.fault else ''}: "
            f"{r.errors()}; journeys that went wrong: {len(r.ledger.surprises)}",
        ]
        for surprise in sorted(set(r.ledger.surprises))[:5]:
            lines.append(f"    e.g. {surprise}")
        if r.fault:
            during = r.answers(in_fault=True)
            codes = sorted({a.status for a in during})
            lines.append(
                f"  fault from {r.fault[0]:.0f} s to {r.fault[1]:.0f} s: {len(during)} requests "
                f"meanwhile, {sum(a.status == 503 for a in during)} answered 503, "
                f"{sum(a.status == 500 for a in during)} answered 500, "
                f"{sum(a.status == 0 for a in during)} no answer (statuses {codes}); "
                f"recovered {r.recovery_seconds():.1f} s after it ended "
                f"(bound {RECOVERY_BOUND_SECONDS} s)"
            )
            outside = r.answers(in_fault=False)
            if during and outside:
                lines.append(
                    "  median answer during the fault "
                    f"{statistics.median(a.seconds for a in during) * 1000:.0f} ms, "
                    f"outside it {statistics.median(a.seconds for a in outside) * 1000:.0f} ms; "
                    f"slowest during {max(a.seconds for a in during) * 1000:.0f} ms"
                )
        for c in r.writes:
            lines.append(f"  {c.kind:<34} acknowledged {c.acknowledged:>5}, found {c.found:>5}")
        e = r.emails
        lines.append(
            f"  emails: {e.written} written to the outbox, {e.sent} marked sent, "
            f"{e.delivered} received by the SMTP sink, {e.duplicates} received twice"
        )
        if r.memory:
            first, last = r.memory[0], r.memory[-1]
            lines.append(
                f"  memory (RSS): gunicorn workers {first.gunicorn_mb:.0f} -> "
                f"{last.gunicorn_mb:.0f} MB (fitted growth {r.memory_growth('gunicorn_mb'):+.1%}), "
                f"Celery worker {first.celery_mb:.0f} -> {last.celery_mb:.0f} MB "
                f"({r.memory_growth('celery_mb'):+.1%}); bound {MEMORY_GROWTH_BOUND:.0%}"
            )
        lines.append("")
    return lines


def run(
    *,
    database_url: str,
    minutes: float,
    users: int,
    phases: list[str],
    ports: Ports,
    redis_down: float = 30,
    postgres_down: float = 10,
    think_seconds: float = 1.0,
    drain_seconds: float = 240,
    show: bool = False,
) -> list[PhaseResult]:
    from tests.faults import SmtpSink

    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd's log of each email
    sink = SmtpSink(ports.smtp).start()
    results = []
    try:
        with tempfile.TemporaryDirectory(prefix="soak-") as logs:
            for name in phases:
                results.append(
                    run_phase(
                        name,
                        database_url=database_url,
                        seconds=minutes * 60,
                        users=users,
                        ports=ports,
                        sink=sink,
                        think_seconds=think_seconds,
                        fault_seconds={"redis": redis_down, "postgres": postgres_down}.get(name, 0),
                        drain_seconds=drain_seconds,
                        log_dir=Path(logs),
                    )
                )
                if show:
                    print("\n".join(report(results[-1:])), flush=True)
    finally:
        sink.stop()
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=10, help="a phase")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--phases", default=",".join(PHASES), help="of " + ",".join(PHASES))
    parser.add_argument("--redis-down", type=float, default=30, help="seconds")
    parser.add_argument("--postgres-down", type=float, default=10, help="seconds")
    parser.add_argument("--think-seconds", type=float, default=1.0, help="mean pause")
    parser.add_argument("--redis-port", type=int, default=Ports.redis)
    parser.add_argument("--smtp-port", type=int, default=Ports.smtp)
    parser.add_argument("--proxy-port", type=int, default=Ports.postgres_proxy)
    parser.add_argument(
        "--database-url", default=os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
    )
    args = parser.parse_args(argv)
    phases = [p for p in args.phases.split(",") if p]
    if set(phases) - set(PHASES):
        parser.error(f"phases are {', '.join(PHASES)}")
    setup_django(args.database_url)
    results = run(
        database_url=args.database_url,
        minutes=args.minutes,
        users=args.users,
        phases=phases,
        ports=Ports(args.redis_port, args.smtp_port, args.proxy_port),
        redis_down=args.redis_down,
        postgres_down=args.postgres_down,
        think_seconds=args.think_seconds,
        show=True,
    )
    failed = any(
        r.errors() or r.lost_writes() or r.lost_emails() or r.emails.duplicates for r in results
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
