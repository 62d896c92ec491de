# Two commands matter: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PORT ?= 8000
STAMP := $(VENV)/.installed
# pytest-xdist workers for `make test` (each has its own test database); 0 = in-process
TEST_WORKERS ?= 2

.PHONY: postgres redis test-redis es es-stop setup run demo test test-e2e test-live-search test-search-faults test-fuzz lint check pytest bench-import bench-search bench-search-speed bench-api bench-load bench-failover eval-search publish-scheduled i18n i18n-coverage openapi-snapshot clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

## setup: create .venv and install dependencies
setup: $(STAMP)

## postgres: install (Debian), configure (passwordless postgres@127.0.0.1) and start PostgreSQL
postgres:
	bash .ci/postgres

## es: start a local Elasticsearch 9 on 127.0.0.1:9200 (ENGINE=opensearch: OpenSearch 3 on :9201); prints SEARCH_URL
ENGINE ?= elasticsearch
es:
	bash .ci/search-engine start $(ENGINE)

## es-stop: stop it (ENGINE=opensearch for OpenSearch)
es-stop:
	bash .ci/search-engine stop $(ENGINE)

## demo: migrate and load the demo portal (idempotent)
demo: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py search_ensure_index
	$(PY) manage.py seed_demo
	$(PY) manage.py ensure_admin

## run: set up, seed, and serve on 127.0.0.1:$(PORT) with SQLite (SEARCH_URL=…: search on that engine, index built on first start)
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
	$(BIN)/pytest -m "not e2e and not live_search and not redis" -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

## test-fuzz: schemathesis against /api/v3/openapi.json alone (also part of `make test`): GET operations anonymously, and every operation (writes, stateful sequences) with an admin token; FUZZ_EXAMPLES=300 for the long run (PYTEST_ARGS="-k admin": the admin variant only)
test-fuzz: setup
	$(BIN)/pytest tests/test_api_fuzz.py -q -p no:cacheprovider $(PYTEST_ARGS)

## test-e2e: browser tests (Playwright + Debian's /usr/bin/chromium, headless); skipped without chromium
test-e2e: setup
	$(BIN)/pytest -m e2e $(PYTEST_ARGS)

## test-redis: shared state in a real Redis (installed from Debian and started by .ci/redis): the forms' rate counts, the HTTP cache's version and kept responses (REDIS_URL)
test-redis: setup
	bash .ci/redis
	REDIS_TEST_URL=redis://127.0.0.1:6379 $(BIN)/pytest -m redis tests/test_rate_limit_redis.py tests/test_shared_state_redis.py $(PYTEST_ARGS)

## redis: install (Debian) and start a local Redis on 127.0.0.1:6379
redis:
	bash .ci/redis

## test-live-search: the search suite against a real engine (SEARCH_URL, SEARCH_ENGINE: see `make es`)
test-live-search: setup
	$(BIN)/pytest -m live_search tests/test_search_live.py $(PYTEST_ARGS)

## test-search-faults: an OpenSearch node of its own paused and killed while pages change (needs the distribution `make es ENGINE=opensearch` unpacks)
test-search-faults: setup
	$(BIN)/pytest -m live_search tests/test_search_faults_live.py $(PYTEST_ARGS)

## openapi-snapshot: regenerate tests/snapshots/openapi.json after an intended API change (commit it)
openapi-snapshot: setup
	UPDATE_OPENAPI_SNAPSHOT=1 $(BIN)/pytest tests/test_openapi_snapshot.py -q -p no:cacheprovider

## bench-import: time import_content on generated legal documents (bench/)
bench-import: setup
	$(PY) bench/import_speed.py $(BENCH_ARGS)

## bench-search: relevance and latency from one run: the hard judged set at 100,000 items on every backend configured (bench/eval_search.py; EVAL_POSTGRES_URL…, BENCH_ARGS="--size N --backends sqlite")
bench-search: setup
	$(PY) bench/eval_search.py --size 100000 $(BENCH_ARGS)

## bench-search-speed: search latency alone (ours, stock Wagtail, icontains) on N generated pages (bench/search_speed.py; BENCH_ARGS=100000)
bench-search-speed: setup
	$(PY) bench/search_speed.py $(BENCH_ARGS)

## eval-search: relevance on the hard judged set (5,000 generated items, 199 queries) on every backend configured: SQLite, EVAL_POSTGRES_URL, EVAL_ELASTICSEARCH_URL, EVAL_OPENSEARCH_URL (bench/; EVAL_ARGS="--size N --queries Q --backends sqlite,postgresql")
eval-search: setup
	$(PY) bench/eval_search.py $(EVAL_ARGS)

## bench-api: API requests/s and p95 under wrk (gunicorn 2 workers, PostgreSQL; bench/; BENCH_ARGS="--duration 20")
bench-api: setup
	@command -v wrk >/dev/null || apt-get install -y wrk || sudo apt-get install -y wrk
	$(PY) bench/api_speed.py $(BENCH_ARGS)

## bench-load: nginx in front of two gunicorn instances (PostgreSQL, Redis, shared media), wrk over mixed pages/API/search, then PostgreSQL restarted and one master killed during a run (bench/scale_out.py; BENCH_ARGS="--duration 20 --connections 50")
bench-load: setup
	@for tool in wrk nginx; do command -v $$tool >/dev/null || apt-get install -y $$tool || sudo apt-get install -y $$tool; done
	bash .ci/postgres
	bash .ci/redis
	$(PY) bench/scale_out.py $(BENCH_ARGS)

## bench-failover: search while one node of a two-node OpenSearch cluster is killed (bench/; BENCH_ARGS="--kill manager")
bench-failover: setup
	$(PY) bench/search_failover.py $(BENCH_ARGS)

## i18n: refresh the project's catalogue (locale/) and compile it and locale_admin/ (needs gettext)
i18n: setup
	$(PY) manage.py i18n_coverage --update

## i18n-coverage: share of Wagtail's admin strings with Vietnamese (target 95%) and of the project's (100%)
i18n-coverage: setup
	$(PY) manage.py i18n_coverage

## publish-scheduled: publish approved pages whose time has come (run every few minutes from cron)
publish-scheduled: setup
	$(PY) manage.py publish_scheduled

clean:
	rm -rf $(VENV) db.sqlite3 media .test-media .pytest_cache
