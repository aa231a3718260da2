# Two commands set everything up on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Zensical's own environment (make zensical).
ZVENV := .venv-zensical
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build test bench bench-lighthouse chromium chromium-headless-shell node clean schema zensical crossbrowser

# uv installs the pinned requirements in seconds where pip takes a minute; pip only installs uv itself.
# --compile-bytecode: PYTHONDONTWRITEBYTECODE (below) keeps the project free of __pycache__, so without it
# every Python process (each build, each test worker) would compile MkDocs and its plugins again: a build
# takes 6 s instead of 4.
UV_VERSION := 0.13.9
UV = $(VENV)/bin/uv pip install --quiet --compile-bytecode --python

# The environment starts without pip (ensurepip alone takes 7 s on a fresh machine) and the system's pip
# (22.3 or newer knows --python) puts uv in it; without a system pip the environment gets its own.
$(VENV)/.uv:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 of nieuwer is nodig.")'
	@test -x $(PY) || $(PYTHON) -m venv --without-pip $(VENV) || { rm -rf $(VENV); echo "Een virtuele omgeving maken lukt niet. Installeer eerst python3-venv, bijvoorbeeld: sudo apt-get install python3-venv" >&2; exit 1; }
	$(PYTHON) -m pip --python $(PY) install --quiet --disable-pip-version-check uv==$(UV_VERSION) 2>/dev/null \
	  || { $(PY) -m ensurepip --default-pip >/dev/null && $(PY) -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION); }
	touch $@

$(VENV)/.site: requirements.txt $(VENV)/.uv
	$(UV) $(PY) -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.site requirements-dev.txt
	$(UV) $(PY) -r requirements-dev.txt
	touch $@

serve: $(VENV)/.site
	$(PY) -m mkdocs serve --strict --dev-addr 127.0.0.1:8000

# Build into a temporary folder first, so a failed build never leaves a half-built site/.
# Never add --quiet: it hides warnings from MkDocs' strict mode, so a broken link would publish.
build: $(VENV)/.site
	rm -rf site.tmp
	$(PY) -m mkdocs build --strict --site-dir site.tmp
	rm -rf site && mv site.tmp site

# $(call apt_install,COMMAND,PACKAGE,NAME): install a Debian package when COMMAND is missing (as root),
# or say plainly what to install.
apt_install = command -v $(1) >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "$(3) ontbreekt; installeren met apt-get ..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null; \
	  else \
	    echo "$(3) ontbreekt. Installeer het eerst, bijvoorbeeld: sudo apt-get install $(2)" >&2; exit 1; \
	  fi; }

# CHROMIUM=/path/to/chromium: the tests, the bench and the screenshots use that browser and nothing is
# installed (CI: the runner image's /usr/bin/chromium; on Ubuntu 24.04 `apt-get install chromium` has no
# package and `chromium-browser` pulls in a snap, which fails under Playwright).
ifdef CHROMIUM
chromium chromium-headless-shell:
	@test -x "$(CHROMIUM)" || { echo "CHROMIUM=$(CHROMIUM) is geen programma dat te starten is." >&2; exit 1; }
else
chromium:
	@$(call apt_install,chromium,chromium,Chromium)

# The tests drive Debian's headless build of Chromium when it can be installed (less than half the CPU
# per page load); where the package does not exist they use the full browser.
chromium-headless-shell: chromium
	@command -v chromium-headless-shell >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell >/dev/null 2>&1 \
	      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell >/dev/null 2>&1; } \
	      || echo "chromium-headless-shell is niet te installeren; de tests gebruiken Chromium zelf (trager)."; \
	  else \
	    echo "Tip: met 'sudo apt-get install chromium-headless-shell' draaien de tests ruim twee keer zo snel."; \
	  fi; }
endif

# Node runs the fast tests of the widgets' pure logic (tests/js/, no npm packages needed).
node:
	@$(call apt_install,node,nodejs,Node.js)

