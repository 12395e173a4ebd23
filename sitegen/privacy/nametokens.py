"""The words the name detector reads: each capitalised word with its category, and where it stands.

A word's category (`_classify`) comes from how common it is: in ordinary English
(wordfreq's Zipf scale), as a given name (gender-guesser) and as a place (GeoNames), see
wordstats.py; sentence position (`_is_weak`) says whether a capital tells anything.
"""

from __future__ import annotations

import re

from sitegen.privacy import lexicon as L
from sitegen.privacy import people as P
from sitegen.privacy.wordstats import Stats, stats

_AGE_APPOSITION = re.compile(r",\s*(?:aged\s+)?\d{1,3}\s*,|\s*\(\s*(?:aged\s+)?\d{1,3}\s*\)")


_CONTRACTION = re.compile(r"['’](?:ll|m|ve|d|re|t|s)$")  # "I'll", "Don't", "That's"


_OPENERS = set("\"“‘'([{*_|#>")


_SAINT = frozenset({"St", "Saint", "Ste", "San", "Santa", "Sant"})


# Token categories.
_FUNC, _AMBIG, _GIVEN, _UNKNOWN, _SKIP = range(5)


_NEXT = re.compile(r"(\W*)(\w[\w'’]*(?:-\w[\w'’]*)*)")


_LINE_WORD = re.compile(r"[^\W\d_]{4,}")


_TITLE_SMALL = frozenset("with from into onto over after about upon than that this".split())


class _Tok:
    __slots__ = ("start", "end", "after", "base", "poss", "cat", "low", "score", "weak", "guard")

    def __init__(self, start: int, end: int, word: str, text: str) -> None:
        self.start = start
        poss = False
        after = end
        if len(word) > 2 and word[-2] in "'’" and word[-1] == "s":
            word = word[:-2]
            poss = True
        elif word[-1] == "s" and end < len(text) and text[end] in "'’" and (
            end + 1 >= len(text) or not text[end + 1].isalnum()
        ):
            poss = True  # plural possessive: "Graves' disease"
            after = end + 1
        self.end = start + len(word)
        self.after = after
        self.base = word
        self.poss = poss
        self.low = word.lower()
        self.cat = _SKIP
        self.score = -1
        self.weak: bool | None = None
        self.guard: bool | None = None  # _guarded's answer, once asked


def _prev_word(text: str, pos: int) -> tuple[str | None, str]:
    """The word before `pos` and the characters between it and `pos`."""
    j = pos - 1
    while j >= 0 and not text[j].isalnum():
        j -= 1
    if j < 0:
        return None, text[:pos]
    end = j + 1
    while j >= 0 and (text[j].isalnum() or text[j] in "'’-"):
        j -= 1
    return text[j + 1 : end], text[end:pos]


def _next_word(text: str, pos: int) -> tuple[str | None, str, int]:
    """The word after `pos`, the characters before it, and where it ends."""
    m = _NEXT.match(text, pos)
    if m is None:
        return None, text[pos:], len(text)
    return m.group(2), m.group(1), m.end()


def _is_weak(text: str, t: _Tok, lines: dict[int, bool]) -> bool:
    """Whether `t` opens a sentence, line item, cell, quotation or title-case line."""
    if t.weak is None:
        t.weak = _opens_sentence(text, t.start) or _title_line(text, t.start, lines)
    return t.weak


def _opens_sentence(text: str, pos: int) -> bool:
    prev, gap = _prev_word(text, pos)
    if prev is None:
        return True
    if "|" in gap or ":" in gap:
        return True
    if "." in gap or "!" in gap or "?" in gap or "…" in gap:
        # "Dr. Lund", "J. Smith", "e.g. Priya" do not end a sentence.
        if "!" not in gap and "?" not in gap and "…" not in gap and (
            prev in L.TITLES or len(prev) == 1 or prev in _SAINT
        ):
            return False
        return True
    if "\n" in gap:
        before, _, after = gap.rpartition("\n")
        return bool(after.strip()) or "\n" in before
    return any(c in _OPENERS for c in gap)


