"""The import's closing report: what was converted, what was skipped and why, what needs a person's look."""

from __future__ import annotations

from collections import defaultdict

from .records import ImportReport, Note

SHOWN_PATHS = 3


def _grouped(notes: list[Note]) -> list[str]:
    """Notes that need no action, one line per kind of message, with where it happened."""
    groups: dict[str, list[str]] = defaultdict(list)
    for n in notes:
        message = n.message.split(" (old site: ")[0]
        groups[message].append(n.path)
    out = []
    for message, paths in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        unique = list(dict.fromkeys(paths))
        where = ", ".join(unique[:SHOWN_PATHS]) + (f" and {len(unique) - SHOWN_PATHS} more" if len(unique) >
                                                   SHOWN_PATHS else "")
        out.append(f"  {message}: {len(unique)} files ({where})" if len(unique) > 1 else f"  {unique[0]}: {message}")
    return out


def format_report(report: ImportReport, verbose: bool = False) -> str:
    lines = [f"Imported {report.imported} of {report.found} posts and pages from the {report.generator} site "
             f"{report.source} into {report.site_dir}."]
    files = len(report.written)
    lines.append(f"  {files} file{'s' if files != 1 else ''} written"
                 + (f", {len(report.unchanged)} already there from an earlier import (unchanged)"
                    if report.unchanged else "")
                 + (f"; {report.skipped} not imported (see below)" if report.skipped else "") + ".")
    skipped = [n for n in report.notes if n.message.startswith("not imported") and not n.attention]
    info = [n for n in report.notes if not n.attention and n not in skipped]
    attention = [n for n in report.notes if n.attention]
    if skipped:
        lines.append("Not imported:")
        lines.extend(_grouped(skipped))
    if info:
        lines.append("Done for you (nothing to do):")
        lines.extend(_grouped(info) if not verbose else [f"  {n}" for n in info])
    if attention:
        lines.append(f"Needs your look ({len(attention)}):")
        lines.extend(f"  {n}" for n in attention)
    lines.append("Imported posts are essays and pages, never case studies: a case study needs the client's "
                 "consent and a pseudonym, which only you can add.")
    lines.append(f"Next: sitegen serve {report.site_dir} to look at it, then sitegen build {report.site_dir}.")
    return "\n".join(lines)
