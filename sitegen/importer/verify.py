"""The planned site checked with the build's own checks, before anything is written.

The plan goes into a temporary folder — each post as it would be written, and an empty file
for each file beside a post, which is all the link checker looks at — and the build's
stages up to its link check run there: every post read, rendered and checked as `sitegen
build` will check it, drafts included (they will be published one day).  What comes back,
for each new file: what the build would refuse (a missing page, file or picture, an anchor
its target lacks, template syntax of another generator), and the headings of its page.
The real site folder is not touched.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import Diagnostic, shorten
from .anchors import headings
from .convert import Planned, post_text

REFERENCE_CODES = ("link.broken", "image.missing", "link.anchor", "image.not-an-image")
SYNTAX_CODE = "markdown.template-syntax"
REFUSED_CODE = "image.unreadable"  # a picture the build cannot publish (damaged, too large): target is its name


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing the build would refuse in a new file."""

    code: str  # one of REFERENCE_CODES, SYNTAX_CODE, or the code of another error
    line: int | None  # in the new file
    message: str
    tag: str = ""  # for a reference: "a" or "img"
    target: str = ""  # for a reference: the address as the rendered page has it


@dataclass(frozen=True, slots=True)
class Checked:
    problems: Mapping[str, tuple[Problem, ...]]  # new file → what the build would refuse in it
    headings: Mapping[str, list[tuple[str, str]]]  # new file → its page's headings: (sitegen's id, text)


class PlanCheck:
    """A temporary sitegen site holding the plan, checked again after each round of repairs."""

    def __init__(self, site_toml: str):
        from ..options import BuildMemory

        self.root = Path(tempfile.mkdtemp(prefix="sitegen-import-check-"))
        (self.root / "site.toml").write_text(site_toml, encoding="utf-8")
        self.memory = BuildMemory()  # a post unchanged since the last round is not rendered again
        self.written: dict[str, str] = {}
        self.pictures: dict[Path, str | None] = {}  # each picture to copy → why the build would refuse it

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> PlanCheck:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def check(self, planned: list[Planned]) -> Checked:
        """The build's verdict on the plan as it stands."""
        for p in planned:
            text = post_text(p)
            if self.written.get(p.rel) != text:
                path = self.root / p.rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
                self.written[p.rel] = text
            for name in p.files.values():
                placeholder = self.root / p.bundle_dir / name
                if not placeholder.exists():
                    placeholder.parent.mkdir(parents=True, exist_ok=True)
                    placeholder.touch()
        checked = self._run()
        refused = {p.rel: [Problem(REFUSED_CODE, None, why, target=name) for src, name in p.files.items()
                           if (why := self._refused(src))] for p in planned}
        problems = dict(checked.problems)
        for rel, found in refused.items():
            if found:
                problems[rel] = problems.get(rel, ()) + tuple(found)
        return Checked(problems, checked.headings)

    def _refused(self, src: Path) -> str | None:
        """Why the build would refuse this picture (the real file is opened, once), or None."""
        from ..images import refused
        from ..links import RASTER

        if src.suffix.lower() not in RASTER:
            return None
        if src not in self.pictures:
            self.pictures[src] = refused(src)
        return self.pictures[src]

    def _run(self) -> Checked:
        from .. import quick
        from ..links import check_links
        from ..model import build_site
        from ..options import BuildOptions
        from ..perfile import process, read_sources
        from ..render import jobs

        start = quick.start(self.root, BuildOptions(write=False, drafts=True, memory=self.memory))
        cache = quick.open_cache(self.root)
        try:
            sources = read_sources(start, cache)
            processed = process(sources, start, cache)
        finally:
            cache.close()
        entries = [(r.entry, r.rendered) for r in processed.results if r.entry is not None and r.rendered is not None]
        diags = [d for r in processed.results for d in r.diagnostics]
        site, found = build_site(start.config, entries, sources.found.statics, now=start.run.now, drafts=True)
        diags += found
        diags += check_links(site, [j.rel for j in jobs(site)]).diagnostics
        items = {i.entry.rel: i for i in site.posts + site.pages + site.drafts}
        problems: dict[str, list[Problem]] = {}
        for d in diags:
            problem = _problem(d, items)
            if problem is not None:
                problems.setdefault(str(d.path), []).extend(problem)
        return Checked({k: tuple(v) for k, v in problems.items()},
                       {rel: headings(item.rendered.html) for rel, item in items.items()})


def _problem(d: Diagnostic, items: Mapping) -> list[Problem] | None:
    """What one diagnostic says the build would refuse: the references it names, found in the page."""
    if d.code in REFERENCE_CODES:
        item = items.get(str(d.path))
        if item is None:
            return None
        tag = "img" if d.code.startswith("image.") else "a"
        refs = [r for r in item.rendered.refs if r.tag == tag and f"{shorten(r.target)!r}" in d.message]
        refs = [r for r in refs if r.line == d.line] or refs
        return [Problem(d.code, d.line, d.message, tag, r.target) for r in {r.target: r for r in refs}.values()]
    if d.is_error:
        return [Problem(d.code, d.line, d.message + (f" — {d.hint}" if d.hint else ""))]
    return None
