# Two entry points: `make run` starts the dashboard, `make test` runs every test.
# Both create a virtual environment in .venv and install what they need into it.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run test check bench

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.runtime
	$(PY) -m streamlit run app.py

check: $(VENV)/.runtime
	$(PY) -m events check $(or $(EVENTS_CSV),data/events.csv)

test: $(VENV)/.dev
	$(PY) -m pytest
