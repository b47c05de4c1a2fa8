# hrsocial — `make run` to try it, `make test` to check it. `make help` lists everything.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
UV_VERSION := 0.13.9
# The Nu HTML checker for the browser journeys (npm's vnu-jar; it runs on Java).
VNU_VERSION := 26.9.27
VNU_JAR := $(VENV)/vnu.jar
PORT ?= 8000
MAKEMESSAGES_IGNORE := -i ".venv/*" -i "staticfiles/*" -i "tests/*" -i "bench/*" -i "media/*"

.DEFAULT_GOAL := help
.PHONY: help install run test test-fast lint format lock messages compile-messages \
        serve worker beat periodic bench clean

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-18s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements-dev.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	$(UV) pip sync --quiet --python $(PY) requirements-dev.lock
	@touch $@

install: $(VENV)/.installed ## Create .venv and install the locked dependencies

# Without npm or Java the journeys skip the HTML check and say why (CI requires it).
$(VNU_JAR): $(VENV)/.installed
	@if command -v npm >/dev/null && command -v java >/dev/null; then \
	  tmp=$$(mktemp -d) && (cd $$tmp && npm pack --silent vnu-jar@$(VNU_VERSION) >/dev/null && \
	    tar -xzf vnu-jar-$(VNU_VERSION).tgz package/build/dist/vnu.jar) && \
	  mv $$tmp/package/build/dist/vnu.jar $@ && touch $@ && rm -rf $$tmp; \
	else echo "The Nu HTML checker needs npm and java: the journeys will skip it."; fi

compile-messages: install ## Compile the Dutch translations
	@$(PY) manage.py compilemessages --ignore ".venv" -v 0

# Links in e-mails follow the port unless SITE_URL is set.
run: export SITE_URL ?= http://127.0.0.1:$(PORT)
# Two processes, one command: the periodic runner (reminders, digests, e-mail delivery: the
# embedded mode has no beat) beside the development server; Ctrl-C stops both.
run: install compile-messages ## Migrate, seed the demo, serve http://127.0.0.1:8000 (PORT=8001 for another) with the periodic runner
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py seed_demo
	@$(PY) manage.py run_periodic_tasks --loop & runner=$$!; \
	  trap 'kill $$runner 2>/dev/null; wait $$runner 2>/dev/null' EXIT INT TERM; \
	  $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install compile-messages $(VNU_JAR) ## The whole suite (unit, integration, browser journeys)
	$(PY) -m pytest $(PYTEST_ARGS)

test-fast: install compile-messages ## The suite without the browser journeys
	$(PY) -m pytest -m "not e2e" $(PYTEST_ARGS)

lint: install ## ruff check and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Format and fix what ruff can
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

lock: install ## Regenerate the lock files from pyproject.toml
	$(UV) pip compile --quiet --generate-hashes pyproject.toml -o requirements.lock
	$(UV) pip compile --quiet --generate-hashes pyproject.toml --extra dev -o requirements-dev.lock

messages: install ## Update the Dutch catalogues (APP=guidelines for one app's only)
	$(PY) manage.py makemessages -l nl --no-obsolete $(MAKEMESSAGES_IGNORE) $(if $(APP),--app $(APP))

# Production on this machine: settings from the environment or .env (see .env.example),
# including gunicorn's (GUNICORN_BIND, default 127.0.0.1:8000).
serve: install compile-messages ## Production: check settings, collectstatic, migrate, then gunicorn + Celery worker + beat (Procfile)
	$(PY) -m hrsocial.serving

worker: install ## A Celery worker (needs REDIS_URL)
	$(VENV)/bin/celery -A hrsocial worker --loglevel=INFO

beat: install ## Celery beat, the schedule the apps declare (needs REDIS_URL)
	$(VENV)/bin/celery -A hrsocial beat --loglevel=INFO

periodic: install ## Run every scheduled task once, now (`make run` runs them on schedule)
	$(PY) manage.py run_periodic_tasks

bench: install compile-messages ## Seed PostgreSQL at scale and measure the pages under load
	$(PY) bench/run.py $(BENCH_ARGS)

clean: ## Remove the virtualenv, the SQLite database and compiled files
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles
	find . -name "*.mo" -not -path "./.venv/*" -delete
