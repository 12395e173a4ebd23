"""Find people's names in running text with a given-name list, context and guards.

A capitalised word is a name when the evidence around it says so:

* a known given name in the middle of a sentence ("then Priya lifted ...");
* a title before it ("Mrs Adeyemi", "Dr. Lund"), any capitalised word;
* a speech or action verb after it ("Kwame said"), an age in apposition
  ("Gareth, 52,"), a relation before it ("her husband Dev", "a client named
  Jo") or a relation after its possessive ("Grace's daughter");
* a surname after a given name ("Gareth Pryce").

Common words, virtues, plants and months that are also given names ("Will",
"Grace", "May") need one of the stronger signals above; so does any word at
the start of a sentence, a heading or a table cell.  Guards then drop medical
eponyms ("Bell's palsy", "Achilles tendon", "Ehlers-Danlos"), named methods
("Bowen technique"), citations ("Gibbs (1988)"), saints, streets, places and
organisations; a possessive is an eponym only before a medical, test or
method noun ("Baker's cyst"), never before a body part ("Tom's knee").  People
cited as authors ("as Carl Rogers suggested", "Worden's tasks of mourning",
"(Holmes and Rahe, 1967)", a book title after the name) and the city of a US
address ("Austin, TX 78704") are not flagged.  Names confirmed anywhere in the
text are then flagged at every other capitalised occurrence too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from sitegen.privacy import lexicon as L
from sitegen.privacy import people as P
from sitegen.privacy.wordstats import Stats, stats
from sitegen.privacy.places import _STATE_NAMES, _STATES
from sitegen.privacy.tokens import TextIndex, register_vocabulary

_AGE_APPOSITION = re.compile(r",\s*(?:aged\s+)?\d{1,3}\s*,|\s*\(\s*(?:aged\s+)?\d{1,3}\s*\)")
# "Gibbs (1988)", "Simons DG (1999)", "Travell, J. (1983)", "Porges et al."
_CITATION_AFTER = re.compile(
    r"(?:,?\s*(?:[A-Z]\.\s*){1,3}|\s+[A-Z]{1,3}\b)?,?\s*"
    r"(?:\(\s*(?:19|20)\d\d|(?:19|20)\d\d[a-z]?\b[).,:]|et\.?\s+al\b|and\s+colleagues\b)"
)
# A footnote or reference-list line with a year or a DOI: the names are authors.
_REFERENCE_LINE = re.compile(
    r"^\s*(?:\[\^[^\]]*\]:|[-*+]\s|\d+[.)]\s)(?=.*(?:\((?:19|20)\d\d[a-z]?\)|\bet al\b|\bdoi\b|\b(?:19|20)\d\d[a-z]?[.,]))",
    re.IGNORECASE,
)
_CONTRACTION = re.compile(r"['’](?:ll|m|ve|d|re|t|s)$")  # "I'll", "Don't", "That's"
_OPENERS = set("\"“‘'([{*_|#>")

_PLACE_PREPOSITIONS = frozenset(
    "in near outside around across towards toward through into within throughout "
    "via beyond".split()
)
_SAINT = frozenset({"St", "Saint", "Ste", "San", "Santa", "Sant"})
_PLACE_NOUNS = frozenset(
    """Park Hall House Centre Center Bridge Station Castle Abbey Cathedral Bay
    River Valley Dale Moor Fell Forest Wood Heath Common Island Isle Point Head
    Harbour Beach Sands Falls Water Loch Lough Mountain Hills Downs Estate
    Road Street Lane Avenue Square Gardens Market Cross Quay Dock Docks Airport
    Arms Inn Way Hospital School College Academy University Clinic""".split()
)


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


@dataclass
class _Pass:
    """What one reading of a text has found so far."""

    text: str
    toks: list[_Tok]
    essay: bool
    st: Stats
    lines: dict[int, bool] = field(default_factory=dict)
    confirmed: dict[str, bool] = field(default_factory=dict)  # name word → seen with a person cue
    cited: set[str] = field(default_factory=set)  # surnames of people cited in this text
    spans: list[tuple[int, int, int, int, bool]] = field(default_factory=list)  # start, end, first, last tok, cue


def find_names(ix: TextIndex, allowed: frozenset[str] = frozenset(),
               essay: bool = False) -> Iterator[tuple[int, int, bool]]:
    """Yield (start, end, cue) for people's names in the indexed text; `cue` is True when a
    person cue stands with the name (a title, "her son", "said", a surname), False for a
    bare name or an unknown proper noun that may be one.  Essays get only names with a cue."""
    text = ix.text
    st = stats()
    toks: list[_Tok] = []
    for s, e in ix.caps:
        t = _Tok(s, e, text[s:e], text)
        _classify(t, allowed, st)
        toks.append(t)
    p = _Pass(text, toks, essay, st)
    i = 0
    while i < len(toks):
        i = _read_at(p, i)
    _drop_cited(p)
    _other_occurrences(p)
    if not essay:  # an essay's lower-case words are never read as names
        yield from _lowercase_names(text, ix, allowed, st)
        yield from _other_scripts(text)
    p.spans.sort()
    for sp in p.spans:
        yield sp[0], sp[1], sp[4]


def _read_at(p: _Pass, i: int) -> int:
    """Judge the word toks[i]; record a name found there; return the index to read next."""
    text, toks = p.text, p.toks
    t = toks[i]
    if t.cat == _SKIP:
        return i + 1
    if t.cat == _FUNC:
        # Even a common word is a name right after a title or "her son" ("Mrs Day",
        # "her husband Will"): the strongest cues are read before the word lists.
        if not _cue_word_before(text, t.start):
            return i + 1
        title_start = _title_start(text, toks, i)
        if title_start is not None or _relation_before(text, t):
            p.spans.append((title_start if title_start is not None else t.start, t.end, i, i, True))
            p.confirmed[t.base] = True
        return i + 1
    if t.low in L.SURNAME_PARTICLES and _particle_eponym(text, toks, i):
        return i + 2  # "De Quervain's", "Van Buchem disease", "Le Fort fractures"
    verdict, title_start, cue = _judge(text, toks, i, p.lines)
    if not verdict and not p.essay and _bare_unknown(text, toks, i, p.lines, p.st):
        verdict, title_start, cue = True, None, False
    if not verdict or _camel(t.base):
        return i + 1
    last = _extend_surname(text, toks, i)
    if title_start is None and last > i and _medical_after(text, toks[last]):
        return last + 1  # "Ramsay Hunt syndrome", "Tommy John surgery"
    start = title_start if title_start is not None else t.start
    if _cited(text, toks, i, last, start, title_start is not None) or _us_city(text, toks[last], start) or (
            title_start is None and _known_not_client(text, toks, i, last, cue)):
        p.cited.add(toks[last].base)
        return last + 1  # an author cited, a city in a US address, a named thing
    if title_start is not None and text[title_start:title_start + 2] in ("Dr", "Pr") and (
            toks[last].base in P.CITED or toks[last].base in p.cited):
        return last + 1  # "Dr. Worden's framing", "Dr Upledger": the author, with a title
    if last > i and title_start is None and not cue:
        cue = toks[i].cat == _GIVEN and _surname_like(toks[last], p.st)
    if p.essay and not (cue and (title_start is not None or t.cat == _GIVEN or last > i)):
        return last + 1  # in an essay a name needs a person cue, and a person's name
    p.spans.append((start, toks[last].end, i, last, cue))
    for k in range(i, last + 1):
        if toks[k].cat not in (_FUNC, _SKIP):
            p.confirmed[toks[k].base] = p.confirmed.get(toks[k].base, False) or cue
    return last + 1


def _camel(word: str) -> bool:
    """ "GitHub", "SharePoint", "IDs": capitals inside a word name products, not people
    (but "McDonald", "MacLeod", "DeShawn", "O'Neill" are names)."""
    inner = word[1:]
    if not any(c.isupper() for c in inner):
        return False
    return not _NAME_PREFIX.match(word) and "-" not in word


_NAME_PREFIX = re.compile(r"(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|O['’]|D['’])[A-Z]")


def _drop_cited(p: _Pass) -> None:
    """A surname cited once is the author wherever it recurs without a client's title."""
    if not p.cited:
        return
    p.spans = [sp for sp in p.spans if not (p.toks[sp[3]].base in p.cited and (
        sp[0] == p.toks[sp[2]].start or p.text[sp[0]:sp[0] + 2] in ("Dr", "Pr")))]
    for b in p.cited:
        p.confirmed.pop(b, None)


