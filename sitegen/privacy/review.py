"""Review items: what the author has looked at and confirmed may stay, recorded in the post itself.

A review item (a possible identifier: a town, a job, a bare name …) is keyed by its kind,
its text and the sentence it stands in.  Confirming it adds one line to the case study's
front matter, so the answer lasts and shows in version control:

    privacy:
      confirmed:
        - "3fa9c2e1b0 occupation: a primary school teacher"

Change the sentence and the key changes: new text gets new items.

    item_key, sentence_around   the key of an item
    confirmed_keys              the keys a file's front matter confirms
    add_confirmations           the file's text with more confirmations in its front matter
    unconfirmed_items           a file's review items still open (what blocks it from the site)
    has_unconfirmed_items       whether a file has any (for other checks, e.g. before publishing)
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from sitegen.privacy.lazyre import lazy

from ..errors import Diagnostic, UsageError

_SENTENCE_END = lazy(r"[.!?](?=\s)|\n\s*\n")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end], whitespace made single."""
    a = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        a = m.end()
    m = _SENTENCE_END.search(text, end)
    b = m.end() if m else len(text)
    return " ".join(text[a:b].split())


def item_key(kind: str, text: str, sentence: str) -> str:
    """Ten hex digits that change when the item's kind, text or sentence changes."""
    data = "\0".join((kind, " ".join(text.split()), sentence)).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:10]


def record_line(d: Diagnostic) -> str:
    """What confirming `d` writes: its key, then kind and text for the human reading the file."""
    kind = d.code.removeprefix("privacy.").replace("_", " ")
    text = " ".join(d.text.split())
    return f"{d.key} {kind}: {text[:70]}"


def confirmed_keys(meta: Mapping[str, Any]) -> frozenset[str]:
    privacy = meta.get("privacy")
    if not isinstance(privacy, Mapping):
        return frozenset()
    items = privacy.get("confirmed") or []
    if isinstance(items, str):
        items = [items]
    if not isinstance(items, list):
        return frozenset()
    return frozenset(str(i).split(" ", 1)[0] for i in items if isinstance(i, (str, int)) and str(i).strip())


# --- recording in the front matter -------------------------------------------------------------

_TOP_KEY = lazy(r"^(?P<key>[A-Za-z_][\w-]*)\s*:(?P<rest>.*)$")


def add_confirmations(source: str, records: list[str]) -> str:
    """`source` (a whole Markdown file) with `records` added under privacy.confirmed.

    Only the front matter's privacy block is touched, and the result is checked: every other
    key must read exactly as before, or nothing is changed (UsageError)."""
    newline = "\r\n" if "\r\n" in source else "\n"
    bom = "\ufeff" if source.startswith("\ufeff") else ""
    body = source[len(bom):]
    lines = body.split(newline)
    if not lines or lines[0].strip() != "---":
        raise UsageError("the file has no front matter (--- lines) to record the answers in")
    try:
        close = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    except StopIteration:
        raise UsageError("the front matter has no closing --- line") from None
    front = lines[1:close]
    before = _load(front)
    items = [f"    - {json.dumps(r, ensure_ascii=False)}" for r in records]
    new_front = _insert(front, items)
    after = _load(new_front)
    want = set(confirmed_keys(before)) | {r.split(" ", 1)[0] for r in records}
    same = {k: v for k, v in before.items() if k != "privacy"} == {k: v for k, v in after.items() if k != "privacy"}
    old_priv = before.get("privacy") if isinstance(before.get("privacy"), dict) else {}
    new_priv = after.get("privacy") if isinstance(after.get("privacy"), dict) else {}
    kept = {k: v for k, v in old_priv.items() if k != "confirmed"} == {k: v for k, v in new_priv.items()
                                                                       if k != "confirmed"}
    if not (same and kept and set(confirmed_keys(after)) == want):
        raise UsageError("the answers could not be added to the front matter safely; write them by hand under "
                         "privacy: confirmed: (see the README's 'Reviewing details' section)")
    return bom + newline.join(lines[:1] + new_front + lines[close:])


def _load(front: list[str]) -> dict:
    try:
        data = yaml.safe_load("\n".join(front)) if any(s.strip() for s in front) else {}
    except yaml.YAMLError:
        raise UsageError("the front matter is not valid YAML; fix it first (sitegen check shows where)") from None
    return data if isinstance(data, dict) else {}


