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

from collections.abc import Iterator
from dataclasses import dataclass, field

from sitegen.privacy import lexicon as L
from sitegen.privacy import nameuses as U
from sitegen.privacy import people as P
from sitegen.privacy.lazyre import lazy
from sitegen.privacy.lowernames import names_in_lower_case, other_scripts
from sitegen.privacy.namecues import NOT_KIN, _acts, _naming_bracket, full_name_cue, opening_unknown
from sitegen.privacy.nameguards import (
    _NAMING_WORDS,
    READING_WORDS,
    _body_part_after,
    _cited,
    _guarded,
    _medical_after,
    _particle_eponym,
)
from sitegen.privacy.namejudge import (
    _bare_unknown,
    _extend_surname,
    _judge,
    _known_not_client,
    _surname_like,
    practitioner,
)
from sitegen.privacy.nametokens import (
    _AMBIG,
    _FUNC,
    _GIVEN,
    _SKIP,
    _UNKNOWN,
    RARE_WORD_ZIPF,
    _camel,
    _classify,
    _is_weak,
    _occurs_lower,
    _Tok,
)
from sitegen.privacy.occupations import RELATIVES
from sitegen.privacy.places import us_city
from sitegen.privacy.tokens import TextIndex, register_vocabulary
from sitegen.privacy.wordstats import Stats, stats


@dataclass
class _Pass:
    """What one reading of a text has found so far."""

    text: str
    toks: list[_Tok]
    essay: bool
    st: Stats
    ix: TextIndex
    lines: dict[int, bool] = field(default_factory=dict)
    confirmed: dict[str, bool] = field(default_factory=dict)  # name word → seen with a person cue
    cited: set[str] = field(default_factory=set)  # surnames of people cited in this text
    spans: list[tuple[int, int, int, int, bool]] = field(default_factory=list)  # start, end, first, last tok, cue
    cue_starts: frozenset[int] | None = None  # where a word may start right after a title or a relation word
    figures: set[str] = field(default_factory=set)  # given names of full names passed over as no one in the story


def find_names(ix: TextIndex, allowed: frozenset[str] = frozenset(),
               essay: bool = False) -> Iterator[tuple[int, int, bool]]:
    """Yield (start, end, cue) for people's names in the indexed text; `cue` is True when a
    person cue stands with the name (a title, "her son", "said", a surname), False for a
    bare name or an unknown proper noun that may be one.  Essays get only names with a cue."""
    text = ix.text
    st = stats()
    toks: list[_Tok] = []
    reading = [s for s, _e in ix.anchors(_READING_ANCHORS)]
    r, nr = 0, len(reading)
    for s, e in ix.caps:
        t = _Tok(s, e, text[s:e], text)
        _classify(t, allowed, st)
        while r < nr and reading[r] < s - 60:
            r += 1
        t.reading = r < nr and reading[r] < s
        toks.append(t)
    p = _Pass(text, toks, essay, st, ix)
    i = 0
    while i < len(toks):
        i = _read_at(p, i)
    _drop_cited(p)
    _other_occurrences(p)
    if p.spans:  # "the Epley manoeuvre", then "repeated the Epley": the method's name
        p.spans = U.drop_methods(ix, toks, p.spans)
    p.spans.sort()
    for sp in p.spans:
        yield sp[0], sp[1], sp[4]
    if not essay:  # an essay's lower-case words are never read as names
        known = {b.lower(): cue for b, cue in p.confirmed.items()}
        yield from names_in_lower_case(ix, allowed, st, known)
        yield from other_scripts(text)


