# Pause: the two commands a newcomer needs are `make run` and `make test`.
# Both do all the set-up themselves; `make setup` is safe to run again.
# Nothing here is needed by pytest itself: `.venv/bin/pytest tests/unit` works on its own.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# `make soak` runs the worker-kill chaos test once per seed.
SOAK_SEEDS ?= 1 2 3 4 5
# Locks are compiled for every platform, from Python 3.11 up.
LOCK := $(BIN)/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes
# Settings mean production unless DJANGO_DEBUG=true: the Makefile is for development (run, lint's
# mypy plugin, tests), so it turns debug on, unless the environment already says otherwise.
export DJANGO_DEBUG ?= true

.PHONY: setup install run test unit soak lint lock audit bench loadtest browser screenshots clean

setup: install
	@mkdir -p var
	@$(BIN)/python manage.py migrate --noinput -v 0

# Everything but the development database: tests make their own databases, and must never
# migrate whatever DATABASE_URL points at.
install: $(VENV)/.installed browser

# The lock files carry a hash for every package: pip refuses anything else.
$(VENV)/.installed: requirements.txt requirements-dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.txt
	@touch $@

# locust and what it brings (gevent, flask, zmq) only for the benchmarks and the load test.
$(VENV)/.bench-installed: $(VENV)/.installed requirements-bench.txt
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-bench.txt
	@touch $@

# Browser tests drive Debian's chromium (never a downloaded browser build).
browser:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian's chromium for the browser tests..."; \
		apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "NOTE: chromium is not installed and cannot be (not root): browser tests will be skipped."; \
	fi

run: setup
	@$(BIN)/python manage.py seed_demo
	@# The packs' PDFs take a couple of minutes the first time: made in the background (log in var/), so the
	@# site opens at once; a pack asked for before its turn is made on that request.
	@($(BIN)/python manage.py build_packs >var/build_packs.log 2>&1 || echo "NOTE: the module packs' PDFs could not be made (is chromium installed?); the printable pages work." >>var/build_packs.log) &
	@echo "Pause is at http://127.0.0.1:$(PORT)/  (Ctrl-C stops it)"
	@PAUSE_FRIENDLY_ERRORS=true $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# ruff (lint, with its flake8-bandit "S" security rules, and format) and mypy (pyproject.toml).
lint: $(VENV)/.installed
	@$(BIN)/ruff check .
	@$(BIN)/ruff format --check .
	@$(BIN)/mypy

# Re-lock after editing a requirements*.in file (keeps every pin it can; add --upgrade to move them).
lock: $(VENV)/.installed
	@$(LOCK) requirements.in -o requirements.txt
	@$(LOCK) requirements-dev.in -o requirements-dev.txt
	@$(LOCK) requirements-bench.in -o requirements-bench.txt

# Known vulnerabilities in the locked requirements (pip-audit; scripts/audit.py). Needs the network,
# so `make test` does not run it; it says plainly when it could not check. Exit 1: vulnerable; 2: not checked.
audit: $(VENV)/.installed
	@$(BIN)/python -m scripts.audit

# The fast loop: unit tests only, no browser, no server, no database.
unit: $(VENV)/.installed
	@$(BIN)/python -m pytest tests/unit -q

# Three passes (scripts/test_passes.py): everything on SQLite in parallel; the tests marked `db`
# on PostgreSQL with Redis (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/pause;
# PAUSE_TEST_REDIS_URL, default redis://127.0.0.1:6379/15); one seeded soak run.
# REQUIRE_POSTGRES=1 / REQUIRE_REDIS=1 / REQUIRE_BROWSER=1 fail instead of skipping.
test: install lint
	@$(BIN)/python manage.py check --fail-level WARNING
	@$(BIN)/python -m scripts.test_passes

# The worker-kill chaos test on SQLite and PostgreSQL, once per seed in SOAK_SEEDS.
soak: install
	@PAUSE_SOAK_SEEDS="$(SOAK_SEEDS)" $(BIN)/python -m pytest -m soak -p no:xdist tests/integration/test_worker_kill.py

bench: install $(VENV)/.bench-installed
	@status=0; for bench in run classrooms answering; do $(BIN)/python -m bench.$$bench || status=1; done; exit $$status

# Locust journeys against gunicorn on loopback: SQLite, then PostgreSQL + Redis when they answer.
loadtest: install $(VENV)/.bench-installed
	@$(BIN)/python -m bench.loadtest

# Every page type at 390 and 1280 px, light and dark, into var/screenshots/ (scripts/screenshots.py): a
# throwaway demo database, runserver on a free loopback port, Debian's chromium.
screenshots: install
	@$(BIN)/python -m scripts.screenshots

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache .hypothesis
