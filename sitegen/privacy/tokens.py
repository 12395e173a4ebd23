"""The one pass over a text that every detector shares: capitalised words and runs of digits.

Running each detector's full regex over every post is too slow for a build of
thousands of posts, so the detectors start from these anchors instead: a name,
street, organisation or month is a capitalised word, and a phone number,
date, postcode or record number contains a digit.  Each detector then runs its
precise pattern only in a small window around an anchor.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from sitegen.privacy.lazyre import LazyPattern, lazy

# A capitalised word, with inner apostrophes and hyphens ("O'Neill",
# "Legg-Calvé-Perthes"), starting with a capital (Latin-1 and Latin Extended-A/B).
_UPPER_EXTENDED = "".join(c for c in map(chr, range(0x100, 0x250)) if c.isupper())
_CAP = lazy(r"[A-ZÀ-ÖØ-Þ" + _UPPER_EXTENDED + r"][^\W\d_]*(?:['’][^\W\d_]+)*(?:-[^\W\d_]+(?:['’][^\W\d_]+)*)*")

_VOCABULARY: set[str] = set()
# Each registered vocabulary's number (by identity), and for each word the vocabularies holding
# it: the one pass over the words files every hit under each of them at once.
_VOCAB_NUMBER: dict[int, int] = {}
_VOCABS: list[frozenset[str]] = []
_WORD_VOCABS: dict[str, tuple[int, ...]] = {}


def register_vocabulary(words: frozenset[str]) -> frozenset[str]:
    """Add the words a detector anchors on (and their possessives) to the one shared pass."""
    _VOCABULARY.update(words)
    _VOCABULARY.update([w + "'s" for w in words])
    _VOCABULARY.update([w + "’s" for w in words])
    if id(words) not in _VOCAB_NUMBER:
        k = len(_VOCABS)
        _VOCABS.append(words)  # kept alive, so its id stays its own
        _VOCAB_NUMBER[id(words)] = k
        held, get, one = _WORD_VOCABS, _WORD_VOCABS.get, (k,)
        for w in words:
            held[w] = get(w, ()) + one
    return words


def _JOINED(low: str, j: int) -> bool:
    """Whether low[j] joins the next letter into one word ("step-son", "o'neill")."""
    c = low[j]
    return c.isalpha() or c in "'’-" and j > 0 and low[j - 1].isalpha()


_WORD = lazy(r"[a-z]+(?:['’\-][a-z]+)*")
_DIGITS = lazy(r"\d(?:[\d ().+\-/:\u00a0]*\d)?")
_SENTENCE_END = lazy(r"[.?!](?=[ \n])|\n(?=\n|[-*#|] ?)")
_SEPARATORS = str.maketrans("", "", " ().+-/:\u00a0")


def lowered(pattern: str) -> LazyPattern:
    """`pattern` compiled (on first use) to run on the lower-cased text (`TextIndex.lower`)
    instead of with IGNORECASE, which makes a pattern of many alternatives about three times
    slower: every letter outside an escape is lower-cased ("\\S", "\\D" keep their meaning)."""
    return LazyPattern(pattern, lower=True)


def aligned_lower(text: str) -> str:
    """`text` in lower case with every offset unchanged."""
    low = text.lower()
    if len(low) != len(text):
        # a few characters lower-case to two ("İ"): keep those as they are
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


class TextIndex:
    """Anchors of one text: capitalised words and digit runs, with their offsets."""

    __slots__ = ("text", "caps", "digits", "_lower", "_words", "_hits", "_by_word", "_counts", "_anchored", "_ends",
                 "_per_vocab")

    def __init__(self, text: str) -> None:
        self.text = text
        # a capital glued to a letter, digit or apostrophe before it starts no word ("iPhone", "O'Neill")
        self.caps: list[tuple[int, int]] = [m.span() for m in _CAP.finditer(text) if not (
            m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "'’_"))]
        self.digits: list[tuple[int, int]] = [m.span() for m in _DIGITS.finditer(text)]
        self._lower: str | None = None
        self._words: list[str] | None = None
        self._hits: dict[str, list[tuple[int, int]]] | None = None
        self._by_word: dict[str, list[tuple[int, int]]] | None = None
        self._counts: list[int] | None = None
        self._anchored: dict[frozenset[str], list[tuple[int, int]]] = {}
        self._ends: list[int] | None = None
        self._per_vocab: dict[int, list[tuple[int, int]]] | None = None

    def nothing_to_anchor(self) -> bool:
        """Whether the text holds nothing any detector starts from: no capitalised word, no digit,
        no "@" or "." (addresses, links), no letter outside ASCII, and no registered anchor word."""
        text = self.text
        if self.caps or self.digits or "@" in text or "." in text or "://" in text or not text.isascii():
            return False
        low = self.lower
        if "(at)" in low or "[at]" in low:
            return False
        return _VOCABULARY.isdisjoint(self.words)

    @property
    def lower(self) -> str:
        if self._lower is None:
            self._lower = aligned_lower(self.text)
        return self._lower

    @property
    def words(self) -> list[str]:
        """Every word of the text in lower case, in order (made once, shared by the detectors)."""
        if self._words is None:
            self._words = _WORD.findall(self.lower)
        return self._words

    def anchors(self, vocabulary: frozenset[str]) -> list[tuple[int, int]]:
        """Offsets of the words of the text that belong to `vocabulary` (lower case, whole words;
        "farmer's" counts as "farmer").  The vocabulary must have been registered (see
        `register_vocabulary`): one pass over the words serves every detector."""
        k = _VOCAB_NUMBER.get(id(vocabulary))
        if k is not None and _VOCABS[k] is vocabulary:
            per = self._per_vocab
            if per is None:
                self._find_hits()
                per = self._per_vocab
            out = per.get(k)
            if out is None:
                return []
            if out.__class__ is tuple:  # filed word by word: put in text order once asked
                out = per[k] = sorted(out[0])
            return out
        out = self._anchored.get(vocabulary)
        if out is None:
            hits = self._hits if self._hits is not None else self._find_hits()
            out = [span for w in hits.keys() & vocabulary for span in hits[w]]
            out.sort()
            self._anchored[vocabulary] = out
        return out

    def _find_hits(self) -> dict[str, list[tuple[int, int]]]:
        # Listing the words is cheap; finding every word's offset is not, so only the words
        # some detector asks about are looked up, each from where the last one ended.
        low = self.lower
        n = len(low)
        vocab = _VOCABULARY
        hits: dict[str, list[tuple[int, int]]] = {}
        per: dict[int, list[tuple[int, int]] | tuple[list[tuple[int, int]]]] = {}
        word_vocabs = _WORD_VOCABS
        pos = 0
        for w in [w for w in self.words if w in vocab]:
            if w[-2:] in ("'s", "’s") and w[:-2] in vocab:
                w = w[:-2]
            i = low.find(w, pos)
            while i >= 0:
                e = i + len(w)
                if (i == 0 or not _JOINED(low, i - 1)) and (e >= n or not low[e].isalpha() and not (
                        low[e] == "-" and e + 1 < n and low[e + 1].isalpha())):
                    break
                i = low.find(w, i + 1)
            if i < 0:
                continue
            span = (i, e)
            if w in hits:
                hits[w].append(span)
            else:
                hits[w] = [span]
            pos = e
        # File each word's spans under every vocabulary holding it, word by word (not hit by hit);
        # a vocabulary's list is sorted when first asked for.
        for w, spans in hits.items():
            for k in word_vocabs.get(w, ()):
                if k in per:
                    per[k][0].extend(spans)
                else:
                    per[k] = (list(spans),)
        self._hits = hits
        self._per_vocab = per
        return hits

    def windows(self, spans: list[tuple[int, int]], before: int, after: int) -> list[tuple[int, int]]:
        """Merged windows reaching `before` characters before and `after` after each span."""
        out: list[tuple[int, int]] = []
        n = len(self.text)
        for s, e in spans:
            a = s - before if s > before else 0
            b = e + after if e + after < n else n
            if out and a <= out[-1][1]:
                if b > out[-1][1]:
                    out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
        return out

    def sentence(self, start: int, end: int) -> str:
        """The sentence around text[start:end] (at most 400 characters either side); a single line
        break inside a paragraph does not end one, a blank line, a list item or a heading does."""
        a, b = self.sentence_bounds(start, end)
        return self.text[max(a, start - 400):min(b, end + 400)]

    def sentence_bounds(self, start: int, end: int, around: int = 0) -> tuple[int, int]:
        """Where the sentence around text[start:end] starts and ends, widened by `around`
        sentences either side."""
        ends = self._ends
        if ends is None:
            ends = self._ends = [m.start() for m in _SENTENCE_END.finditer(self.text)]
        k = bisect_left(ends, start)
        a = ends[k - 1 - around] + 1 if k - around > 0 else 0
        j = bisect_left(ends, end, k) + around
        b = ends[j] if j < len(ends) else len(self.text)
        return a, b

    def runs_with(self, n: int) -> list[tuple[int, int]]:
        """The digit runs holding at least `n` digits ("07412 556789" holds 11)."""
        counts = self._counts
        if counts is None:
            text = self.text
            counts = self._counts = [len(text[s:e].translate(_SEPARATORS)) for s, e in self.digits]
        return [span for span, k in zip(self.digits, counts) if k >= n]

    def starts_before(self, pos: int, n: int, punct: bool = False) -> list[int]:
        """Where the `n` words before `pos` start, farthest first, then `pos` itself; with `punct`,
        also the comma or bracket right before each ("Gareth, 52,", "(aged 52)")."""
        low = self.lower
        out = [pos]
        i = pos
        for _ in range(n):
            j = i - 1
            while j >= 0 and not low[j].isalnum():
                j -= 1
            if j < 0:
                break
            k = max(low.rfind(" ", 0, j), low.rfind("\n", 0, j)) + 1
            while k < j and not low[k].isalnum():
                k += 1
            out.append(k)
            i = k
        if punct:
            more = []
            for k in out:
                if k and low[k - 1] in ",([:—–":
                    more.append(k - 1)
                elif k > 1 and low[k - 1] == " " and low[k - 2] in ",([:—–":
                    more.append(k - 2)
            out += more
            out.sort(reverse=True)
        out.reverse()
        return out

    def matches_at(self, pattern: re.Pattern[str] | LazyPattern, spans: list[tuple[int, int]], words: int,
                   lower: bool = True, punct: bool = False) -> Iterator[re.Match[str]]:
        """Matches of `pattern` (on the lower-cased text, see `lowered`, unless `lower` is False)
        that start at an anchor or at one of the `words` words before it and reach the anchor,
        leftmost first and without overlaps.  Trying a pattern at a handful of word starts costs
        far less than running it over a window of text."""
        text = self.lower if lower else self.text
        last = -1
        for s, _e in spans:
            if s < last:
                continue
            for start in self.starts_before(s, words, punct):
                if start < last:
                    continue
                m = pattern.match(text, start)
                if m is not None and m.end() > s:
                    last = m.end()
                    yield m
                    break

    def caps_in(self, words: frozenset[str] | set[str]) -> list[tuple[int, int]]:
        """Capitalised words of the text that belong to `words` (and "Jan." for "Jan")."""
        by_word = self._by_word
        if by_word is None:
            by_word = self._by_word = {}
            text = self.text
            for s, e in self.caps:
                w = text[s:e]
                if w in by_word:
                    by_word[w].append((s, e))
                else:
                    by_word[w] = [(s, e)]
        keys = words & by_word.keys() if len(words) > len(by_word) else by_word.keys() & words
        if not keys:
            return []
        if len(keys) == 1:
            return list(by_word[next(iter(keys))])
        return sorted(span for k in keys for span in by_word[k])
