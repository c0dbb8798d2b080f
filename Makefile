# cjkg: the two set-up commands are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
OUT    ?= out

.PHONY: install run test notebook system-deps bench clean help

help:
	@echo "make run       install into .venv and build seeds/ into $(OUT)/"
	@echo "make test      install and run the whole test suite"
	@echo "make notebook  open Jupyter Lab on notebooks/"
	@echo "make bench     run the benchmarks in bench/ (pipeline speed; SPARQL on 1M triples; builds of"
	@echo "               BENCH_SIZES generated articles, default 1000 10000: ~30 min on 2 cores)"

install: $(STAMP)

$(STAMP): setup.cfg pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==26.3
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,data]'
	touch $(STAMP)

run: install
	$(BIN)/kg build seeds --out $(OUT)

# Browser tests need Debian's chromium; chart tests need a CJK font (fonts-noto-cjk).
system-deps:
	@if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	else echo "need chromium and fonts-noto-cjk: run 'sudo apt-get install chromium fonts-noto-cjk'" >&2; exit 1; fi

test: install system-deps
	$(BIN)/python -m pytest

notebook: install
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[notebook]'
	$(BIN)/jupyter lab notebooks/

BENCH_SIZES ?= 1000 10000

bench: install
	$(BIN)/python bench/bench_pipeline.py
	$(BIN)/python bench/bench_sparql.py
	$(BIN)/python bench/bench_build.py --sizes $(BENCH_SIZES)

clean:
	rm -rf $(OUT) .pytest_cache