def _title_line(text: str, pos: int, cache: dict[int, bool]) -> bool:
    """Whether the line holding `pos` is written in title case (a heading or a title)."""
    ls = text.rfind("\n", 0, pos) + 1
    hit = cache.get(ls)
    if hit is None:
        le = text.find("\n", pos)
        line = text[ls : le if le >= 0 else len(text)]
        caps = lows = 0
        for w in _LINE_WORD.findall(line):
            if w[0].isupper():
                caps += 1
            elif w not in _TITLE_SMALL:
                lows += 1
                break
        hit = cache[ls] = caps >= 2 and lows == 0
    return hit


def _occurs_lower(text: str, low: str) -> bool:
    """Whether `low` appears as a lower-case word somewhere in `text`."""
    i = text.find(low)
    n = len(low)
    while i >= 0:
        # a word of prose, not part of a handle, address or URL ("fellrunner_ruth")
        if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_@./-")) and (
            i + n >= len(text) or not (text[i + n].isalnum() or text[i + n] in "_@")
        ):
            return True
        i = text.find(low, i + 1)
    return False


def _gscore(word: str) -> int:
    """Popularity of `word` as a given name (0-13), -1 when it is none; "Mary-Jane" needs both parts."""
    st = stats()
    score = st.given(word)
    if score < 0 and "-" in word:
        scores = [st.given(p) for p in word.split("-")]
        if all(x >= 0 for x in scores):
            return min(scores)
    return score


# A given name that is also an everyday English word at least this common (Zipf scale:
# "grace" 4.6, "will" 6.5) needs a strong cue, unless it is a very popular name ("john" is
# frequent in English text only as a name: popularity 10 or more).
COMMON_WORD_ZIPF = 4.3


POPULAR_NAME = 9


# An unknown capitalised word rarer than this in English text ("Okafor" 2.6, "Winnicott"
# under 2) may be a name: it is put up for review when nothing else explains it.
RARE_WORD_ZIPF = 3.0


def _classify(t: _Tok, allowed: frozenset[str], st: Stats) -> None:
    b = t.base
    if len(b) < 2 or b.isupper():
        return
    if t.low in allowed:
        t.cat = _SKIP
    elif b in L.FUNCTION_WORDS or b in L.NOT_NAMES or b in L.ANATOMY_WORDS or _CONTRACTION.search(b):
        t.cat = _FUNC
    elif b in L.AMBIGUOUS_WORDS or b in P.PRODUCTS or b in P.NAMED_HEADS:
        t.cat = _AMBIG
    else:
        ws = st.of(b)
        t.score = ws.given if ws.given >= 0 or "-" not in b else _gscore(b)
        t.cat = _GIVEN if t.score >= 0 else _UNKNOWN
        if t.cat == _GIVEN and t.score < POPULAR_NAME and ws.zipf >= COMMON_WORD_ZIPF:
            t.cat = _AMBIG
        if (b in L.PLACE_NAMES or ws.place >= 4) and t.score < 5:
            t.cat = _AMBIG


def _camel(word: str) -> bool:
    """ "GitHub", "SharePoint", "IDs": capitals inside a word name products, not people
    (but "McDonald", "MacLeod", "DeShawn", "O'Neill" are names)."""
    inner = word[1:]
    if not any(c.isupper() for c in inner):
        return False
    return not _NAME_PREFIX.match(word) and "-" not in word


_NAME_PREFIX = re.compile(r"(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|O['’]|D['’])[A-Z]")


_WORD_ENDING = re.compile(r"(?:ists|ologist|ology|ologies|ians|ions|ness|ments?|ities|ings|ers|ive|ical|ally|"
                          r"ic|ism|isms|phy|therapy|ectomy|itis|osis|scopy)$")
