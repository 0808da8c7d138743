"""The cyclic garbage collector's thresholds for a run of skvm-lint.

Nearly everything a run allocates is freed by reference counting (a skill's model when its skill is done) or lives
as long as the process (modules, the rule registry): the collector mostly traverses objects it cannot free. With
Python's default (a collection every 700 allocations) a one-process check of openclaw spent 0.8 s in 3,900
collections, one every 20,000 allocations 0.05 s in 53; a one-skill check's start ran 55 collections that freed
about 480 objects.
"""

from __future__ import annotations

RUN_THRESHOLDS = (20_000, 10, 10)
