# Two entry points: `make run` starts the dashboard, `make test` runs every test.
# Both create a virtual environment in .venv and install what they need into it.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

CHROMIUM ?= /usr/bin/chromium
AXE_VERSION := 4.11.0
AXE_JS := $(VENV)/axe-core-$(AXE_VERSION)/axe.min.js

.PHONY: run serve test check bench

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

# Production: Caddy in front of REPLICAS Streamlit processes (default 2) on PORT (8080); DOMAIN for HTTPS.
CADDY ?= /usr/bin/caddy
$(CADDY):
	@if [ "$$(id -u)" != 0 ]; then echo "Install Debian's caddy first: sudo apt-get install caddy"; exit 1; fi
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq caddy

serve: $(VENV)/.runtime $(CADDY)
	$(PY) -m serve

bench: $(VENV)/.dev
	$(PY) -m bench

check: $(VENV)/.runtime
	$(PY) -m events check $(or $(EVENTS_CSV),data/events.csv)

# Browser tests use Debian's chromium (Playwright's own browser download needs the internet).
$(CHROMIUM):
	@if [ "$$(id -u)" != 0 ]; then echo "Install Debian's chromium first: sudo apt-get install chromium"; exit 1; fi
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

# axe-core (the accessibility rules Lighthouse uses) from the npm registry, for the browser tests.
$(AXE_JS):
	@command -v npm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; }
	mkdir -p $(dir $@)
	cd $(dir $@) && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null \
		&& tar -xzf axe-core-$(AXE_VERSION).tgz --strip-components=1 package/axe.min.js package/LICENSE \
		&& rm axe-core-$(AXE_VERSION).tgz

test: $(VENV)/.dev $(CHROMIUM) $(AXE_JS) $(CADDY)
	CHROMIUM=$(CHROMIUM) AXE_JS=$(AXE_JS) $(PY) -m pytest
