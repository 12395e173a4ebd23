"""Allowed phrases and register strings, found whole-word and case-insensitively in a text.

    allow_set, allow_words = allow_matcher(("Morven Tait", "Quayle Soft Tissue Therapy"))
    allow_set.spans(text, lower)         # [(start, end), ...]

The register's strings are matched with accents folded ("Zoë" finds "Zoe"), and its phone
numbers in any grouping and in international form.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache


class PhraseSet:
    """Case-insensitive, whole-word matching of literal phrases, fast on long texts.

    Each phrase is found by `str.find` on its first few characters in the
    lower-cased text (C speed), then confirmed with its own small pattern,
    which tolerates any whitespace between words and, for phone-like
    phrases, any grouping of the digits.
    """

    __slots__ = ("items",)

    def __init__(self, phrases: Iterable[str], fold: bool = False) -> None:
        # (key, pattern, words): a phone-like phrase is confirmed by its pattern; a phrase of plain
        # lower-case words ASCII-only is compared word by word in the lower-cased text (no pattern to
        # compile for each post's client and pseudonyms).
        self.items: list[tuple[str, re.Pattern[str] | None, tuple[str, ...]]] = []
        for phrase in sorted(set(phrases), key=len, reverse=True):
            if fold:
                phrase = fold_aligned(phrase)
            digits = sum(c.isdigit() for c in phrase)
            if digits >= 7 and digits >= len(re.sub(r"\W", "", phrase)) - 2:
                # "07412 556789" also matches "07412556789" and "07412-556-789"
                compact = re.sub(r"\D", "", phrase)
                body = r"[\s().\-]*".join(re.escape(c) for c in compact)
                self.items.append((compact[:3], re.compile(body + r"(?!\w)", re.IGNORECASE), ()))
                continue
            words = phrase.split()
            if phrase.isascii():
                self.items.append((words[0].lower(), None, tuple(w.lower() for w in words)))
                continue
            body = r"\s+".join(re.escape(w) for w in words)
            self.items.append((words[0].lower(), re.compile(body + r"(?!\w)", re.IGNORECASE), ()))

    def spans(self, text: str, lower: str) -> list[tuple[int, int]]:
        out = []
        n = len(lower)
        for key, pattern, words in self.items:
            i = lower.find(key)
            while i >= 0:
                if i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_") or not key[0].isalnum():
                    if pattern is not None:
                        m = pattern.match(text, i)
                        end = m.end() if m is not None else -1
                    else:
                        end = _words_at(lower, n, i, words)
                    if end > i:
                        out.append((i, end))
                i = lower.find(key, i + 1)
        return out


def _words_at(lower: str, n: int, i: int, words: tuple[str, ...]) -> int:
    """Where `words` (separated by any whitespace, then not followed by a word character) end when
    they start at `i` in the lower-cased text, else -1."""
    j = i
    for k, w in enumerate(words):
        if k:
            s = j
            while j < n and lower[j].isspace():
                j += 1
            if j == s:
                return -1
        if not lower.startswith(w, j):
            return -1
        j += len(w)
    if j < n and (lower[j].isalnum() or lower[j] == "_"):
        return -1
    return j


def _words_of(phrase: str) -> Iterator[str]:
    words = phrase.split()
    if len(words) == 1:
        yield words[0]
        return
    for w in words:
        w = w.strip(".,;:()\"'")
        # single letters ("Client A") are never flagged on their own anyway
        if len(w) > 1 and w[0].isupper():
            yield w


@lru_cache(maxsize=256)
def allow_matcher(allow: tuple[str, ...]) -> tuple[PhraseSet | None, frozenset[str]]:
    phrases = {p.strip() for p in allow if p and p.strip()}
    words = {w for p in phrases for w in _words_of(p)}
    if not phrases:
        return None, frozenset()
    return PhraseSet(phrases | words), frozenset(w.lower() for w in words)


def e164(raw: str, region: str) -> str | None:
    import phonenumbers  # only when a register lists a phone number

    try:
        num = phonenumbers.parse(raw, region.upper())
    except phonenumbers.NumberParseException:
        return None
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)


@lru_cache(maxsize=64)
def register_phones(register: tuple[str, ...], region: str) -> frozenset[str]:
    """The register's phone numbers in one canonical form (+447412556789)."""
    out = set()
    for entry in register:
        digits = sum(c.isdigit() for c in entry)
        if 7 <= digits <= 15 and not any(c.isalpha() for c in entry):
            canon = e164(entry, region)
            if canon:
                out.add(canon)
    return frozenset(out)


@lru_cache(maxsize=64)
def register_matcher(register: tuple[str, ...]) -> PhraseSet | None:
    phrases = {p.strip() for p in register if p and p.strip()}
    return PhraseSet(phrases, fold=True) if phrases else None


def fold_aligned(text: str) -> str:
    """`text` without accents ("Zoë" → "Zoe"), character for character, so offsets still hold."""
    if text.isascii():
        return text
    out = []
    for c in text:
        if c.isascii():
            out.append(c)
            continue
        base = "".join(ch for ch in unicodedata.normalize("NFKD", c) if not unicodedata.combining(ch))
        out.append(base if len(base) == 1 else c)
    return "".join(out)