def _read_at(p: _Pass, i: int) -> int:
    """Judge the word toks[i]; record a name found there; return the index to read next."""
    text, toks = p.text, p.toks
    t = toks[i]
    if t.cat == _SKIP:
        return i + 1
    if t.cat == _FUNC:
        return _read_function_word(p, i)
    if t.low in L.SURNAME_PARTICLES and _particle_eponym(text, toks, i):
        return i + 2  # "De Quervain's", "Van Buchem disease", "Le Fort fractures"
    verdict, title_start, cue = _verdict(p, i)
    if not verdict or _camel(t.base) or t.low in RELATIVES and _occurs_lower(text, t.low):
        return i + 1  # ("Gogo's house" where "his gogo" is written too: a kinship word, not her name)
    last = _extend_surname(text, toks, i)
    if title_start is None and last > i and _medical_after(text, toks[last]):
        return last + 1  # "Ramsay Hunt syndrome", "Tommy John surgery"
    start = title_start if title_start is not None else t.start
    if cue and title_start is None and not p.essay and _figure_body(p, i, last, start):
        cue = False  # "watched the Grand Prix … Lewis Hamilton's neck": a figure on screen may own the body: review
    if title_start is None and (U.not_a_person(text, t, start, toks[last].end, last > i and not cue) or last > i
                                and U.organisation_words([toks[k].base for k in range(i, last + 1)], p.st)):
        return last + 1  # "President Kennedy", "Anzac Day", "happy as Larry", "Te Ara Hou", "Carers Trust"
    if _cited_here(p, i, last, start, title_start, cue):
        return last + 1
    if last > i and title_start is None and not cue:
        # A full name is a person; it is an error in a case study only with what says it is
        # someone in the story (a writer cited for an idea has a full name too): else review.
        cue = toks[i].cat == _GIVEN and _surname_like(toks[last], p.st) and (
            p.essay or full_name_cue(text, toks, i, last) and not _figure_full_name(p, last, start))
    if p.essay and not (cue and (title_start is not None or t.cat == _GIVEN or last > i)):
        return last + 1  # in an essay a name needs a person cue, and a person's name
    if U.introduces_colleague(p.ix, start, toks[last].end):
        return last + 1  # "Ffion Rees, our osteopath, writes this one": the practice's own people
    if not cue and (title_start is None and not U.in_story_at(p.ix, start, toks[last].end)
                    or last > i and U.public_figure(text, start, toks[last].end)):
        if last > i:
            p.figures.add(t.base)
        return last + 1  # no person cue, in a sentence about nobody treated: a figure cited, a thing named
    if cue and i == last and title_start is None and t.base in p.figures:
        cue = False  # "… for Serena Hale's elbow", then "what Serena does": the figure again, by her given name
    if cue and title_start is None and _given_before(p, i):
        i, start = i - 1, toks[i - 1].start  # "Thandeka Mokoena, 41,": the cue on the surname names the whole name
    _record(p, start, i, last, cue, title_start)
    return last + 1


def _read_function_word(p: _Pass, i: int) -> int:
    """Even a common word is a name right after a title or "her son" ("Mrs Day", "her husband Will"):
    the strongest cues are read before the word lists.  A title is never the name itself."""
    text, t = p.text, p.toks[i]
    if p.cue_starts is None:
        p.cue_starts = _cue_starts(p.ix)
    if t.base in L.TITLES or t.start not in p.cue_starts:
        return i + 1
    title_start = _title_start(text, p.toks, i)
    if title_start is not None or _relation_before(text, t):
        cue = title_start is None and (p.essay or t.prev(text)[0] not in NOT_KIN) or title_start is not None and (
            p.essay or not (practitioner(p.ix, title_start) or _honour(text, title_start)))
        p.spans.append((title_start if title_start is not None else t.start, t.end, i, i, cue))
        p.confirmed[t.base] = p.confirmed.get(t.base, False) or cue
    return i + 1


def _verdict(p: _Pass, i: int) -> tuple[bool, int | None, bool]:
    """What the judge says of toks[i], then what the practice's own people, honours and unknown words change."""
    text, toks, t = p.text, p.toks, p.toks[i]
    verdict, title_start, cue = _judge(text, toks, i, p.lines)
    if title_start is not None and not p.essay and (practitioner(p.ix, title_start) or _honour(text, title_start)):
        cue = False  # "Dr Ines Vale wrote this one": a practitioner; "Sir Ranulph", "Lady Gaga": a public figure
    elif not verdict and not p.essay and opening_unknown(text, toks, i, p.lines, p.st):
        verdict, title_start, cue = True, None, _naming_bracket(text, t)
    if not verdict and not p.essay and _bare_unknown(text, toks, i, p.lines, p.st):
        verdict, title_start, cue = True, None, False
    return verdict, title_start, cue


def _figure_body(p: _Pass, i: int, last: int, start: int) -> bool:
    """Whether a name owning a body part is someone the client watched or talked about."""
    toks = p.toks
    if not (toks[last].poss and _body_part_after(p.text, toks[last])):
        return False
    return U.watched_before(p.ix, start) or (last > i or i > 0 and toks[i - 1].end + 1 == toks[i].start) \
        and U.body_talked_of(p.text, start)


def _figure_full_name(p: _Pass, last: int, start: int) -> bool:
    return U.watched_before(p.ix, start) or p.toks[last].poss and U.body_talked_of(p.text, start)


