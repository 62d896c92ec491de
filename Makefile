# Two commands matter: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: setup run demo test lint check pytest bench-import publish-scheduled clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

## setup: create .venv and install dependencies
setup: $(STAMP)

## demo: migrate and load the demo portal (idempotent)
demo: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py ensure_admin

## run: set up, seed, and serve on 127.0.0.1:$(PORT) with SQLite
run: demo
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

## lint: ruff
lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## check: Django system checks and missing migrations
check: setup
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py makemigrations --check --dry-run

## test: lint, checks and the test suite (SQLite, or DATABASE_URL if set)
test: lint check
	$(BIN)/pytest -m "not e2e" $(PYTEST_ARGS)

## bench-import: time import_content on generated legal documents (bench/)
bench-import: setup
	$(PY) bench/import_speed.py $(BENCH_ARGS)

## publish-scheduled: publish approved pages whose time has come (run every few minutes from cron)
publish-scheduled: setup
	$(PY) manage.py publish_scheduled

clean:
	rm -rf $(VENV) db.sqlite3 media .test-media .pytest_cache
