# Two entry points: `make run` starts the dashboard, `make test` runs every test.
# Both create a virtual environment in .venv and install what they need into it.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

CHROMIUM ?= /usr/bin/chromium

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

bench: $(VENV)/.dev
	$(PY) -m bench

check: $(VENV)/.runtime
	$(PY) -m events check $(or $(EVENTS_CSV),data/events.csv)

# Browser tests use Debian's chromium (Playwright's own browser download needs the internet).
$(CHROMIUM):
	@if [ "$$(id -u)" != 0 ]; then echo "Install Debian's chromium first: sudo apt-get install chromium"; exit 1; fi
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

test: $(VENV)/.dev $(CHROMIUM)
	CHROMIUM=$(CHROMIUM) $(PY) -m pytest
