# One target per habit. Every target sets up the virtual environment first,
# so each works on a fresh clone: `make lab`, `make test`, `make bench`, `make check`.
VENV ?= .venv
PY := $(VENV)/bin/python
# The interpreter the virtual environment is made from: the first of PYTHON_CANDIDATES that is
# Python 3.11 or newer with venv and the C headers (the mypyc build needs them). The system's
# /usr/bin/python3 comes first because a distribution's build has profile-guided and link-time
# optimisation: Debian's runs the quote extractor 1.3x faster than pyenv's default source build
# (README, Performance). Choose another one with `make setup PYTHON=/path/to/python3` (after
# `make clean` if .venv exists).
PYTHON_CANDIDATES ?= /usr/bin/python3 python3
PYTHON_OK := import ensurepip, os, sys, sysconfig; \
	sys.exit(sys.version_info < (3, 11) or \
	not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))
ifeq ($(origin PYTHON),undefined)
PYTHON := $(firstword $(foreach p,$(PYTHON_CANDIDATES),\
	$(shell $(p) -c '$(PYTHON_OK)' >/dev/null 2>&1 && echo $(p))) python3)
endif
# JupyterLab refuses to run as root without this flag.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: python setup compile lab test bench lint format check notebooks report dashboard clean

setup: $(VENV)/.installed $(VENV)/.compiled

# Which interpreter `make setup` would make the virtual environment from, and which it did.
python:
	@echo "make setup uses: $(PYTHON) ($$($(PYTHON) -c 'import sys; print(sys.version.split()[0])'))"
	@test -x $(PY) && echo "$(VENV) has: $$($(PY) -c 'import sys; print(sys.version.split()[0], sys._base_executable)')" || true

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# The package itself, editable, with the quote extractor's hot modules compiled by mypyc
# (setup.py, a few minutes); rebuilt whenever one of them changes, so tests and notebooks run
# the code as written. Meanwhile the package runs their source, with a warning.
$(VENV)/.compiled: $(VENV)/.installed pyproject.toml setup.py \
		analysis/core/text.py analysis/quotes/attribution.py analysis/quotes/extract.py
	$(PY) -m pip install --quiet --no-deps -e .
	@# (a failed compile only warns, inside pip's quiet output: say it here, where it shows)
	@$(PY) -c "import runpy; m = runpy.run_path('analysis/compiled.py')['stale_modules'](); \
		print('make: not compiled, the Python source runs:', ', '.join(m), \
		'(type errors: make lint; or no C compiler)') if m else None"
	touch $@

compile: setup

lab: setup
	$(VENV)/bin/jupyter lab $(ROOT_FLAG) notebooks/01_ingestion.ipynb

test: setup
	$(VENV)/bin/pytest --nbval

bench: setup
	$(PY) -m bench

# The fast checks: ruff (lint and format), mypy on the whole package (pyproject's [tool.mypy];
# the compiled modules' hints are also enforced at run time) and the layers contract
# (pyproject's [tool.importlinter]: a layer imports only the layers below it).
lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

# Rewrite the code in the house format (pyproject's [tool.ruff.format]).
format: setup
	$(VENV)/bin/ruff format .

# Everything CI checks: the fast checks, then the tests (unit, notebooks, browser).
check: lint test

# Static HTML of every notebook run on DATA_DIR (default: the sample articles).
report: setup
	$(PY) -m analysis report $(or $(DATA_DIR),data/seeds) --out report

# The source comparison as a dashboard (code hidden), on DATA_DIR or the sample articles.
dashboard: setup
	cd notebooks && ../$(VENV)/bin/voila 04_source_comparison.ipynb --no-browser $(VOILA_FLAGS)

# Re-execute every curated notebook in a fresh kernel and store its outputs for nbval.
notebooks: setup
	cd notebooks && for nb in 0*.ipynb; do \
	  ../$(VENV)/bin/jupyter nbconvert --to notebook --execute --inplace $$nb || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
