"""Extraction stages as spaCy components: one factory per stage, on one `Doc`.

Each stage is registered with `@Language.factory` (`newsgraph.stages.factories`), declaring
what it reads (`requires`) and what it writes (`assigns`) on the Doc, with its settings in
`default_config` (set by the `[components.*]` sections of `newsgraph/config.cfg`).
`factories.build_pipeline` adds the stages after spaCy's own components, in the configured
order, and refuses an order in which a stage would read something no earlier component wrote.
The Doc extensions they share are described in `newsgraph.doc`; `newsgraph.record` alone turns
a finished Doc into the contract's record.
"""

from __future__ import annotations
