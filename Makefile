# The two commands: `make run` (billbot; the demo console without Slack credentials)
# and `make test` (lint, types, migration drift, tests on SQLite and PostgreSQL).
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTHON ?= $(shell command -v python3.11 || command -v python3)
CHECK_DB := $(shell mktemp -u /tmp/billbot-alembic-XXXXXX).db

.PHONY: run test lint postgres browser clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/billbot

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

postgres:
	@pg_isready -q -h 127.0.0.1 -p 5432 || \
	  pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start
	@for i in $$(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && exit 0; sleep 1; done; \
	  echo "PostgreSQL did not start on 127.0.0.1:5432" >&2; exit 1

# Debian's Chromium and its driver, for the invite page's browser test (nothing downloads one)
browser:
	@test -x /usr/bin/chromium -a -x /usr/bin/chromedriver || \
	  apt-get install -y -q chromium chromium-driver >/dev/null || \
	  (apt-get update -q >/dev/null && apt-get install -y -q chromium chromium-driver >/dev/null)

test: $(STAMP) lint postgres browser
	DATABASE_URL=sqlite:///$(CHECK_DB) $(BIN)/alembic upgrade head
	DATABASE_URL=sqlite:///$(CHECK_DB) $(BIN)/alembic check
	rm -f $(CHECK_DB)*
	$(BIN)/pytest

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
