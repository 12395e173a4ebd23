"""`sitegen consent FILE`: a printable copy of a case study for the client to read and sign.

The copy shows the case study exactly as it will be published (title, fact box, text, the
client's words, the consent statement), with the fingerprint of that text printed on it
and a place to sign.  It is written under `private/consent/`, never into the output.  The
fingerprint is also printed as the line to add under `consent:` once the client agrees
(`reviewed: v1-…`): from then on, the build publishes the case study only while its text
is still the text the client read.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .errors import ContentErrors, Diagnostic, UsageError, file_system_error

REVIEW_FOLDER = "private/consent"


@dataclass(frozen=True, slots=True)
class ReviewCopy:
    source: str  # the case study, relative to the site folder
    path: Path  # the review copy written
    fingerprint: str  # what goes after reviewed:
    warnings: tuple[Diagnostic, ...]


def find_case_study(site_dir: Path, file: Path):
    """The SourceFile of `file` (relative to the current folder or the site folder), which must be a case study."""
    from .discover import Kind, discover
    from .files import THEME_DIR

    candidates = [Path(file), site_dir / file]
    target = next((p.resolve() for p in candidates if p.is_file()), None)
    if target is None:
        raise UsageError(f"{file} does not exist. Name the case study's file, for example "
                         "sitegen consent content/case-studies/a-shoulder.md")
    found = discover(site_dir, THEME_DIR / "static")
    source = next((s for s in found.sources if s.path.resolve() == target), None)
    if source is None:
        raise UsageError(f"{file} is not one of the site's Markdown files in {site_dir / 'content'}")
    if source.kind is not Kind.CASE_STUDY:
        raise UsageError(f"{source.rel} is not a case study (case studies live in content/case-studies/); "
                         "only a case study needs the client's review")
    return source


def make_review_copy(site_dir: Path, file: Path, now: datetime | None = None) -> ReviewCopy:
    """Check the case study, write its review copy under private/consent/, return the fingerprint.

    Identifier findings are errors here, as in the build: a text that must still change is
    not worth showing to the client.  Missing consent is not: asking for it is the point."""
    from dataclasses import replace

    from . import privacy
    from .config import load_config, run_context
    from .markup import render_markdown
    from .model import Item, TagRef
    from .parse import parse_document
    from .render import make_env
    from .validate import parse_when, tag_slug, validate_document

    site_dir = Path(site_dir)
    if not (site_dir / "content").is_dir():
        raise UsageError(f"{site_dir} is not a sitegen site (it has no content/ folder). Run the command in your "
                         "site folder or name it with --site my-journal")
    config, _ = load_config(site_dir)
    source = find_case_study(site_dir, file)
    register, diags = privacy.load_register(
        site_dir, config.privacy.register, lambda v: (lambda d: d.date() if d else None)(parse_when(v, config)[0]))
    diags = list(diags)
    doc, found = parse_document(source, source.path.read_bytes())
    diags += found
    entry = rendered = None
    if doc is not None:
        entry, found = validate_document(doc, config)
        diags += found
    if entry is not None:
        rendered, found = render_markdown(doc.body, source.rel, doc.body_line, entry.summary, config.summary_words)
        diags += found
        # Scanned as it will be published: a draft's findings are errors here too.
        diags += privacy.scan_entry(replace(entry, draft=False), register, config)
        checked = privacy.check_consent(entry, register, config, run_context(site_dir).today(config))
        diags += [d for d in (checked.diagnostics if checked else ()) if d.code not in _NOT_YET]
    errors = [d for d in diags if d.is_error]
    if errors or entry is None or rendered is None:
        raise ContentErrors(errors)
    case = entry.case
    assert case is not None  # a case study always has its facts
    tags = tuple(TagRef(t, tag_slug(t), f"tags/{tag_slug(t)}/") for t in entry.tags)
    consent = case.consent or (register.find(case.client).consent if register.find(case.client) else None)
    item = Item(entry, rendered, f"case-studies/{entry.slug}/", tags, consent, True)
    made = (now or run_context(site_dir).now or datetime.now()).astimezone(config.tz)
    html = make_env(site_dir).get_template("consent_review.html").render(
        item=item, config=config, fingerprint=case.fingerprint, made=made, source=source.rel,
        address=config.site_url + item.url if config.base_url else "", url=lambda p="": p, absolute=lambda p="": p)
    folder = site_dir / REVIEW_FOLDER
    path = folder / f"{entry.slug}-{case.fingerprint}.html"
    _write(path, html.encode("utf-8"))
    return ReviewCopy(source.rel, path, case.fingerprint, tuple(d for d in diags if not d.is_error))


# Consent findings that are expected while asking for consent: they do not stop a review copy.
_NOT_YET = ("consent.missing", "consent.malformed", "consent.unreviewed", "consent.changed", "consent.future")


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".review-", suffix=".tmp")
    except OSError as exc:
        raise file_system_error(exc, "write the review copy into", path.parent, "Nothing was written.") or exc from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise file_system_error(exc, "write the review copy into", path.parent, "Nothing was written.") or exc from None
        raise
