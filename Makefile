# newsgraph: the two set-up commands are `make demo` and `make test`; both build .venv/ from nothing.
PYTHON ?= python3
SHARED ?= ../shared
DB ?= newsgraph.db
RECORDS ?= samples.jsonl
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-reliability eval bench bench-web browser lint lock clean

$(STAMP): requirements.lock requirements-pip.lock pyproject.toml
	@$(PYTHON) tools/check_python.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-pip.lock
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/newsgraph ingest $(SHARED)/samples --db $(DB)
	$(BIN)/newsgraph stats --db $(DB)
	$(BIN)/newsgraph search "miners" --db $(DB)
	$(BIN)/newsgraph quotes --speaker Pushilin --db $(DB)
	$(BIN)/newsgraph events --actor "North Korea" --db $(DB)
	$(BIN)/newsgraph extract $(SHARED)/samples --format jsonl --output $(RECORDS)
	$(PYTHON) $(SHARED)/eval/validate.py $(RECORDS)
	$(PYTHON) $(SHARED)/eval/score_samples.py --pred $(RECORDS)
	@echo
	@echo "Browse the store: $(BIN)/newsgraph serve --db $(DB)   (add --open for a browser)"
	@echo "  then open http://127.0.0.1:8001/"

test: $(STAMP) browser
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/python -m pytest -q

# The browser tests drive Debian's Chromium (Playwright never downloads a browser here).
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo)
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Style: ruff's rules (pyproject.toml). The code is laid out by hand (aligned tables, lexicons),
# so `ruff format` is not enforced.
lint: $(STAMP)
	$(BIN)/ruff check --statistics src tests benchmarks tools

eval: $(STAMP)
	$(BIN)/newsgraph eval --shared $(SHARED) $(ARGS)

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py --shared $(SHARED)

# Page timings on the samples' store and on a store of 10,000 articles built from the dev sets.
bench-web: $(STAMP)
	$(BIN)/python benchmarks/bench_web.py --shared $(SHARED)

# Re-pin requirements.lock (with hashes) from requirements.in, and the bootstrap pip from it.
lock:
	$(PYTHON) -m venv /tmp/newsgraph-lock && /tmp/newsgraph-lock/bin/pip install --quiet uv
	/tmp/newsgraph-lock/bin/uv pip compile --generate-hashes --python-version 3.11 requirements.in -o requirements.lock
	$(PYTHON) tools/pin_pip.py

clean:
	rm -rf $(VENV) $(RECORDS) $(DB) $(DB)-wal $(DB)-shm

# The whole reliability suite (tests/reliability/run.py): the bad-input corpus with its big
# inputs, a kill -9 loop, a lock holder and a hostile-URL scan; prints its figures. (Its fast
# cases run in `make test`.)
test-reliability: $(STAMP)
	$(BIN)/python -m tests.reliability.run --shared $(SHARED)
