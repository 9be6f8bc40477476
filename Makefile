# The README's two commands: `make run` and `make test`. Both create .venv and install the project first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

# Prefect runs on a temporary in-process server: project-local state, no telemetry.
export PREFECT_HOME := $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_LOGGING_COLORS ?= true

.PHONY: run test lint bench clean chromium postgresql screenshots

# The project's own modules are compiled once here, as pip compiles the packages it installs: an editable
# install writes no bytecode, and where PYTHONDONTWRITEBYTECODE is set every run would compile them again.
$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev,dask,lake]'
	$(BIN)/python -m compileall -q newsetl flows fetch store transforms dashboard
	touch $@

run: $(BIN)/.installed
	$(BIN)/newsetl run

# The dashboard's tests open its pages in headless Chromium: Debian's package, installed when missing
# (as root, as on CI; elsewhere install `chromium` yourself).
chromium:
	@command -v chromium >/dev/null 2>&1 || { export DEBIAN_FRONTEND=noninteractive; \
		apt-get install -y -q chromium || { apt-get update -q && apt-get install -y -q chromium; }; }

# The lake backend's tests (store/lake.py, flows/pg_lock.py) start a throw-away PostgreSQL server in a temp
# dir (tests/postgres.py): Debian's package, installed when no server binaries are found (as root, as on CI;
# elsewhere install `postgresql` yourself). Only its binaries are used; the Debian cluster it may create and
# start is not the tests'.
postgresql:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { export DEBIAN_FRONTEND=noninteractive; \
		apt-get install -y -q postgresql || { apt-get update -q && apt-get install -y -q postgresql; }; }

test: $(BIN)/.installed chromium postgresql
	$(BIN)/ruff check .
	$(BIN)/pytest

# The README's dashboard screenshots (docs/screenshots/), taken by the dashboard's page tests.
screenshots: $(BIN)/.installed chromium
	NEWSETL_SCREENSHOTS=$(CURDIR)/docs/screenshots $(BIN)/pytest -n 0 tests/dashboard/test_pages.py

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(BIN)/.installed
	$(BIN)/python bench/run_bench.py --articles 10000 --repeat 3

clean:
	rm -rf $(VENV) .prefect warehouse/news.duckdb warehouse/news.duckdb.wal warehouse/news.writer.duckdb \
		warehouse/news.writer.duckdb.wal warehouse/.news.duckdb.locks warehouse/raw
