"""Names the capital letter does not mark: lower case, nicknames, and other scripts.

    "her son jamie"                    a relation before a given name in lower case
    "jolene (she goes by jo)"          a name and what she goes by
    "shaz (her nickname …)"            a word the text calls a name
    "tam's calves", "with jo,"         a name found once, again in lower case
    "王秀英"                            a word in another script inside English text

Casual posts are often written all in lower case, so a capital cannot be what makes a name
there; these cues can.  Essays are not read this way (their lower-case words are never names).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sitegen.privacy import lexicon as L
from sitegen.privacy.lazyre import lazy
from sitegen.privacy.namecues import _PERSON_CALLED
from sitegen.privacy.nameguards import _NAMING_WORDS
from sitegen.privacy.nametokens import COMMON_WORD_ZIPF, _prev_word
from sitegen.privacy.tokens import TextIndex, register_vocabulary
from sitegen.privacy.wordstats import Stats

Span = tuple[int, int, bool]

_NEXT_LOWER = lazy(r"(,? )([a-z][a-z'’\-]{1,20})\b")
_WORD = r"([A-Za-z][a-z'’\-]{1,20})"
# "goes by jo", "real name tamsin", "known as Bertie", "her nickname is Shaz"
_NAMED_AS = lazy(r"\b(?:goes|went|going|go)\s+by\s+" + _WORD + r"|\breal\s+name,?\s+(?:is\s+|was\s+)?" + _WORD +
                       r"|\bknown\s+as\s+" + _WORD + r"|\bnickname,?\s+(?:is\s+|was\s+)" + _WORD +
                       r"|(?<![\w'’])" + _WORD + r"\s+is\s+what\s+(?:she|he|they)(?:['’]s|\s+is|\s+are|['’]re)\s+called\b" +
                       r"|\bcall(?:ing|ed|s)?\s+(?:her|him|them)\s+" + _WORD, re.IGNORECASE)
# "shaz (her nickname, …)", "tam (real name tamsin …)", "jolene (she goes by jo)"
_NAME_BEFORE_BRACKET = lazy(
    r"(?<![\w'’@])" + _WORD + r"\s*\(\s*(?:(?:her|his|their)\s+(?:nick)?name\b|real\s+name\b|not\s+(?:her|his|their)\s+real|"
    r"(?:she|he|they)\s+goes\s+by\b|nickname\b|name\s+changed\b|"
    # "kiri (everyone calls her kiz)", "sage (she writes it lower case)", "bex (short for rebecca)"
    r"(?:everyone|everybody|people|friends|we|they|most\s+people|(?:her|his|their)\s+(?:friends|family|mates))\s+"
    r"calls?\s+(?:her|him|them)\b|(?:she|he|they)\s+(?:writes|spells)\s+it\b|short\s+for\b)", re.IGNORECASE)
_NAMING_ANCHORS = register_vocabulary(frozenset("by name nickname known call calls calling called writes spells short"
                                                .split()))
_PERSON_NEXT = L.GIVEN_ACTION_VERBS | L.SPEECH_VERBS


def names_in_lower_case(ix: TextIndex, allowed: frozenset[str], st: Stats,
                        known: dict[str, bool]) -> Iterator[Span]:
    """Names written in lower case or introduced as what someone is called; `known` holds the
    names already found with capitals (lower case → found with a person cue)."""
    text = ix.text
    found: dict[str, bool] = {}
    for s, e, cue in _after_relations(ix, allowed, st):
        found.setdefault(text[s:e].lower(), cue)
        yield s, e, cue
    for s, e in _opening_lower(ix, allowed, st):
        found.setdefault(text[s:e].lower(), False)
        yield s, e, False
    for s, e, plain in _introduced(ix):
        word = text[s:e]
        # "hope is what she's called" says it outright: a given name then, however common a word
        if word.lower() in allowed or not (_could_be_name(word, st) or plain and st.of(word).given >= 1
                                           and word.capitalize() not in L.FUNCTION_WORDS):
            continue
        found[word.lower()] = True
        yield s, e, True
    names = {**known, **found}
    if names:
        yield from _again_in_lower_case(ix, names, st)


def _after_relations(ix: TextIndex, allowed: frozenset[str], st: Stats) -> Iterator[Span]:
    """A name written in lower case after a relation word: "her son jamie", "my client priya"."""
    text = ix.text
    for _s, e in ix.anchors(L.RELATION_WORDS):
        m = _NEXT_LOWER.match(text, e)
        if m is None:
            continue
        rel, name = ix.lower[_s:e], m.group(2)
        if rel in _NAMING_WORDS and m.group(1) != " ":
            continue
        if rel in _NAMING_WORDS and _PERSON_CALLED.search(text, max(0, _s - 20), e + 1) and _could_be_name(name, st) \
                and name.capitalize() not in L.FUNCTION_WORDS and name not in allowed:
            yield m.start(2), m.end(2), True  # "a bloke called gaz": named after a word for a person
            continue
        if rel in ("client", "patient") and m.group(1) == ", " and text.startswith(",", m.end(2)) \
                and st.of(name).given >= 1 and name.capitalize() not in L.FUNCTION_WORDS and name not in allowed:
            yield m.start(2), m.end(2), True  # "new client, hope, came in": the client's name in apposition
            continue
        if name in allowed or name.capitalize() in L.FUNCTION_WORDS:
            continue
        if name.capitalize() in L.AMBIGUOUS_WORDS and not (rel in _KIN and _ends_phrase(text, m.end(2))):
            continue  # "her mum rose early" (but "her partner sky (yes, sky …)" names him)
        ws = st.of(name)
        # After a word for family a noun cannot follow ("her partner sky", "his son bill"): a given name is a
        # name there even when it is a common word too; after "client" or "patient" it may be a compound
        # ("client notes"), so the word must be rare as well.
        if ws.given >= 1 and ws.zipf < (_KIN_ZIPF if rel in _KIN else COMMON_WORD_ZIPF):
            yield m.start(2), m.end(2), True


register_vocabulary(L.RELATION_WORDS)
_KIN = L.RELATION_WORDS - _NAMING_WORDS - frozenset("""client patient colleague colleagues co-worker coworker supervisor
    manager boss carer caregiver friends kids children baby""".split())
_KIN_ZIPF = 5.5


def _ends_phrase(text: str, end: int) -> bool:
    """Whether punctuation or a verb only a person does follows the word ending at `end`."""
    rest = text[end:end + 3].lstrip(" ")
    if not rest or rest[0] in ",.;:()!?\u2014\u2013\n":
        return True
    nxt = _NEXT_LOWER.match(text, end)
    return nxt is not None and nxt.group(1) == " " and nxt.group(2) in _PERSON_NEXT


def _introduced(ix: TextIndex) -> Iterator[tuple[int, int, bool]]:
    """Words the text itself calls a name: "goes by jo", "shaz (her nickname …)"."""
    text, low = ix.text, ix.lower
    hits = [(s, e) for s, e in ix.anchors(_NAMING_ANCHORS) if _introduces(low, s, e)]
    if not hits:
        return
    for a, b in ix.windows(hits, 40, 30):
        for pat in (_NAMED_AS, _NAME_BEFORE_BRACKET):
            for m in pat.finditer(text, a, b):
                g = next(k for k in range(1, (m.lastindex or 1) + 1) if m.group(k))
                yield m.start(g), m.end(g), pat is _NAMED_AS and g == 5


def _introduces(low: str, s: int, e: int) -> bool:
    """The cheap test before the patterns: "goes by", "known as", "call her", "(her nickname", "real name"."""
    word = low[s:e]
    if word == "by":
        return low.endswith(("goes ", "went ", "going ", "go "), max(0, s - 6), s)
    if word == "known":
        return low.startswith(" as ", e)
    if word.startswith("call"):
        return low.startswith((" her ", " him ", " them "), e) or " what " in low[max(0, s - 24):s]
    return "(" in low[max(0, s - 24):s] or low.endswith("real ", max(0, s - 5), s) or low.startswith((",", " is", " was"), e)


def _could_be_name(word: str, st: Stats) -> bool:
    """Not a function word or a common English word ("goes by bus", "the pain (her name for it)")."""
    if word.capitalize() in L.FUNCTION_WORDS or word.capitalize() in L.GRAMMATICAL_WORDS:
        return False
    ws = st.of(word)
    return ws.zipf < 3.5 or ws.given >= 1 and ws.zipf < 4.5


def _again_in_lower_case(ix: TextIndex, names: dict[str, bool], st: Stats) -> Iterator[Span]:
    """A name found once, in lower case elsewhere: "tam's calves", "with jo, the best thing"."""
    text, low = ix.text, ix.lower
    n = len(text)
    for name, cue in names.items():
        if len(name) < 2 or not name.isalpha() or name in ("i",):
            continue
        ws = st.of(name)
        rare = ws.zipf < 3.5 or ws.given >= 1 and ws.zipf < COMMON_WORD_ZIPF
        i = low.find(name)
        while i >= 0:
            e = i + len(name)
            if text[i].islower() and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "'’@._-/")) \
                    and (e >= n or not (text[e].isalnum() or text[e] in "@_")):
                poss = text.startswith(("'s", "’s"), e)
                nxt = _NEXT_LOWER.match(text, e + 2 if poss else e)
                if rare or poss or nxt is not None and (nxt.group(2) in _PERSON_NEXT or cue and _opens_with_deed(
                        text, i, nxt)):
                    yield i, e, cue
            i = low.find(name, e)


def _opens_with_deed(text: str, i: int, nxt: re.Match) -> bool:
    """ "sky measured the floor", "sky didn't believe him": a name known from a cue opening a sentence
    in lower case, then a past tense or a negation (after "the" or "a", "the sky darkened" is the sky)."""
    if nxt.group(1) != " " or not nxt.group(2).endswith(("ed", "n't", "n’t")):
        return False
    before = text[max(0, i - 2):i]
    return i == 0 or before.endswith(("\n", ". ", "! ", "? ", "- ", "* ")) or before == " " * 2


_SCRIPTS = lazy(r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0900-\u0dff\u0e00-\u0e7f\u1100-\u11ff"
                      r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+(?:[ \u00b7\u30fb][\u0370-\u03ff"
                      r"\u0400-\u04ff\u0590-\u06ff\u0900-\u0dff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]+)?")


def other_scripts(text: str) -> Iterator[Span]:
    """Words in another script inside English text (Cyrillic, Greek, Arabic, Hebrew, Indic,
    Chinese, Japanese, Korean) are most often a person's name written as they write it."""
    if text.isascii():
        return
    for m in _SCRIPTS.finditer(text):
        if len(m.group()) >= 2:
            prev, gap = _prev_word(text, m.start())
            cue = prev is not None and (prev in L.TITLES or prev.lower() in L.RELATION_WORDS)
            yield m.start(), m.end(), cue


