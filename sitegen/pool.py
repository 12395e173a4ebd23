"""Share work among worker processes, and never hang when one of them fails.

`run_parallel(task, work, n, ...)` computes `task(work, i)` for every i in range(n) and
returns the results in order.  Workers are forked, so `work` (the site model, the list of
pages) is handed to them as it is, without pickling, and passed explicitly to each call.

Every way a worker can fail ends the whole run within moments, with the item it was on:
- the task raises: the exception comes back to the parent and is raised there, with a
  note naming the item (a MemoryError becomes WorkerFailed: "building … ran out of memory");
- the process dies (killed by the out-of-memory killer, a signal, a crash): the parent
  sees it at once through the process's sentinel and reads which item it was on from a
  small shared array (each worker writes the index of the item it starts);
- the parent is interrupted (Ctrl-C, SIGTERM) or fails itself: every worker is killed
  before the exception goes on.
`multiprocessing.Pool` waits forever for the result of a worker that died, which is why
this small pool exists.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .collector import COLLECT_MIN, collecting
from .errors import WorkerFailed

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

Task = Callable[[Any, int], Any]
PARALLEL_MIN = 48  # fewer items than this are quicker done in this process than shipped to workers


def workers_for(n: int, jobs: int | None, minimum: int) -> int:
    """How many worker processes to use for n items: 1 (this process) when forking cannot pay."""
    if n < minimum or threading.active_count() > 1 or sys.platform != "linux":
        return 1  # fork is the cheap way to share the model; never fork a threaded process
    import multiprocessing  # only where there may be workers: a one-edit build has none

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(jobs or os.cpu_count() or 1, n // max(1, minimum // 2)))


def run_parallel(task: Task, work: Any, n: int, workers: int, describe: Callable[[int], str],
                 progress: Callable[[int, int], None] | None = None, warm_first: bool = False) -> list[Any]:
    """[task(work, i) for i in range(n)], shared among `workers` processes; with `warm_first`,
    item 0 is done in this process before the others are shared out (give it a small one)."""
    if workers <= 1 or n == 0:
        out = []
        with collecting(n >= COLLECT_MIN):
            for i in range(n):
                out.append(_call(task, work, i, describe))
                if progress:
                    progress(i + 1, n)
        return out
    if not warm_first:
        return _Pool(task, work, n, workers, describe, progress).run()
    # Whatever the first item loads on first use (modules, the Markdown converter, the scan's
    # tables and patterns), the workers inherit instead of each loading it again.
    first = _call(task, work, 0, describe)
    if progress:
        progress(1, n)
    out = _Pool(task, work, n, workers, describe, progress, start=1).run()
    out[0] = first
    return out


def _call(task: Task, work: Any, i: int, describe: Callable[[int], str]) -> Any:
    try:
        return task(work, i)
    except MemoryError:
        raise _out_of_memory(describe(i)) from None
    except BaseException as exc:  # never swallowed: it only gets a note saying which item, and goes on
        exc.add_note(f"while {describe(i)}")
        raise


def _out_of_memory(what: str) -> WorkerFailed:
    return WorkerFailed(f"{what} ran out of memory; nothing was written, the previous output is unchanged. Close "
                        "other programs and build again, or look at that file: it may be far larger than it should be")


def _worker(task: Task, work: Any, conn: Connection, slot: int, current: Any) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    gc.enable()  # a worker does item after item (see collecting)
    while True:
        try:
            chunk = conn.recv()
        except EOFError:  # the parent is gone (killed outright): nothing left to do
            return
        if chunk is None:
            return
        start, end = chunk
        results = []
        for i in range(start, end):
            current[slot] = i
            try:
                results.append(task(work, i))
            except BaseException as exc:  # carried to the parent, which raises it: nothing is swallowed here
                conn.send(("failed", i, _portable(exc)))
                return
        conn.send(("done", start, results))


def _portable(exc: BaseException) -> BaseException:
    """The exception as it can travel back to the parent, with its traceback as a note."""
    exc.add_note("in a worker process:\n" + "".join(traceback.format_exception(exc)).rstrip())
    try:
        pickle.dumps(exc)
        return exc
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):  # cannot travel: send its text
        return RuntimeError(f"{type(exc).__name__}: {exc}\n" + "\n".join(getattr(exc, "__notes__", [])))


class _Pool:
    def __init__(self, task: Task, work: Any, n: int, workers: int, describe: Callable[[int], str],
                 progress: Callable[[int, int], None] | None, start: int = 0):
        self.task, self.work, self.n, self.describe, self.progress = task, work, n, describe, progress
        self.start = start
        self.size = max(1, min(16, n // (workers * 32)))
        self.chunks = [(s, min(n, s + self.size)) for s in range(start, n, self.size)]
        import multiprocessing

        self.ctx = multiprocessing.get_context("fork")
        self.current = self.ctx.RawArray("q", workers)
        self.procs: list[Any] = []
        self.conns: list[Connection] = []
        self.busy: dict[int, tuple[int, int]] = {}  # worker → chunk
        self.workers = workers
        self.out: list[Any] = [None] * n
        self.todo = list(reversed(self.chunks))
        self.done = start

    def run(self) -> list[Any]:
        try:
            self.launch()
            return self.collect()
        finally:
            self.stop()

    def launch(self) -> None:
        """The workers started, each with its first chunk."""
        for k in range(self.workers):
            parent, child = self.ctx.Pipe()
            p = self.ctx.Process(target=_worker, args=(self.task, self.work, child, k, self.current), daemon=True)
            p.start()
            child.close()
            self.procs.append(p)
            self.conns.append(parent)
            self._give(k, self.todo)

    def collect(self) -> list[Any]:
        """Every result, in order, as the workers finish their chunks and take the next."""
        from multiprocessing import connection

        while self.busy:
            ready = connection.wait([self.conns[k] for k in self.busy] + [self.procs[k].sentinel for k in self.busy])
            for k in list(self.busy):
                if self.conns[k] in ready or self.conns[k].poll():
                    self.done += self._receive(k, self.out)
                    self._give(k, self.todo)
                    if self.progress:
                        self.progress(self.done, self.n)
                elif self.procs[k].sentinel in ready:
                    self._died(k)
        return self.out

    def _give(self, k: int, todo: list[tuple[int, int]]) -> None:
        # A worker killed meanwhile has closed its end: the pipe says so with an error (a reset
        # when it died holding data it had not read) rather than an end of file.
        if todo:
            chunk = todo.pop()
            self.busy[k] = chunk
            self.current[k] = chunk[0]
            try:
                self.conns[k].send(chunk)
            except OSError:
                self._died(k)
        else:
            self.busy.pop(k, None)
            with contextlib.suppress(OSError):  # its work is done: it has nothing left to lose
                self.conns[k].send(None)

    def _receive(self, k: int, out: list[Any]) -> int:
        try:
            message = self.conns[k].recv()
        except (EOFError, OSError):
            self._died(k)
        if message[0] == "failed":
            _, i, exc = message
            if isinstance(exc, MemoryError):
                raise _out_of_memory(self.describe(i))
            exc.add_note(f"while {self.describe(i)}")
            raise exc
        _, start, results = message
        out[start:start + len(results)] = results
        return len(results)

    def _died(self, k: int) -> None:
        p = self.procs[k]
        p.join(timeout=1)
        code = p.exitcode
        how = f"was killed by signal {-code} ({signal.Signals(-code).name})" if code is not None and code < 0 \
            else f"stopped with exit code {code}"
        if code == -signal.SIGKILL:
            how += ", most often because the computer ran out of memory"
        raise WorkerFailed(f"{self.describe(self.current[k])}: the process doing it {how}; nothing was written, the "
                           "previous output is unchanged. Close other programs and build again")

    def stop(self) -> None:
        for p in self.procs:
            if p.is_alive():
                p.kill()
        for p in self.procs:
            p.join(timeout=5)
        for c in self.conns:
            c.close()
