# Two commands a new user needs: `make run` and `make test`. Everything else supports them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app tracker
# Plain http on 127.0.0.1, so the session cookie cannot be marked Secure here.
RUN_ENV := SESSION_COOKIE_SECURE=false
TEST_POSTGRES_URL ?= postgresql://postgres@127.0.0.1:5432/test
# Each database's suite runs in this many processes (pytest-xdist), each with its own database and
# browser: much of a test's time is spent waiting on Chromium, Java or the database, so two per
# suite keep a 2-core machine busy.
TEST_WORKERS ?= 2

.PHONY: run test test-sqlite test-postgres install assets system-deps lint bench clean

# One request at a time: CPython 3.11 can crash serving signed-in pages from several threads
# (README, "Production"); one person trying the tracker never notices.
run: install assets
	$(RUN_ENV) $(FLASK) db upgrade
	$(RUN_ENV) $(FLASK) demo load --if-empty
	$(RUN_ENV) $(FLASK) reminders queue
	@$(RUN_ENV) $(FLASK) demo logins
	@echo "Serving on http://127.0.0.1:5000 (Ctrl+C to stop)"
	$(RUN_ENV) $(FLASK) run --host 127.0.0.1 --port 5000 --without-threads

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# GOV.UK Frontend's Sass, compiled with the CA's branding; its JavaScript and images copied under static/.
assets: static/dist/tracker.css static/dist/govuk-frontend.min.js static/dist/init.mjs static/assets/.copied

static/dist/tracker.css: static/src/tracker.scss node_modules/.installed
	mkdir -p static/dist
	npx sass --pkg-importer=node --no-source-map --style=compressed --quiet-deps --silence-deprecation=import static/src/tracker.scss $@

static/dist/govuk-frontend.min.js: node_modules/.installed
	mkdir -p static/dist
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js $@

static/dist/init.mjs: static/src/init.mjs
	mkdir -p static/dist
	cp $< $@

static/assets/.copied: node_modules/.installed
	mkdir -p static/assets
	cp -r node_modules/govuk-frontend/dist/govuk/assets/images static/assets/
	touch $@

# What the tests use from Debian, each checked on its own: Chromium for browser tests, Java for
# the Nu HTML checker, LibreOffice and poppler's pdftotext to prove the Word documents open and
# read right, and fontconfig with Liberation fonts (metric-compatible with Arial) so that what the tests measure
# of a rendered page or document does not depend on the fonts a machine happens to have; and the
# sqlite3 and PostgreSQL command-line tools, whose backup and restore recipes the README gives.
# `make run` needs none of them.
SYSTEM_PACKAGES := chromium default-jre-headless libreoffice-writer-nogui poppler-utils fontconfig fonts-liberation \
  sqlite3 postgresql-client
system-deps:
	@missing=$$(for package in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q 'install ok installed' || echo $$package; \
	done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing the system packages the tests need:" $$missing; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Missing system packages; as root: apt-get install" $$missing; exit 1; fi; \
	fi

# The whole suite on SQLite and on PostgreSQL, side by side (each waits on the browser and the
# database much of the time), then both logs in turn. Under CI an unreachable PostgreSQL fails.
# Tests marked same_on_every_database (the benchmark's, on databases of its own, and the browser's
# checks of the pages' markup) would only repeat themselves in the PostgreSQL run.
test: install assets system-deps
	@mkdir -p .test-logs
	@$(MAKE) --no-print-directory test-sqlite > .test-logs/sqlite.log 2>&1 & sqlite=$$!; \
	$(MAKE) --no-print-directory test-postgres > .test-logs/postgresql.log 2>&1 & postgres=$$!; \
	wait $$sqlite; sqlite_status=$$?; wait $$postgres; postgres_status=$$?; \
	cat .test-logs/sqlite.log .test-logs/postgresql.log; \
	test $$sqlite_status = 0 && test $$postgres_status = 0

test-sqlite:
	@echo "== Test suite on SQLite"
	TEST_DATABASE=sqlite $(BIN)/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

test-postgres:
	@echo "== Test suite on PostgreSQL"
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect('$(TEST_POSTGRES_URL)', connect_timeout=3).close()" 2>/dev/null; then \
	  TEST_DATABASE=postgresql TEST_POSTGRES_URL=$(TEST_POSTGRES_URL) $(BIN)/pytest -n $(TEST_WORKERS) -m "not same_on_every_database" $(PYTEST_ARGS); \
	elif [ "$$CI" = "true" ]; then \
	  echo "PostgreSQL at $(TEST_POSTGRES_URL) is unreachable: failing, as CI must test both databases."; exit 1; \
	else \
	  echo "WARNING: PostgreSQL at $(TEST_POSTGRES_URL) is unreachable; the PostgreSQL run was not done."; \
	fi

lint: install
	$(BIN)/ruff check tracker tests bench

# Pages, downloads and throughput at 1,000 and 100,000 actions, on SQLite and PostgreSQL
# (README, "Speed"); `make bench BENCH_ARGS=--quick` for a small run of a minute.
bench: install
	$(BIN)/python -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules static/dist static/assets