# "jade came in v anxious", "jen said on the phone …": notes written all in lower case open a sentence
# with the client's name and what only a person does.  A given name, no common word: a name to review.
_SAYS_WORDS = register_vocabulary(frozenset("said says told tells texted rang phoned messaged wanted came".split()))
_OPENING_WORD = lazy(r"(?:^(?:[-*]\s+)?|[.!?]\s+|\n(?:[-*]\s+)?|\)\s+)([a-z][a-z'’\-]{1,15})\s+$")
_CAME_WHERE = (" in", " to", " back", " along")


def _opening_lower(ix: TextIndex, allowed: frozenset[str], st: Stats) -> Iterator[tuple[int, int]]:
    text = ix.text
    for s, e in ix.anchors(_SAYS_WORDS):
        if text[s] != text[s].lower() or text.startswith("came", s) and not text.startswith(_CAME_WHERE, e):
            continue
        m = _OPENING_WORD.search(text, max(0, s - 20), s)
        if m is None:
            continue
        word = m.group(1)
        if word in allowed or word.capitalize() in L.FUNCTION_WORDS or word.capitalize() in L.GRAMMATICAL_WORDS:
            continue
        ws = st.of(word)
        if ws.given >= 1 and ws.zipf < 4.0:
            yield m.start(1), m.end(1)
