#!/usr/bin/env python3
"""Measure the identifier scan against the labelled case-study corpus.

Usage (from the repository root):

    python tests/privacy_eval/evaluate.py [--verbose]

Each corpus file is scanned as the build scans it: the Markdown body and every
published front-matter string (title, summary, tags, presenting, approach,
outcome, referral, client_perspective, learning), with the site's author and
business, the file's `client` and `pseudonyms` and its `privacy.allow` list as
allowed phrases.  A finding matches a label when the kinds agree and the two
texts overlap on the same line of the file; each label is counted once.

Prints recall and precision per kind and overall, and the number of findings
in clean files.  Exits 1 when any labelled kind has recall below 0.95, overall
precision is below 0.9, or a clean file has any finding.  `--verbose` lists
every miss and false alarm.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sitegen.privacy.detect import KINDS, ScanContext, scan_text  # noqa: E402

PUBLISHED = ("title", "summary", "tags", "presenting", "approach", "outcome", "referral",
             "client_perspective", "learning")
MIN_RECALL = 0.95
MIN_PRECISION = 0.90


@dataclass(frozen=True)
class Hit:
    """One finding placed on a line of the corpus file."""

    kind: str
    line: int
    text: str  # the finding's text on that line


@dataclass(frozen=True)
class Label:
    kind: str
    line: int
    text: str


def split_front_matter(source: str) -> tuple[str, str, int]:
    """(front matter, body, 1-based line of the body's first line)."""
    if not source.startswith("---\n"):
        return "", source, 1
    end = source.find("\n---\n", 4)
    if end < 0:
        return "", source, 1
    body_start = end + 5
    return source[4:end], source[body_start:], source.count("\n", 0, body_start) + 1


def published_values(front: str) -> list[tuple[str, int, bool]]:
    """(string, 1-based file line where it starts, literal block?) for each published value."""
    if not front.strip():
        return []
    root = yaml.compose(front)
    out: list[tuple[str, int, bool]] = []
    if not isinstance(root, yaml.MappingNode):
        return out
    for key_node, value_node in root.value:
        if key_node.value not in PUBLISHED:
            continue
        nodes = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
        for node in nodes:
            if isinstance(node, yaml.ScalarNode):
                literal = node.style in ("|",)
                # +2: the front matter starts on line 2; a block scalar's text starts a line later
                line = node.start_mark.line + 2 + (1 if node.style in ("|", ">") else 0)
                out.append((str(node.value), line, literal))
    return out


_SCAN_SECONDS = [0.0]


def hits_for(text: str, first_line: int, literal: bool, ctx: ScanContext) -> list[Hit]:
    """Scan one text and place each finding on a file line."""
    hits = []
    t0 = time.process_time()  # CPU time: steadier than the wall clock on a busy machine
    findings = scan_text(text, ctx)
    _SCAN_SECONDS[0] += time.process_time() - t0
    for f in findings:
        line = first_line + text.count("\n", 0, f.start) if literal else first_line
        for k, part in enumerate(f.text.split("\n")):
            if part.strip():
                hits.append(Hit(f.kind, line + k, part))
    return hits


def scan_file(path: Path, site: dict) -> list[Hit]:
    source = path.read_text(encoding="utf-8")
    front, body, body_line = split_front_matter(source)
    meta = yaml.safe_load(front) if front.strip() else {}
    meta = meta if isinstance(meta, dict) else {}
    allow = [site.get("author", ""), site.get("business", "")]
    if isinstance(meta.get("client"), str):
        allow.append(meta["client"])
    pseudonyms = meta.get("pseudonyms") or []
    allow.extend(str(p) for p in (pseudonyms if isinstance(pseudonyms, list) else [pseudonyms]))
    privacy = meta.get("privacy") or {}
    if isinstance(privacy, dict):
        extra = privacy.get("allow") or []
        allow.extend(str(p) for p in (extra if isinstance(extra, list) else [extra]))
    ctx = ScanContext(allow=tuple(a for a in allow if a), region=site.get("region", "GB"))
    hits: list[Hit] = []
    for value, line, literal in published_values(front):
        hits.extend(hits_for(value, line, literal, ctx))
    hits.extend(hits_for(body, body_line, True, ctx))
    return hits


def _spans(line_text: str, needle: str) -> list[tuple[int, int]]:
    out, i = [], line_text.find(needle)
    while i >= 0 and needle:
        out.append((i, i + len(needle)))
        i = line_text.find(needle, i + 1)
    return out


def overlaps(line_text: str, a: str, b: str) -> bool:
    """Whether texts `a` and `b` occupy overlapping places on the line."""
    spans_a, spans_b = _spans(line_text, a), _spans(line_text, b)
    if not spans_a or not spans_b:
        return a in b or b in a  # text rewritten by YAML quoting: fall back to containment
    return any(s1 < e2 and s2 < e1 for s1, e1 in spans_a for s2, e2 in spans_b)


def evaluate(verbose: bool, labels_file: Path = HERE / "labels.json", corpus: Path = HERE / "corpus") -> int:
    data = json.loads(labels_file.read_text(encoding="utf-8"))
    site = data.get("site", {})
    labels_n: Counter[str] = Counter()
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    clean_findings = 0
    misses: list[str] = []
    alarms: list[str] = []
    words = 0
    scan_text("Warm-up: Priya loads the name list once.", ScanContext())
    _SCAN_SECONDS[0] = 0.0
    for name, entry in sorted(data["files"].items()):
        path = corpus / name
        if not path.exists():
            misses.append(f"{name}: file missing")
            continue
        lines = path.read_text(encoding="utf-8").split("\n")
        words += sum(len(line.split()) for line in lines)
        hits = scan_file(path, site)
        labels = [Label(lab["kind"], int(lab["line"]), lab["text"]) for lab in entry.get("identifiers", [])]
        for lab in labels:
            labels_n[lab.kind] += 1
        matched_labels: set[int] = set()
        for hit in hits:
            line_text = lines[hit.line - 1] if 0 < hit.line <= len(lines) else ""
            found = False
            for i, lab in enumerate(labels):
                if lab.kind == hit.kind and lab.line == hit.line and overlaps(line_text, hit.text, lab.text):
                    found = True
                    if i not in matched_labels:
                        matched_labels.add(i)
                        tp[hit.kind] += 1
                        break
            if not found:
                fp[hit.kind] += 1
                alarms.append(f"{name}:{hit.line}: {hit.kind} {hit.text!r}")
            if entry.get("clean"):
                clean_findings += 1
        for i, lab in enumerate(labels):
            if i not in matched_labels:
                misses.append(f"{name}:{lab.line}: {lab.kind} {lab.text!r}")
    elapsed = _SCAN_SECONDS[0]

    kinds = [k for k in KINDS if labels_n[k] or fp[k]] + sorted(k for k in fp if k not in KINDS)
    failed = False
    print(f"{'kind':<10} {'labels':>6} {'TP':>4} {'FP':>4} {'recall':>7} {'precision':>9}")
    for k in kinds:
        recall = tp[k] / labels_n[k] if labels_n[k] else float("nan")
        found = tp[k] + fp[k]
        precision = tp[k] / found if found else float("nan")
        flag = ""
        if labels_n[k] and recall < MIN_RECALL:
            flag = "  <- recall below %.2f" % MIN_RECALL
            failed = True
        print(f"{k:<10} {labels_n[k]:>6} {tp[k]:>4} {fp[k]:>4} {recall:>7.3f} {precision:>9.3f}{flag}")
    total_labels, total_tp, total_fp = sum(labels_n.values()), sum(tp.values()), sum(fp.values())
    recall = total_tp / total_labels if total_labels else 1.0
    precision = total_tp / (total_tp + total_fp) if total_tp + total_fp else 1.0
    print(f"{'overall':<10} {total_labels:>6} {total_tp:>4} {total_fp:>4} {recall:>7.3f} {precision:>9.3f}")
    print(f"findings in clean files: {clean_findings}")
    print(f"scanned {len(data['files'])} files, {words} words: {elapsed * 1000:.1f} ms of CPU in scan_text, "
          f"{elapsed * 1e6 / max(words, 1):.2f} ms per 1,000 words")
    if precision < MIN_PRECISION:
        print(f"overall precision below {MIN_PRECISION:.2f}")
        failed = True
    if clean_findings:
        print("clean files have findings")
        failed = True
    if verbose:
        print("\nmisses:")
        for m in misses:
            print("  " + m)
        print("\nfalse alarms:")
        for a in alarms:
            print("  " + a)
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss and false alarm")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="a folder holding labels.json and the case studies (default: the tuning corpus)")
    args = parser.parse_args(argv)
    if args.corpus is not None:
        return evaluate(args.verbose, args.corpus / "labels.json", args.corpus)
    return evaluate(args.verbose)


if __name__ == "__main__":
    sys.exit(main())
