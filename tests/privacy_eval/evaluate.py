#!/usr/bin/env python3
"""Measure the identifier scan against a labelled set of case studies and essays.

Usage (from the repository root):

    python tests/privacy_eval/evaluate.py [--corpus FOLDER] [--verbose]

Two label layouts are read:

* the older one (the tuning corpus and `heldout/`): `labels.json` beside the files (for the
  tuning corpus, `tests/privacy_eval/labels.json` with the files in `corpus/`), every file a
  case study, labels without a tier (all of them direct identifiers, tier `error`);
* the newer one (`blind-a/`, `blind-b/`): `labels.json` in the set's folder, files under
  `case-studies/` and `essays/`, each label with a tier (`error` or `review`), and for essays
  (sometimes case studies) a list of `people` who are not clients.

Each file is scanned as the build scans it: the Markdown body and every published
front-matter string, with the site's author and business, the file's `client` and
`pseudonyms` and its `privacy.allow` list as allowed phrases; essays as essays.  A finding
matches a label when their kinds are compatible (see COMPATIBLE) and the two texts overlap
on the same line of the file; each label is counted once.  A finding that matches no label but lies
inside a labelled identifier of another kind (a relative's name inside a family detail) is no false
alarm, but finds nothing either.

Printed, for case studies: recall and precision per kind and overall (recall counts
findings of either confidence), error precision (error findings that match a label), errors
in clean case studies, review items per clean case study; for essays: findings other than
personal names per post (and how many of them find an identifier labelled in the essay: the rest
are noise), and names found that are neither labelled people nor labelled
identifiers.  Nothing is printed per file unless `--verbose` is given, which lists every miss
and false alarm; `--verbose` is refused on a sealed set.  A set named `blind-*` is sealed
unless it is listed in OPENED: a blind set is opened only after it has been measured once in
summary mode, and a new one (`blind-e/`, `blind-f/`, …) stays sealed without anyone having to
remember to add it anywhere.

Exit status 1 when a target is missed: recall below 0.97 for a kind, error precision below
0.95, an error in a clean case study, more than one review item in a clean case study.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sitegen.privacy.detect import ScanContext, scan_text  # noqa: E402
from sitegen.privacy.lazyre import compile_all  # noqa: E402
from sitegen.privacy.wordstats import stats  # noqa: E402

PUBLISHED = ("title", "summary", "description", "tags", "presenting", "approach", "outcome", "referral",
             "client_perspective", "learning")
MIN_RECALL = 0.97
MIN_ERROR_PRECISION = 0.95
MAX_REVIEW_PER_CLEAN = 1
# Blind sets measured once in summary mode and then opened for development (see README).
OPENED = frozenset({"blind-a", "blind-b", "blind-c", "blind-d", "blind-e", "blind-f", "blind-g", "blind-h",
                    "blind-i", "blind-j", "blind-k", "blind-l", "blind-m"})

# Label kind → the scanner kinds that count as finding it.  A register hit finds anything.
# A named place, a named organisation and a workplace (an organisation with its town) are the same
# tier and the same advice: whichever of the three the scan calls the words, they are put up for
# review, so each finds the others' labels (until round six a place label was not found by an
# organisation finding, nor a workplace label by a place finding, though a workplace finding found both).
COMPATIBLE: dict[str, frozenset[str]] = {
    "name": frozenset({"name"}),
    "workplace": frozenset({"workplace", "organisation", "place"}),
    "place": frozenset({"place", "workplace", "organisation", "address"}),
    "address": frozenset({"address", "place"}),
    "postcode": frozenset({"postcode"}),
    "zip": frozenset({"zip", "address"}),
    "age": frozenset({"age", "exact_age"}),
    "exact_age": frozenset({"exact_age", "age"}),
    "date": frozenset({"date"}),
    "timeline": frozenset({"timeline", "date"}),
    "occupation": frozenset({"occupation"}),
    "family": frozenset({"family"}),
}


def compatible(label_kind: str, finding_kind: str) -> bool:
    if finding_kind == "register":
        return True
    return finding_kind in COMPATIBLE.get(label_kind, frozenset({label_kind}))


@dataclass(frozen=True)
class Hit:
    """One finding placed on a line of the file."""

    kind: str
    line: int
    text: str  # the finding's text on that line
    severity: str  # "error" or "review"
    group: int = 0  # the parts of one finding that runs over several lines share a group


@dataclass(frozen=True)
class Label:
    kind: str
    line: int
    text: str
    tier: str


@dataclass
class Tally:
    labels: Counter = field(default_factory=Counter)   # per label kind
    found: Counter = field(default_factory=Counter)    # labels found, per label kind
    tp: Counter = field(default_factory=Counter)       # findings that match a label, per finding kind
    fp: Counter = field(default_factory=Counter)       # findings that match none, per finding kind
    inside: int = 0  # findings inside a labelled identifier of another kind (counted as matching)
    repeats: int = 0  # findings that repeat, on another line, an identifier labelled in the file (the same)
    error_findings: int = 0
    error_correct: int = 0
    clean_files: int = 0
    clean_errors: int = 0
    clean_reviews: list[int] = field(default_factory=list)
    files: int = 0
    misses: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)
    # essays
    essays: int = 0
    essay_other: int = 0          # findings that are not personal names
    essay_labelled: int = 0       # of those, findings of an identifier labelled in the essay
    essay_names: int = 0          # name findings
    essay_stray_names: int = 0    # names that are neither labelled people nor identifiers


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
_GROUP = [0]


def hits_for(text: str, first_line: int, literal: bool, ctx: ScanContext) -> list[Hit]:
    """Scan one text and place each finding on a file line."""
    hits = []
    t0 = time.process_time()  # CPU time: steadier than the wall clock on a busy machine
    findings = scan_text(text, ctx)
    _SCAN_SECONDS[0] += time.process_time() - t0
    for f in findings:
        line = first_line + text.count("\n", 0, f.start) if literal else first_line
        severity = getattr(f, "severity", "error")
        _GROUP[0] += 1
        for k, part in enumerate(f.text.split("\n")):
            if part.strip():
                hits.append(Hit(f.kind, line + k, part, severity, _GROUP[0]))
    return hits


def _context(site: dict, meta: dict, essay: bool) -> ScanContext:
    allow = [site.get("author", ""), site.get("business", "")]
    if isinstance(meta.get("client"), str):
        allow.append(meta["client"])
    pseudonyms = meta.get("pseudonyms") or []
    allow.extend(str(p) for p in (pseudonyms if isinstance(pseudonyms, list) else [pseudonyms]))
    privacy = meta.get("privacy") or {}
    if isinstance(privacy, dict):
        extra = privacy.get("allow") or []
        allow.extend(str(p) for p in (extra if isinstance(extra, list) else [extra]))
    kw: dict = {"allow": tuple(a for a in allow if a), "region": site.get("region", "GB")}
    names = {f.name for f in dataclasses.fields(ScanContext)}
    if "essay" in names:
        kw["essay"] = essay
    return ScanContext(**kw)


def scan_file(path: Path, site: dict, essay: bool = False) -> list[Hit]:
    source = path.read_text(encoding="utf-8")
    front, body, body_line = split_front_matter(source)
    try:
        meta = yaml.safe_load(front) if front.strip() else {}
    except yaml.YAMLError:
        meta = {}
    meta = meta if isinstance(meta, dict) else {}
    ctx = _context(site, meta, essay)
    hits: list[Hit] = []
    try:
        values = published_values(front)
    except yaml.YAMLError:
        values = []
    # As the build does: the body first, and the names it finds looked for in the front matter too
    # (an older scanner, measured with `--tree`, has no `names`: its front matter is scanned alone).
    body_hits = hits_for(body, body_line, True, ctx)
    if not essay and "names" in getattr(ScanContext, "__dataclass_fields__", {}):
        from sitegen.privacy.detect import name_words
        ctx = dataclasses.replace(ctx, names=name_words(body_hits))
    for value, line, literal in values:
        hits.extend(hits_for(value, line, literal, ctx))
    hits.extend(body_hits)
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


def within(line_text: str, a: str, b: str) -> bool:
    """Whether text `a` lies inside an occurrence of text `b` on the line."""
    spans_b = _spans(line_text, b)
    if not spans_b:
        return a in b
    return any(s2 <= s1 and e1 <= e2 for s1, e1 in _spans(line_text, a) for s2, e2 in spans_b)


@dataclass(frozen=True)
class LabelSet:
    site: dict
    files: dict          # name → entry
    root: Path           # the folder the names are relative to
    sealed: bool         # a blind set not yet opened: summary figures only
    kinds: frozenset[str]  # the kinds the set labels; findings of other kinds are not scored


OLD_KINDS = frozenset({"name", "email", "phone", "address", "postcode", "zip", "date", "age", "nhs", "ssn", "url",
                       "handle", "ip", "record", "workplace"})


def load_set(corpus: Path | None) -> LabelSet:
    if corpus is None:
        data = json.loads((HERE / "labels.json").read_text(encoding="utf-8"))
        return LabelSet(data.get("site", {}), data["files"], HERE / "corpus", False, OLD_KINDS)
    data = json.loads((corpus / "labels.json").read_text(encoding="utf-8"))
    kinds = frozenset(data.get("kinds") or OLD_KINDS)
    return LabelSet(data.get("site", {}), data["files"], corpus, is_sealed(corpus), kinds)


def is_sealed(corpus: Path) -> bool:
    name = corpus.resolve().name
    return name.startswith("blind") and name not in OPENED


def _matches(hit: Hit, labels: list[Label], lines: list[str]) -> bool:
    line_text = lines[hit.line - 1] if 0 < hit.line <= len(lines) else ""
    return any(compatible(lab.kind, hit.kind) and lab.line == hit.line and overlaps(line_text, hit.text, lab.text)
               for lab in labels)


def _repeats_label(hit: Hit, labels: list[Label]) -> bool:
    """Whether the finding's text holds, as whole words, the text of a label of a compatible kind on another line."""
    found = hit.text.lower()
    for lab in labels:
        if lab.line != hit.line and compatible(lab.kind, hit.kind):
            k = found.find(lab.text.lower())
            e = k + len(lab.text)
            if k >= 0 and (k == 0 or not found[k - 1].isalnum()) and (e == len(found) or not found[e].isalnum()):
                return True
    return False


