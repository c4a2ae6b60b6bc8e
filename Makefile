# Pause: the two commands a newcomer needs are `make run` and `make test`.
# Both do all the set-up themselves; `make setup` is safe to run again.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export NLTK_DATA := $(CURDIR)/$(VENV)/nltk_data
export DJANGO_ALLOW_ASYNC_UNSAFE := true

.PHONY: setup run test lint bench browser clean

setup: $(VENV)/.installed $(NLTK_DATA)/corpora/cmudict/cmudict browser
	@$(BIN)/python manage.py migrate --noinput -v 0

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

lint: $(VENV)/.installed
	@$(BIN)/ruff check .
	@$(BIN)/ruff format --check .

test: setup lint
	@$(BIN)/python manage.py check --fail-level WARNING
	@$(BIN)/python -m pytest

bench: setup
	@$(BIN)/python bench/run.py; status=$$?; $(BIN)/python bench/classrooms.py || status=1; exit $$status

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache .hypothesis
