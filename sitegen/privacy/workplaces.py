"""Workplaces and schools with their town: "a nurse at Leeds General Infirmary", "works at the garage in
Settle", "teaches at St Mary's Primary in Thirsk" (the places of a household are `places`)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from sitegen.privacy import lexicon as L
from sitegen.privacy.lazyre import lazy
from sitegen.privacy.organisations import public_resource
from sitegen.privacy.tokens import TextIndex, register_vocabulary

Span = tuple[str, int, int]

# --- workplaces and schools ------------------------------------------------------------

_ORG_SUFFIX = r"(?:" + "|".join(sorted(L.ORG_SUFFIXES, key=len, reverse=True)) + r")"
_ORG_WORD = r"(?:[A-Z][\w'’&.\-]*|&)"
_ORG = (
    r"(?P<org>(?:(?:St\.?|Saint)[ \u00a0]+)?(?:" + _ORG_WORD + r"[ \u00a0]+(?:(?:of|the|and|for|on|in|upon|de|la|le)[ \u00a0]+)?){1,5}"
    + _ORG_SUFFIX + r"(?:[ \u00a0]+(?:School|College|Academy|Hospital|Trust|Ltd|Limited))?\b)"
)
_PLACE = r"(?P<place>[A-Z][\w'’\-]+(?:[ \u00a0\-](?:upon|on|in|under|le|by)?[ \u00a0]?[A-Z][\w'’\-]+){0,2})"
_ORG_IN_PLACE = lazy(
    _ORG + r"(?:[ \u00a0]*,[ \u00a0]*|[ \u00a0]+(?:in|at|near|outside|just\s+outside|on\s+the\s+edge\s+of)[ \u00a0]+)" + _PLACE
)
_ORG_ONLY = lazy(_ORG)
_SELF_CONTEXT = lazy(
    r"\b(?:I|I've|I’ve|I'd|I’d|we|we've|we’ve)\s+(?:(?:first|originally|later|also|then|once)\s+)?"
    r"(?:trained|studied|qualified|learned|learnt|did|took|attended|teach|taught|work|worked|practise|practice|practised|"
    r"volunteer|volunteered|lecture|lectured|ran|run)\b[^.!?\n]*$|\bmy\s+(?:own\s+)?(?:training|course|diploma|"
    r"degree|placement|clinic|practice|studio|rooms?)\b[^.!?\n]*$"
)
_EMPLOYER_IN_PLACE = lazy(
    r"\b(?:at|for|joined|manages|managed|runs|ran|owns|owned)[ \u00a0]+(?:the[ \u00a0]+)?(?P<org>[A-Z][\w'’&.\-]*(?:[ \u00a0]+(?:(?:of|the|and|on|upon)[ \u00a0]+)?(?:[A-Z][\w'’&.\-]*|&)){0,4})"
    r"(?:[ \u00a0]*,[ \u00a0]*|[ \u00a0]+(?:in|near|outside|just\s+outside)[ \u00a0]+)" + _PLACE
)
# "as a producer at", "an engineer for": a role right before the employer.
_ROLE_BEFORE = lazy(r"\b(?:an?|as|the)[ \u00a0]+(?:[a-z\-]+[ \u00a0]+){1,2}(?:at|for)[ \u00a0]+(?:the[ \u00a0]+)?$")
# "the freight warehouse in Carlisle", "a small credit union in Kendal", "the
# meat processing plant near Driffield": up to three lower-case words describe
# the workplace noun.
_LOWER_WORKPLACE = lazy(
    r"\b(?:the|a|an|local|big|one|their|her|his)\s+(?P<mods>(?:(?!(?:the|a|an|at|in|of|for|by|to|and|or|with|on|from|near|as|is|was|her|his|their)\s)[a-z0-9][a-z0-9\-'’]*\s+){0,3})(?P<noun>[a-zé\-]+)"
    r"\s+(?:in|at|near|outside|just\s+outside|on\s+the\s+edge\s+of)\s+" + _PLACE
)
# Workplace nouns that need a modifier to be a workplace, and modifiers that
# make one generic: "care home", but not "town centre".
_NOUN_NEEDS_MOD = {"home": frozenset("care nursing residential".split())}
_GENERIC_MODS = {"centre": frozenset("town city village".split()), "center": frozenset("town city village".split())}
_WORK_CONTEXT = lazy(
    r"\b(?:" + "|".join(sorted((re.escape(w) for w in L.WORK_VERBS), key=len, reverse=True)) + r")\b"
    r"[^.!?\n]{0,40}$",
    re.IGNORECASE,
)
# Capitalised words that follow "in" without being a place: "in March", "in Session 3".
_NOT_PLACE = frozenset(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Spring Summer Autumn Winter
    The A An This That These Those My Your His Her Its Our Their Session Sessions Week Weeks
    Month Year Stage Phase Step Part Section Chapter Table Figure Appendix English Welsh Latin
    General Private Person Time Pain Practice Term Total Between Both All Each Which What""".split()
)


