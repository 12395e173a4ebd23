"""`sitegen review [FILE]`: walk through a case study's details to review, one question each.

For each open item the terminal shows the line with the detail marked, the question and the
usual disguise advice, and asks for one key:

    y  it may stay as it is (recorded in the file's front matter)
    n  I will change it (nothing recorded; the case study stays off the site until it changes)
    s  skip it for now
    q  stop here (answers already given are kept)

Each "y" is written at once, so stopping (or Ctrl-C) never loses an answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .errors import Diagnostic, UsageError
from .privacy.review import record_line, unconfirmed_items, write_confirmations

_KEYS = "[y] it may stay  [n] I will change it  [s] skip  [q] stop"


@dataclass(frozen=True, slots=True)
class WalkResult:
    confirmed: int
    to_change: int
    skipped: int
    files: int


def review_files(site_dir: Path, file: Path | None) -> list[str]:
    """The case studies to walk through: FILE, or every case study with open items."""
    site_dir = Path(site_dir)
    if file is not None:
        path = file if file.is_absolute() else (Path.cwd() / file)
        try:
            rel = path.resolve().relative_to(site_dir.resolve()).as_posix()
        except ValueError:
            rel = file.as_posix()
        if not (site_dir / rel).is_file():
            raise UsageError(f"{file}: no such file in the site {site_dir} — give a case study's path, "
                             "e.g. content/case-studies/a-shoulder.md")
        if not rel.startswith("content/case-studies/"):
            raise UsageError(f"{rel}: only case studies have details to review (they live in content/case-studies/)")
        return [rel]
    folder = site_dir / "content" / "case-studies"
    if not folder.is_dir():
        return []
    return sorted(p.relative_to(site_dir).as_posix() for p in folder.rglob("*") if p.suffix in (".md", ".markdown")
                  and p.is_file() and not p.name.startswith("."))


def walk(site_dir: Path, file: Path | None, stdin: TextIO, stdout: TextIO) -> WalkResult:
    """Ask about every open review item of FILE (or of every case study); record each "y"."""
    site_dir = Path(site_dir)
    confirmed = change = skipped = files = 0
    for rel in review_files(site_dir, file):
        items = unconfirmed_items(site_dir, rel)
        if not items:
            if file is not None:
                print(f"{rel}: nothing to review.", file=stdout)
            continue
        files += 1
        lines = (site_dir / rel).read_text(encoding="utf-8").splitlines()
        print(f"\n{rel}: {len(items)} detail{'s' if len(items) != 1 else ''} to review.", file=stdout)
        together = ", ".join(f'"{d.text}"' for d in items[:8]) + (" …" if len(items) > 8 else "")
        print(f"Together: {together}\nCould someone who knows the client — a neighbour, a colleague, a relative — "
              "recognise them from these details together?", file=stdout)
        for n, d in enumerate(items, 1):
            _show(d, lines, n, len(items), stdout)
            answer = _ask(stdin, stdout)
            if answer == "y":
                write_confirmations(site_dir / rel, [record_line(d)])
                confirmed += 1
                print("  recorded: it may stay.", file=stdout)
            elif answer == "n":
                change += 1
                print("  left open: change the text, and the case study is checked again.", file=stdout)
            elif answer == "s":
                skipped += 1
            else:
                print(_summary(confirmed, change, skipped), file=stdout)
                return WalkResult(confirmed, change, skipped, files)
    if files == 0 and file is None:
        print("No case study has details to review.", file=stdout)
    else:
        print(_summary(confirmed, change, skipped), file=stdout)
    return WalkResult(confirmed, change, skipped, files)


def _show(d: Diagnostic, lines: list[str], n: int, total: int, out: TextIO) -> None:
    kind = d.code.removeprefix("privacy.").replace("_", " ")
    print(f"\n({n}/{total}) {d.location}: {kind}: \u201c{d.text}\u201d", file=out)
    if d.line is not None and 0 < d.line <= len(lines):
        line = lines[d.line - 1]
        col = (d.column - 1) if d.column else line.find(d.text)
        if 0 <= col < len(line):
            start = max(0, col - 60)
            shown = line[start:col + len(d.text) + 60]
            lead = "…" if start else ""
            print(f"  {lead}{shown}{'…' if col + len(d.text) + 60 < len(line) else ''}", file=out)
            print("  " + " " * (len(lead) + col - start) + "^" * max(1, min(len(d.text), len(shown))), file=out)
    question, _, advice = d.hint.partition("? ")
    print(f"  {question[:1].upper()}{question[1:]}?" if advice else f"  {d.hint}", file=out)
    if advice:
        print(f"  Advice: {advice}", file=out)


def _ask(stdin: TextIO, out: TextIO) -> str:
    while True:
        print(f"  {_KEYS}: ", end="", file=out, flush=True)
        line = stdin.readline()
        if not line:  # end of input: stop, keeping what was recorded
            print(file=out)
            return "q"
        answer = line.strip().lower()[:1]
        if answer in ("y", "n", "s", "q"):
            return answer
        print("  Please type y, n, s or q, then Enter.", file=out)


def _summary(confirmed: int, change: int, skipped: int) -> str:
    parts = [f"{confirmed} confirmed", f"{change} to change", f"{skipped} skipped"]
    return "Review: " + ", ".join(parts) + ". Confirmed details are recorded under privacy: confirmed: in the file."
