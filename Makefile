# The README's commands. `make run` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run weekly test lint bench check-pango clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "brief needs Python 3.11 or newer"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

check-pango:
	@$(BIN)/python -c 'import weasyprint' 2>/dev/null || { \
	  echo "WeasyPrint cannot load Pango. On Debian/Ubuntu: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core"; \
	  exit 2; }

run: $(STAMP) check-pango
	$(BIN)/brief

weekly: $(STAMP) check-pango
	$(BIN)/brief build briefings/weekly.yaml

test: $(STAMP) check-pango
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check brief tui tests bench
	$(BIN)/python -m mypy brief tui

bench: $(STAMP) check-pango
	$(BIN)/python bench/bench_build.py

clean:
	rm -rf $(VENV) out .pytest_cache