_THIRD_PERSON = lazy(
    r"\b(?:she|he|they|who|her|his|their|client|husband|wife|partner|son|daughter|mother|father|mum|dad)\b",
    re.IGNORECASE,
)


def _about_writer(text: str, pos: int) -> bool:
    """Whether the sentence before `pos` is the writer talking about their own training or work."""
    m = _SELF_CONTEXT.search(text, max(0, pos - 80), pos)
    return m is not None and not _THIRD_PERSON.search(m.group())


def _org_is_named(org: str) -> bool:
    """An organisation needs a distinctive word, not just "The Clinic" or "Primary School"."""
    words = re.findall(r"[A-Za-z][\w'’\-]*", org)
    for w in words[:-1]:
        if w in L.ORG_SUFFIXES or w in ("St", "Saint", "The", "of", "the", "and", "for", "on", "in"):
            continue
        if w in L.FUNCTION_WORDS and w not in ("Royal", "North", "South", "East", "West", "Old", "New", "Great", "Little", "Upper", "Lower", "Central", "Mill", "Church"):
            continue
        return True
    return False


def _place_ok(place: str) -> bool:
    first = place.split()[0].split("-")[0]
    return first not in _NOT_PLACE and not place.isupper()


_PLACE_PREPS = (" in ", " at ", " near ", " outside ")