# The Zensical smoke test (tests/test_zensical.py) needs .venv-zensical too.
test: $(VENV)/.dev $(ZVENV)/.installed chromium-headless-shell node
	node --test tests/js/*.test.js
	$(PY) -m pytest -n auto --dist loadgroup

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

bench: $(VENV)/.dev chromium node_modules/.installed
	$(PY) tools/bench.py $(BENCH_ARGS)

# The helpers' routes in Firefox and WebKit (make test covers Chromium): Debian's firefox-esr, driven over
# WebDriver BiDi by puppeteer-core (no geckodriver needed), and WebKitGTK's WebKitWebDriver under Xvfb, driven
# by Selenium from its own environment. By hand, not in make test: two more browsers would double CI's time.
XVENV := .venv-crossbrowser
$(XVENV)/.installed: requirements-crossbrowser.txt $(VENV)/.uv
	@test -x $(XVENV)/bin/python || $(VENV)/bin/uv venv --quiet --python $(PY) $(XVENV)
	$(UV) $(XVENV)/bin/python -r requirements-crossbrowser.txt
	touch $@

crossbrowser: build node_modules/.installed $(XVENV)/.installed
	@$(call apt_install,firefox-esr,firefox-esr,Firefox)
	@$(call apt_install,WebKitWebDriver,webkit2gtk-driver,WebKitWebDriver)
	@$(call apt_install,xvfb-run,xvfb,Xvfb)
	$(PY) tools/crossbrowser/run.py site $(XVENV)/bin/python

# Only the Lighthouse table of the bench and its budgets (a few minutes instead of the whole bench).
# BENCH_ARGS=--cpu-slowdown=auto: the same phone on a quick or a slow host (tools/bench.py says how).
bench-lighthouse: $(VENV)/.dev chromium node_modules/.installed
	$(PY) tools/bench.py --lighthouse-only $(BENCH_ARGS)

# The same site built with Zensical (Material's successor) instead of MkDocs, into site-zensical/, in its
# own .venv-zensical. Zensical runs no hooks, so the stages run around it: generate the method pages and
# /api into a copy of docs/, build, then finish the built folder. ZENSICAL-NOTES.md says what differs.
ZDOCS := build/zensical-docs
ZGENERATE = $(PY) -m sitebuild generate --into
# The finish stage reads Zensical's templates (in .venv-zensical) for the hashes of its inline scripts.
ZTEMPLATES = $$($(ZVENV)/bin/python -c 'import os, zensical; print(os.path.join(os.path.dirname(zensical.__file__), "templates"))')
ZFINISH = IH_THEME_TEMPLATES=$(ZTEMPLATES) $(PY) -m sitebuild finish

# uv makes the environment (in a fraction of a second; it needs no pip), with the same Python as .venv.
$(ZVENV)/.installed: requirements-zensical.txt $(VENV)/.uv
	@test -x $(ZVENV)/bin/python || $(VENV)/bin/uv venv --quiet --python $(PY) $(ZVENV)
	$(UV) $(ZVENV)/bin/python -r requirements-zensical.txt
	touch $@

# --clean: a build must never serve a page from Zensical's cache (.cache/) that predates a change.
# PYTHONPATH: Zensical imports the macros package by name, from outside the project.
zensical: $(VENV)/.site $(ZVENV)/.installed
	rm -rf $(ZDOCS) site-zensical.tmp
	mkdir -p build && cp -R docs $(ZDOCS)
	$(ZGENERATE) $(ZDOCS)
	$(PY) tools/zensical_config.py --docs-dir $(ZDOCS) --site-dir site-zensical.tmp
	PYTHONPATH=$(CURDIR) $(ZVENV)/bin/zensical build --clean --strict --config-file zensical.yml
	$(ZFINISH) site-zensical.tmp
	rm -rf site-zensical && mv site-zensical.tmp site-zensical

clean:
	rm -rf site site.tmp .pytest_cache build site-zensical site-zensical.tmp zensical.yml .cache

# Re-export the JSON Schema that editors use to check data/methods/*.yml while typing.
schema: $(VENV)/.site
	$(PY) -c 'from sitebuild.export import method_schema, dumps; open("data/schema/method.schema.json", "w", encoding="utf-8").write(dumps(method_schema()))'
