"""The reliability suite: `tests/reliability/` holds the bad-input corpus (corpus.py), the
harness that runs it (harness.py) and the tests. The fast cases run in `make test`; the full
suite (`make test-reliability`: the big inputs, a kill -9 loop of 20+ kills, a lock holder, the
hostile-URL scan) prints its figures."""
