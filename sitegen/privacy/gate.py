"""Consent gate, identifier scan of published text, and the audit of the written output."""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from itertools import accumulate
from typing import NamedTuple

from ..config import SiteConfig
from ..consent import Consent
from ..discover import Kind
from ..errors import Diagnostic, Severity, error, shorten, warning
from ..files import OutputFile
from ..validate import Entry
from .register import Register

# Front-matter fields that reach the public site, and so are scanned.  Not scanned: the
# publication date/updated, consent, client (the pseudonym itself), private, privacy.
PUBLISHED_FIELDS = ("title", "summary", "description", "tags", "presenting", "approach", "outcome", "referral",
                    "client_perspective", "learning")


def _severity(entry: Entry, config: SiteConfig) -> Severity:
    if entry.draft:
        return Severity.WARNING  # a half-written case study must not block publishing the rest
    if entry.kind is Kind.CASE_STUDY:
        return Severity.ERROR
    return Severity.ERROR if config.privacy.essays == "error" else Severity.WARNING


@dataclass(frozen=True, slots=True)
class ConsentCheck:
    """What the consent gate decided about one case study."""

    consent: Consent | None  # the consent it is published under (its own block, else the register's)
    withdrawn: Consent | None  # the consent that says it was withdrawn, wherever it is written
    reviewed: bool  # the client reviewed exactly this text
    diagnostics: tuple[Diagnostic, ...]

    @property
    def held_back(self) -> str:
        """Why the case study stays off the site, or "" when it may be published."""
        return self.withdrawn.withdrawal if self.withdrawn is not None else ""


def check_consent(entry: Entry, register: Register, config: SiteConfig, today: date) -> ConsentCheck | None:
    """A case study is published only with consent obtained (not in the future) in a known form;
    withdrawn consent — in the front matter or the register — holds it back; a `reviewed`
    fingerprint must match the text as it is now."""
    if entry.case is None:
        return None
    own = entry.case.consent
    client = register.find(entry.case.client)
    theirs = client.consent if client is not None else None
    withdrawn = next((c for c in (own, theirs) if c is not None and c.withdrawn), None)
    if withdrawn is not None:
        return ConsentCheck(own or theirs, withdrawn, False, ())  # withdrawal wins: nothing to fix, it comes down
    consent = own or theirs
    rel, lines = entry.rel, entry.doc.key_lines
    draft = entry.draft
    suffix = " (a draft: this becomes an error when draft: true is removed)" if draft else ""
    soften = (lambda d: replace(d.as_warning(), message=d.message + suffix)) if draft else (lambda d: d)
    if consent is None:
        return ConsentCheck(None, None, False, (soften(error(
            rel, lines.get("client", 1), "consent.missing", "case study has no consent from the client",
            "add consent: {obtained: YYYY-MM-DD, form: written} — a case study is never published without it")),))
    diags = [soften(d) if d.is_error else d for d in consent.problems]
    if consent.obtained is not None and consent.obtained > today:
        diags.append(soften(error(consent.path, consent.line("obtained"), "consent.future",
                                  f"consent is dated {consent.obtained.isoformat()}, in the future",
                                  "consent must be given before publishing: check the date")))
    reviewed = bool(consent.reviewed) and consent.reviewed == entry.case.fingerprint
    if not draft and consent.reviewed and not reviewed:
        on = f" on {consent.obtained.day} {consent.obtained:%B %Y}" if consent.obtained else ""
        diags.append(error(consent.path, consent.line("reviewed"), "consent.changed",
                           f"the text changed since the client reviewed it{on}",
                           f"run sitegen consent {rel} and ask the client again; then put the new "
                           "reviewed: line in place of the old one"))
    elif not draft and not consent.reviewed and not any(d.is_error for d in consent.problems):
        make = error if config.privacy.consent_review == "required" else warning
        diags.append(make(consent.path, consent.line("consent") or lines.get("client"), "consent.unreviewed",
                          "the client has not reviewed this text",
                          f"run sitegen consent {rel} for a copy to show them, and add the reviewed: line it "
                          "prints once they agree"))
    return ConsentCheck(consent, None, reviewed, tuple(diags))


def _allow(entry: Entry, config: SiteConfig) -> tuple[str, ...]:
    p = config.practice  # the practice's own public address and phone
    allow = [config.author, config.business, *config.privacy.allow, *config.privacy.pseudonyms, *entry.allow,
             p.street, p.town, p.postcode, p.phone, p.email,
             p.phone.split(" ", 1)[-1] if p.phone.startswith("+") else ""]  # +44 …: the match needs the rest
    if entry.case is not None:
        allow += [entry.case.client, *entry.case.pseudonyms]
    return tuple(a for a in allow if a)


@dataclass(frozen=True, slots=True)
class _Text:
    key: str  # front-matter key ("approach.1") or "" for the body
    text: str


