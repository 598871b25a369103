# Two commands on a fresh machine: `make serve` and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build test bench-search install install-dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev

serve: install  ## build and serve on http://127.0.0.1:8000, rebuilding on every change
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: install  ## strict build into site/
	$(BIN)/mkdocs build --strict --site-dir site

test: install-dev  ## every test: units, strict build, browser
	$(BIN)/python -m pytest

bench-search: install-dev  ## stock Material search vs ours on the same pages: answers, index size, speed at 4x CPU slowdown
	$(BIN)/python scripts/bench_search.py

clean:
	rm -rf site $(VENV)
