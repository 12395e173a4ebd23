#!/usr/bin/env python3
"""Measure the essay scan's noise on real public blog posts kept outside the repository.

Usage:  python tests/privacy_eval/realblogs.py [--split dev|heldout] [--verbose] [--folder DIR]

The posts (DIR, default /work/realblogs/essays, with manifest.tsv naming each post's source
repository) are split by source repository: a repository is held out when the first eight
hex digits of the SHA-256 of its name are divisible by three, so about a third of the
repositories are held out and a post is never split from its blog.  Each post is scanned as
the build scans an essay (its title and body; code, link targets and tags left out).

Prints the findings other than personal names per post, and the names per post.
`--verbose` lists the findings, and is refused for the held-out split.  No text of a post is
copied anywhere.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sitegen.privacy.detect import ScanContext, scan_text  # noqa: E402

FOLDER = Path("/work/realblogs/essays")


def held_out(repo: str) -> bool:
    return int(hashlib.sha256(repo.encode()).hexdigest()[:8], 16) % 3 == 0


def split_post(text: str) -> tuple[str, str]:
    """(title, body) of a post in any of the generators' formats."""
    title = ""
    for fence in ("---", "+++"):
        if text.startswith(fence + "\n"):
            end = text.find("\n" + fence, len(fence))
            if end > 0:
                front, text = text[len(fence) + 1:end], text[end + len(fence) + 1:]
                m = re.search(r"^title\s*[:=]\s*[\"']?(.*?)[\"']?\s*$", front, re.MULTILINE | re.IGNORECASE)
                title = m.group(1) if m else ""
            return title, text
    lines = text.split("\n")
    k = 0
    while k < len(lines) and re.match(r"^[A-Za-z_]+:\s", lines[k]):  # Pelican headers
        if lines[k].lower().startswith("title:"):
            title = lines[k].split(":", 1)[1].strip()
        k += 1
    return title, "\n".join(lines[k:])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "heldout"), default="dev")
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--folder", type=Path, default=FOLDER)
    parser.add_argument("--as-case-studies", nargs="*", metavar="REPO", default=None,
                        help="scan these repositories' posts as case studies and count the review items by kind "
                             "(summary only): does the disguise review see what a real case post gives away?")
    args = parser.parse_args(argv)
    if args.verbose and args.split == "heldout":
        print("--verbose is refused on the held-out split", file=sys.stderr)
        return 2
    with (args.folder / "manifest.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    want = args.split == "heldout"
    rows = [r for r in rows if held_out(r["source_repo"]) == want]
    repos = sorted({r["source_repo"] for r in rows})
    if args.as_case_studies is not None:
        return _as_case_studies(args, rows)
    ctx = ScanContext(essay=True)
    kinds: Counter[str] = Counter()
    names = 0
    for r in rows:
        title, body = split_post((args.folder / r["file"]).read_text(encoding="utf-8", errors="replace"))
        for part in (title, body):
            for f in scan_text(part, ctx):
                if f.kind == "name":
                    names += 1
                else:
                    kinds[f.kind] += 1
                if args.verbose:
                    print(f"{r['file']}: {f.severity} {f.kind} {f.text!r}")
    n = len(rows)
    other = sum(kinds.values())
    print(f"split {args.split}: {n} posts from {len(repos)} repositories: {', '.join(repos)}")
    print(f"findings other than personal names: {other} ({other / max(n, 1):.3f} per post) "
          + (f"by kind: {dict(kinds.most_common())}" if kinds else ""))
    print(f"personal names reported: {names} ({names / max(n, 1):.3f} per post)")
    return 0


def _as_case_studies(args: argparse.Namespace, rows: list[dict]) -> int:
    chosen = [r for r in rows if r["source_repo"] in set(args.as_case_studies)]
    kinds: Counter[str] = Counter()
    posts_with: Counter[str] = Counter()
    for r in chosen:
        title, body = split_post((args.folder / r["file"]).read_text(encoding="utf-8", errors="replace"))
        seen = set()
        for part in (title, body):
            for f in scan_text(part, ScanContext()):
                kinds[f"{f.severity} {f.kind}"] += 1
                seen.add(f.kind)
        for k in seen:
            posts_with[k] += 1
    print(f"{len(chosen)} posts scanned as case studies; findings by confidence and kind: {dict(kinds.most_common())}")
    print(f"posts with at least one: {dict(posts_with.most_common())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
