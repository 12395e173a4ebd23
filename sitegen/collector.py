"""When Python's cycle collector runs during a build.

What a build keeps (thousands of cached results, the site model, the page keys) lives until
it ends, and every collection of young objects looked at all of it again: a tenth of a
one-edit build at 10,000 posts.  Reference cycles, the only garbage the collector is for,
are made by parsing and rendering, item after item.  So a build runs with the collector off
(`paused`), and turns it back on where it parses or renders many items in this process or in
a worker (`collecting`): a cold build's memory is what it was with the collector always on.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["COLLECT_MIN", "collecting", "paused"]

# Items parsed or rendered one after another in this process from which on the collector is needed.
COLLECT_MIN = 48
# Allocations between collections of young objects while it runs (Python's default: 700):
# 14 times fewer collections, each of which looked at everything the build keeps.
YOUNG = 10_000


@contextmanager
def paused(resume: bool = True) -> Iterator[None]:
    """The cycle collector off (and collecting young objects less often where it is turned on
    again), then as it was; left off when not `resume` (the process is about to end)."""
    was, threshold = gc.isenabled(), gc.get_threshold()
    gc.disable()
    gc.set_threshold(max(threshold[0], YOUNG), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        if was and resume:
            gc.enable()


@contextmanager
def collecting(on: bool = True) -> Iterator[None]:
    """The cycle collector on (when `on`) for work that makes garbage item after item, then as it was."""
    was = gc.isenabled()
    if on:
        gc.enable()
    try:
        yield
    finally:
        if not was:
            gc.disable()
