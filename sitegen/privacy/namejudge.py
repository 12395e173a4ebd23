"""Whether a capitalised word begins a person's name, and how far the name runs.

`names` walks the words of a text; for each one it asks `judge_word` here whether the word begins
a name (a title before it, a person cue, a given name, a given name with a surname), `extend_surname`
how many words the name takes ("Gareth J. Pryce", "Anna van der Berg"), `bare_unknown` whether an
unknown rare word mid-sentence may be a name to review, and `known_not_client` whether the words are
a cited author, a named thing or a product; `practitioner` whether a titled name ("Dr", "Prof") is a
doctor, a colleague or an author (a name to review) or someone of the client's (an error).
"""

from __future__ import annotations

from sitegen.privacy import lexicon as L
from sitegen.privacy import nameuses as U
from sitegen.privacy import people as P
from sitegen.privacy.lazyre import lazy
from sitegen.privacy.namecues import NOT_KIN, _person_cue, owned_body
from sitegen.privacy.nameguards import _NAMING_WORDS, _PLACE_NOUNS, _followed_by_suffix, _guarded
from sitegen.privacy.nametokens import (
    _AMBIG,
    _FUNC,
    _GIVEN,
    _SKIP,
    _UNKNOWN,
    _WORD_ENDING,
    RARE_WORD_ZIPF,
    _gscore,
    _is_weak,
    _occurs_lower,
    _Tok,
)
from sitegen.privacy.occupations import OCCUPATIONS
from sitegen.privacy.tokens import TextIndex
from sitegen.privacy.wordstats import Stats, stats


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
    nxt, gap, _ = lt.next(text)
    if nxt is not None and gap in (" ", "'s ", "’s ") and (lt.base, nxt) in P.NAMED_THINGS:
        return True
    if nxt is not None and (lt.base, nxt.lower()) in P.NAMED_THINGS:
        return True
    prev, _gap = first.prev(text)
    if prev is not None and (prev, first.base) in P.NAMED_THINGS:
        return True
    if cue:
        return False
    return lt.base in P.CITED or first.base in P.PRODUCTS or first.base in P.NAMED_HEADS


def _bare_unknown(text: str, toks: list[_Tok], i: int, lines: dict[int, bool], st: Stats) -> bool:
    """An unknown proper noun mid-sentence, rare in English and not a place: possibly a name."""
    t = toks[i]
    if t.cat != _UNKNOWN or t.poss or len(t.base) < 3 or not t.base[1:].islower() and t.base[1:] != t.base[1:].lower():
        return False
    ws = st.of(t.base)
    if ws.zipf >= RARE_WORD_ZIPF or ws.place or ws.place_head or ws.zipf >= RARE_WORD_ZIPF - 0.5 and not ws.surname:
        return False
    if _is_weak(text, t, lines) or _guarded(text, toks, i):
        return False
    if _WORD_ENDING.search(t.low) and not ws.surname:
        return False  # "Reflexologists", "Physiotherapy": a capitalised common noun
    if t.base in P.CITED or t.base in P.PRODUCTS or t.base in L.EPONYM_STEMS:
        return False
    if U.thing_after(text, t.after):
        return False  # "a self-care part, Fluxeries, which are …": a thing; a person is "who"
    if U.demonym(t.base, st):
        return False  # "a Queenslander", "a Glaswegian": someone from a place, or a house, not a name
    prev, gap = t.prev(text)
    if prev is not None and gap == " " and prev.lower() in U.THING_VERBS:
        return False  # "she eats Weetabix", "wears Hokas", "does Hatha and Yin": a thing, not a person
    # part of a longer proper noun ("Structural Integration", "Pilates Reformer", "Tampa Scale of Kinesiophobia")
    if i > 0 and toks[i - 1].end + 1 == t.start and text[toks[i - 1].end] == " " and toks[i - 1].cat != _FUNC:
        return False
    if i > 0 and toks[i - 1].after + 4 == t.start and text[t.start - 4:t.start] in (" of ", " de ", " la "):
        return False
    if i + 1 < len(toks) and t.after + 1 == toks[i + 1].start and text[t.after] == " ":
        return False
    return any(c.islower() for c in t.base[1:])