def _other_occurrences(p: _Pass) -> None:
    """A name found once is flagged at its other capitalised occurrences too."""
    if not p.confirmed:
        return
    text, toks = p.text, p.toks
    taken = {k for sp in p.spans for k in range(sp[2], sp[3] + 1)}
    for i, t in enumerate(toks):
        if i in taken or t.base not in p.confirmed or t.cat in (_FUNC, _SKIP):
            continue
        if t.cat == _AMBIG and _is_weak(text, t, p.lines) or _guarded(text, toks, i, p.confirmed[t.base]):
            continue  # a name known from a person cue is a person after "through" or "with" too
        if p.essay and not p.confirmed[t.base]:
            continue
        p.spans.append((t.start, t.end, i, i, p.confirmed[t.base]))


_CUE_WORDS = frozenset(L.TITLES) | frozenset(w.capitalize() for w in L.RELATION_WORDS) | L.RELATION_WORDS


def _cue_word_before(text: str, pos: int) -> bool:
    """The cheap test before reading a title or a relation word in front of `pos`."""
    if pos < 2 or text[pos - 1] not in " \u00a0":
        return False
    j = max(text.rfind(" ", max(0, pos - 16), pos - 1), text.rfind("\n", max(0, pos - 16), pos - 1))
    return text[j + 1:pos - 1].rstrip(".,") in _CUE_WORDS