def _cited_here(p: _Pass, i: int, last: int, start: int, title_start: int | None, cue: bool) -> bool:
    """Whether the name is an author cited, a city in a US address or a named thing (noted in `p.cited`)."""
    text, toks = p.text, p.toks
    if _cited(text, toks, i, last, start, title_start is not None) or not toks[last].poss and us_city(text, toks[last].end, start) or (
            title_start is None and (_known_not_client(text, toks, i, last, cue) or U.authored_after(text, toks[last].end))):
        p.cited.add(toks[last].base)
        return True  # an author cited, a city in a US address, a named thing
    if title_start is None and toks[last].base in P.CITED and _CITED_PAIR.search(text, max(0, start - 40), start) \
            and _CITED_PAIR.search(text, max(0, start - 40), start).group(1) in P.CITED:
        p.cited.add(toks[last].base)
        return True  # "Travell and Simons would have …": two cited authors named together, whatever follows
    if title_start is None and U.relative_of(text, start, p.cited):
        return True  # "Emil Vodder and his wife Estrid": the wife of the author cited, not a client's relative
    if not cue and p.cited and U.joined_to(text, start, p.cited):
        p.cited.add(toks[last].base)
        return True  # "supervision with Gareth Llewellyn and Ciarán": the second of a pair is what the first is
    # "Dr. Worden's framing", "Dr Upledger": the author, with a title
    return title_start is not None and text[title_start:title_start + 2] in ("Dr", "Pr") and (
        toks[last].base in P.CITED or toks[last].base in p.cited)


def _record(p: _Pass, start: int, i: int, last: int, cue: bool, title_start: int | None) -> None:
    toks = p.toks
    p.spans.append((start, toks[last].end, i, last, cue))
    if not cue and last > i and title_start is None:
        p.figures.add(toks[i].base)  # a full name with no person cue: a writer, a figure, someone in the story
    for k in range(i, last + 1):
        if toks[k].cat not in (_FUNC, _SKIP):
            p.confirmed[toks[k].base] = p.confirmed.get(toks[k].base, False) or cue


# Honours: a knight's, a dame's or a peer's title names a public figure (a founder, a sportsman, a singer),
# not a client: the name is put up for review, never an error.
_HONOURS = ("Sir ", "Dame ", "Lady ", "Lord ", "Sir\u00a0", "Dame\u00a0", "Lady\u00a0", "Lord\u00a0")


def _honour(text: str, title_start: int) -> bool:
    return text.startswith(_HONOURS, title_start)


def _given_before(p: _Pass, i: int) -> bool:
    """Whether the word right before toks[i], in the same run of capitals, is a given name the lists do not
    know: a rare word, no place, no title, nothing the judge has already passed over as something else."""
    if i == 0:
        return False
    a, t = p.toks[i - 1], p.toks[i]
    if a.end != t.start - 1 or p.text[a.end] != " " or a.poss or a.cat != _UNKNOWN or not a.base[1:].islower():
        return False
    ws = p.st.of(a.base)
    return ws.zipf < RARE_WORD_ZIPF and not ws.place and not ws.place_head and a.base not in L.TITLES \
        and a.base not in P.CITED and a.base not in L.EPONYM_STEMS


_CITED_PAIR = lazy(r"\b([A-Z][\w'’\-]+),?\s+(?:and|&)\s+$")


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
        if t.cat == _AMBIG and _is_weak(text, t, p.lines) and not _acts(text, t) \
                or _guarded(text, toks, i, p.confirmed[t.base]):
            continue  # a name known from a person cue is a person after "through" or "with" too
        if p.essay and not p.confirmed[t.base]:
            continue
        if i + 1 < len(toks) and toks[i + 1].start == t.end + 1 and text[t.end] == " " \
                and toks[i + 1].base not in p.confirmed and toks[i + 1].cat not in (_FUNC, _SKIP):
            continue  # "David Barlow", then "David Clark's model": another David, with his own surname
        p.spans.append((t.start, t.end, i, i, p.confirmed[t.base]))


_READING_ANCHORS = register_vocabulary(READING_WORDS)
_CUE_WORDS = frozenset(L.TITLES) | frozenset(w.capitalize() for w in L.RELATION_WORDS) | L.RELATION_WORDS


def _cue_starts(ix: TextIndex) -> frozenset[int]:
    """Where a word may start right after a title or a relation word ("Mrs Day", "her husband, Will"):
    found once a text from the anchors of the one token pass, so the common words of a text cost a
    set lookup each."""
    text = ix.text
    out = set()
    for s, e in ix.caps_in(L.TITLES) + ix.anchors(L.RELATION_WORDS):
        if text[s:e] not in _CUE_WORDS or s > 0 and text[s - 1] not in " \n":
            continue
        k = e
        while k < len(text) and text[k] in ".,":
            k += 1
        if k < len(text) and text[k] in " \u00a0":
            out.add(k + 1)
    return frozenset(out)


def _title_start(text: str, toks: list[_Tok], i: int) -> int | None:
    """Where a title right before toks[i] starts ("Mrs Day", "Dr. West"), else None."""
    t = toks[i]
    prev, gap_before = t.prev(text)
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
    prev, gap_before = t.prev(text)
    return (prev is not None and prev[0].islower() and prev.lower() in L.RELATION_WORDS
            and prev.lower() not in _NAMING_WORDS and gap_before in (" ", ", ")
            and t.base not in L.GRAMMATICAL_WORDS and not t.base.startswith(("I'", "I’")))
