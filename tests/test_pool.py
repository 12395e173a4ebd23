"""The worker pool (pool.py) when a worker dies in ways the operating system reports differently."""

from __future__ import annotations

import os
import signal

import pytest

from sitegen.errors import WorkerFailed
from sitegen.pool import _Pool


def _sleeps(work, i):
    import time

    time.sleep(30)


def test_a_worker_killed_holding_what_it_had_not_read_yet_is_reported_not_an_internal_error():
    """A worker that dies with data still unread in its pipe makes the pipe report a reset
    (ConnectionResetError), not an end of file: the build says which work died, as for any death."""
    pool = _Pool(_sleeps, None, 1, 1, lambda i: "rendering posts/a/index.html", None)
    try:
        pool.launch()
        pool.conns[0].send(("unread", "x" * 100_000))  # the worker is asleep in its task: it never reads this
        os.kill(pool.procs[0].pid, signal.SIGKILL)
        with pytest.raises(WorkerFailed, match="rendering posts/a/index.html: the process doing it was killed by "
                                               "signal 9"):
            pool.collect()
    finally:
        pool.stop()
