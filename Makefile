# Kafaat — `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
SCALED_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/kafaat
SCALED_REDIS_URL ?= redis://127.0.0.1:6379/0

.PHONY: help install demo serve test test-embedded test-scaled lint messages check bench-load

help: ## Show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet ".[test]"
	touch $@

install: $(BIN)/.installed ## Create .venv and install the pinned dependencies

demo: install ## Set up a fresh machine and serve the demo site on the embedded defaults
	scripts/ensure-debian-packages /usr/bin/msgfmt:gettext
	$(BIN)/python manage.py compilemessages --ignore=.venv -v0
	$(BIN)/python manage.py migrate --no-input -v0
	$(BIN)/python manage.py collectstatic --no-input -v0
	$(BIN)/python manage.py seed_demo
	$(MAKE) --no-print-directory serve

serve: ## Serve HTTP and websockets with one ASGI server (daphne), DEBUG off as visitors meet the site
	PYTHONPATH=.:site DJANGO_SETTINGS_MODULE=kafaat.settings.demo $(BIN)/daphne -b 127.0.0.1 -p $(PORT) kafaat.asgi:application

test: install ## Run the whole suite: embedded defaults, then PostgreSQL + Redis
	scripts/ensure-test-tools
	$(BIN)/python manage.py compilemessages --ignore=.venv -v0
	$(MAKE) --no-print-directory lint test-embedded test-scaled

# Transactional tests (browser, websockets) flush the database when they end; they run in a pytest
# run of their own so that no ordinary test runs after them without the rows data migrations made.
PYTEST := $(BIN)/pytest -n 2 --dist loadfile

test-embedded:
	@echo "=== Suite on the embedded defaults (SQLite, in-memory channel layer, eager tasks) ==="
	env -u DATABASE_URL -u REDIS_URL -u SEARCH_URL $(PYTEST) -m "not transactional"
	env -u DATABASE_URL -u REDIS_URL -u SEARCH_URL $(PYTEST) -m transactional

test-scaled:
	@echo "=== Suite on PostgreSQL + Redis ==="
	DATABASE_URL=$(SCALED_DATABASE_URL) REDIS_URL=$(SCALED_REDIS_URL) $(PYTEST) -m "not transactional"
	DATABASE_URL=$(SCALED_DATABASE_URL) REDIS_URL=$(SCALED_REDIS_URL) $(PYTEST) -m transactional

lint: ## ruff, import contracts (the floors of DESIGN.md), migrations and deploy checks
	$(BIN)/ruff check .
	PYTHONPATH=.:site $(BIN)/lint-imports --no-cache
	$(BIN)/python manage.py makemigrations --check --dry-run -v0
	DJANGO_SETTINGS_MODULE=kafaat.settings.production DJANGO_SECRET_KEY=check-deploy-$$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n') \
	  DJANGO_ALLOWED_HOSTS=kafaat.example $(BIN)/python manage.py check --deploy --fail-level WARNING

messages: ## Refresh the fr, ar and en catalogues from the code (scripts/messages APP for one app)
	scripts/messages

bench-load: ## Mixed load on the production servers (bench/load/run.py; ARGS="--users 50 --duration 120 --workers 1,2")
	$(BIN)/python -c "import locust" 2>/dev/null || $(BIN)/pip install --quiet ".[bench]"
	$(BIN)/python bench/load/run.py $(ARGS)
