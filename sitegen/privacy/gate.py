"""Consent gate, identifier scan of published text, and the audit of the written output."""

from __future__ import annotations

import html
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from itertools import accumulate
from typing import Iterable

from ..config import SiteConfig
from ..discover import Kind
from ..errors import Diagnostic, Severity, error, warning
from ..render import OutputFile
from ..validate import CONSENT_FORMS, CONSENT_KEYS, Consent, Entry, parse_when
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


def effective_consent(entry: Entry, register: Register, config: SiteConfig) -> Consent | None:
    """The case study's own consent block, or its register entry's."""
    case = entry.case
    if case is None:
        return None
    if case.consent is not None:
        return case.consent
    client = register.find(case.client)
    if client is None or client.consent is None:
        return None
    raw = client.consent
    obtained = parse_when(raw.get("obtained"), config)[0] if raw.get("obtained") else None
    withdrawn = parse_when(raw.get("withdrawn"), config)[0] if raw.get("withdrawn") else None
    form = str(raw["form"]).strip().lower() if raw.get("form") else None
    return Consent(obtained.date() if obtained else None, form, str(raw.get("scope") or ""),
                   withdrawn.date() if withdrawn else None, raw)


def check_consent(entry: Entry, register: Register, config: SiteConfig) -> tuple[Diagnostic, ...]:
    """A case study is published only with consent obtained (not in the future), a known form, not withdrawn."""
    if entry.case is None:
        return ()
    rel, lines = entry.rel, entry.doc.key_lines
    make = warning if entry.draft else error
    suffix = " (a draft: this becomes an error when draft: true is removed)" if entry.draft else ""
    consent = effective_consent(entry, register, config)
    from_register = entry.case.consent is None and consent is not None
    where = register.path if from_register else rel
    if consent is None:
        return (make(rel, lines.get("client", 1), "consent.missing",
                     f"case study has no consent from the client{suffix}",
                     "add consent: {obtained: YYYY-MM-DD, form: written} — a case study is never published without it"),)
    if not isinstance(consent.raw, dict):
        return (make(rel, lines.get("consent", 1), "consent.malformed",
                     f"consent must be a block with obtained: and form:, not {consent.raw!r}{suffix}",
                     "write it as consent: {obtained: 2025-04-10, form: written}"),)
    diags = []
    for key in consent.raw:
        if key not in CONSENT_KEYS:
            diags.append(warning(rel, lines.get(f"consent.{key}", lines.get("consent")), "front-matter.unknown-key",
                                 f"unknown key 'consent.{key}'", "consent knows: " + ", ".join(CONSENT_KEYS)))
    line = (lambda k: lines.get(f"consent.{k}", lines.get("consent", 1))) if not from_register else (lambda k: None)
    today = (config.now.astimezone(config.tz).date() if config.now else date.today())
    if consent.obtained is None:
        raw = consent.raw.get("obtained")
        what = "has no date" if raw in (None, "") else f"date {raw!r} cannot be read"
        diags.append(make(where, line("obtained"), "consent.malformed", f"consent 'obtained' {what}{suffix}",
                          "write the date consent was given: obtained: 2025-04-10"))
    elif consent.obtained > today:
        diags.append(make(where, line("obtained"), "consent.future",
                          f"consent is dated {consent.obtained.isoformat()}, in the future{suffix}",
                          "consent must be given before publishing: check the date"))
    if consent.form not in CONSENT_FORMS:
        what = "is missing" if consent.form is None else f"{consent.form!r} is not a form of consent"
        diags.append(make(where, line("form"), "consent.malformed", f"consent 'form' {what}{suffix}",
                          "form: written, verbal or electronic"))
    if consent.withdrawn is not None:
        diags.append(make(where, line("withdrawn"), "consent.withdrawn",
                          f"the client withdrew consent{suffix}",
                          "this case study must not be published: set draft: true or delete it"))
    return tuple(diags)


