# The two set-up commands from README.md: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.requirements-installed
DEV_STAMP := $(VENV)/.requirements-dev-installed

.PHONY: run test lint venv venv-dev browser bench bench-tools

$(STAMP): requirements.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is required (set PYTHON=/path/to/python3.11)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

$(DEV_STAMP): $(STAMP) requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(DEV_STAMP)

## Runtime packages only (what production installs).
venv: $(STAMP)

## Runtime plus the test and tooling packages.
venv-dev: $(DEV_STAMP)

## Debian's chromium for the browser tests (Playwright's own browser download does not work here).
browser:
	@test -x /usr/bin/chromium || { \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

## Create the virtual environment, install, migrate SQLite, load the fixtures and start the site, with the task
## worker (admin imports) beside the server; stopping the server (Ctrl-C) stops the worker too.
run: venv
	$(PY) manage.py migrate --noinput
	$(PY) manage.py setup_roles
	$(PY) manage.py load_archive
	$(PY) manage.py db_worker --no-reload & worker=$$!; \
		trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
		$(PY) manage.py runserver 127.0.0.1:8000

## Style, formatting, pending migrations, and the layers of the apps (import-linter; pyproject.toml states them).
lint: venv-dev
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

## Run the whole test suite (on SQLite, or on PostgreSQL when DATABASE_URL is set), in TEST_WORKERS processes.
TEST_WORKERS ?= 2
test: lint browser venv-dev
	$(VENV)/bin/pytest -n $(TEST_WORKERS)

## wrk for the load benchmarks (Debian package).
bench-tools:
	@command -v wrk >/dev/null || { \
		echo "Installing Debian's wrk for the benchmarks"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

## Fill DATABASE_URL (PostgreSQL; it is emptied first) with the synthetic archive, then load-test it.
## Sizes and options: make bench GENERATE="--articles 2000" LOAD="--duration 30 --uncached"
bench: venv bench-tools
	@test -n "$(DATABASE_URL)" || { echo "Set DATABASE_URL to a PostgreSQL database that may be emptied"; exit 1; }
	$(PY) manage.py migrate --noinput
	$(PY) bench/generate.py --reset $(GENERATE)
	$(PY) bench/load.py $(LOAD)