def _published_texts(entry: Entry) -> Iterable[_Text]:
    meta = entry.doc.meta
    for key in PUBLISHED_FIELDS:
        value = meta.get(key)
        if isinstance(value, list):
            for i, v in enumerate(value):
                if isinstance(v, (str, int, float)) and not isinstance(v, bool):
                    yield _Text(f"{key}.{i}", str(v))
        elif isinstance(value, str):
            if key == "tags" and "," in value:
                yield _Text(key, value)
            else:
                yield _Text(key, value)
    yield _Text("", entry.doc.body)


def scan_entry(entry: Entry, register: Register, config: SiteConfig) -> tuple[Diagnostic, ...]:
    """Every identifier in an entry's published text, as path:line:col diagnostics.

    Almost certain identifiers are errors (warnings in essays and drafts); possible ones in a
    case study are review items, left out once the author has confirmed them (privacy.confirmed)."""
    if entry.kind is Kind.PAGE:
        return ()  # pages are about the practice (contact details included), not about clients
    from .detect import ScanContext, name_words, scan_text
    from .review import confirmed_keys, item_key, sentence_around

    essay = entry.kind is not Kind.CASE_STUDY
    ctx = ScanContext(allow=_allow(entry, config), region=config.privacy.region, register=register.secrets,
                      essay=essay)
    severity = _severity(entry, config)
    confirmed = confirmed_keys(entry.doc.meta)
    doc = entry.doc
    diags = []
    parts = list(_published_texts(entry))
    body = scan_text(parts[-1].text, ctx)  # the body first: the names it finds are looked for in the title too
    front_ctx = ctx if essay else replace(ctx, names=name_words(body))
    for part in parts:
        line_starts: list[int] = []  # offsets where each line of the part begins, found once
        for f in (body if part.key == "" else scan_text(part.text, front_ctx)):
            if part.key == "" and not line_starts:
                line_starts = list(accumulate((len(t) + 1 for t in part.text.split("\n")), initial=0))
            line, col = _place(doc, part, f.start, line_starts)
            kind = f.kind
            key = ""
            if f.severity == "review":
                key = item_key(kind, f.text, sentence_around(part.text, f.start, f.end))
                if key in confirmed:
                    continue
                message = f'privacy: {kind.replace("_", " ")}: "{f.text}"'
                sev = Severity.REVIEW
            else:
                message = f'privacy: {kind}: "{f.text}"'
                sev = severity
            if entry.draft and sev is not Severity.REVIEW:
                message += " (in a draft: an error once draft: true is removed)"
            diags.append(Diagnostic(entry.rel, line, sev, f"privacy.{kind}", message,
                                    f"{f.reason} {f.fix}".strip(), column=col, text=f.text, key=key))
    return tuple(diags)


def _place(doc, part: _Text, start: int, line_starts: list[int]) -> tuple[int, int | None]:
    """The file line (and column) of offset `start` in one published text (`line_starts`: where
    each line of the body begins, found once per text)."""
    if part.key == "":
        n = bisect_right(line_starts, start) - 1
        return doc.body_line + n, start - line_starts[n] + 1
    pos = doc.value_positions.get(part.key)
    if pos is not None and pos.plain and "\n" not in part.text:
        return pos.line, pos.column + start
    return doc.key_lines.get(part.key, doc.key_lines.get(part.key.split(".")[0], 1)), None


def register_reminders(entries: Iterable[Entry], register: Register) -> tuple[Diagnostic, ...]:
    """`sitegen check`: a published case study whose client is not in the private register."""
    out = []
    for entry in entries:
        if entry.case is None or entry.draft or register.find(entry.case.client) is not None:
            continue
        out.append(warning(entry.rel, entry.doc.key_lines.get("client"), "register.missing",
                           f"{entry.case.client} has no entry in your private client register",
                           "add them with their real name and any nickname (sitegen new case-study offers to; see the "
                           "README's 'Client register'): the register is the only check that catches a client's own "
                           "name, nickname, town or club"))
    return tuple(out)


def review_counts(diagnostics: Iterable[Diagnostic]) -> dict[str, int]:
    """Unconfirmed review items per file."""
    out: dict[str, int] = {}
    for d in diagnostics:
        if d.is_review:
            out[d.path] = out.get(d.path, 0) + 1
    return out


class Needle(NamedTuple):
    """One thing the output audit looks for."""

    text: str  # casefolded
    escaped: str  # as HTML escapes it, casefolded
    source: str  # the file it comes from
    line: int  # its line there, or 0
    what: str  # what it is, for the message
    shared_ok: bool  # not a leak when published text contains it too (held-back text, CPD reflections)


