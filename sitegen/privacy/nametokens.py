"""The words the name detector reads: each capitalised word with its category, and where it stands.

A word's category (`_classify`) comes from how common it is: in ordinary English
(wordfreq's Zipf scale), as a given name (gender-guesser) and as a place (GeoNames), see
wordstats.py; sentence position (`_is_weak`) says whether a capital tells anything.
"""

from __future__ import annotations

from sitegen.privacy import lexicon as L
from sitegen.privacy import people as P
from sitegen.privacy.lazyre import lazy
from sitegen.privacy.wordstats import Stats, stats

_AGE_APPOSITION = lazy(r",\s*(?:aged\s+)?\d{1,3}\s*,|\s*\(\s*(?:aged\s+)?\d{1,3}\s*\)")


_CONTRACTION = lazy(r"['’](?:ll|m|ve|d|re|t|s)$")  # "I'll", "Don't", "That's"


_OPENERS = set("\"“‘'([{*_|#>")


_SAINT = frozenset({"St", "Saint", "Ste", "San", "Santa", "Sant"})


# Token categories.
_FUNC, _AMBIG, _GIVEN, _UNKNOWN, _SKIP = range(5)


_NEXT = lazy(r"(\W*)(\w[\w'’]*(?:-\w[\w'’]*)*)")


_LINE_WORD = lazy(r"[^\W\d_]{4,}")


_TITLE_SMALL = frozenset("with from into onto over after about upon than that this".split())


class _Tok:
    __slots__ = ("start", "end", "after", "base", "poss", "cat", "low", "score", "weak", "guard", "_prev", "_next",
                 "reading")

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
        self._prev: tuple[str | None, str] | None = None
        self._next: tuple[str | None, str, int] | None = None
        self.reading = False  # a word such as "reading", "cited", "according to" stands shortly before

    def next(self, text: str) -> tuple[str | None, str, int]:
        """The word after this one (see `_next_word`), found once."""
        if self._next is None:
            self._next = _next_word(text, self.after)
        return self._next

    def prev(self, text: str) -> tuple[str | None, str]:
        """The word before this one and the characters between (asked often: found once)."""
        if self._prev is None:
            self._prev = _prev_word(text, self.start)
        return self._prev


def _prev_word(text: str, pos: int) -> tuple[str | None, str]:
    """The word before `pos` and the characters between it and `pos`."""
    if pos > 1 and text[pos - 1] == " " and text[pos - 2].isalnum():
        # the common case, one space after a word: find the word's start with C-speed searches
        k = pos - 2
        a = max(text.rfind(" ", 0, k), text.rfind("\n", 0, k)) + 1
        word = text[a:pos - 1]
        if word.isalnum():
            return word, " "
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
        t.weak = _opens_sentence(text, t.start, t.prev(text)) or _title_line(text, t.start, lines)
    return t.weak


def _opens_sentence(text: str, pos: int, before: tuple[str | None, str] | None = None) -> bool:
    prev, gap = before if before is not None else _prev_word(text, pos)
    if prev is None:
        return True
    if "|" in gap or ":" in gap:
        return True
    if "." in gap or "!" in gap or "?" in gap or "…" in gap:
        # "Dr. Lund", "J. Smith", "e.g. Priya" do not end a sentence.
        if "!" not in gap and "?" not in gap and "…" not in gap and (
            prev in L.TITLES or len(prev) == 1 and not prev.isdigit() or prev in _SAINT
        ):  # but "2. Cueing" opens a numbered item
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
    if t.low in allowed:
        if len(t.base) >= 2 and not t.base.isupper():
            t.cat = _SKIP
        return
    hit = _CLASSES.get(t.base)
    if hit is None:
        if len(_CLASSES) > 50_000:
            _CLASSES.clear()
        hit = _CLASSES[t.base] = _class_of(t.base, st)
    t.cat, t.score = hit


# A word's category depends on the word alone: found once per word, then looked up.
_CLASSES: dict[str, tuple[int, int]] = {}


def _class_of(b: str, st: Stats) -> tuple[int, int]:
    if len(b) < 2 or b.isupper():
        return _SKIP, -1
    if b in L.FUNCTION_WORDS or b in L.NOT_NAMES or b in L.ANATOMY_WORDS or _CONTRACTION.search(b) \
            or b[-1] == "s" and b[:-1] in L.CALENDAR_WORDS:
        return _FUNC, -1
    if b in L.AMBIGUOUS_WORDS or b in P.PRODUCTS or b in P.NAMED_HEADS:
        return _AMBIG, -1
    ws = st.of(b)
    score = ws.given if ws.given >= 0 or "-" not in b else _gscore(b)
    cat = _GIVEN if score >= 0 else _UNKNOWN
    if cat == _GIVEN and score < POPULAR_NAME and ws.zipf >= COMMON_WORD_ZIPF:
        cat = _AMBIG
    if (b in L.PLACE_NAMES or ws.place >= 4) and score < 5:
        cat = _AMBIG
    return cat, score


def _camel(word: str) -> bool:
    """ "GitHub", "SharePoint", "IDs": capitals inside a word name products, not people
    (but "McDonald", "MacLeod", "DeShawn", "O'Neill" are names)."""
    inner = word[1:]
    if not any(c.isupper() for c in inner):
        return False
    return not _NAME_PREFIX.match(word) and "-" not in word


_NAME_PREFIX = lazy(r"(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|O['’]|D['’])[A-Z]")


_WORD_ENDING = lazy(r"(?:ists|ologist|ology|ologies|ians|ions|ation|ition|ption|ction|ness|ments?|ities|ings|ers|ive|ical|ally|"
                          r"ic|ism|isms|phy|therapy|ectomy|itis|osis|scopy)$")


def after_particle(text: str, pos: int) -> bool:
    """Whether a lower-case surname particle stands right before `pos` ("van der |Horst")."""
    gap = text[max(0, pos - 12):pos]
    words = gap.split(" ")
    return len(words) >= 2 and words[-1] == "" and words[-2] in L.SURNAME_PARTICLES
