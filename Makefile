# Two commands do everything on a fresh machine with Python 3.11:
#   make demo   virtual environment + kittiwake + spaCy model, ingest examples/, print events
#   make test   the same environment, then ruff, mypy and the whole test suite
# and `make test-fast` runs the unit tests that need no spaCy model (under a minute).
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
DEMO_DB ?= demo.duckdb

.PHONY: demo test test-fast lint install clean

$(BIN)/kittiwake: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/kittiwake

install: $(BIN)/kittiwake

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB).wal
	$(BIN)/kittiwake ingest examples --db $(DEMO_DB)
	$(BIN)/kittiwake events --db $(DEMO_DB) --format table

test: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

# Tests marked slow load the model or take over a second; tests/conftest.py fails a test
# that loads the model without the mark.
test-fast: install
	$(BIN)/python -m pytest -m "not slow"

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB).wal .pytest_cache .mypy_cache .ruff_cache

# Every kind of bad input (tests/reliability/bad_inputs.py) ingested and checked: no crash,
# a reason in `rejected`, nothing else lost or duplicated, bounded time and memory; then an
# ingest of 1,000 articles on 2 workers killed 5 times must end as a clean run does.
.PHONY: reliability
reliability: install
	$(BIN)/python tests/reliability/run.py
	$(BIN)/python tests/reliability/kill.py
