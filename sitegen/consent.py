"""The one reading of a client's consent, and the fingerprint that binds it to a text.

Consent can be written in two places: a case study's `consent:` block and the client's
entry in the private register.  Both are read here, by `read_consent`, into the same typed
`Consent`, so the two can never disagree about what a value means (a `withdrawn` that the
front matter read as withdrawn and the register read as "not withdrawn" once published a
withdrawn case study).

The rule for withdrawal leans to the client's side: any non-empty `withdrawn` means the
consent is withdrawn, whether it is a date, a date in the future, or words such as "yes,
she phoned".  Only an empty value, or no key at all, means it stands.

`text_fingerprint` is what the client agrees to: a short hash of every part of a case
study that is published (title, fact box, text, the client's words), with whitespace
collapsed and Unicode normalised, so it is the same on every machine and survives
re-wrapping a paragraph, and changes with any change of a word.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from .errors import Diagnostic, error, shorten, warning

FORMS = ("written", "verbal", "electronic")
KEYS = ("obtained", "form", "scope", "withdrawn", "reviewed", "images")
FINGERPRINT_PREFIX = "v1-"
_FINGERPRINT_RE = re.compile(r"^v1-[0-9a-f]{12}$")

# The front-matter fields a client reads in the review copy and agrees to, besides the body.
# Not among them: dates, consent itself, private notes, CPD bookkeeping, slug, draft.
REVIEWED_FIELDS = ("title", "summary", "description", "tags", "client", "pseudonyms", "sessions", "presenting",
                   "approach", "outcome", "referral", "client_perspective", "learning", "disguise")


@dataclass(frozen=True, slots=True)
class Consent:
    """Consent as read from one place (a case study's front matter or the register)."""

    obtained: date | None
    form: str | None  # lower-cased; may be a value outside FORMS (reported in `problems`)
    scope: str
    withdrawn: bool
    withdrawn_on: date | None  # when `withdrawn` is a readable date
    withdrawn_text: str  # what was written after withdrawn:, for messages
    reviewed: str  # fingerprint of the text the client reviewed, or ""
    images: bool  # the client agreed to images of them / their treatment being published
    path: str  # the file it was read from, for messages
    lines: Mapping[str, int]  # key → line in that file ("consent" → the block's own line)
    problems: tuple[Diagnostic, ...]  # what cannot be read (as errors; drafts soften them)

    def line(self, key: str) -> int | None:
        return self.lines.get(key, self.lines.get("consent"))

    @property
    def withdrawal(self) -> str:
        """How the withdrawal reads in a summary: 'consent withdrawn on 2025-06-01'."""
        if self.withdrawn_on is not None:
            return f"consent withdrawn on {self.withdrawn_on.isoformat()}"
        return f"consent withdrawn ({shorten(self.withdrawn_text, 40)!r})"


DateReader = Callable[[Any], "date | None"]


def read_consent(raw: Any, *, path: str, lines: Mapping[str, int], read_date: DateReader,
                 where: str = "consent") -> Consent:
    """Turn a raw consent value (a YAML or TOML mapping) into a Consent; never raises.

    `lines` maps "consent" and each of its keys to a line of `path`; `read_date` turns a
    value into a date or None (the site's own date reading, with its time zone)."""
    problems: list[Diagnostic] = []
    at = lambda key: lines.get(key, lines.get("consent"))  # noqa: E731 - a local shorthand
    if not isinstance(raw, dict):
        problems.append(error(path, lines.get("consent"), "consent.malformed",
                              f"{where} must be a block with obtained: and form:, not {_show(raw)}",
                              "write it as consent: {obtained: 2025-04-10, form: written}"))
        return Consent(None, None, "", False, None, "", "", False, path, dict(lines), tuple(problems))
    for key in raw:
        if key not in KEYS:
            problems.append(warning(path, at(key), "front-matter.unknown-key", f"unknown key '{where}.{key}'",
                                    f"{where} knows: " + ", ".join(KEYS)))

    obtained = None
    o = raw.get("obtained")
    if _empty(o):
        problems.append(error(path, at("obtained"), "consent.malformed", f"{where} 'obtained' has no date",
                              "write the date consent was given: obtained: 2025-04-10"))
    else:
        obtained = read_date(o)
        if obtained is None:
            problems.append(error(path, at("obtained"), "consent.malformed",
                                  f"{where} 'obtained' date {_show(o)} cannot be read",
                                  "write the date consent was given, year first: obtained: 2025-04-10"))

    f = raw.get("form")
    form = str(f).strip().lower() if isinstance(f, (str, int)) and not isinstance(f, bool) and str(f).strip() else None
    if form not in FORMS:
        what = "is missing" if form is None else f"{shorten(form)!r} is not a form of consent"
        problems.append(error(path, at("form"), "consent.malformed", f"{where} 'form' {what}",
                              "form: written, verbal or electronic"))

    s = raw.get("scope")
    scope = str(s).strip() if isinstance(s, (str, int)) and not isinstance(s, bool) else ""

    w = raw.get("withdrawn")
    withdrawn = not _empty(w)  # anything at all written here means withdrawn
    withdrawn_on = read_date(w) if withdrawn and not isinstance(w, bool) else None
    withdrawn_text = "" if not withdrawn else (str(w).lower() if isinstance(w, bool) else str(w).strip())

    r = raw.get("reviewed")
    reviewed = ""
    if not _empty(r):
        reviewed = str(r).strip().lower()
        if not _FINGERPRINT_RE.match(reviewed):
            problems.append(error(path, at("reviewed"), "consent.reviewed",
                                  f"{where} 'reviewed' is {_show(r)}, which is not a fingerprint sitegen made",
                                  "run sitegen consent FILE and copy the line 'reviewed: v1-…' it prints"))
            reviewed = ""

    i = raw.get("images")
    images = i is True or (isinstance(i, str) and i.strip().lower() in ("yes", "true"))
    if not _empty(i) and not isinstance(i, bool) and not (isinstance(i, str) and i.strip().lower() in
                                                          ("yes", "no", "true", "false")):
        problems.append(error(path, at("images"), "consent.malformed",
                              f"{where} 'images' must be true or false, not {_show(i)}",
                              "write images: true only if the client agreed to the photos being published"))
    return Consent(obtained, form, scope, withdrawn, withdrawn_on, withdrawn_text, reviewed, images,
                   path, dict(lines), tuple(problems))


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return str(value).lower()
    return repr(shorten(str(value)))


# -- the text the client agrees to ----------------------------------------------------------

def _flatten(value: Any) -> str:
    if isinstance(value, dict):
        return " ".join(f"{k}: {_flatten(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return " | ".join(_flatten(v) for v in value)
    if value is None:
        return ""
    return str(value)


def _normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def text_fingerprint(meta: Mapping[str, Any], body: str) -> str:
    """'v1-' and 12 hex digits: the same for the same published words, whatever the whitespace."""
    parts = [f"{key}={_normalise(_flatten(meta.get(key)))}" for key in REVIEWED_FIELDS if meta.get(key) is not None]
    parts.append("body=" + _normalise(body))
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return FINGERPRINT_PREFIX + digest[:12]