def _score_case(name: str, entry: dict, hits: list[Hit], lines: list[str], t: Tally) -> None:
    labels = [Label(lab["kind"], int(lab["line"]), lab["text"], lab.get("tier", "error"))
              for lab in entry.get("identifiers", [])]
    for lab in labels:
        t.labels[lab.kind] += 1
    matched: set[int] = set()
    clean = bool(entry.get("clean"))
    errors = reviews = 0
    # A finding over several lines counts once: matched if any of its parts is.
    merged: dict[int, list[Hit]] = {}
    for hit in hits:
        merged.setdefault(hit.group, []).append(hit)
    for parts in merged.values():
        hit = next((h for h in parts if _matches(h, labels, lines)), parts[0])
        line_text = lines[hit.line - 1] if 0 < hit.line <= len(lines) else ""
        hit_labels = [i for i, lab in enumerate(labels)
                      if compatible(lab.kind, hit.kind) and lab.line == hit.line
                      and overlaps(line_text, hit.text, lab.text)]
        # A finding that lies inside a labelled identifier of another kind ("Nisha" in the family
        # detail "her daughter Nisha", "Arriva" in the occupation "drives buses for Arriva") points at
        # identifying words: no false alarm, though it does not find that label (only its kinds do).
        inside = not hit_labels and any(lab.line == hit.line and within(line_text, hit.text, lab.text)
                                        for lab in labels)
        # A finding that repeats, on another line, the whole text of an identifier labelled in the file
        # ("Dafydd" again, "She was ninety-six" where "ninety-six" is labelled a page earlier, the age in
        # the title as well as the body) is that identifier again: the writer labelled it once.  It is no
        # false alarm, and finds no label (since round thirteen; before, it was counted as a false alarm).
        repeat = not hit_labels and not inside and _repeats_label(hit, labels)
        t.inside += inside
        t.repeats += repeat
        inside = inside or repeat
        if hit.severity == "error":
            t.error_findings += 1
            errors += 1
            if hit_labels or inside:
                t.error_correct += 1
        else:
            reviews += 1
        if hit_labels or inside:
            t.tp[hit.kind] += 1
            matched.update(hit_labels)
        else:
            t.fp[hit.kind] += 1
            t.alarms.append(f"{name}:{hit.line}: {hit.severity} {hit.kind} {hit.text!r}")
    for i, lab in enumerate(labels):
        if i in matched:
            t.found[lab.kind] += 1
        else:
            t.misses.append(f"{name}:{lab.line}: {lab.tier} {lab.kind} {lab.text!r}")
    if clean:
        t.clean_files += 1
        t.clean_errors += errors
        t.clean_reviews.append(reviews)


