# Two entry points: `make run` starts the dashboard, `make test` runs every test.
# Both create a virtual environment in .venv and install what they need into it.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

CHROMIUM ?= /usr/bin/chromium
AXE_VERSION := 4.11.0
AXE_JS := $(VENV)/axe-core-$(AXE_VERSION)/axe.min.js

.PHONY: run serve test check review bench messages

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

# What a change to the data does to what viewers see, against BASE (default origin/main), then the check.
BASE ?= origin/main
review: $(VENV)/.runtime
	$(PY) -m events diff --base $(BASE) $(or $(EVENTS_CSV),data/events.csv)
	$(PY) -m events check $(or $(EVENTS_CSV),data/events.csv)

# The interface's messages: extract them from the code, then merge them into every language's catalogue
# (new messages come in untranslated; `python -m i18n check` lists what is left to translate).
messages: $(VENV)/.dev
	$(VENV)/bin/pybabel extract -F babel.cfg --add-comments=TRANSLATORS: --no-wrap --sort-by-file \
		--project="Crackdown Map" -o locales/messages.pot .
	$(VENV)/bin/pybabel update -i locales/messages.pot -d locales --no-wrap --ignore-obsolete
	$(PY) -m i18n check || true

# The card's Khmer is read back by OCR in the tests (Debian's tesseract with its Khmer model).
TESSERACT ?= /usr/bin/tesseract
$(TESSERACT):
	@if [ "$$(id -u)" != 0 ]; then echo "Install Debian's tesseract first: sudo apt-get install tesseract-ocr tesseract-ocr-khm"; exit 1; fi
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-khm

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

test: $(VENV)/.dev $(CHROMIUM) $(AXE_JS) $(CADDY) $(TESSERACT)
	CHROMIUM=$(CHROMIUM) AXE_JS=$(AXE_JS) $(PY) -m pytest