def _title_start(text: str, toks: list[_Tok], i: int) -> int | None:
    """Where a title right before toks[i] starts ("Mrs Day", "Dr. West"), else None."""
    t = toks[i]
    prev, gap_before = _prev_word(text, t.start)
    if prev is None or prev not in L.TITLES or gap_before not in (" ", ". ", ".\u00a0", "\u00a0"):
        return None
    if prev in L.WEAK_TITLES or t.base in L.TITLED_BRANDS or (prev, t.base) in P.NAMED_THINGS \
            or t.base in P.PRODUCTS:
        return None
    title_start = t.start - len(gap_before) - len(prev)
    if prev == "Dr" and title_start > 1 and text[title_start - 2].isdigit():
        return None  # "12 Elm Dr" is a street, not a doctor
    return title_start


def _relation_before(text: str, t: _Tok) -> bool:
    """ "her husband Will", "my client Day": a relation word right before, in lower case."""
    prev, gap_before = _prev_word(text, t.start)
    return (prev is not None and prev[0].islower() and prev.lower() in L.RELATION_WORDS
            and prev.lower() not in _NAMING_WORDS and gap_before in (" ", ", ")
            and t.base not in L.GRAMMATICAL_WORDS)


def _surname_like(t: _Tok, st: Stats) -> bool:
    """Whether the word after a given name reads as a surname rather than a common word."""
    ws = st.of(t.base)
    return ws.surname > 0 or ws.zipf < RARE_WORD_ZIPF or t.cat == _GIVEN


def _known_not_client(text: str, toks: list[_Tok], i: int, last: int, cue: bool) -> bool:
    """A cited author, a named idiom or object, a product: not a client (unless a strong cue says so)."""
    first, lt = toks[i], toks[last]
    for k in range(i + 1, min(last + 2, len(toks))):
        if toks[k].start - toks[k - 1].after > 2:
            break
        if (first.base, toks[k].base) in P.CITED_FULL or (first.base, toks[k].base) in P.NAMED_THINGS:
            return True
    nxt, gap, _ = _next_word(text, lt.after)
    if nxt is not None and gap in (" ", "'s ", "’s ") and (lt.base, nxt) in P.NAMED_THINGS:
        return True
    if nxt is not None and (lt.base, nxt.lower()) in P.NAMED_THINGS:
        return True
    prev, _gap = _prev_word(text, first.start)
    if prev is not None and (prev, first.base) in P.NAMED_THINGS:
        return True
    if cue:
        return False
    return lt.base in P.CITED or first.base in P.PRODUCTS or first.base in P.NAMED_HEADS


def _bare_unknown(text: str, toks: list[_Tok], i: int, lines: dict[int, bool], st: Stats) -> bool:
    """An unknown proper noun mid-sentence, rare in English and not a place: possibly a name."""
    t = toks[i]
    if t.cat != _UNKNOWN or t.poss or len(t.base) < 3 or sum(c.isupper() for c in t.base) > 1:
        return False
    if _is_weak(text, t, lines) or _guarded(text, toks, i):
        return False
    ws = st.of(t.base)
    if ws.zipf >= RARE_WORD_ZIPF or ws.place or ws.place_head or ws.zipf >= RARE_WORD_ZIPF - 0.5 and not ws.surname:
        return False
    if _WORD_ENDING.search(t.low) and not ws.surname:
        return False  # "Reflexologists", "Physiotherapy": a capitalised common noun
    if t.base in P.CITED or t.base in P.PRODUCTS or t.base in L.EPONYM_STEMS:
        return False
    # part of a longer proper noun ("Structural Integration", "Pilates Reformer")
    if i > 0 and toks[i - 1].end + 1 == t.start and text[toks[i - 1].end] == " " and toks[i - 1].cat != _FUNC:
        return False
    if i + 1 < len(toks) and t.after + 1 == toks[i + 1].start and text[t.after] == " ":
        return False
    return any(c.islower() for c in t.base[1:])


def _lowercase_names(text: str, ix: TextIndex, allowed: frozenset[str], st: Stats) -> Iterator[tuple[int, int, bool]]:
    """A name written in lower case after a relation word: "her son jamie", "my client priya"."""
    for _s, e in ix.anchors(L.RELATION_WORDS):
        m = _NEXT_LOWER.match(text, e)
        if m is None:
            continue
        rel, name = ix.lower[_s:e], m.group(2)
        if rel in _NAMING_WORDS and m.group(1) != " ":
            continue
        if name in allowed or name.capitalize() in L.FUNCTION_WORDS or name.capitalize() in L.AMBIGUOUS_WORDS:
            continue
        ws = st.of(name)
        if ws.given >= 1 and ws.zipf < COMMON_WORD_ZIPF:
            yield m.start(2), m.end(2), True