def _score_essay(name: str, entry: dict, hits: list[Hit], lines: list[str], t: Tally) -> None:
    t.essays += 1
    # people: {"line", "text"} each, or just the name (then on whatever line it stands)
    known = [(None, p) if isinstance(p, str) else (int(p["line"]), p["text"]) for p in entry.get("people", [])]
    known += [(int(lab["line"]), lab["text"]) for lab in entry.get("identifiers", [])]
    labels = [Label(lab["kind"], int(lab["line"]), lab["text"], lab.get("tier", "error"))
              for lab in entry.get("identifiers", [])]
    for hit in hits:
        if hit.kind != "name":
            t.essay_other += 1
            # An essay that tells a client's story may carry labelled identifiers: a finding of one is
            # found, not noise (until round twelve every such finding was counted as noise).
            line_text = lines[hit.line - 1] if 0 < hit.line <= len(lines) else ""
            if _matches(hit, labels, lines) or any(lab.line == hit.line and within(line_text, hit.text, lab.text)
                                                   for lab in labels):
                t.essay_labelled += 1
                continue
            t.alarms.append(f"{name}:{hit.line}: essay finding {hit.kind} {hit.text!r}")
            continue
        t.essay_names += 1
        line_text = lines[hit.line - 1] if 0 < hit.line <= len(lines) else ""
        if not any(line in (None, hit.line) and overlaps(line_text, hit.text, text) for line, text in known):
            t.essay_stray_names += 1
            t.alarms.append(f"{name}:{hit.line}: essay name not a person {hit.text!r}")


