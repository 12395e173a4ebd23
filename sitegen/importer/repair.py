"""The plan mended wherever the build's own check would refuse it, each mend named in the report.

Rounds of check (verify.py) and repair, until the build accepts every new file:

- a link to an anchor its page lacks (other generators name headings' anchors their own
  way) → the heading the old anchor meant (anchors.py), or, when none fits, the top of the
  page (a link within the page is taken out, its words kept);
- a link or picture that points to nothing → taken out, its words (or description) kept;
- template syntax of another generator → shown as code; in an address, the link goes and its
  words stay.

Every mend is a note at its line in the new file.  What no mend can answer (an error in a
post's own front matter, say) is named too, as the place where the build will stop.
"""

from __future__ import annotations

import html
import posixpath
import re
from urllib.parse import unquote

from ..legacy import foreign_syntax
from .anchors import find_heading
from .convert import Planned
from .records import Note
from .refs import mask_code, rewrite
from .syntax import code_span
from .verify import REFERENCE_CODES, REFUSED_CODE, SYNTAX_CODE, Checked, PlanCheck, Problem

MAX_ROUNDS = 4  # each round mends all the last check found; a second one is seldom needed


def mend(planned: list[Planned], site_toml: str) -> list[Note]:
    """Check and repair the plan until the build accepts it; notes on what could not be mended."""
    with PlanCheck(site_toml) as check:
        for n in range(MAX_ROUNDS):
            checked = check.check(planned)
            if not checked.problems or n == MAX_ROUNDS - 1 or not repair(planned, checked):
                break
    return [Note(rel, pr.line, f"the build will stop here: {pr.message}", True, kind="build.stops")
            for rel, problems in sorted(checked.problems.items()) for pr in problems]


def repair(planned: list[Planned], checked: Checked) -> int:
    """Mend what the check found; how many posts changed."""
    by_rel = {p.rel: p for p in planned}
    changed = 0
    for rel, problems in checked.problems.items():
        p = by_rel.get(rel)
        if p is None:
            continue
        refs = {(pr.tag, _norm(pr.target)): pr for pr in problems if pr.code in REFERENCE_CODES}
        body = p.body
        if refs:
            body = rewrite(body, lambda url, tag, line: _mend_ref(p, refs.get((_tag(tag), _norm(url))), url, line,  # noqa: B023 (called within this iteration)
                                                                   by_rel, checked))
        if any(pr.code == SYNTAX_CODE for pr in problems):
            body = _mend_syntax(p, body)
        refused = {pr.target: pr.message for pr in problems if pr.code == REFUSED_CODE}
        if refused:
            body = _mend_pictures(p, body, refused)
        if body != p.body:
            p.body = body
            changed += 1
    return changed


def _tag(tag: str) -> str:
    return "img" if tag == "img" else "a"


def _norm(url: str) -> str:
    """An address as written in Markdown and as the rendered page has it, made comparable."""
    return unquote(re.sub(r"\\([^\w\s])", r"\1", html.unescape(url.strip())))


def _mend_ref(p: Planned, pr: Problem | None, url: str, line: int, by_rel: dict[str, Planned],
              checked: Checked) -> str | None:
    if pr is None:
        return url
    if pr.code == "link.anchor":
        return _mend_anchor(p, url, line, by_rel, checked)
    if pr.tag == "img":
        p.notes.append(Note(p.post.origin, None, f"the picture {url!r} is not in the new site: its description is "
                            "kept as text; put the picture beside the post and write ![description](its-name.jpg)",
                            True, kind="image.text", new_line=line))
    else:
        p.notes.append(Note(p.post.origin, None, f"the link to {url!r} leads nowhere in the new site: its words "
                            "are kept without the link", True, kind="link.words", new_line=line))
    return None


def _mend_anchor(p: Planned, url: str, line: int, by_rel: dict[str, Planned], checked: Checked) -> str | None:
    """The heading an old #anchor meant, by the old generator's way of naming anchors; else no anchor."""
    path, _, frag = url.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(p.rel), unquote(path))) if path else p.rel
    heads = checked.headings.get(target, [])
    new = find_heading(frag, heads, by_rel[target].heading_ids if target in by_rel else {})
    if new is not None:
        text = next(t for i, t in heads if i == new)
        p.notes.append(Note(p.post.origin, None, f"the link to #{frag} now goes to #{new}, the heading {text!r}: "
                            "sitegen names headings' anchors its own way", kind="anchor.rewritten", new_line=line))
        return f"{path}#{new}"
    if path:
        p.notes.append(Note(p.post.origin, None, f"the link to {url!r}: that page has no heading or anchor "
                            f"#{frag} (on the old site it was something that did not come over, such as a comment or "
                            "a numbered note), so the link now goes to the top of the page", True,
                            kind="anchor.dropped", new_line=line))
        return path
    p.notes.append(Note(p.post.origin, None, f"the link to #{frag}: this page has no heading or anchor by that "
                        "name (on the old site it was something that did not come over), so the link is taken "
                        "out and its words kept", True, kind="anchor.dropped", new_line=line))
    return None


def _mend_pictures(p: Planned, body: str, refused: dict[str, str]) -> str:
    """Pictures the build cannot publish are not copied: shown from the old site, or their description kept."""
    old = {name: p.file_urls.get(src, "") for src, name in p.files.items() if name in refused}
    for src in [src for src, name in p.files.items() if name in refused]:
        del p.files[src]

    def address(url: str, tag: str, line: int) -> str | None:
        name = _norm(url).partition("#")[0]
        if name not in refused:
            return url
        where = old.get(name, "")
        shown = f"it now shows from the old site's address, {where}" if where else \
            "its description is kept as text" if tag == "img" else "the link's words are kept"
        p.notes.append(Note(p.post.origin, None, f"the picture {name!r} cannot be published by sitegen (it is "
                            f"{refused[name]}), so it was not copied: {shown}; save it again smaller, or as a "
                            "JPEG or PNG, put it beside the post and write its name here", True,
                            kind="image.refused", new_line=line))
        return where or None

    return rewrite(body, address)


def _mend_syntax(p: Planned, body: str) -> str:
    """Template syntax the build would refuse: in an address the link goes; elsewhere it is shown as code."""
    def address(url: str, tag: str, line: int) -> str | None:
        if not foreign_syntax(url):
            return url
        p.notes.append(Note(p.post.origin, None, f"the address {url[:80]!r} is template syntax of the old site: "
                            "the link is taken out and its words kept; write the address in its place", True,
                            kind="syntax.link", new_line=line))
        return None

    body = rewrite(body, address)
    masked = mask_code(body)
    out: list[str] = []
    pos = 0
    for m in foreign_syntax(masked):
        raw = body[m.start():m.end()]
        inside_tag = masked.rfind("<", 0, m.start()) > masked.rfind(">", 0, m.start())
        line = body.count("\n", 0, m.start())
        p.notes.append(Note(p.post.origin, None, f"template syntax of the old site, {' '.join(raw.split())[:80]!r}, "
                            + ("was taken out of an HTML tag" if inside_tag else "is shown as written, in code")
                            + ": sitegen cannot run it", True, kind="syntax.code", new_line=line))
        out.append(body[pos:m.start()] + ("" if inside_tag else code_span(raw)))
        pos = m.end()
    out.append(body[pos:])
    return "".join(out)