def _allow(entry: Entry, config: SiteConfig) -> tuple[str, ...]:
    allow = [config.author, config.business, *config.privacy.allow, *config.privacy.pseudonyms, *entry.allow]
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
    """Every identifier in an entry's published text, as path:line:col diagnostics."""
    if entry.kind is Kind.PAGE:
        return ()  # pages are about the practice (contact details included), not about clients
    from .detect import ScanContext, scan_text

    ctx = ScanContext(allow=_allow(entry, config), region=config.privacy.region, register=register.secrets)
    severity = _severity(entry, config)
    doc = entry.doc
    diags = []
    for part in _published_texts(entry):
        line_starts: list[int] = []  # offsets where each line of the part begins, found once
        for f in scan_text(part.text, ctx):
            if part.key == "":
                if not line_starts:
                    line_starts = list(accumulate((len(t) + 1 for t in part.text.split("\n")), initial=0))
                n = bisect_right(line_starts, f.start) - 1
                line = doc.body_line + n
                col = f.start - line_starts[n] + 1
            else:
                pos = doc.value_positions.get(part.key)
                if pos is not None and pos.plain and "\n" not in part.text:
                    line, col = pos.line, pos.column + f.start
                else:
                    line, col = doc.key_lines.get(part.key, doc.key_lines.get(part.key.split(".")[0], 1)), None
            kind = "register" if f.kind == "register" else f.kind
            message = f'privacy: {kind}: "{f.text}"'
            if entry.draft:
                message += " (in a draft: an error once draft: true is removed)"
            diags.append(Diagnostic(entry.rel, line, severity, f"privacy.{kind}", message,
                                    f"{f.reason} {f.fix}".strip(), column=col, text=f.text))
    return tuple(diags)


Needle = tuple[str, str, str, int | None, str]  # (text, html-escaped text, source file, line, what)


def audit_needles(entries: list[Entry], held_back: list[Entry], register: Register) -> tuple[Needle, ...]:
    """What must never appear in the output: private values, register strings, held-back text."""
    needles: list[tuple[str, str, int | None, str]] = []
    for entry in entries + held_back:
        for key, value in _private_items(entry.doc.meta.get("private")):
            if len(value.strip()) >= 3:
                needles.append((value.strip(), entry.rel, entry.doc.key_lines.get(f"private.{key}",
                                entry.doc.key_lines.get("private")), f"the private value '{key}'"))
    for secret in register.secrets:
        if len(secret) >= 3:
            needles.append((secret, register.path, None, "a string from the private client register"))
    published_titles = {e.title.casefold() for e in entries}
    for entry in held_back:
        why = "draft" if entry.draft else "scheduled post"
        if len(entry.title) >= 20 and entry.title.casefold() not in published_titles:
            needles.append((entry.title, entry.rel, entry.doc.key_lines.get("title"), f"the {why}'s title"))
        for sentence in _sentences(entry.doc.body)[:3]:
            needles.append((sentence, entry.rel, None, f"text of the {why}"))
    return tuple(sorted({(n.casefold(), html.escape(n, quote=False).casefold(), src, line or 0, what)
                         for n, src, line, what in needles}))


def audit_output(files: Iterable[OutputFile], needles: tuple[Needle, ...]) -> tuple[Diagnostic, ...]:
    """Fail if any needle (see audit_needles) appears in an output file."""
    if not needles:
        return ()
    diags = []
    for f in files:
        if f.data is None:
            continue
        text = f.data.decode("utf-8", "replace").casefold()
        for raw, escaped, src, line, what in needles:
            if raw in text or escaped in text:
                diags.append(error(src, line or None, "privacy.audit", f"{what} appears in the built file {f.rel}",
                                   "it must never be published: check the templates and the text of your posts"))
    return tuple(diags)


def _private_items(value, prefix: str = "") -> Iterable[tuple[str, str]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _private_items(v, f"{prefix}{k}" if not prefix else f"{prefix}.{k}")
    elif isinstance(value, list):
        for v in value:
            yield from _private_items(v, prefix)
    elif value is not None and not isinstance(value, bool):
        yield prefix or "private", str(value)


def _sentences(body: str) -> list[str]:
    """The longest plain sentences of a body: distinctive enough that finding one means a leak."""
    import re

    plain = re.sub(r"[*_`>#\[\]()!|]", " ", body)
    parts = [" ".join(s.split()) for s in re.split(r"(?<=[.!?])\s+|\n\s*\n", plain)]
    parts = [p for p in parts if len(p) >= 60 and not re.search(r"[\"'<>&]|--|\.\.\.", p)]
    return sorted(parts, key=len, reverse=True)