register_vocabulary(L.RELATION_WORDS)
_NEXT_LOWER = re.compile(r"(,? )([a-z][a-z'’\-]{1,20})\b")


_WORD_ENDING = re.compile(r"(?:ists|ologist|ology|ologies|ians|ions|ness|ments?|ities|ings|ers|ive|ical|ally|"
                          r"ic|ism|isms|phy|therapy|ectomy|itis|osis|scopy)$")


_SCRIPTS = re.compile(r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0900-\u0dff\u0e00-\u0e7f\u1100-\u11ff"
                      r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+(?:[ \u00b7\u30fb][\u0370-\u03ff"
                      r"\u0400-\u04ff\u0590-\u06ff\u0900-\u0dff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]+)?")


def _other_scripts(text: str) -> Iterator[tuple[int, int, bool]]:
    """Words in another script inside English text (Cyrillic, Greek, Arabic, Hebrew, Indic,
    Chinese, Japanese, Korean) are most often a person's name written as they write it."""
    if text.isascii():
        return
    for m in _SCRIPTS.finditer(text):
        if len(m.group()) >= 2:
            prev, gap = _prev_word(text, m.start())
            cue = prev is not None and (prev in L.TITLES or prev.lower() in L.RELATION_WORDS)
            yield m.start(), m.end(), cue


def _judge(text: str, toks: list[_Tok], i: int, lines: dict[int, bool]) -> tuple[bool, int | None, bool]:
    """Decide whether toks[i] begins a name; return (verdict, start of a title before it, a person cue?)."""
    t = toks[i]
    prev, gap_before = _prev_word(text, t.start)

    # A title right before: "Mrs Adeyemi", "Dr. Lund".  The strongest signal.
    if prev is not None and prev in L.TITLES and gap_before in (" ", ". ", ".\u00a0", "\u00a0"):
        if (prev not in L.WEAK_TITLES or t.cat != _AMBIG) and t.base not in L.TITLED_BRANDS \
                and t.base not in P.PRODUCTS and (prev, t.base) not in P.NAMED_THINGS:
            title_start = t.start - len(gap_before) - len(prev)
            # "12 Elm Dr" is a street, not a doctor
            if not (prev == "Dr" and title_start > 1 and text[title_start - 2].isdigit()):
                return True, title_start, True

    if _guarded(text, toks, i):
        return False, None, False

    strong = _person_cue(text, toks, i, lines, prev, gap_before)
    # A capitalised word right after another proper noun mid-sentence belongs
    # to it ("Chiang Mai", "Structural Integration"), unless evidence above says
    # a person is meant.
    if not strong and i > 0:
        p = toks[i - 1]
        if p.end == t.start - 1 and text[p.end] == " " and p.cat in (_UNKNOWN, _AMBIG, _GIVEN) and not p.poss:
            if not _is_weak(text, p, lines) and not (p.base in L.TITLES):
                return False, None, False
    if strong:
        return True, None, True

    # A given name with a surname after it: "Gareth Pryce", "Grace Adeyemi".
    # An ambiguous word must really be a given name ("Little Snoring", "London
    # Marathon" are places and events).
    if t.cat in (_GIVEN, _AMBIG) and not t.poss and _surname_at(text, toks, i + 1):
        if t.cat == _GIVEN or (
            not _is_weak(text, t, lines)
            and t.base not in L.PLACE_NAMES
            and _gscore(t.base) >= 3
        ):
            return True, None, False

    if t.cat == _GIVEN:
        if not _is_weak(text, t, lines):
            return True, None, False
        # At a sentence start the word must look like a name and not appear
        # in lower case elsewhere in the text (then it is a common word).
        if (t.score >= 2 or t.base in L.EXTRA_GIVEN_NAMES) and len(t.base) >= 3 and not _occurs_lower(text, t.low):
            return True, None, False
    return False, None, False


def _person_cue(text: str, toks: list[_Tok], i: int, lines: dict[int, bool], prev: str | None, gap_before: str) -> bool:
    """Whether a person cue stands with toks[i]: "said" after it, an age, "her husband" before it …"""
    t = toks[i]
    nxt, gap_after, _ = _next_word(text, t.after)
    nxt_low = nxt.lower() if nxt is not None else ""
    strong = False
    # "Kwame said", "Grace told me": a person speaking or acting.
    if nxt is not None and not t.poss and gap_after == " ":
        if nxt_low in L.STRONG_SPEECH_VERBS or (t.cat == _GIVEN and nxt_low in L.SPEECH_VERBS):
            strong = True
    # "Gareth, 52," / "Priya (41)": an age in apposition.
    if not strong and not t.poss and _AGE_APPOSITION.match(text, t.end):
        strong = True
    # "Grace's husband", "Kwame's boss".
    if not strong and t.poss and nxt_low in L.POSSESSED_PEOPLE and gap_after == " ":
        strong = True
    # "Tom's knee", "Rhys's left hamstring": a person's body, not an eponym.
    if not strong and t.poss and gap_after == " " and _body_part_after(text, t):
        if t.cat == _GIVEN or (t.cat == _AMBIG and t.base not in L.TIME_NAMES and _gscore(t.base) >= 1):
            strong = True
        elif t.cat == _UNKNOWN and t.low not in L.OCCUPATIONAL_STEMS and not _is_weak(text, t, lines):
            strong = True
    # "Nneka limped in", "Jo lifted her arm": a person acting, even at the start
    # of a line or sentence.
    if not strong and nxt is not None and not t.poss and gap_after == " ":
        if nxt_low in L.PERSON_ACTION_VERBS and t.base not in L.TIME_NAMES:
            strong = (t.cat != _AMBIG or _gscore(t.base) >= 3) and not _title_line(text, t.start, lines)
        elif t.cat == _GIVEN and nxt_low in L.GIVEN_ACTION_VERBS:
            strong = not _title_line(text, t.start, lines)
    # "her husband Dev", "a client named Jo", "her son, Ollie,".  "Called" and
    # "named" also name dogs and techniques, so they need a known given name.
    if not strong and prev is not None and prev.lower() in L.RELATION_WORDS and prev[0].islower():
        if gap_before.strip() in ("", ",") and "\n" not in gap_before:
            strong = t.cat == _GIVEN or prev.lower() not in _NAMING_WORDS
    # "I met Oluwadamilare", "she asked Grace": a verb whose object is a person.
    if not strong and prev is not None and prev in _PERSON_OBJECT_VERBS and gap_before == " ":
        strong = not _is_weak(text, t, lines)
    return strong


def _particles_between(text: str, a: _Tok, b: _Tok) -> bool:
    """Whether only surname particles stand between two words ("Anna van der Berg")."""
    gap = text[a.end : b.start]
    if len(gap) > 16 or not gap.startswith(" ") or not gap.endswith(" "):
        return False
    words = gap.split(" ")[1:-1]
    return bool(words) and all(w in L.SURNAME_PARTICLES for w in words)


def _surname_ok(t: _Tok) -> bool:
    if t.cat in (_FUNC, _SKIP) or len(t.base) < 2 or t.base.isupper():
        return False
    b = t.base
    return not (b in L.STREET_SUFFIXES or b in L.ORG_SUFFIXES or b in _PLACE_NOUNS or t.low in L.EPONYM_NOUNS)


def _surname_at(text: str, toks: list[_Tok], j: int) -> bool:
    """Whether toks[j] can be a surname right after toks[j-1] ("Pryce" in "Gareth Pryce")."""
    if j >= len(toks) or j == 0:
        return False
    prev, s = toks[j - 1], toks[j]
    if prev.poss:
        return False
    if s.start - prev.end != 1 or text[prev.end] != " ":
        if not _particles_between(text, prev, s):
            return False
    return _surname_ok(s) and not _followed_by_suffix(text, toks, j)


def _extend_surname(text: str, toks: list[_Tok], i: int) -> int:
    """Index of the last token of the name starting at toks[i]."""
    last = i
    j = i + 1
    while j < len(toks) and j - i <= 3 and not toks[last].poss:
        s = toks[j]
        prev = toks[last]
        gap = text[prev.end : s.start]
        if len(s.base) == 1 and gap == " " and text[s.end : s.end + 2] == ". ":
            # a middle initial: "Gareth J. Pryce"
            if j + 1 < len(toks) and toks[j + 1].start == s.end + 2 and _surname_ok(toks[j + 1]):
                last = j + 1
                j += 2
                continue
            break
        if not _surname_at(text, toks, j):
            break
        last = j
        j += 1
    return last


def _followed_by_suffix(text: str, toks: list[_Tok], j: int) -> bool:
    """Whether toks[j] begins a run ending in an organisation or street word ("Hollins Bakery")."""
    k = j + 1
    while k < len(toks) and k - j <= 3 and toks[k].start - toks[k - 1].after == 1 and text[toks[k - 1].after] == " ":
        b = toks[k].base
        if b in L.ORG_SUFFIXES or b in L.STREET_SUFFIXES or b in _PLACE_NOUNS:
            return True
        k += 1
    return False


def _guarded(text: str, toks: list[_Tok], i: int, known_person: bool = False) -> bool:
    """Whether toks[i] is an eponym, method, citation, saint, street, place or organisation."""
    if known_person:
        return _guard(text, toks, i, True)
    t = toks[i]
    if t.guard is None:
        t.guard = _guard(text, toks, i, False)
    return t.guard


def _guard(text: str, toks: list[_Tok], i: int, known_person: bool) -> bool:
    t = toks[i]
    b = t.base
    # Hyphenated eponym pairs ("Ehlers-Danlos", "Osgood-Schlatter") are only
    # given names when every part is one ("Mary-Jane").
    if "-" in b and t.cat == _UNKNOWN:
        return True
    prev, gap_before = _prev_word(text, t.start)
    # "the Tyler twist", "The Braxton Hicks tightenings", "a Mulligan glide": a name between an
    # article and a common noun names a method, a sign or a thing, not a person ("the Smith
    # family" still is one).
    if prev in _ARTICLES and gap_before == " " and not t.poss and _modifier_of_noun(text, toks, i):
        return True
    # "St Brigid's", "Saint Anne's".
    if prev in _SAINT and gap_before in (" ", ". "):
        return True
    # "Gibbs (1988)", "Porges et al.", "(Ainsworth, 1978)"
    if _CITATION_AFTER.match(text, t.after) or _in_citation_brackets(text, t.start):
        return True
    ls = text.rfind("\n", 0, t.start) + 1
    if text.startswith(("[^", "- ", "* ", "+ "), ls) or text[ls : ls + 1].isdigit():
        le = text.find("\n", t.start)
        if _REFERENCE_LINE.match(text[ls : le if le >= 0 else len(text)]):
            return True
    nxt, gap, nxt_end = _next_word(text, t.after)
    if nxt is not None:
        if gap in (" ", "-", "\u00a0"):
            nl = nxt.lower()
            # "Achilles tendon", "Bowen technique", "Bechterew spondylitis",
            # "Baker's cyst"; but "Priya's surgery" and "Priya's arthritis" are
            # a person's.
            if t.poss:
                if nl in L.POSSESSIVE_EPONYM_NOUNS:
                    return True
            elif nl in L.EPONYM_NOUNS or _MEDICAL_ENDING.search(nl):
                return True
            if t.poss and nxt[0].islower() and nl not in L.POSSESSED_PEOPLE:
                # "Gibbs' reflective cycle", "Bell's facial palsy"
                n2, gap2, _ = _next_word(text, nxt_end)
                if n2 is not None and gap2 == " " and n2.lower() in L.POSSESSIVE_EPONYM_NOUNS:
                    return True
            if nxt[0].isupper() and gap == " ":
                if nxt in L.STREET_SUFFIXES or nxt in L.ORG_SUFFIXES or nxt in _PLACE_NOUNS:
                    if not t.poss or nxt in L.ORG_SUFFIXES:
                        return True
                if not t.poss and _followed_by_suffix(text, toks, i):
                    return True
        if gap == "-" and nxt[0].isupper():
            return True
    if t.poss and b in L.EPONYM_STEMS:
        # "Parkinson's", "Sever's", "Ménière's" standing alone; "Bell's wife" and
        # "Thomas's knee" are a person's.
        if nxt is None or (nxt.lower() not in L.POSSESSED_PEOPLE and not _body_part_after(text, t)):
            return True
    if prev is not None and prev[0].islower() and gap_before == " ":
        pl = prev.lower()
        # "lives in Chester", "a course in Florence".
        if pl in _PLACE_PREPOSITIONS and not t.poss and not known_person:
            if not (nxt is not None and nxt.lower() in L.STRONG_SPEECH_VERBS and gap == " "):
                return True
    if prev is not None:
        seg = text[max(0, t.start - 60) : t.start].lower()
        if _READING_HINT.search(seg) and _READING_BEFORE.search(seg):
            return True
    return False


_ARTICLES = frozenset("the The a A an An this This these These that That".split())
_PERSON_NOUNS = frozenset("family families household clan twins sisters brothers kids children".split())


def _modifier_of_noun(text: str, toks: list[_Tok], i: int) -> bool:
    """Whether the capitalised run starting at toks[i] is followed by a lower-case noun."""
    j = i
    while j + 1 < len(toks) and toks[j + 1].start == toks[j].after + 1 and text[toks[j].after] == " " and j - i < 2:
        j += 1
    nxt, gap, _ = _next_word(text, toks[j].after)
    if nxt is None or gap != " " or not nxt[0].islower():
        return False
    nl = nxt.lower()
    return nl not in L.SPEECH_VERBS and nl not in L.GIVEN_ACTION_VERBS and nl not in _PERSON_NOUNS \
        and nl not in L.POSSESSED_PEOPLE and nl not in ("and", "or", "who", "whose", "with", "from", "of", "in", "at")


# Words a medical eponym runs into: "Scheuermann's kyphosis", "Bechterew spondylitis".
_MEDICAL_ENDING = re.compile(
    r"(?:itis|osis|opathy|algia|oma|omas|aemia|emia|plasia|trophy|ectomy|otomy|plasty|ostomy|iasis|ismus)$"
)


def _medical_after(text: str, t: _Tok) -> bool:
    """Whether a medical or method noun follows `t` ("... syndrome", "... technique")."""
    if t.poss:
        return False
    nxt, gap, _ = _next_word(text, t.after)
    if nxt is None or gap not in (" ", "-", "\u00a0"):
        return False
    nl = nxt.lower()
    return nl in L.EPONYM_NOUNS or _MEDICAL_ENDING.search(nl) is not None


_PERSON_OBJECT_VERBS = frozenset(
    """met meet meets meeting treated treat treating asked told thanked texted emailed messaged
    phoned rang hugged reassured reminded warned invited introduced referred thank""".split()
)

_READING = frozenset("reading read reads citing cites cited quoting quotes quoted per cf see".split())
_NAMING_WORDS = frozenset("called named nicknamed dubbed aka".split())
# "see also Travell and Simons", "according to Porges": authors, not clients.
# Cheap substrings of the words below: the pattern runs only when one is present.
_READING_HINTS = ("read", "cit", "quot", "see", "cf", "accord", "by", "work", "model", "author", "teaching",
                  "writing", "idea", "theor")
_READING_HINT = re.compile("|".join(_READING_HINTS))
_READING_BEFORE = re.compile(
    r"\b(?:reading|read|reads|citing|cites|cited|quoting|quoted|see|cf|according\s+to|book\s+by|books\s+by|"
    r"work\s+of|model\s+of|authors?|(?:described|developed|coined|proposed|popularised|popularized|pioneered|"
    r"founded|devised|formulated|written|taught)\s+by|(?:teachings?|writings?|ideas?|theory|theories)\s+of)\b[^.;:!?\n()]{0,40}$",
    re.IGNORECASE,
)


def _body_part_after(text: str, t: _Tok) -> bool:
    """Whether a body part follows the possessive `t` ("Tom's knee", "Priya's left shoulder")."""
    nxt, gap, end = _next_word(text, t.after)
    if nxt is None or gap != " " or not nxt[0].islower():
        return False
    nl = nxt.lower()
    if nl in L.BODY_MODIFIERS:
        n2, gap2, _ = _next_word(text, end)
        if n2 is None or gap2 != " ":
            return False
        nl = n2.lower()
    return nl in L.BODY_PARTS and (t.low, nl) not in L.BODY_EPONYMS


def _particle_eponym(text: str, toks: list[_Tok], i: int) -> bool:
    """Whether a capitalised particle starts an eponym ("De Quervain's", "Van Buchem disease")."""
    if i + 1 >= len(toks):
        return False
    t, nx = toks[i], toks[i + 1]
    if t.poss or nx.start - t.end != 1 or text[t.end] != " ":
        return False
    if nx.base in L.EPONYM_STEMS and nx.poss:
        return True
    return _medical_after(text, nx) or (nx.cat not in (_FUNC, _SKIP) and _guarded(text, toks, i + 1))


def _in_citation_brackets(text: str, pos: int) -> bool:
    """Whether `pos` lies inside brackets that hold a year: "(Holmes and Rahe, 1967)"."""
    a = text.rfind("(", max(0, pos - 80), pos)
    if a < 0 or ")" in text[a:pos] or "\n" in text[a:pos]:
        return False
    b = text.find(")", pos, pos + 80)
    return b >= 0 and "(" not in text[pos:b] and _YEAR.search(text, a, b) is not None


_YEAR = re.compile(r"(?<!\d)(?:1[6-9]|20)\d\d[a-z]?(?!\d)")
# "As Donald Winnicott describes", "as Rogers suggested".
# Words of a cited name before the one judged: "Bessel van der " Kolk.
_NAME_WORDS = r"(?:(?:[A-Z][\w'’\-]*\.?|van|von|der|den|de|la|le|du|da|di|del)[ \u00a0]+){0,4}"
_AS_BEFORE = re.compile(r"\b[Aa]s\s+(?:the\s+late\s+)?" + _NAME_WORDS + r"$")
_CITE_VERB_AFTER = re.compile(
    r"\s+(?:has\s+|had\s+|once\s+|famously\s+|so\s+)?(?:describes|described|wrote|writes|taught|teaches|suggests|suggested|"
    r"argues|argued|puts\s+it|put\s+it|observes|observed|notes|noted|explains|explained|reminds\s+us|proposed|proposes|"
    r"shows|showed|calls\s+it|called\s+it|says|said|points\s+out|pointed\s+out|found|discovered|recognised|recognized|"
    r"understood|realised|realized|insisted|believed|wrote|taught)\b"
)
# "Irvin Yalom taught that", "Ida Rolf pioneered": a full name with a scholar's verb.
_SCHOLAR_VERB_AFTER = re.compile(
    r"\s+(?:coined|pioneered|founded|devised|theorised|theorized|popularised|popularized|posited|posits|argued|argues|"
    r"proposed|proposes|hypothesised|hypothesized|(?:wrote|writes|taught|teaches|showed|shows|described|describes)\s+(?:that|about|of|how|in)|"
    r"developed\s+(?:the|a|an|his|her|their)\s+\w+\s+(?:model|theory|method|technique|approach|therapy))\b"
)
# "Thomas Myers, *Anatomy Trains*", "Levine's book 'Waking the Tiger'", "in *The Body Keeps the Score*".
_TITLE_AFTER = re.compile(
    r"(?:\s*,\s*|\s+in\s+|\s*:\s*|\s*\(\s*|\s+)?[*_]{1,2}[A-Z0-9]"
    r"|,?\s+(?:(?:in|from)\s+(?:his|her|their)\s+)?(?:\w+\s+)?(?:book|books|classic|text|paper|essay|memoir|bestseller|"
    r"article|chapter|lecture|talk|study|poem|novel)\s*,?\s*[*_\"“‘']"
)
_TITLE_BEFORE = re.compile(r"(?:[*_]{1,2}\s*(?:,|by|from)|[\"”]\s*by)\s*$")
# "the founder of osteopathy, Andrew Taylor Still", "the psychiatrist Bessel van der Kolk".
_ROLE_BEFORE = re.compile(
    r"(?:\b(?:founder|father|mother|grandfather|grandmother|pioneer|creator|inventor|originator|architect|developer)s?"
    r"\s+of\s+[^,.;:!?\n]{1,40}|\b[Tt]he\s+(?:[a-z\-]+\s+){0,3}(?:psychologists?|psychiatrists?|psychoanalysts?|"
    r"psychotherapists?|neuroscientists?|neurologists?|philosophers?|theorists?|anatomists?|authors?|writers?|"
    r"researchers?|scientists?|physiologists?|novelists?|poets?|academics?|scholars?|educators?|sociologists?|"
    r"pioneers?|founders?|osteopaths?|thinkers?))\s*,?\s*" + _NAME_WORDS + r"$"
)


def _cited(text: str, toks: list[_Tok], i: int, last: int, start: int, titled: bool) -> bool:
    """Whether the name toks[i..last] is a person cited in a scholarly or teaching context."""
    t, lt = toks[i], toks[last]
    full = last > i or titled or t.cat == _UNKNOWN or t.base in L.EPONYM_STEMS
    before = text[max(0, start - 70) : start]
    if _ROLE_BEFORE.search(before) or _TITLE_BEFORE.search(before):
        return True
    if _TITLE_AFTER.match(text, lt.after):
        return True
    if lt.poss:
        nxt, gap, end = _next_word(text, lt.after)
        k = 0
        while nxt is not None and gap == " " and nxt[0].islower() and k < 3:
            nl = nxt.lower()
            if nl in L.SCHOLARLY_NOUNS or (full and nl in L.SCHOLARLY_NOUNS_WEAK):
                return True
            if nl in L.POSSESSED_PEOPLE or nl in L.BODY_PARTS:
                return False
            nxt, gap, end = _next_word(text, end)
            k += 1
        return False
    if full and _AS_BEFORE.search(before) and _CITE_VERB_AFTER.match(text, lt.after):
        return True
    if (last > i or titled) and _SCHOLAR_VERB_AFTER.match(text, lt.after):
        return True
    return False


_STATE_ABBR = "|".join(_STATES)
# "Austin, TX 78704", "Madison, Wisconsin 53703": a city in a US address.
_CITY_STATE_AFTER = re.compile(
    r",?[ \u00a0]+(?:(?:" + _STATE_ABBR + r")\.?|(?:" + _STATE_NAMES + r"))(?:,)?[ \u00a0]+\d{5}(?:-\d{4})?(?![\w-])"
)
_CITY_STATE_ONLY = re.compile(r",[ \u00a0]*(?:" + _STATE_ABBR + r")\b(?![a-z])")
_STREET_BEFORE = re.compile(
    r"(?:\b(?:" + "|".join(sorted(L.STREET_SUFFIXES, key=len, reverse=True)) + r")\.?|\d)[ \u00a0]*,[ \u00a0]*$"
)


def _us_city(text: str, lt: _Tok, start: int) -> bool:
    """Whether the name ending at `lt` is the city of a US address ("…Street, Austin, TX 78704")."""
    if lt.poss:
        return False
    if _CITY_STATE_AFTER.match(text, lt.end):
        return True
    return bool(_CITY_STATE_ONLY.match(text, lt.end)) and _STREET_BEFORE.search(text, max(0, start - 30), start) is not None