def _judge(text: str, toks: list[_Tok], i: int, lines: dict[int, bool]) -> tuple[bool, int | None, bool]:
    """Decide whether toks[i] begins a name; return (verdict, start of a title before it, a person cue?)."""
    t = toks[i]
    prev, gap_before = t.prev(text)

    # A title right before: "Mrs Adeyemi", "Dr. Lund".  The strongest signal.
    if prev is not None and prev in L.TITLES and gap_before in (" ", ". ", ".\u00a0", "\u00a0"):
        if (prev not in L.WEAK_TITLES or t.cat != _AMBIG) and t.base not in L.TITLED_BRANDS \
                and t.base not in P.PRODUCTS and (prev, t.base) not in P.NAMED_THINGS:
            title_start = t.start - len(gap_before) - len(prev)
            # "12 Elm Dr" is a street, not a doctor
            if not (prev == "Dr" and title_start > 1 and text[title_start - 2].isdigit()):
                return True, title_start, True

    # "the senior carer, Janice, started …", "her neighbour Pat heard her": a person, but not the client
    # nor family, whatever she does: a name to review.
    if prev is not None and prev in NOT_KIN and gap_before.strip() in ("", ",") and "\n" not in gap_before:
        return not _guarded(text, toks, i), None, False

    # The guards (eponyms, citations, places …) only ever say no, and cost the most: they are
    # asked only once something here would say yes.
    strong = _person_cue(text, toks, i, lines, prev, gap_before)
    # A capitalised word right after another proper noun mid-sentence belongs
    # to it ("Chiang Mai", "Structural Integration"), unless evidence above says
    # a person is meant.
    if not strong and i > 0:
        p = toks[i - 1]
        if p.end == t.start - 1 and text[p.end] == " " and p.cat in (_UNKNOWN, _AMBIG, _GIVEN) and not p.poss:
            if not _is_weak(text, p, lines) and p.base not in L.TITLES:
                return False, None, False
    if not strong and t.poss and owned_body(text, t, lines):
        return not _guarded(text, toks, i), None, False  # "Saka's knee": a name to review
    if not strong and t.cat not in (_GIVEN, _AMBIG):
        return False, None, False
    if _guarded(text, toks, i):
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
        if (t.score >= 2 or t.base in L.EXTRA_GIVEN_NAMES) and len(t.base) >= 3 and not _occurs_lower(text, t.low) \
                and not _imperative(text, t):
            return True, None, False
    return False, None, False


_OBJECT_WORDS = frozenset("the a an your my his her their it them him this that".split())


def _imperative(text: str, t: _Tok) -> bool:
    """ "Sue the hospital?", "Lance the boil": a verb that is also a name, giving an order."""
    nxt, gap, _ = t.next(text)
    if nxt is None or gap != " " or nxt not in _OBJECT_WORDS:
        return False
    return stats().zipf(t.base) >= 3.0


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
    b = t.base.split("-")[0]  # "Institute-affiliated" still ends an organisation's name
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


def practitioner(ix: TextIndex, title_start: int) -> bool:
    """Whether a case study's title names a profession ("Dr", "Prof") for someone who is not the client:
    in a sentence that speaks of nobody treated ("Dr Ines Vale wrote this one"), or introduced as a
    practitioner ("Dr Gwen Harries, a physio who works in …", "Dr. Patel, Valley Orthopedics"): a
    colleague, a referrer or an author, whose name is put up for review.  In the story ("Dr Vale saw
    her") or tied to the client ("her husband, Dr Vale", "Dr Vale, her mother,") the name is an error."""
    text = ix.text
    j = title_start
    while j < len(text) and text[j].isalpha():
        j += 1
    if text[title_start:j] not in L.PROFESSIONAL_TITLES:
        return False
    before = text[max(0, title_start - 20):title_start].rstrip(" ,\u00a0").rsplit(None, 1)
    if before and before[-1].lower() in _KIN:
        return False
    m = _APPOSED_AFTER_TITLE.match(text, j)
    if m is not None and m.group("own") is not None:
        return m.group("own").lower().split("-")[0] not in _KIN  # "her sister-in-law"
    if m is not None and (m.group("org") is not None or m.group("role").lower() in OCCUPATIONS):
        return True
    return not U.in_story_at(ix, title_start, j, beside=False)


# What stands in apposition after a titled name: a relation ("Dr Vale, her mother-in-law,"), a job
# ("Dr Harries, a physio who …", "Dr Raman, the dentist I refer to") or a workplace ("Dr. Patel, Valley
# Orthopedics").
_APPOSED_AFTER_TITLE = lazy(
    r"\.?(?:[ \u00a0]+[A-Z][\w'’\-]*){1,3},[ \u00a0]+(?:(?:her|his|their|the\s+client['’]s)[ \u00a0]+(?:[a-z]+[ \u00a0]+)?"
    r"(?P<own>[a-z\-]+)\b|(?:an?|the|my|our)[ \u00a0]+(?:[a-z\-]+[ \u00a0]+){0,2}?(?P<role>[a-z\-]+)\b"
    r"|(?P<org>[A-Z][\w'’&\-]*(?:[ \u00a0]+[A-Z][\w'’&\-]*)+)(?=\s*(?:$|[,.;)\n])))")


# Relation words that tie a titled person to the client (a colleague or supervisor is the writer's).
_KIN = L.RELATION_WORDS - _NAMING_WORDS - {"colleague", "colleagues", "co-worker", "coworker", "supervisor",
                                            "manager", "boss"}