def find_workplaces(ix: TextIndex) -> Iterator[Span]:
    text = ix.text
    taken: list[tuple[int, int]] = []
    # An organisation's name has a capitalised word before its ending ("Whitman Elementary"):
    # an ending on its own ("Home care", "Primary") starts nothing.
    ends = ix.caps_in(L.ORG_SUFFIXES)
    caps = ix.caps
    starts = [c[0] for c in caps]
    named = []
    for s, e in ends:
        k = bisect_left(starts, s)
        if k and caps[k - 1][1] >= s - 8:
            named.append((s, e))
    windows = ix.windows(named, 120, 70)
    for m in (m for a, b in windows for m in _ORG_IN_PLACE.finditer(text, a, b)):
        org_start = _trim_org_start(text, m.start("org"), m.end("org"))
        if org_start is None or not _place_ok(m.group("place")):
            continue
        taken.append((org_start, m.end()))
        # The writer's own training or workplace is not about a client.
        if _about_writer(text, org_start):
            continue
        yield "workplace", org_start, m.end()
    for m in (m for a, b in windows for m in _ORG_ONLY.finditer(text, a, b)):
        org_start = _trim_org_start(text, m.start("org"), m.end("org"))
        if org_start is None or any(s <= org_start < e for s, e in taken):
            continue
        if _about_writer(text, org_start) or public_resource(text, org_start, m.end("org")):
            continue
        if _WORK_CONTEXT.search(text, max(0, org_start - 60), org_start):
            end = m.end("org")
            yield "workplace", org_start, end
    places = [(s, e) for s, e in caps if s > 3 and text[s - 1] == " " and text[max(0, s - 8) : s].endswith(_PLACE_PREPS)
              and _place_ok(text[s:e])]
    if not places:
        return
    # "a welder at Tyne Fabrication in Wallsend": any named employer, when the
    # sentence says it is someone's work and names the town.
    after_cap = [(s, e) for s, e in places if _near_before(caps, s - 4, 80)]
    for m in (m for a, b in ix.windows(after_cap, 90, 40) for m in _EMPLOYER_IN_PLACE.finditer(text, a, b)):
        org_start = _trim_org_start(text, m.start("org"), m.end("org"), single_ok=True)
        if org_start is None or not _place_ok(m.group("place")) or any(s <= org_start < e for s, e in taken):
            continue
        if _about_writer(text, org_start):
            continue
        at = m.start()
        verb_is_work = text[at : at + 3] not in ("at ", "for")  # "manages the Co-op in Ambleside"
        if verb_is_work or _WORK_CONTEXT.search(text, max(0, at - 60), at + 1) or _ROLE_BEFORE.search(
            text, max(0, at - 40), m.start("org")
        ):
            taken.append((org_start, m.end()))
            yield "workplace", org_start, m.end()
    nouns = ix.anchors(_WORKPLACE_ANCHORS)
    if not nouns:
        return
    near_noun = [(s, e) for s, e in places if _near_before(nouns, s, 70)]
    for m in (m for a, b in ix.windows(near_noun, 80, 40) for m in _LOWER_WORKPLACE.finditer(text, a, b)):
        noun = m.group("noun")
        mods = m.group("mods").split()
        if noun in _NOUN_NEEDS_MOD:
            if not mods or mods[-1] not in _NOUN_NEEDS_MOD[noun]:
                continue
        elif noun not in L.WORKPLACE_NOUNS or not _place_ok(m.group("place")):
            continue
        if mods and mods[-1] in _GENERIC_MODS.get(noun, ()):
            continue
        if not _place_ok(m.group("place")):
            continue
        if _about_writer(text, m.start()):
            continue
        if _WORK_CONTEXT.search(text, max(0, m.start() - 60), m.start() + 1):
            start = m.start("mods") if mods else m.start("noun")
            yield "workplace", start, m.end()


_WORKPLACE_ANCHORS = register_vocabulary(frozenset(L.WORKPLACE_NOUNS | {"home"}))


def _near_before(spans: list[tuple[int, int]], pos: int, reach: int) -> bool:
    """Whether one of the sorted `spans` starts within `reach` characters before `pos`."""
    k = bisect_left(spans, (pos, -1))
    return k > 0 and spans[k - 1][0] >= pos - reach


# Sentence words that can precede an organisation's name without being part of it.
_LEADING_NOISE = frozenset(
    """The A An This That These Those Then When After Before And But So If In At On For From With
    Her His My Our Their Its Your Since While Although Because Today Yesterday Now Later Last Next
    Every Each Both Once Twice Also Still Only Even Just""".split()
)


def _trim_org_start(text: str, start: int, end: int, single_ok: bool = False) -> int | None:
    """Drop leading sentence words ("Then", "The") from an organisation's name."""
    org = text[start:end]
    words = list(re.finditer(r"\S+", org))
    i = 0
    while i < len(words) - 1:
        w = words[i].group()
        if w in ("St", "St.", "Saint"):
            break
        if w.rstrip(",.") in _LEADING_NOISE:
            i += 1
            continue
        break
    new_start = start + words[i].start()
    if single_ok:
        # any employer the sentence names, even one word ("the Co-op", "Tesco")
        if all(w.group().rstrip(",.") in L.FUNCTION_WORDS for w in words[i:]):
            return None
    elif not _org_is_named(text[new_start:end]):
        return None
    return new_start
