# Pause: the two commands a newcomer needs are `make run` and `make test`.
# Both do all the set-up themselves; `make setup` is safe to run again.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export NLTK_DATA := $(CURDIR)/$(VENV)/nltk_data
export DJANGO_ALLOW_ASYNC_UNSAFE := true

# First-party code that bandit reads: every Django app (a folder with an apps.py) and config.
APP_PACKAGES = $(sort $(patsubst %/apps.py,%,$(wildcard */apps.py))) config

.PHONY: setup install run test lint bench loadtest browser clean

setup: install
	@mkdir -p var
	@$(BIN)/python manage.py migrate --noinput -v 0

# Everything but the development database: tests make their own databases, and must never
# migrate whatever DATABASE_URL points at.
install: $(VENV)/.installed $(NLTK_DATA)/corpora/cmudict/cmudict browser

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

$(NLTK_DATA)/corpora/cmudict/cmudict: $(VENV)/.installed
	@$(BIN)/python scripts/build_cmudict.py $(NLTK_DATA)

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
	@echo "Pause is at http://127.0.0.1:$(PORT)/  (Ctrl-C stops it)"
	@$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# bandit fails on any finding of medium or high severity; a justified exception is marked
# `# nosec BXXX` with the reason beside it.
lint: $(VENV)/.installed
	@$(BIN)/ruff check .
	@$(BIN)/ruff format --check .
	@$(BIN)/bandit --quiet --recursive --severity-level medium $(APP_PACKAGES)

# The whole suite on SQLite, then again on PostgreSQL with Redis when a server answers
# (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/pause; REDIS_URL, default
# redis://127.0.0.1:6379/0). REQUIRE_POSTGRES=1 / REQUIRE_REDIS=1 fail instead of skipping.
test: install lint
	@$(BIN)/python manage.py check --fail-level WARNING
	@$(BIN)/python scripts/test_passes.py

bench: setup
	@$(BIN)/python bench/run.py; status=$$?; $(BIN)/python bench/classrooms.py || status=1; exit $$status

# Locust journeys against gunicorn on loopback: SQLite, then PostgreSQL + Redis when they answer.
loadtest: install
	@$(BIN)/python bench/loadtest.py

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache .hypothesis
