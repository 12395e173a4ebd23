"""Find places that narrow down a person: UK postcodes, US ZIP codes and street addresses (workplaces are
`workplaces`); roads and the town of an address for the place review ("up the A66", "… Milwaukee Ave,
Chicago, IL 60647"); and the city of a US address for the name finder."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sitegen.privacy import lexicon as L
from sitegen.privacy.lazyre import lazy
from sitegen.privacy.organisations import weak_start
from sitegen.privacy.people import PRODUCTS
from sitegen.privacy.tokens import TextIndex, register_vocabulary
from sitegen.privacy.wordstats import stats

Span = tuple[str, int, int]

# The official UK postcode shapes (A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA).
_POSTCODE = lazy(
    r"(?<![\w-])(?:GIR ?0AA|(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?"
    r"|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])[ \u00a0]?[0-9][ABD-HJLNP-UW-Z]{2})(?![\w-])"
)

# Irish Eircodes ("D08 XY12") and Australian postcodes after their state ("Bondi NSW 2026").
_OTHER_POSTCODE = lazy(
    r"(?<![\w-])(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ \u00a0](?=[0-9AC-FHKNPRTV-Y]{4}(?![\w-]))(?=\w*[A-Z])(?=\w*\d)"
    r"[0-9AC-FHKNPRTV-Y]{4}(?![\w-])"
    r"|\b(?:NSW|VIC|Vic|QLD|Qld|TAS|Tas|ACT)[ \u00a0](?P<p>\d{4})(?![\w-])"
    r"|\b[A-Z][a-z]{2,20},?[ \u00a0](?:WA|SA|NT)[ \u00a0](?P<q>\d{4})(?![\w-])"
)

_STATES = (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND "
    "OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR VI GU"
).split()
_STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
    "Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
    "Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|"
    "North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|"
    "South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming"
)
_ZIP = lazy(
    r"(?:\b(?:" + "|".join(_STATES) + r")\.?|\b(?:" + _STATE_NAMES + r"))(?:,)?[ \u00a0]+\(?(?P<z>\d{5}(?:-\d{4})?)(?![\w-])"
)
# "ZIP 97202", "the ZIP is actually 12402", "zip code: 48126", "the 90210 zip code"
_ZIP_WORD = lazy(
    r"\b(?:zip|zip\s*code|zipcode|postal\s+code)\b(?:\s+(?:is|was|of|on|actually|really|still|listed|given|as)){0,3}"
    r"\s*[:#,(]?\s*(?P<z>\d{5}(?:-\d{4})?)(?![\w-])|(?<![\w-])(?P<y>\d{5})\s+(?:zip|zip\s*code)\b",
    re.IGNORECASE,
)
_STREET_END = r"(?:" + "|".join(sorted(L.STREET_SUFFIXES, key=len, reverse=True)) + r")"
# A ZIP code right after a street, without the state: "SE Tenino St (97202)", "6124 Chase Rd, 48126".
# "in the 97405 area", "moved to 10025", "out in 85719,", "Portland (97211)": five digits where a place stands.
_ZIP_AS_PLACE = lazy(
    r"\b(?:in|to|from|near|around|outside)\s+(?:the\s+)?(?P<z>\d{5})(?=\s+(?:area|zip|neighbo(?:u)?rhood|district)\b"
    r"|\s*[,.;)]|\s+(?:last|this|next|when|where|with|and|since|for|twice|once|every|each|most|at|but|so)\b)"
    r"|\b[A-Z][a-z]+\s*\(\s*(?P<y>\d{5})\s*\)"
)
_SHORT_CODE_BEFORE = lazy(r"\b(?:text|txt|texting|sms|call|dial|ring|send|message)\b[^.;\n]{0,20}$", re.IGNORECASE)
_ZIP_AFTER_STREET = lazy(r"\b[A-Z][\w'’.-]*[ \u00a0]+" + _STREET_END + r"\b\.?,?[ \u00a0]*\(?(?P<z>\d{5}(?:-\d{4})?)(?![\w-])")
# ... or after the street and its town, still without the state: "2207 Briar Ridge Ct, Apt 3B, Grove City, 43123".
_ZIP_AFTER_TOWN = lazy(r"\b[A-Z][\w'’.-]*[ \u00a0]+" + _STREET_END + r"\b\.?(?:,[ \u00a0]*(?:[A-Z][\w'’.\-]*|\d{1,4}[A-Za-z]?)"
                       r"(?:[ \u00a0]+[A-Z0-9][\w'’.\-]*){0,2}){1,2},[ \u00a0]*(?P<z>\d{5}(?:-\d{4})?)(?![\w-])")


# The lines of an address written on one line, before its postcode: "Tŷ Gwyn, Llanddewi Brefi, SY25 6RT",
# "Rose Cottage, Upper Lane, Hexham, NE46 2AB": a house's name and its village are the address.
_LINES_BEFORE = lazy(r"(?<![\w'’\-])((?:\d{1,4}[A-Za-z]?[ \u00a0]+)?[A-Z][\w'’\-]*(?:[ \u00a0]+[A-Z][\w'’\-]*){0,3}"
                     r"(?:,[ \u00a0]*[A-Z][\w'’\-]*(?:[ \u00a0]+[A-Z][\w'’\-]*){0,3}){0,3}),[ \u00a0]*$")


def find_postcodes(ix: TextIndex) -> Iterator[Span]:
    text = ix.text
    n = len(text)
    # Both halves of a postcode put a digit next to a capital letter.
    runs = [(s, e) for s, e in ix.digits if (s and text[s - 1].isupper()) or (e < n and text[e].isupper())]
    for a, b in ix.windows(runs, 4, 3):
        for m in _POSTCODE.finditer(text, a, b):
            yield "postcode", m.start(), m.end()
            lines = _LINES_BEFORE.search(text, max(0, m.start() - 90), m.start())
            if lines is not None and "," in lines.group(1):
                yield "address", lines.start(1), lines.end(1)
    yield from _labelled_lower_postcodes(ix)
    four = [(s, e) for s, e in ix.digits if e - s >= 2 and s > 2 and (text[s - 1].isupper() or text[s - 1] == " "
                                                                      and text[s - 2].isupper())]
    for a, b in ix.windows(four, 30, 8):
        for m in _OTHER_POSTCODE.finditer(text, a, b):
            g = "p" if m.group("p") else "q" if m.group("q") else 0
            yield "postcode", m.start(g), m.end(g)


# A postcode in lower case is a postcode where the text says so: "gave the postcode as g84 7tu".
_LOWER_POSTCODE = lazy(r"\bpost\s?codes?\b(?:\s+(?:is|was|as|of|on|given|written|still)){0,3}\s*[:,(]?\s*"
                       r"(?P<c>(?:[a-pr-uwyz][0-9][0-9]?|[a-pr-uwyz][a-hk-y][0-9][0-9]?|[a-pr-uwyz][0-9][a-hjkpstuw]"
                       r"|[a-pr-uwyz][a-hk-y][0-9][abehmnprvwxy])[ \u00a0]?[0-9][abd-hjlnp-uw-z]{2})(?![\w-])", re.IGNORECASE)


def _labelled_lower_postcodes(ix: TextIndex) -> Iterator[Span]:
    text = ix.text  # (not ix.lower: most texts never need their lower-cased copy made)
    for word in ("ostcode", "ost code"):
        k = text.find(word)
        while k > 0:
            m = _LOWER_POSTCODE.match(text, k - 1)
            if m is not None and not m.group("c").isupper():  # upper case: _POSTCODE
                yield "postcode", m.start("c"), m.end("c")
            k = text.find(word, k + 7)


_FIVE = lazy(r"(?<!\d)\d{5}(?!\d)")


def find_zips(ix: TextIndex) -> Iterator[Span]:
    text = ix.text
    # A ZIP code is a group of exactly five digits (or five and four): phone and record numbers are not.
    runs = [(s, e) for s, e in ix.runs_with(5) if _FIVE.search(text, s, e)]
    for a, b in ix.windows(runs, 60, 16):
        for pat in (_ZIP, _ZIP_WORD, _ZIP_AFTER_STREET, _ZIP_AFTER_TOWN, _ZIP_AS_PLACE):
            for m in pat.finditer(text, a, b):
                group = "y" if m.groupdict().get("y") else "z"
                if pat is _ZIP_AS_PLACE and _SHORT_CODE_BEFORE.search(text, max(0, m.start() - 24), m.start() + 3):
                    continue  # "text SHOUT to 85258": a text-message short code
                yield "zip", m.start(group), m.end(group)


# --- street addresses ----------------------------------------------------------------

_CAP = r"(?:[A-Z][A-Za-z'’\-]*\.?|\d{1,3}(?:st|nd|rd|th))"
_SUFFIX = r"(?:" + "|".join(sorted(L.STREET_SUFFIXES, key=len, reverse=True)) + r")"
_CLEAR = r"(?:" + "|".join(sorted(L.CLEAR_STREET_SUFFIXES, key=len, reverse=True)) + r")"
_UNIT = r"(?:(?:Flat|Apartment|Apt|Unit|Suite|Room|Apt\.|No\.?)\s*\d{1,4}[A-Za-z]?,?\s+)"
_NUMBERED = lazy(
    r"(?<![\w/.,-])" + _UNIT + r"?\d{1,4}[A-Za-z]?(?:[-–]\d{1,4})?,?[ \u00a0]+(?:" + _CAP + r"[ \u00a0]+){1,4}"
    + _SUFFIX + r"\b\.?(?![\w'’])"
    r"|(?<![\w])" + _UNIT + r"(?:" + _CAP + r"[ \u00a0]+){1,3}(?:House|Court|Mansions|Lodge|Cottages?|Buildings?|Tower|Heights)\b"
)
# The building first: "Carroll Court, flat 6B", "Alder House, Apt 12" (tried only at a building word).
_FLAT_AFTER = lazy(r",?[ \u00a0]+(?:[Ff]lat|[Aa]partment|[Aa]pt\.?|[Uu]nit|[Rr]oom)[ \u00a0]*\d{1,4}[A-Za-z]?\b")
_BUILDING_NAME_BEFORE = lazy(r"(?<![\w])(?:" + _CAP + r"[ \u00a0]+){1,3}$")
# "lives on Canal Street", "a flat off Mill Lane": a named street, no number.
_NAMED_STREET = lazy(
    r"\b(?:on|in|off|along|near|at|down|up|from|by|onto|to|into)\s+(?:the\s+)?(?P<s>(?:" + _CAP + r"[ \u00a0]+){1,3}" + _CLEAR + r")\b(?![\w'’])"
)
# "where he lives on SE Tenino St", "her flat off Mill Ln": where someone lives makes any suffix a street.
_LIVES_ON = lazy(
    r"\b(?:lives|lived|living|house|home|flat|apartment|place|bungalow|cottage|caravan)\s+(?:\w+\s+)?(?:on|off)"
    r"\s+(?:the\s+)?(?P<s>(?:" + _CAP + r"[ \u00a0]+){1,3}" + _SUFFIX + r")\b\.?(?![\w'’])"
)
# Streets that stand for something else: an idiom, an industry, a TV show.
_NOT_STREET_WORD = frozenset(
    "Memory Easy Civvy Wall Fleet Downing Harley Coronation Sesame Carnaby Savile Threadneedle".split()
)


_YEAR_FIRST = lazy(r"(?:1[89]|20)\d\d\b")
_YEAR_BEFORE = lazy(r"\b(?:in|since|by|until|from|of|the|around|circa|c\.)\s+$", re.IGNORECASE)
_UNIT_BUILDINGS = frozenset("House Court Mansions Lodge Cottage Cottages Building Buildings Tower Heights".split())


_STREET_OR_BUILDING = L.STREET_SUFFIXES | _UNIT_BUILDINGS
# The house number after the street: "Narborough Road, number 41", "Mill Lane at no. 7".
_NUMBER_AFTER = lazy(r"(?:,[ \u00a0]*|[ \u00a0]+at[ \u00a0]+)(?:number|no\.?)[ \u00a0]*\d{1,4}[A-Za-z]?\b")
# A road named by where it leads, in lower case: "the Clifden road", "out the Tuam road".
_ROAD_WORDS = register_vocabulary(frozenset({"road"}))
_DESTINATION_BEFORE = lazy(r"\b[Tt]he[ \u00a0]+([A-Z][a-z'’\-]{2,})[ \u00a0]+$")


# A house by its number alone, where someone lives: "she lives at number 12", "the one at number 12",
# "they moved into no. 4".  ("At number 8" in a team, or in a list, has no one living there.)
_LIVES_AT_NUMBER = lazy(r"\b(?:lives|lived|living|live|stays|stayed|staying|moved|moving|the\s+(?:one|house|family|lady|"
                        r"woman|man|couple|people|folk|bloke|chap|fella)|neighbours?|neighbors?)[ \u00a0]+(?:in[ \u00a0]+)?"
                        r"(?:at|to|into)[ \u00a0]+(?P<n>(?:number|no\.?)[ \u00a0]*\d{1,4}[A-Za-z]?)\b", re.IGNORECASE)
_NUMBER_ANCHORS = register_vocabulary(frozenset({"number", "no"}))


def find_addresses(ix: TextIndex) -> Iterator[Span]:
    text = ix.text
    if ix.digits:
        for _s, e in ix.anchors(_NUMBER_ANCHORS):
            k = e + 1 if text.startswith(".", e) else e
            if text.startswith(" ", k) and text[k + 1:k + 2].isdigit():
                m = _LIVES_AT_NUMBER.search(text, max(0, e - 60), k + 6)
                if m is not None and m.start("n") < k < m.end("n"):
                    yield "address", m.start("n"), m.end("n")
        ends = ix.caps_in(_STREET_OR_BUILDING)
        for s, e in ends:
            flat = _FLAT_AFTER.match(text, e) if text[s:e] in _UNIT_BUILDINGS else None
            name = flat and _BUILDING_NAME_BEFORE.search(text, max(0, s - 60), s)
            if name:
                yield "address", name.start(), flat.end()
        for s, e in ends:
            number = _NUMBER_AFTER.match(text, e) if text[s:e] in L.STREET_SUFFIXES else None
            name = number and _BUILDING_NAME_BEFORE.search(text, max(0, s - 60), s)
            if name:
                yield "address", name.start(), number.end()
        for a, b in ix.windows(ends, 90, 2):
            for m in _NUMBERED.finditer(text, a, b):
                if _YEAR_FIRST.match(text, m.start()) and _YEAR_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                    continue  # "in 1954 Supreme Court justices …": a year, not a house number
                yield "address", m.start(), m.end()
    ends = ix.caps_in(L.STREET_SUFFIXES)
    for m in (m for a, b in ix.windows(ends, 70, 2) for m in _LIVES_ON.finditer(text, a, b)):
        if m.group("s").split()[0].rstrip(".") not in _NOT_STREET_WORD:
            yield "address", m.start("s"), m.end("s")
    for s, e in ix.anchors(_ROAD_WORDS):
        m = _DESTINATION_BEFORE.search(text, max(0, s - 30), s)
        if m is not None and m.group(1) not in L.FUNCTION_WORDS:
            yield "place", m.start(1), e
    for m in (m for a, b in ix.windows(ix.caps_in(L.CLEAR_STREET_SUFFIXES), 70, 1) for m in _NAMED_STREET.finditer(text, a, b)):
        words = m.group("s").split()
        if words[0].rstrip(".") in _NOT_STREET_WORD or words[0] in PRODUCTS:
            continue  # "Amazon Cloud Drive" is a product
        # A street with no house number and nobody living on it ("a clinic on Main Street", "the
        # mosque on Carlisle Road") locates no household: a place to review, not an address.
        yield "place", m.start("s"), m.end("s")


# --- the city of a US address, for the name finder ---------------------------------------------

_STATE_ABBR = "|".join(_STATES)


# "Austin, TX 78704", "Madison, Wisconsin 53703": a city in a US address.
_CITY_STATE_AFTER = lazy(
    r",?[ \u00a0]+(?:(?:" + _STATE_ABBR + r")\.?|(?:" + _STATE_NAMES + r"))(?:,)?[ \u00a0]+\d{5}(?:-\d{4})?(?![\w-])"
)


_CITY_STATE_ONLY = lazy(r",[ \u00a0]*(?:" + _STATE_ABBR + r")\b(?![a-z])")


_STREET_BEFORE = lazy(
    r"(?:\b(?:" + "|".join(sorted(L.STREET_SUFFIXES, key=len, reverse=True)) + r")\.?|\d)[ \u00a0]*,[ \u00a0]*$"
)


def us_city(text: str, end: int, start: int) -> bool:
    """Whether the name text[start:end] is the city of a US address ("…Street, Austin, TX 78704")."""
    if _CITY_STATE_AFTER.match(text, end):
        return True
    return bool(_CITY_STATE_ONLY.match(text, end)) and _STREET_BEFORE.search(text, max(0, start - 30), start) is not None


# --- roads and the town of an address, for the place review -----------------------------------

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
_ROAD_ENDINGS = frozenset("Expressway Motorway Freeway Turnpike Highway Parkway Bypass Line".split())


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
    hits = ix.caps_in(_ROAD_ENDINGS) + [(s, e) for s, e in ix.digits if s and text[s - 1] in "MABN-" and e - s <= 4]
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
