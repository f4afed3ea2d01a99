"""Stops `make test` early, with a clear message, when Postgres or Redis cannot be reached."""

import os
import sys

import psycopg
import redis

database_url = os.environ["DATABASE_URL"]
redis_url = os.environ["REDIS_URL"]
problems = []
try:
    # Connect to the maintenance database: the test database may not exist yet.
    with psycopg.connect(database_url.rsplit("/", 1)[0] + "/postgres", connect_timeout=3):
        pass
except psycopg.Error as error:
    problems.append(f"Postgres is not reachable at {database_url}: {error}".strip())
try:
    redis.Redis.from_url(redis_url, socket_connect_timeout=3).ping()
except redis.RedisError as error:
    problems.append(f"Redis is not reachable at {redis_url}: {error}")
if problems:
    print("\n".join(problems), file=sys.stderr)
    print(
        "The tests need both. Start them (see docs/operations.md), or set DATABASE_URL and "
        "REDIS_URL to ones that are running.",
        file=sys.stderr,
    )
    sys.exit(1)
