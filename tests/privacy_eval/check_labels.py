#!/usr/bin/env python3
"""Consistency check for the privacy evaluation corpus and its labels.

Usage:  python tests/privacy_eval/check_labels.py

Verifies that
  * every corpus file has a labels.json entry and vice versa;
  * file names follow NN-clean-*.md / NN-planted-*.md and agree with "clean";
  * the front matter of every file parses as YAML and has the required keys;
  * each label has a known kind and its text occurs on the stated 1-based line;
  * clean files carry no labels, planted files carry at least two;
  * every kind has at least MIN_PER_KIND labels;
  * there are at least MIN_FILES clean and MIN_FILES planted files;
  * each file is 150-400 words;
  * site.toml names the author and business given in labels.json;
  * (when python-stdnum / phonenumbers are installed) NHS numbers, SSNs and
    phone numbers in the labels are valid, so a checker that validates them
    is not penalised for the corpus's mistakes.
Exit status 0 when everything passes, 1 otherwise.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    tomllib = None

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
LABELS = HERE / "labels.json"
SITE = HERE / "site.toml"

KINDS = {
    "name", "email", "phone", "address", "postcode", "zip", "date", "age",
    "nhs", "ssn", "url", "handle", "ip", "record", "workplace",
}
MIN_PER_KIND = 6
MIN_FILES = 22
REQUIRED_KEYS = {"title", "date", "tags", "client", "sessions", "presenting",
                 "approach", "outcome", "consent"}
NAME_RE = re.compile(r"^(\d{2})-(clean|planted)-[a-z0-9-]+\.md$")


def split_front_matter(text: str) -> tuple[str, str]:
    if not text.startswith("---\n"):
        raise ValueError("file does not start with '---'")
    end = text.find("\n---\n", 4)
    if end < 0:
        raise ValueError("front matter is not closed with '---'")
    return text[4:end], text[end + 5:]


def optional_validators():
    checks = {}
    try:
        from stdnum.gb import nhs
        from stdnum.us import ssn
        checks["nhs"] = lambda t: nhs.is_valid(t)
        checks["ssn"] = lambda t: ssn.is_valid(t)
    except ImportError:
        pass
    try:
        import phonenumbers

        def phone_ok(t: str) -> bool:
            region = None if t.startswith("+") else ("US" if t.startswith(("(",)) or re.match(r"^\d{3}-", t) else "GB")
            try:
                return phonenumbers.is_valid_number(phonenumbers.parse(t, region))
            except phonenumbers.NumberParseException:
                return False
        checks["phone"] = phone_ok
    except ImportError:
        pass
    return checks


def main() -> int:
    errors: list[str] = []
    data = json.loads(LABELS.read_text(encoding="utf-8"))
    files = data.get("files", {})
    site = data.get("site", {})

    on_disk = {p.name for p in CORPUS.glob("*.md")}
    for missing in sorted(on_disk - files.keys()):
        errors.append(f"{missing}: in corpus but not in labels.json")
    for missing in sorted(files.keys() - on_disk):
        errors.append(f"{missing}: in labels.json but not in corpus")

    kind_counts: Counter[str] = Counter()
    n_clean = n_planted = 0
    numbers = Counter()
    validators = optional_validators()

    for fname in sorted(files.keys() & on_disk):
        entry = files[fname]
        m = NAME_RE.match(fname)
        if not m:
            errors.append(f"{fname}: name does not match NN-(clean|planted)-name.md")
            continue
        numbers[m.group(1)] += 1
        is_clean = m.group(2) == "clean"
        if entry.get("clean") is not is_clean:
            errors.append(f"{fname}: 'clean' is {entry.get('clean')!r} but name says {m.group(2)}")
        n_clean += is_clean
        n_planted += not is_clean

        text = (CORPUS / fname).read_text(encoding="utf-8")
        lines = text.split("\n")
        try:
            fm_text, body = split_front_matter(text)
            fm = yaml.safe_load(fm_text)
            if not isinstance(fm, dict):
                raise ValueError("front matter is not a mapping")
            missing_keys = REQUIRED_KEYS - fm.keys()
            if missing_keys:
                errors.append(f"{fname}: front matter lacks {sorted(missing_keys)}")
            consent = fm.get("consent") or {}
            if not consent.get("obtained") or not consent.get("form"):
                errors.append(f"{fname}: consent.obtained / consent.form missing")
            elif consent["obtained"] > fm["date"]:
                errors.append(f"{fname}: consent obtained after publication date")
        except (ValueError, yaml.YAMLError) as exc:
            errors.append(f"{fname}: front matter does not parse: {exc}")

        words = len(text.split())
        if not 150 <= words <= 400:
            errors.append(f"{fname}: {words} words (want 150-400)")

        idents = entry.get("identifiers", [])
        if is_clean and idents:
            errors.append(f"{fname}: clean file has {len(idents)} labels")
        if not is_clean and len(idents) < 2:
            errors.append(f"{fname}: planted file has fewer than 2 labels")
        for i, lab in enumerate(idents):
            kind, ltext, line = lab.get("kind"), lab.get("text"), lab.get("line")
            where = f"{fname} label {i} ({kind} {ltext!r} line {line})"
            if kind not in KINDS:
                errors.append(f"{where}: unknown kind")
                continue
            if not isinstance(line, int) or not 1 <= line <= len(lines):
                errors.append(f"{where}: line out of range")
                continue
            if not ltext or ltext not in lines[line - 1]:
                errors.append(f"{where}: text not found on that line")
            if kind in validators and not validators[kind](ltext):
                errors.append(f"{where}: not a valid {kind}")
            kind_counts[kind] += 1
        # every repeat must be labelled: count occurrences of each labelled text
        for ltext in {lab["text"] for lab in idents}:
            occurrences = text.count(ltext)
            labelled = sum(1 for lab in idents if lab["text"] == ltext)
            if occurrences > labelled:
                errors.append(f"{fname}: {ltext!r} occurs {occurrences}x but is labelled {labelled}x")
        for phrase in (site.get("author"), site.get("business")):
            if phrase and any(phrase in lab.get("text", "") for lab in idents):
                errors.append(f"{fname}: the site's own name {phrase!r} is labelled")

    for num, c in numbers.items():
        if c > 1:
            errors.append(f"file number {num} used {c} times")
    for kind in sorted(KINDS):
        if kind_counts[kind] < MIN_PER_KIND:
            errors.append(f"kind {kind}: {kind_counts[kind]} labels (want >= {MIN_PER_KIND})")
    if n_clean < MIN_FILES:
        errors.append(f"{n_clean} clean files (want >= {MIN_FILES})")
    if n_planted < MIN_FILES:
        errors.append(f"{n_planted} planted files (want >= {MIN_FILES})")

    if SITE.exists() and tomllib is not None:
        cfg = tomllib.loads(SITE.read_text(encoding="utf-8"))
        for key in ("author", "business"):
            if cfg.get(key) != site.get(key):
                errors.append(f"site.toml {key}={cfg.get(key)!r} but labels.json says {site.get(key)!r}")
    elif not SITE.exists():
        errors.append("site.toml is missing")

    print(f"files: {n_clean} clean, {n_planted} planted; labels: {sum(kind_counts.values())}")
    for kind in sorted(KINDS):
        print(f"  {kind:10s} {kind_counts[kind]}")
    if not validators:
        print("  (python-stdnum / phonenumbers not installed: number validity not checked)")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  -", e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
