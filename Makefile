# claimx: two commands for a new user
#   make demo   set everything up, extract the claims of the source article, print them as a
#               table, write them as JSONL (out/source.jsonl) and score them against the gold
#   make test   run the whole test suite, slow tests included (.ci/run calls exactly this)
# For development: make test-fast leaves out the tests marked slow (training, subprocess kills, Ray,
# a megabyte document, installing the built wheel into a fresh venv); it stays under 5 minutes.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
SOURCE := corpora/source/000_980dcc619b14b1bb.txt
GOLD   := corpora/source/gold.jsonl

.PHONY: setup demo test test-fast browser evaluate-polnear

$(BIN)/claimx: pyproject.toml
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev,ml,ray]"
	touch $(BIN)/claimx

# Everything, the learned-tagger, corpus and Ray extras included (torch pinned to the CPU wheel; see
# README, "GPU").
setup: $(BIN)/claimx

demo: setup
	@mkdir -p out
	$(BIN)/claimx extract $(SOURCE) --format table -q
	$(BIN)/claimx extract $(SOURCE) -o out/source.jsonl -q --gold $(GOLD)

test: setup browser
	$(BIN)/python -m pytest -q tests

test-fast: setup
	$(BIN)/python -m pytest -q -m "not slow" tests

# The HTML report's browser check (tests/test_report_browser.py) needs headless Chromium, Debian's
# `chromium` package: installed here when missing and we are root with apt-get; otherwise that test
# says it skipped. Never fails the build by itself.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } ; } || \
	  echo "chromium not installed: the browser check of the HTML report will be skipped"

# Claim-level score on PolNeAR dev (needs ../shared/data/polnear).
SHARED ?= ../shared
evaluate-polnear: setup
	@mkdir -p out
	$(BIN)/claimx corpus convert --from polnear $(SHARED)/data/polnear --split dev -o out/polnear_dev.jsonl
	$(BIN)/claimx extract out/polnear_dev.jsonl -o out/polnear_dev_pred.jsonl -q
	$(BIN)/claimx evaluate out/polnear_dev.jsonl out/polnear_dev_pred.jsonl --slots actor,issue --examples 0
