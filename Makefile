# The course's commands. Two are all a newcomer needs: `make lab` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PORT ?= 8888

.PHONY: lab test test-fast install browser-deps check notebooks clean-notebooks handouts pdf bench load clean

# Exact versions from constraints.txt (the one place they are pinned); ranges in pyproject.toml.
$(STAMP): pyproject.toml constraints.txt setup.py
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[lab,test]'
	-git config core.hooksPath .githooks 2>/dev/null
	touch $(STAMP)

install: $(STAMP)

node_modules/.installed-stamp: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# Debian's Chromium and poppler-utils for the browser and PDF tests (installed when root).
browser-deps:
	@if ! command -v chromium >/dev/null || ! command -v pdftoppm >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null; \
	  else \
	    echo "Browser tests need Debian's chromium and poppler-utils: sudo apt-get install chromium poppler-utils" >&2; \
	  fi; \
	fi

## make lab: set up (first time) and open the course in JupyterLab on the start-here notebook
lab: install
	$(VENV)/bin/jupyter lab --ServerApp.root_dir="$(CURDIR)" --port=$(PORT) $(if $(filter 0,$(shell id -u)),--allow-root) notebooks/00-start-here.ipynb

## make test: set up (first time) and run the whole test suite
# (every notebook is executed once, by nbclient, inside the suite: tests/conftest.py)
test: install node_modules/.installed-stamp browser-deps
	$(PY) -m widgets check
	$(PY) -m widgets clean-notebooks --check
	rm -rf build/test-progress
	MS_COURSE_PROGRESS=$(CURDIR)/build/test-progress/progress.json $(PY) -m pytest tests

## make test-fast: the inner loop: no browser, no kernel, nothing slow, on every core (pytest-xdist)
test-fast: install
	rm -rf build/test-progress
	MS_COURSE_PROGRESS=$(CURDIR)/build/test-progress/progress.json $(PY) -m pytest -q -n auto --dist loadfile -m "not browser and not kernel and not slow" tests

check: install
	$(PY) -m widgets check

notebooks: install
	$(PY) -m widgets notebooks

clean-notebooks: install
	$(PY) -m widgets clean-notebooks

# the handouts carry npm's basic plotly.js bundle when npm is here (widgets/handouts/plotlyjs.py);
# without npm they still build, with plotly's full bundle
handouts: install $(if $(shell command -v npm),node_modules/.installed-stamp)
	$(PY) -m widgets handouts --out build/handouts

pdf: handouts browser-deps
	$(PY) -m widgets pdf --out build/handouts

bench: install node_modules/.installed-stamp browser-deps
	$(PY) scripts/bench.py

load: install
	$(PY) scripts/classroom_load.py

clean:
	rm -rf build .pytest_cache
