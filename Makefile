# cjkg: the two set-up commands are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
OUT    ?= out
USER_ID ?= $(shell id -u)
# Jupyter refuses to run as root unless told to (containers often run as root).
JUPYTER_FLAGS := $(if $(filter 0,$(USER_ID)),--allow-root)

.PHONY: install run test notebook system-deps bench clean help

help:
	@echo "make run       install into .venv and build seeds/ into $(OUT)/"
	@echo "make test      install and run the whole test suite"
	@echo "make notebook  open Jupyter Lab on notebooks/"
	@echo "make bench     run the benchmarks in bench/ (pipeline speed; SPARQL on 1M triples; kg serve under load;"
	@echo "               PDF reading; builds of BENCH_SIZES generated articles, default 1000 10000: ~45 min on 2 cores)"

install: $(STAMP)

$(STAMP): setup.cfg pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==26.3
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,data]'
	touch $(STAMP)

run: install
	$(BIN)/kg build seeds --out $(OUT)

# Browser tests need Debian's chromium; chart tests need a CJK font (fonts-noto-cjk).
# apt-get waits while another process (unattended-upgrades …) holds apt's lock.
system-deps:
	@if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then :; \
	elif [ "$(USER_ID)" = 0 ]; then \
	  scripts/apt-get-waiting.sh update -qq && \
	  DEBIAN_FRONTEND=noninteractive scripts/apt-get-waiting.sh install -y -qq chromium fonts-noto-cjk >/dev/null; \
	else echo "need chromium and fonts-noto-cjk: run 'sudo apt-get install chromium fonts-noto-cjk'" >&2; exit 1; fi

test: install system-deps
	$(BIN)/python -m pytest

notebook: install
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[notebook]'
	$(BIN)/jupyter lab $(JUPYTER_FLAGS) notebooks/

BENCH_SIZES ?= 1000 10000

bench: install
	$(BIN)/python bench/bench_pipeline.py
	$(BIN)/python bench/bench_sparql.py
	$(BIN)/python bench/bench_serve.py
	$(BIN)/python bench/bench_pdf.py
	$(BIN)/python bench/bench_build.py --sizes $(BENCH_SIZES)

clean:
	rm -rf $(OUT) .pytest_cache
