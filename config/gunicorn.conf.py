"""How a web process serves: the one gunicorn settings file, used by the Dockerfile,
docker-compose.yml, docs/operations.md and benchmarks/served.py.

    gunicorn config.wsgi --config config/gunicorn.conf.py

Chosen by measurement on a 2-core machine (docs/performance.md, "Served as production serves
it"): threaded workers (gthread) serve 1.3 to 2.8 times as much as plain sync workers at 10 and
50 connections, because a sync worker holds a whole process while a request waits on Postgres or
a slow client, and a sync worker with keep-alive off makes every browser open a new connection.
Eight later runs comparing sync (2 and 5 workers), gthread with 4 and 8 threads on a shared,
saturated machine did not separate them (docs/performance.md, "Worker settings"), so these
defaults stand. Each setting can be changed with the environment variable named beside it. To
serve more people add web processes (containers) behind the load balancer rather than raising
these far (docs/operations.md, "Growing").
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# One process per core: the page work is Python, so more processes than cores only queue on
# the CPU; the threads cover the time a request waits on Postgres, Redis or the network.
workers = _int("WEB_CONCURRENCY", multiprocessing.cpu_count())
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = _int("GUNICORN_THREADS", 4)
# A request that takes longer than this is a fault (the slowest page, a PDF, takes seconds):
# the worker is restarted rather than left stuck.
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Behind a load balancer that keeps connections open, set keep-alive above its idle time-out, so
# the balancer closes idle connections first; 5 s suits a browser reaching gunicorn directly.
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Restart each worker after this many requests (with jitter, so they do not all restart at once)
# to bound the growth of any slow leak.
max_requests = _int("GUNICORN_MAX_REQUESTS", 10_000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 1_000)
# Load the application in each worker (not the master), so each worker imports the views and
# freezes its own garbage collector state (config/startup.py), and a release reload is clean.
preload_app = False
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
# Connections waiting for a worker: beyond this the kernel refuses, so a flood fails fast.
backlog = _int("GUNICORN_BACKLOG", 2048)
# Headers larger than this are refused with a 400 before Django sees them.
limit_request_field_size = 8190
# gunicorn's control socket (one fixed path per host) is not used: nothing here steers a running
# server through it, and two servers on one host would share it.
control_socket_disable = True
