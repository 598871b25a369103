# Two commands on a fresh machine: `make serve` and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast test-js test-deep lint lock stale where install install-dev clean node-tools audit screenshots share-card icons bench-search bench-build mutate broken-messages test-edited
NPM_DIR := tests/vendor
# npm ci empties node_modules, so a stamp inside it disappears whenever the tools are reinstalled.
NODE_TEST := $(NPM_DIR)/node_modules/.for-tests
NODE_AUDIT := $(NPM_DIR)/node_modules/.for-audit

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Every package, transitive ones too, at the version and hash in the lock files: two clones a month apart
# build the same site. requirements*.txt are the readable top-level lists the locks are made from.
$(VENV)/.runtime: requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	touch $@

# Then the project itself, editable: `guidekit` (hooks/guidekit) and `guidedev` (tests/guidedev) import by
# name in tests and scripts/, with no sys.path edits. No download: setuptools comes from the lock above.
$(VENV)/.dev: requirements-dev.lock pyproject.toml $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --editable .
	touch $@

UV := uv==0.13.9
lock: | $(BIN)/python  ## remake requirements.lock and requirements-dev.lock after editing requirements*.txt
	$(BIN)/python -m pip install --quiet $(UV)
	$(BIN)/uv pip compile requirements.txt --generate-hashes --python-version 3.11.5 --universal -q -o requirements.lock
	$(BIN)/uv pip compile requirements-dev.txt --generate-hashes --python-version 3.11.5 --universal -q -o requirements-dev.lock

$(NODE_TEST): $(NPM_DIR)/package-lock.json
	npm ci --prefix $(NPM_DIR) --omit=dev --no-audit --no-fund --loglevel=error
	touch $@

$(NODE_AUDIT): $(NPM_DIR)/package-lock.json
	npm ci --prefix $(NPM_DIR) --no-audit --no-fund --loglevel=error
	touch $@ $(NODE_TEST)

install: $(VENV)/.runtime
# Then the system's browsers (scripts/browsers.sh): installed when run as root, else named with the command.
install-dev: $(VENV)/.dev $(NODE_TEST)
	@scripts/browsers.sh
node-tools: $(NODE_TEST)  ## axe-core for the browser tests, pinned in tests/vendor/package-lock.json

# `make serve PORT=8001` when 8000 is taken; `HOST=0.0.0.0` to open it from a phone on the same network
# (then anyone on that network can read it). Only the command line sets them, not the environment: some
# shells export HOST as the machine's name, and hosting tools export PORT.
HOST := 127.0.0.1
PORT := 8000
serve: install  ## build and serve on http://$(HOST):$(PORT) (127.0.0.1:8000 unless given), rebuilding on every change
	$(BIN)/mkdocs serve --dev-addr $(HOST):$(PORT)

build: install  ## strict build into site/
	$(BIN)/mkdocs build --strict --site-dir site

# One test process per core (pytest-xdist); WORKERS=0 runs them in this process, e.g. to use a debugger.
WORKERS ?= auto

test: lint install-dev test-js  ## every test: lint and types, units (Python and node), strict builds, broken-data fixtures, browser
	$(BIN)/python -m pytest -n $(WORKERS)

test-fast: lint test-js  ## everything but the browser and second opinions: lint and types, units (Python and node), builds, broken-data fixtures
	$(BIN)/python -m pytest -n $(WORKERS) -m "not browser and not full"