def evaluate(verbose: bool, corpus: Path | None = None) -> int:
    ls = load_set(corpus)
    if verbose and ls.sealed:
        print("--verbose is refused on a sealed set: its files must stay unseen", file=sys.stderr)
        return 2
    t = Tally()
    words = 0
    # Warm-up: the name list, and the number libraries the scan imports on a text's first phone or
    # ID number; the patterns are compiled on first use.  The figure below is the scan alone.
    scan_text("Warm-up: Priya loads the name list once, rings 020 7946 0991, gives 943 476 5919 and 078-05-1120.",
              ScanContext())
    compile_all()
    len(stats().table)  # the whole word table, as a build scanning many files ends up holding it
    _SCAN_SECONDS[0] = 0.0
    for name, entry in sorted(ls.files.items()):
        path = ls.root / name
        if not path.exists():
            t.misses.append(f"{name}: file missing")
            continue
        essay = name.startswith("essays/")
        lines = path.read_text(encoding="utf-8").split("\n")
        words += sum(len(line.split()) for line in lines)
        # A set labelled before the disguise review existed says nothing about those kinds.
        scored = ls.kinds | {"register"} | ({"organisation"} if "place" in ls.kinds else set())
        hits = [h for h in scan_file(path, ls.site, essay=essay) if h.kind in scored]
        t.files += 1
        (_score_essay if essay else _score_case)(name, entry, hits, lines, t)
    failed = _report(t, words)
    if verbose:
        print("\nmisses:")
        for m in t.misses:
            print("  " + m)
        print("\nfalse alarms:")
        for a in t.alarms:
            print("  " + a)
    return 1 if failed else 0


