# Two commands for a fresh machine: `make run` (the main job) and `make test`. Each sets itself up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
QUESTION ?= Which papers make LLMs forget a target entity, and how?

BENCH_SIZES ?= 1000,10000,100000
SCALE_SIZES ?= 100000,300000,1000000
HOST ?= 127.0.0.1
PORT ?= 7860

.PHONY: run ask test lint browser install bench bench-scale clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/paperqa ui --host $(HOST) --port $(PORT)

ask: $(STAMP)
	$(BIN)/paperqa ask "$(QUESTION)"

# Browser tests drive Debian's Chromium (never a downloaded browser); as root we install it.
browser:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	else echo "note: browser tests need Debian's chromium and chromium-driver (sudo apt-get install chromium chromium-driver)"; fi

# Lint and format check (ruff), then the type check; their settings live in pyproject.toml.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint browser
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	$(BIN)/python bench/run.py --sizes $(BENCH_SIZES)

# Growth to a million papers (about an hour per mode): `make bench-scale SCALE_FLAGS=--server` for server mode.
bench-scale: $(STAMP)
	$(BIN)/python bench/scale.py --sizes $(SCALE_SIZES) $(SCALE_FLAGS)

clean:
	rm -rf $(VENV) build *.egg-info
