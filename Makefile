# The two commands a newcomer needs: `make demo` and `make test`. Everything else supports them.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
UV_VERSION := 0.13.8

# Tests and CI use Postgres and Redis on this machine unless told otherwise.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/opengate
TEST_REDIS_URL ?= redis://127.0.0.1:6379/0

.PHONY: demo test install vendor lint format migrations-check check-services benchmark clean messages

$(VENV)/.installed: pyproject.toml uv.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(VENV)/bin/uv sync --frozen --inexact --quiet
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/vendor/main.css: node_modules/.installed scripts/build_vendor.sh $(wildcard static/scss/*.scss)
	bash scripts/build_vendor.sh

# The Welsh catalogue is compiled here, not committed (docs/welsh.md); needs GNU gettext.
locale/cy/LC_MESSAGES/django.mo: locale/cy/LC_MESSAGES/django.po
	msgfmt --check -o $@ $<

install: $(VENV)/.installed static/vendor/main.css locale/cy/LC_MESSAGES/django.mo

vendor: static/vendor/main.css

## make demo: install everything, migrate, seed demo data and serve on http://127.0.0.1:8000
## (static files through WhiteNoise, compressed, as in production: --nostatic)
demo: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py seed_demo
	@echo "Serving on http://127.0.0.1:8000 (Ctrl+C to stop)"
	DEMO_MFA_BYPASS_CODE=000000 $(PY) manage.py runserver --nostatic 127.0.0.1:8000

check-services:
	@DATABASE_URL="$${DATABASE_URL:-$(TEST_DATABASE_URL)}" REDIS_URL="$${REDIS_URL:-$(TEST_REDIS_URL)}" \
		$(PY) scripts/check_services.py

# How many processes run the suite (pytest-xdist, docs/decisions/0056): 2 uses both cores of a
# build machine; TEST_PROCESSES=0 make test runs it in one process, as before.
TEST_PROCESSES ?= 2

## make test: the whole suite on Postgres and Redis (DATABASE_URL / REDIS_URL, localhost defaults)
## in TEST_PROCESSES processes, each with a test database and a Redis database of its own
test: install check-services
	DATABASE_URL="$${DATABASE_URL:-$(TEST_DATABASE_URL)}" \
	REDIS_URL="$${REDIS_URL:-$(TEST_REDIS_URL)}" \
	CACHE_KEY_PREFIX=opengate-test DJANGO_ALLOW_ASYNC_UNSAFE=true \
		$(PY) -m pytest -n $(TEST_PROCESSES) --dist loadgroup $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

## make benchmark: every benchmark at SCALE (smoke by default; SCALE=full for docs/performance.md)
SCALE ?= smoke
benchmark: install
	$(PY) benchmarks/directory.py --scale $(SCALE)
	$(PY) benchmarks/matching.py --scale $(SCALE)
	$(PY) benchmarks/matching_page.py --scale $(SCALE)
	$(PY) benchmarks/page_weight.py --serve production

clean:
	rm -rf $(VENV) node_modules static/vendor staticfiles db.sqlite3

## make messages: recompile our wording for third-party strings (needs GNU gettext's msgfmt)
messages:
	msgfmt --check -o locale/en_GB/LC_MESSAGES/django.mo locale/en_GB/LC_MESSAGES/django.po
	$(PY) manage.py makemessages -l cy -e html,txt,py --no-location --no-obsolete \
		--ignore=node_modules --ignore=static --ignore=staticfiles --ignore=tests --ignore=benchmarks
	msgfmt --check -o locale/cy/LC_MESSAGES/django.mo locale/cy/LC_MESSAGES/django.po
