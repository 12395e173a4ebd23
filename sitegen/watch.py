"""Watch a site's files for the preview server: batches of changes under content/, templates/,
static/, and site.toml and the client register at the top, each reported by one callback."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

WATCHED_FOLDERS = ("content", "templates", "static")

# How long a save must be quiet before it is acted on: editors write a file in one go (a single
# write, or a write to a temporary file and a rename, well under a millisecond apart), and a
# burst of saves is folded into one rebuild by the preview's loop anyway (watchfiles' default is 50).
STEP_MS = 10


class _Either:
    """An event that is set when either of two threading.Events is (watchfiles wants is_set())."""

    def __init__(self, a: threading.Event, b: threading.Event):
        self.a, self.b = a, b

    def is_set(self) -> bool:
        return self.a.is_set() or self.b.is_set()


class SiteWatcher:
    """Two watchfiles watchers: content/, templates/ and static/ recursively, and the top of the site.

    The top-level watch is not recursive, so output/, .sitegen-cache/ and .git/ cost nothing;
    it sees site.toml (however an editor saves it), the client register, and a watched
    folder appearing or disappearing, which restarts the recursive watch over the new set.
    """

    def __init__(self, site_dir: Path, register: str, on_change: Callable[[], None], report: Callable[[str], None]):
        # Absolute paths: watchfiles reports changes with the path it watches as a prefix.
        self.site_dir = site_dir.resolve()
        self.register = (self.site_dir / register).resolve()
        self.on_change = on_change
        self.report = report
        self.stop_event = threading.Event()
        self._restart = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        for fn in (self._watch_top, self._watch_folders):
            t = threading.Thread(target=fn, name=f"sitegen-{fn.__name__}", daemon=True)
            t.start()
            self._threads.append(t)

    def stop(self) -> None:
        self.stop_event.set()
        for t in self._threads:
            t.join(timeout=2)

    def _roots(self) -> list[Path]:
        return [self.site_dir / n for n in WATCHED_FOLDERS if (self.site_dir / n).is_dir()]

    def _watch_top(self) -> None:
        import watchfiles

        names = {"site.toml", *WATCHED_FOLDERS}
        register_dir = self.register.parent
        paths = [self.site_dir] + ([register_dir] if register_dir.is_dir() and register_dir != self.site_dir else [])

        def relevant(change: watchfiles.Change, path: str) -> bool:
            p = Path(path)
            return (p.name in names and p.parent == self.site_dir) or p == self.register

        while not self.stop_event.is_set():
            try:
                for changes in watchfiles.watch(*paths, watch_filter=relevant, recursive=False, step=STEP_MS,
                                                stop_event=self.stop_event, raise_interrupt=False):
                    if any(Path(p).name in WATCHED_FOLDERS for _, p in changes):
                        self._restart.set()
                    self.on_change()
            except Exception as exc:  # the watch itself failed (e.g. the folder was moved): say so, retry
                self.report(f"watching {self.site_dir} stopped ({exc}); trying again")
                self.stop_event.wait(2.0)

    def _watch_folders(self) -> None:
        import watchfiles

        while not self.stop_event.is_set():
            self._restart.clear()
            roots = self._roots()
            if not roots:  # nothing to watch yet: wait for the top-level watch to see a folder appear
                while not (self.stop_event.is_set() or self._restart.is_set()):
                    self._restart.wait(0.5)
                continue
            try:
                for _changes in watchfiles.watch(*roots, step=STEP_MS, stop_event=_Either(self.stop_event, self._restart),
                                                 raise_interrupt=False):
                    self.on_change()
            except Exception as exc:  # a watched folder vanished mid-watch: start over with what exists
                if not self.stop_event.is_set():
                    self.report(f"watching {', '.join(r.name for r in roots)} stopped ({exc}); trying again")
                    self.on_change()
                    self.stop_event.wait(1.0)
