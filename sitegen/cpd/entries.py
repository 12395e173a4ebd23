"""CPD entries from the site's writing (published or not) and from the private CPD file.

Every Markdown file under content/ is read, drafts and scheduled posts included: the record
is the author's own.  A post that carries CPD keys but cannot be read, or whose CPD keys
are wrong, stops the record with `path:line` messages, because a record that silently
leaves out an activity is worse than none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import SiteConfig
from ..discover import discover
from ..errors import Diagnostic, error, warning
from ..parse import parse_document
from ..reflection import find_stages
from ..validate import read_cpd, validate_document
from .fields import CpdFields, is_cpd_key
from .sanitize import clean_html

if TYPE_CHECKING:
    from ..privacy import Register
    from ..validate import Entry as Post
    from .activities import Activity, CpdFile

THEME_STATIC = Path(__file__).resolve().parent.parent / "theme" / "static"
BODY_HEADINGS = 4  # a reflection's headings sit under the record's h1 › h2 section › h3 entry


@dataclass(frozen=True, slots=True)
class Entry:
    """One CPD activity, from a post or from private/cpd.toml."""

    date: date
    until: date | None  # last day of an activity over several days
    title: str
    type: str
    category: str
    hours: float | None
    points: float | None
    model: str  # reflective model key, "" when none
    model_detected: bool  # recognised from the headings rather than named in front matter
    stages: tuple[str, ...]  # the model's stages the reflection has headings for
    missing_stages: tuple[str, ...]
    learning: tuple[str, ...]
    benefit: str
    evidence: tuple[str, ...]  # the post's address (or file), then certificates and notes
    source: str  # content/posts/a.md, or private/cpd.toml:12
    status: str  # published, draft, scheduled, withdrawn (consent) or private (an activity that is not a post)
    reflection_html: str  # the reflection itself, cleaned for the record
    withheld: str  # why the reflection is left out of the record, or ""
    words: int

    @property
    def last_day(self) -> date:
        return self.until or self.date


@dataclass(frozen=True, slots=True)
class Candidate:
    """A post with CPD hours or points, read but not yet rendered (rendering waits for the period)."""

    post: Post
    fields: CpdFields

    @property
    def date(self) -> date:
        return self.post.date.date() if self.post.date else date.min


def read_posts(site_dir: Path, config: SiteConfig) -> tuple[list[Candidate], list[Diagnostic]]:
    """Every post that counts as CPD; errors for posts that cannot be read or whose CPD keys are wrong."""
    found = discover(site_dir, THEME_STATIC)
    out: list[Candidate] = []
    diags: list[Diagnostic] = []
    for source in found.sources:
        try:
            data = source.path.read_bytes()
        except OSError as exc:
            diags.append(error(source.rel, None, "file.unreadable", f"cannot read this file: {exc.strerror}",
                               "sitegen cpd cannot tell whether it belongs in your record: check its permissions"))
            continue
        doc, parse_diags = parse_document(source, data)
        if doc is None:
            diags.extend(d for d in parse_diags if d.is_error)
            continue
        if not any(is_cpd_key(k) for k in doc.meta):
            continue
        post, checked = validate_document(doc, config)
        # In the record, a CPD key that is wrong would give a wrong record: every CPD message is an error.
        diags.extend(d if d.is_error else d.as_error() for d in checked if d.is_error or d.code.startswith("cpd."))
        if post is None:
            continue
        fields, _ = read_cpd(doc, config)
        if not fields.counted:
            first = next(k for k in doc.meta if is_cpd_key(k))
            diags.append(warning(source.rel, doc.key_lines.get(first), "cpd.no-hours",
                                 "this post has CPD keys but neither cpd_hours nor cpd_points, so it is not "
                                 "in your CPD record", "add the time it took, e.g. cpd_hours: 1.5"))
            continue
        out.append(Candidate(post, fields))
    return out, diags


def _reflection(markdown: str, rel: str, line: int, base: str | None) -> tuple[str, int, list[Diagnostic]]:
    from ..markup import render_markdown

    rendered, diags = render_markdown(markdown, rel, line)
    if rendered is None:
        return "", 0, [d for d in diags if d.is_error]
    return clean_html(rendered.html, BODY_HEADINGS, base), rendered.words, []


def post_entry(c: Candidate, config: SiteConfig, register: Register, now: datetime) -> tuple[Entry, list[Diagnostic]]:
    """The entry for one post: its stages, its reflection cleaned for the record, its evidence."""
    from ..model import entry_url
    from ..privacy.gate import check_consent, scan_entry

    post, doc = c.post, c.post.doc
    consent = check_consent(post, register, config, now.astimezone(config.tz).date())
    withdrawn = consent is not None and bool(consent.held_back)
    status = "withdrawn" if withdrawn else "draft" if post.draft else \
        "scheduled" if post.date and post.date > now else "published"
    address = config.site_url + entry_url(post) if status == "published" and config.base_url else ""
    stages = find_stages(doc.body, post.reflection_model)
    withheld = "the client withdrew consent, so the text of this case study is left out" if withdrawn else ""
    html, words, diags = ("", 0, []) if withheld else _reflection(doc.body, post.rel, doc.body_line, address or None)
    # Published text has passed the build's scan already; what the record alone reveals is unpublished.
    findings = scan_entry(post, register, config) if status != "published" and not withheld else ()
    if findings:
        diags.append(warning(post.rel, None, "cpd.privacy",
                             f"{len(findings)} possible identifier{'s' if len(findings) != 1 else ''} in this "
                             f"{'draft' if post.draft else post.kind.value}, whose text is in your CPD record",
                             "read the record before you share it; sitegen check lists what was found"))
    evidence = (address or post.rel,) + c.fields.evidence
    return Entry(c.date, None, post.title, c.fields.type, c.fields.category, c.fields.hours, c.fields.points,
                 stages.model, stages.detected, stages.present, stages.missing, post.learning, c.fields.benefit,
                 evidence, post.rel, status, html, withheld, words), diags


def activity_entry(a: Activity, cpd: CpdFile) -> tuple[Entry, list[Diagnostic]]:
    """The entry for one activity of private/cpd.toml."""
    source = f"{cpd.rel}:{a.line}" if a.line else cpd.rel
    html, words, diags = _reflection(a.reflection, cpd.rel, a.line or 1, None) if a.reflection else ("", 0, [])
    stages = find_stages(a.reflection, a.reflection_model)
    return Entry(a.date, a.until, a.title, a.type, a.category, a.hours, a.points, stages.model, stages.detected,
                 stages.present, stages.missing, a.learning, a.benefit, a.evidence, source, "private", html, "",
                 words), diags