def _insert(front: list[str], items: list[str]) -> list[str]:
    out = list(front)
    start = next((i for i, s in enumerate(out) if (m := _TOP_KEY.match(s)) and m.group("key") == "privacy"), None)
    if start is None:
        while out and not out[-1].strip():
            out.pop()
        return out + ["privacy:", "  confirmed:"] + items
    rest = _TOP_KEY.match(out[start]).group("rest").split(" #", 1)[0].strip()
    end = start + 1
    while end < len(out) and (not out[end].strip() or out[end][0] in " \t"):
        end += 1
    if rest:  # privacy: {allow: [...]} on one line: rewrite the block in block style
        if end != start + 1:
            raise UsageError("privacy: is written in a form sitegen cannot add to; write it as a block")
        value = _load([out[start]]).get("privacy")
        value = dict(value) if isinstance(value, dict) else {}
        block = yaml.safe_dump({"privacy": {k: v for k, v in value.items() if k != "confirmed"}},
                               default_flow_style=False, allow_unicode=True, sort_keys=False).splitlines()
        old = [f"    - {json.dumps(str(c), ensure_ascii=False)}" for c in (value.get("confirmed") or [])]
        block = [b for b in block if b.strip() != "{}"]
        return out[:start] + ["privacy:"] + block[1:] + ["  confirmed:"] + old + items + out[end:]
    while end > start + 1 and not out[end - 1].strip():
        end -= 1
    sub = next((i for i in range(start + 1, end) if re.match(r"^\s+confirmed\s*:", out[i])), None)
    if sub is None:
        indent = next((len(out[i]) - len(out[i].lstrip()) for i in range(start + 1, end) if out[i].strip()), 2)
        pad = " " * indent
        return out[:end] + [f"{pad}confirmed:"] + [pad + "  " + it.lstrip() for it in items] \
            + out[end:]
    indent = len(out[sub]) - len(out[sub].lstrip())
    tail = out[sub].split(":", 1)[1].split(" #", 1)[0].strip()
    if tail:  # confirmed: [...] on one line
        value = _load(["x:" + " " + tail]).get("x") or []
        value = value if isinstance(value, list) else [value]
        old = [" " * (indent + 2) + f"- {json.dumps(str(v), ensure_ascii=False)}" for v in value]
        new = [" " * (indent + 2) + it.lstrip() for it in items]
        return out[:sub] + [" " * indent + "confirmed:"] + old + new + out[sub + 1:]
    last = sub
    item_indent = indent + 2
    for i in range(sub + 1, end):
        s = out[i]
        if not s.strip():
            continue
        ind = len(s) - len(s.lstrip())
        if ind > indent or (ind == indent and s.lstrip().startswith("- ")):
            last = i
            if s.lstrip().startswith("- "):
                item_indent = ind
        else:
            break
    return out[:last + 1] + [" " * item_indent + it.lstrip() for it in items] + out[last + 1:]


def write_confirmations(path: Path, records: list[str]) -> None:
    """Add `records` to the file's front matter, atomically (the old file stays whole if anything fails)."""
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    new = add_confirmations(text, records)
    tmp = path.with_name(f".{path.name}.sitegen-review-{os.getpid()}")
    try:
        tmp.write_bytes(new.encode("utf-8"))
        try:
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        except OSError:
            pass
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


# --- a file's open items ------------------------------------------------------------------------

def unconfirmed_items(site_dir: Path, rel: str) -> tuple[Diagnostic, ...]:
    """The review items of one content file that are still unconfirmed, in file order."""
    from ..config import load_config
    from ..files import Kind, SourceFile
    from ..perfile import process_source
    from .register import load_register

    site_dir = Path(site_dir)
    rel = Path(rel).as_posix()
    parts = rel.split("/")
    if len(parts) < 3 or parts[0] != "content" or parts[1] != "case-studies":
        return ()
    config, _ = load_config(site_dir)
    register, _ = load_register(site_dir, config.privacy.register)
    data = (site_dir / rel).read_bytes()
    result = process_source(SourceFile(site_dir / rel, rel, Kind.CASE_STUDY), data, config, register)
    return tuple(d for d in result.diagnostics if d.is_review)


def has_unconfirmed_items(site_dir: Path, rel: str) -> bool:
    """Whether a content file has review items nobody has confirmed yet."""
    try:
        return bool(unconfirmed_items(site_dir, rel))
    except OSError:
        return False


# --- holding back, and the preview ----------------------------------------------------------------

def review_hold(count: int, entry, preview: bool) -> str:
    """Why a case study with `count` unconfirmed review items stays off the site ("" when it need not).

    Drafts are held back anyway; the dev server's preview shows the items marked instead."""
    if not count or entry.draft or preview:
        return ""
    return f"{count} detail{'s' if count != 1 else ''} to review: run sitegen review {entry.rel}"


_TAGS = lazy(r"(<[^>]*>)")


def mark_html(html: str, items: list[tuple[str, str]]) -> str:
    """`html` with each item's text (outside tags) wrapped in <mark class="privacy-review">."""
    import html as htmlmod

    parts = _TAGS.split(html)
    for text, question in sorted(set(items), key=lambda i: -len(i[0])):
        needle = htmlmod.escape(" ".join(text.split()), quote=False)
        if len(needle) < 2:
            continue
        title = htmlmod.escape(question, quote=True)
        pattern = re.compile(r"(?<![\w>])" + r"\s+".join(re.escape(w) for w in needle.split()) + r"(?!\w)")
        for i in range(0, len(parts), 2):
            if needle.split()[0] in parts[i] and 'class="privacy-review"' not in parts[i]:
                parts[i] = pattern.sub(lambda m, title=title: f'<mark class="privacy-review" title="{title}">{m.group()}</mark>',
                                       parts[i])
        parts = _TAGS.split("".join(parts))
    return "".join(parts)


def mark_review_items(entries: list, diags: list[Diagnostic]) -> list:
    """Entries (entry, rendered) with their unconfirmed review items marked in the HTML (preview only)."""
    from dataclasses import replace

    by_file: dict[str, list[tuple[str, str]]] = {}
    for d in diags:
        if d.is_review and d.text:
            by_file.setdefault(d.path, []).append((d.text, f"To review ({d.code.removeprefix('privacy.')}): "
                                                             + d.hint.split("?")[0] + "?"))
    out = []
    for entry, rendered in entries:
        items = by_file.get(entry.rel)
        out.append((entry, replace(rendered, html=mark_html(rendered.html, items))) if items else (entry, rendered))
    return out
