# Two entry points: `make demo` (install everything, run the main job) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install demo test clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -U pip
	$(BIN)/pip install -q -e '.[test,ray,postgres]'
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/dateline --db dateline.duckdb demo

test: install
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) dateline.duckdb dateline.duckdb.wal