def audit_needles(entries: list[Entry], held_back: list[tuple[Entry, str]], register: Register) -> tuple[Needle, ...]:
    """What must never appear in the output: private values, register strings, passages of text
    held back from the site (drafts, scheduled posts, withdrawn case studies, each with why it
    was held back) and of the private CPD file."""
    needles: list[tuple[str, str, int | None, str, bool]] = []
    for entry in entries + [e for e, _ in held_back]:
        for key, value in _private_items(entry.doc.meta.get("private")):
            if len(value.strip()) >= 3:
                needles.append((value.strip(), entry.rel, entry.doc.key_lines.get(f"private.{key}",
                                entry.doc.key_lines.get("private")), f"the private value '{key}'", False))
    for secret in register.secrets:
        if len(secret) >= 3:
            needles.append((secret, register.path, None, "a string from the private client register", False))
    for text, src, line, what in register.private_texts:  # private/cpd.toml (sitegen/cpd/activities.py)
        pieces = [s for s, _ in _sentences(text, 1)[:3]] or ([" ".join(text.split())] if len(text) >= 20 else [])
        needles.extend((piece, src, line, what, True) for piece in pieces)
    published_titles = {e.title.casefold() for e in entries}
    for entry, why in held_back:
        what = f"text held back from the site ({why})"
        if len(entry.title) >= 20 and entry.title.casefold() not in published_titles:
            needles.append((entry.title, entry.rel, entry.doc.key_lines.get("title"), f"the title of {what}", True))
        for sentence, line in _sentences(entry.doc.body, entry.doc.body_line)[:3]:
            needles.append((sentence, entry.rel, line, what, True))
    return tuple(sorted({Needle(fold(n), fold(html.escape(n, quote=False)), src, line or 0, what, ok)
                         for n, src, line, what, ok in needles}))


def audit_output(files: Iterable[OutputFile], needles: tuple[Needle, ...],
                 public_text: Callable[[], Iterable[str]] = tuple) -> tuple[Diagnostic, ...]:
    """Fail if any needle (see audit_needles) appears in an output file.

    Held-back text counts only where it is distinctive: a passage that published sources
    also contain (a standard sign-off, a disclaimer) is not a leak.  `public_text` gives the
    texts of everything published; they are read, one by one, only when a passage is found."""
    if not needles:
        return ()
    diags = []
    public = _Published(public_text)
    for f in files:
        if f.data is None:
            continue
        text = fold(f.data.decode("utf-8", "replace"))
        for n in needles:
            if n.text not in text and (n.escaped == n.text or n.escaped not in text):  # a big file: one pass each
                continue
            if n.shared_ok and public.contains(n):
                continue
            diags.append(error(n.source, n.line or None, "privacy.audit", f"{n.what} appears in the built file "
                               f"{f.rel}: \u201c{shorten(n.text, 70)}\u201d",
                               "it must never be published: check the templates and the text of your posts"))
    return tuple(diags)


def fold(text: str) -> str:
    """Casefolded; plain ASCII text (most of a site) lower-cased, which is the same and much faster."""
    return text.lower() if text.isascii() else text.casefold()


class _Published:
    """The published texts, folded as they are first needed: a sign-off shared with published
    posts is usually found in the first few, so the whole site is seldom read."""

    def __init__(self, texts: Callable[[], Iterable[str]]):
        self._source = texts
        self._todo: Iterator[str] | None = None
        self._seen: list[str] = []
        self._answers: dict[Needle, bool] = {}

    def contains(self, n: Needle) -> bool:
        if n not in self._answers:
            self._answers[n] = self._find(n)
        return self._answers[n]

    def _find(self, n: Needle) -> bool:
        def has(t: str) -> bool:
            return n.text in t or (n.escaped != n.text and n.escaped in t)

        if any(has(t) for t in self._seen):
            return True
        if self._todo is None:
            self._todo = iter(self._source())
        for raw in self._todo:
            t = fold(raw)
            self._seen.append(t)
            if has(t):
                return True
        return False


def _private_items(value, prefix: str = "") -> Iterable[tuple[str, str]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _private_items(v, f"{prefix}{k}" if not prefix else f"{prefix}.{k}")
    elif isinstance(value, list):
        for v in value:
            yield from _private_items(v, prefix)
    elif value is not None and not isinstance(value, bool):
        yield prefix or "private", str(value)


def _sentences(body: str, body_line: int) -> list[tuple[str, int]]:
    """The longest plain sentences of a body, with their lines: distinctive enough that finding
    one in the output means a leak."""
    plain = re.sub(r"[*_`>#\[\]()!|]", " ", body)  # same length: offsets still point into the body
    found: list[tuple[str, int]] = []
    start = 0
    for m in [*re.finditer(r"(?<=[.!?])\s+|\n\s*\n", plain), None]:
        end = m.start() if m is not None else len(plain)
        segment = plain[start:end]
        sentence = " ".join(segment.split())
        if len(sentence) >= 60 and not re.search(r"[\"'<>&]|--|\.\.\.", sentence):
            lead = len(segment) - len(segment.lstrip())
            found.append((sentence, body_line + body.count("\n", 0, start + lead)))
        if m is not None:
            start = m.end()
    return sorted(found, key=lambda s: len(s[0]), reverse=True)