# The site's ES modules in node (tests/js); the holidays they count with come from this .venv's guidekit.
test-js: $(VENV)/.dev  ## node's test runner on docs/javascripts' pure modules
	GUIDE_PYTHON=$(BIN)/python node --import ./tests/js/guide-constants.mjs --test tests/js/*.test.mjs

# The whole suite's part that reads the data (browsers included) against a copy with every fact and title
# edited (scripts/edited_copy.py): a correct edit never turns it red. make test runs the quick part.
EDITED := build/edited
test-edited: $(VENV)/.dev $(NODE_TEST)  ## tests that read the data, browsers too, on a copy with every fact and title changed
	$(BIN)/python scripts/edited_copy.py $(EDITED)
	GUIDE_PROJECT_ROOT=$(CURDIR)/$(EDITED) $(BIN)/python -m pytest -n $(WORKERS) -p no:cacheprovider -m "(browser or reads_guide) and not full"

test-deep: $(VENV)/.dev  ## property tests with many random examples (CI runs a fixed, derandomized set)
	HYPOTHESIS_PROFILE=deep $(BIN)/python -m pytest tests/unit tests/browser/test_injection.py

# mutmut runs in build/mutation/, a copy of the package laid out as it expects (src/guidekit, tests/unit,
# pyproject.toml with [tool.mutmut]), so nothing is written into hooks/, docs/ or tests/. Each run starts anew.
MUTATION := build/mutation
mutate: $(VENV)/.dev  ## mutation testing of particles, syntax, urls and the model loader against their unit tests
	rm -rf $(MUTATION) && mkdir -p $(MUTATION)/src $(MUTATION)/tests
	cp -R hooks/guidekit $(MUTATION)/src/guidekit
	cp -R tests/unit tests/conftest.py $(MUTATION)/tests/
	cp pyproject.toml $(MUTATION)/
	find $(MUTATION) -name __pycache__ -prune -exec rm -rf {} +
	cd $(MUTATION) && $(CURDIR)/$(BIN)/mutmut run --max-children 2
	$(BIN)/python scripts/mutation_report.py $(MUTATION)

BIOME := $(NPM_DIR)/node_modules/.bin/biome
lint: $(VENV)/.dev $(NODE_TEST)  ## ruff (lint and format check) and mypy (pyproject.toml); Biome lint and format check on the JS (biome.json)
	$(BIN)/ruff check hooks scripts tests
	$(BIN)/ruff format --check hooks scripts tests
	$(BIN)/mypy
	$(BIOME) ci --colors=off --error-on-warnings .

audit: install-dev $(NODE_AUDIT)  ## Lighthouse per page type, ours vs stock Material (not a gate)
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(BIN)/python scripts/audit.py $(AUDIT_ARGS)

screenshots: install-dev  ## phone and desktop PNGs of each page type, light and dark, into screenshots/
	$(BIN)/python scripts/screenshots.py

share-card: install-dev  ## redraw docs/images/share-card.png (the link-preview image) from the data file
	$(BIN)/python scripts/share_card.py

icons: install-dev  ## redraw the app icons and favicon (docs/images/icons/) from scripts/icons.py
	$(BIN)/python scripts/icons.py

stale: install-dev  ## facts not checked for longer than the data's meta.review.every_days (deploy stops past stop_deploy_after_days)
	$(BIN)/python scripts/stale_facts.py

# FACT=agent_hours: one fact's pages (file:line), generated pages and data entries; without FACT, every fact.
where: install-dev  ## which pages, scenarios, checklists, FAQ entries and message templates use a fact (FACT=key)
	$(BIN)/python scripts/where.py $(FACT)

broken-messages: install-dev  ## what the build says for each planted mistake in tests/fixtures/broken (FIXTURES="01-tab-indent" for some)
	$(BIN)/python scripts/show_broken_messages.py $(FIXTURES)

# BENCH_ARGS=--no-browser: answers and where Enter lands only, from each site's search worker run in node
# (seconds after the two builds, against minutes in Chromium).
bench-search: install-dev  ## stock Material search vs ours on the same pages: answers, Enter landing, index size, speed at 4x CPU slowdown
	$(BIN)/python scripts/bench_search.py $(BENCH_ARGS)

bench-build: install-dev  ## our build vs the stock twin, today and with the topic pages x20; serve, data file, search field, per-step times
	$(BIN)/python scripts/bench_build.py $(BENCH_ARGS)

clean:
	rm -rf site build screenshots $(VENV) $(NPM_DIR)/node_modules
