#!/usr/bin/env python3
"""CPU cost of the privacy scan, per 1,000 words, and the time to load its word tables.

    python benchmarks/scan.py [--posts 300] [--tree DIR] [--corpus DIR ...]

Scans the bodies of `--posts` generated posts (benchmarks/generate.py, fixed seed: essays as
essays, case studies as case studies) and, with `--corpus`, the Markdown files of real
folders, three times each, and prints the best round's CPU time per 1,000 words.  The load
time is measured in a fresh process: importing the scanner and loading its tables (from the
cache folder; the first run after installing builds them once).

`--tree DIR` measures another copy of sitegen, e.g. an older revision unpacked with
`git archive REV sitegen | tar -x -C DIR`, so that a change can be compared with what came before.
"""

from __future__ import annotations

import argparse
import dataclasses
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _texts(posts: int, corpora: list[Path]) -> list[tuple[str, bool]]:
    sys.path.insert(0, str(HERE))
    from generate import make_posts

    out = [(p["body"], p.get("case") is None) for p in make_posts(posts, seed=12)]
    for folder in corpora:
        for path in sorted(folder.rglob("*.md")):
            out.append((path.read_text(encoding="utf-8", errors="replace"), "essays" in path.parts))
    return out


def measure(tree: Path, posts: int, corpora: list[Path]) -> tuple[float, int]:
    sys.path.insert(0, str(tree))
    from sitegen.privacy.detect import ScanContext, scan_text

    texts = _texts(posts, corpora)
    fields = {f.name for f in dataclasses.fields(ScanContext)}
    contexts = {True: ScanContext(essay=True) if "essay" in fields else ScanContext(), False: ScanContext()}
    scan_text("Warm-up: Priya in Kendal.", ScanContext())
    words = sum(len(t.split()) for t, _ in texts)
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        for text, essay in texts:
            scan_text(text, contexts[essay])
        best = min(best, time.process_time() - t0)
    return best * 1e6 / words, words


def load_time(tree: Path) -> float:
    code = ("import time, sys; sys.path.insert(0, %r); t = time.process_time();"
            "from sitegen.privacy.detect import scan_text; scan_text('Warm-up: Priya in Kendal.');"
            "print(time.process_time() - t)" % str(tree))
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(3)]
    return min(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=300)
    parser.add_argument("--tree", type=Path, default=HERE.parent, help="the sitegen source tree to measure")
    parser.add_argument("--corpus", type=Path, action="append", default=[], help="a folder of .md files to add")
    args = parser.parse_args(argv)
    subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, %r); from sitegen.privacy.detect "
                    "import scan_text; scan_text('Priya in Kendal.')" % str(args.tree)], check=True)  # tables built
    per_k, words = measure(args.tree, args.posts, args.corpus)
    print(f"scan: {per_k:.2f} ms of CPU per 1,000 words ({words} words); "
          f"import and first scan (tables loaded): {load_time(args.tree) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
