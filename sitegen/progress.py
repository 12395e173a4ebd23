"""A progress bar for long builds, shown only to a person watching a terminal.

    with progress_bar(quiet=args.quiet) as progress:
        build(site_dir, BuildOptions(progress=progress))

The bar appears only when a stage of the build (reading files, rendering pages) has more
than THRESHOLD items and takes more than a moment, stderr is a terminal, the command is
not quiet and no CI system is running it; otherwise
`progress` is None and the build prints nothing extra.  It is cleared when done, so the
build's one-line summary is all that stays on screen.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

THRESHOLD = 300  # pages: smaller builds finish before a bar would be worth reading

Progress = Callable[[int, int], None]


def interactive(stream: TextIO) -> bool:
    """True when a person is likely watching this stream: a terminal, and not a CI job."""
    if os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or replaced stream
        return False


@contextmanager
def progress_bar(quiet: bool = False, stream: TextIO | None = None,
                 threshold: int = THRESHOLD) -> Iterator[Progress | None]:
    """Yield a `progress(done, total)` callback for BuildOptions, or None when no bar should show."""
    stream = stream if stream is not None else sys.stderr
    if quiet or not interactive(stream):
        yield None
        return
    bar = None

    def update(done: int, total: int) -> None:
        # The build reports its stages one after the other (files read, then pages
        # rendered), each counting from 1: a count that starts again is a new stage.
        nonlocal bar
        if total <= threshold:
            return
        if bar is not None and (total != bar.total or done < bar.n):
            bar.close()  # a new stage: a bar of its own (tqdm's reset() confuses its display delay)
            bar = None
        if bar is None:
            from tqdm import tqdm

            bar = tqdm(total=total, desc="Building", unit=" items", file=stream, leave=False,
                       dynamic_ncols=True, delay=0.3)
        bar.update(done - bar.n)

    try:
        yield update
    finally:
        if bar is not None:
            bar.close()
