"""Beyond one machine: `newsgraph run` into Parquet, `load` back into a store, `query` with DuckDB.

The runner is an adapter over the one engine-free batch function (`batch.process_batch`): the
local engine calls it in this process, the Ray engine in actors that each load the pipeline
once. Both turn every input into the store's rows (`store/rows.py`, the same mapping `put`
uses) and write them as Parquet parts, so a run resumes by content hash and the tables do not
depend on the engine, the order of the inputs or how they were split. The cross-article steps
(entity rows by id, events merged into real events) are group-bys done at `load`, in the
order the store would have made them. See docs/scale.md.

    tables.py   the Parquet tables: their columns (the store's), parts, partitions, manifest
    runner.py   reading inputs, skipping those already seen, the local engine, writing parts
    ray.py      the Ray Data engine: a callable class in `map_batches`, one pipeline per actor
    load.py     the group-bys and the bulk load into SQLite (`store/bulk.py` writes)
    query.py    SQL over the Parquet tables through DuckDB
"""