def _report(t: Tally, words: int) -> bool:
    failed = False
    label_kinds = sorted(t.labels, key=lambda k: (-t.labels[k], k))
    print("case studies: recall per labelled kind (findings of either confidence)")
    print(f"{'kind':<11} {'labels':>6} {'found':>6} {'recall':>7}")
    for k in label_kinds:
        recall = t.found[k] / t.labels[k]
        flag = ""
        if recall < MIN_RECALL:
            flag, failed = f"  <- below {MIN_RECALL:.2f}", True
        print(f"{k:<11} {t.labels[k]:>6} {t.found[k]:>6} {recall:>7.3f}{flag}")
    total, found = sum(t.labels.values()), sum(t.found.values())
    print(f"{'overall':<11} {total:>6} {found:>6} {found / total if total else 1.0:>7.3f}")
    print("\ncase studies: precision per finding kind")
    print(f"{'kind':<12} {'TP':>4} {'FP':>4} {'precision':>9}")
    for k in sorted(set(t.tp) | set(t.fp)):
        n = t.tp[k] + t.fp[k]
        print(f"{k:<12} {t.tp[k]:>4} {t.fp[k]:>4} {t.tp[k] / n:>9.3f}")
    tp, fp = sum(t.tp.values()), sum(t.fp.values())
    print(f"{'overall':<12} {tp:>4} {fp:>4} {tp / (tp + fp) if tp + fp else 1.0:>9.3f}")
    print(f"(of the TP, {t.inside} lie inside a labelled identifier of another kind, and {t.repeats} repeat one "
          "labelled on another line)")
    ep = t.error_correct / t.error_findings if t.error_findings else 1.0
    flag = ""
    if ep < MIN_ERROR_PRECISION:
        flag, failed = f"  <- below {MIN_ERROR_PRECISION:.2f}", True
    print(f"\nerror precision: {ep:.3f} ({t.error_correct} of {t.error_findings} errors match a label){flag}")
    over = sum(1 for r in t.clean_reviews if r > MAX_REVIEW_PER_CLEAN)
    mean = sum(t.clean_reviews) / len(t.clean_reviews) if t.clean_reviews else 0.0
    print(f"clean case studies: {t.clean_files}; errors in them: {t.clean_errors}; review items: "
          f"{sum(t.clean_reviews)} ({mean:.2f} per file, most {max(t.clean_reviews, default=0)}); "
          f"files with more than {MAX_REVIEW_PER_CLEAN}: {over}")
    if t.clean_errors or over:
        failed = True
    print("findings in clean files:", t.clean_errors + sum(t.clean_reviews))
    if t.essays:
        print(f"\nessays: {t.essays}; findings other than personal names: {t.essay_other} "
              f"({t.essay_other / t.essays:.2f} per post); names found: {t.essay_names}, of which not a "
              f"labelled person or identifier: {t.essay_stray_names}")
        unlabelled = t.essay_other - t.essay_labelled
        print(f"essays: of the findings other than names, {t.essay_labelled} find an identifier labelled in the "
              f"essay; the rest, {unlabelled} ({unlabelled / t.essays:.2f} per post), are noise")
    elapsed = _SCAN_SECONDS[0]
    print(f"\nscanned {t.files} files, {words} words: {elapsed * 1000:.1f} ms of CPU in scan_text, "
          f"{elapsed * 1e6 / max(words, 1):.2f} ms per 1,000 words")
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss and false alarm")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="a folder holding labels.json and the files (default: the tuning corpus)")
    args = parser.parse_args(argv)
    return evaluate(args.verbose, args.corpus)


if __name__ == "__main__":
    sys.exit(main())
