# VFAC: `make run` serves the demo on http://127.0.0.1:5000; `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PGURL  ?= postgresql+psycopg://postgres@127.0.0.1:5432/vfac_test
export FLASK_APP := wsgi

.PHONY: install run test test-sqlite test-postgres test-e2e chromium fonts translations bench clean

$(STAMP): setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP) fonts

# A real secret key, generated once, kept out of git (instance/ is ignored).
instance/config.py:
	mkdir -p instance
	$(BIN)/python -c "import secrets; print('SECRET_KEY = %r' % secrets.token_hex(32))" > $@

# The demo relaxes only the staff two-factor requirement, and the Secure cookie flag
# because it is served over plain http on the loopback interface (its one address, from
# which every absolute link is built; "localhost" is accepted as a Host too).
DEMO_ENV := VFAC_STAFF_REQUIRE_2FA=false VFAC_SESSION_COOKIE_SECURE=false \
	VFAC_BASE_URL=http://127.0.0.1:5000 VFAC_TRUSTED_HOSTS='["127.0.0.1", "localhost"]'

# The job queue's consumer (mail, indexing, PDF checks, digests) runs beside the web
# server, in the background of the same command, and stops with it.
run: install instance/config.py
	$(DEMO_ENV) $(BIN)/flask db upgrade
	$(DEMO_ENV) $(BIN)/flask seed-demo
	$(DEMO_ENV) $(BIN)/flask jobs worker & worker=$$!; \
		trap 'kill -INT $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
		$(DEMO_ENV) $(BIN)/flask run --host 127.0.0.1 --port 5000

test: install chromium
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres
	$(MAKE) --no-print-directory test-e2e

test-sqlite: install
	$(BIN)/python -m pytest -m "not e2e"

# Again on PostgreSQL, in a fresh database, where one answers on 127.0.0.1:5432.
test-postgres: install
	@if $(BIN)/python -m tests.pgdb "$(PGURL)"; then \
		TEST_DATABASE_URL="$(PGURL)" $(BIN)/python -m pytest -m "not e2e"; \
	else echo "PostgreSQL does not answer on 127.0.0.1:5432: PostgreSQL run skipped"; fi

test-e2e: install chromium
	$(BIN)/python -m pytest -m e2e

# Browser tests drive Debian's chromium (Playwright cannot download browsers here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Certificates are drawn with Noto fonts (Latin/Cyrillic, Arabic, Chinese) from Debian's
# packages; installed here when missing, never downloaded by the application.
fonts:
	@test -f /usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf -a \
		-f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc || { \
		echo "installing Debian's Noto fonts for the certificate PDFs"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		fonts-noto-core fonts-noto-cjk >/dev/null || echo "could not install the Noto fonts"; }

# Performance: data at scale, a real HTTP load on 127.0.0.1 (see bench/http_load.py).
bench: install
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	$(BIN)/python bench/http_load.py

translations: install
	$(BIN)/flask translate update
	$(BIN)/flask translate compile

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache test-output
