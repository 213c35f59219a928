# newsgraph: the two set-up commands are `make demo` and `make test`; both build .venv/ from nothing.
PYTHON ?= python3
SHARED ?= ../shared
DB ?= newsgraph.db
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test eval bench lint lock clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
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
	$(BIN)/newsgraph extract $(SHARED)/samples --format jsonl --output samples.jsonl
	$(PYTHON) $(SHARED)/eval/validate.py samples.jsonl
	$(PYTHON) $(SHARED)/eval/score_samples.py --pred samples.jsonl

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest -q

# Style: ruff's rules (pyproject.toml). The code is laid out by hand (aligned tables, lexicons),
# so `ruff format` is not enforced.
lint: $(STAMP)
	$(BIN)/ruff check --statistics src tests benchmarks tools

eval: $(STAMP)
	$(BIN)/newsgraph eval --shared $(SHARED)

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py --shared $(SHARED)

# Re-pin requirements.lock (with hashes) from requirements.in.
lock:
	$(PYTHON) -m venv /tmp/newsgraph-lock && /tmp/newsgraph-lock/bin/pip install --quiet uv
	/tmp/newsgraph-lock/bin/uv pip compile --generate-hashes --python-version 3.11 requirements.in -o requirements.lock

clean:
	rm -rf $(VENV) samples.jsonl $(DB) $(DB)-wal $(DB)-shm
