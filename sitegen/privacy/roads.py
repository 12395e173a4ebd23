"""Roads and the town of an address, for the place review: "up the A66", "the Kennedy Expressway",
"… Milwaukee Ave, Chicago, IL 60647" (towns and regions anywhere else are `regions`)."""

from __future__ import annotations

from collections.abc import Iterator

from sitegen.privacy import lexicon as L
from sitegen.privacy.lazyre import lazy
from sitegen.privacy.organisations import weak_start
from sitegen.privacy.places import _STATE_NAMES, _STATES
from sitegen.privacy.tokens import TextIndex
from sitegen.privacy.wordstats import stats

Span = tuple[str, int, int]


_STREET_END = r"(?:" + "|".join(sorted(L.STREET_SUFFIXES, key=len, reverse=True)) + r")"
# The town of an address, between the street and the state, ZIP or postcode:
# "2211 N. Milwaukee Ave, Chicago, IL 60647", "42 Ferndale Road, Hove BN3 6EU".
_ADDRESS_TOWN = lazy(
    r"\b" + _STREET_END + r"\.?,[ \u00a0]*(?P<t>[A-Z][\w'’\-]+(?:[ \u00a0][A-Z][\w'’\-]+){0,2})(?=,?[ \u00a0]+(?:(?:"
    + "|".join(_STATES) + r")\b|(?:" + _STATE_NAMES + r")\b|[A-Z]{1,2}\d[\dA-Z]?[ \u00a0]?\d[A-Z]{2}\b|\d{5}\b)|,[ \u00a0]*$|\.)"
)
# Roads and lines: "the M180", "up the A66", "the Kennedy Expressway", "the Blue Line".
_ROAD = lazy(
    r"\b(?:on|off|along|up|down|via|from|onto|near|by|past|across|took|take|takes|drives?|driving|drove|the)\s+"
    r"the\s+(?P<r>(?:M|A|B|N|I-|SR\s?|US\s?|Route\s)\d{1,4}(?:\(M\))?)\b"
    r"|\b(?P<s>[A-Z][\w'’\-]+(?:[ \u00a0][A-Z][\w'’\-]+)?[ \u00a0](?:Expressway|Motorway|Freeway|Turnpike|Highway|"
    r"Parkway|Bypass|Line))\b"
)
_SERVICE_LINE = lazy(r"\b(?:Text|Help|Crisis|Support|Advice|Chat|Phone|Info|Information|Care|Carers|Silver|"
                           r"Samaritans|Helpline)[ \u00a0]Line$")
_ROAD_WORDS = frozenset("Expressway Motorway Freeway Turnpike Highway Parkway Bypass Line".split())


def address_towns(ix: TextIndex) -> Iterator[Span]:
    text = ix.text
    ends = ix.caps_in(L.STREET_SUFFIXES)
    if not ends:
        return
    for m in (m for a, b in ix.windows(ends, 1, 60) for m in _ADDRESS_TOWN.finditer(text, a, b)):
        town = m.group("t")
        if stats().country(town):
            continue
        yield "place", m.start("t"), m.end("t")


def roads(ix: TextIndex) -> Iterator[Span]:
    text = ix.text
    hits = ix.caps_in(_ROAD_WORDS) + [(s, e) for s, e in ix.digits if s and text[s - 1] in "MABN-" and e - s <= 4]
    if not hits:
        return
    hits.sort()
    for m in (m for a, b in ix.windows(hits, 40, 8) for m in _ROAD.finditer(text, a, b)):
        g = "r" if m.group("r") else "s"
        if g == "s" and (weak_start(text, m.start(g)) or m.group(g).split()[0] in L.FUNCTION_WORDS):
            continue  # "Line 3 of the form", "The Highway Code"
        if m.group(g).endswith(" Line") and _SERVICE_LINE.search(m.group(g)):
            continue  # "the Crisis Text Line", "the Carers Help Line": a service reached by phone
        yield "place", m.start(g), m.end(g)
