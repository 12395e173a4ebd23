"""Towns, regions and named organisations: where a client lives, works, plays or belongs.

    find_places          "lives in Thirsk", "a farm outside Sedbergh", "up in the Dales", "Penrith"
    find_organisations   "plays for Kendal Harriers", "a resident at Meadowbank", "works at Hollins & Daughters"

Both give `review` findings: a place smaller than a country or a state, or a named
organisation, can let someone who knows the client recognise her, especially together with
her job or family.  Places are recognised by the gazetteer (GeoNames' places of 500 people
or more, see wordstats.py) or by a place preposition before a capitalised name; a place
name that is also an everyday word ("Reading", "Bath", "Hope") counts only after such a
preposition.  Countries and states are not flagged; neither is what the writer says about
their own training or practice.
"""

from __future__ import annotations

import re
from typing import Iterator

from sitegen.privacy import lexicon as L
from sitegen.privacy import people as P
from sitegen.privacy.tokens import TextIndex
from sitegen.privacy.wordstats import stats

Span = tuple[str, int, int]

# Counties and regions (UK, Ireland) that the gazetteer of towns does not hold.
REGIONS = frozenset("""
    Yorkshire Lancashire Cumbria Cornwall Devon Dorset Somerset Wiltshire Hampshire Sussex Surrey Kent
    Essex Suffolk Norfolk Cambridgeshire Lincolnshire Nottinghamshire Derbyshire Leicestershire
    Northamptonshire Warwickshire Worcestershire Herefordshire Shropshire Staffordshire Cheshire
    Merseyside Northumberland Durham Teesside Tyneside Wearside Gloucestershire Oxfordshire
    Berkshire Buckinghamshire Bedfordshire Hertfordshire Middlesex Rutland Cotswolds Fens Dales
    Moors Pennines Chilterns Mendips Quantocks Peaks Highlands Lowlands Borders Fife Perthshire
    Aberdeenshire Argyll Lothian Galloway Ayrshire Lanarkshire Moray Angus Caithness Sutherland
    Orkney Shetland Hebrides Skye Gwynedd Powys Ceredigion Pembrokeshire Carmarthenshire Anglesey
    Snowdonia Glamorgan Monmouthshire Flintshire Denbighshire Conwy Antrim Armagh Fermanagh Tyrone
    Donegal Kerry Cork Galway Mayo Sligo Clare Limerick Tipperary Wexford Wicklow Kilkenny Connemara
""".split())
_REGION_PHRASES = ("Lake District", "Peak District", "Yorkshire Dales", "North York Moors", "Home Counties",
                   "East Midlands", "West Midlands", "the Midlands", "the Lakes", "the Wolds", "the Broads",
                   "West Country", "Black Country", "Forest of Dean", "New Forest", "Isle of Wight",
                   "Isle of Man", "Gold Coast", "Sunshine Coast", "Bay Area", "Hill Country")

_REGION_NOUN = re.compile(r"(?<=\w)\s+(?:Coast|Valley|Vale|Dales?|Moors?|Hills|Peninsula|Forest|Downs|Highlands|"
                          r"Mountains|Fells|Wolds|Levels|Marshes|Glens?|Riviera|Hinterland|Borders)\b")
_PREP = re.compile(
    r"(?:\b(?:in|near|outside|from|around|towards|toward|to|at|across|beyond|round|nr)\s+(?:the\s+)?|"
    r"\b(?:lives|lived|living|moved|moving|grew\s+up|raised|based|born|settled|relocated|commutes|commuting|"
    r"drives|drove|travels|travelled|traveled)\s+(?:\w+\s+)?(?:in|to|from|near|outside)\s+(?:the\s+)?|"
    r"\b(?:up|down|over|out)\s+(?:in|to|near)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
_NAME_RUN = re.compile(r"[A-Z][\w'’\-]+(?:(?:\s+(?:upon|on|in|under|le|by|de|of|the)\s+|\s+|-)[A-Z][\w'’\-]+){0,2}")
# Capitalised words after "in" that are not places.
_NOT_PLACE = frozenset("""
    January February March April May June July August September October November December Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday Mondays Tuesdays Wednesdays Thursdays Fridays Saturdays Sundays
    Weekends Spring Summer Autumn Winter Christmas Easter Session Sessions
    Week Weeks Month Year Stage Phase Step Part Section Chapter Table Figure Appendix English Welsh Latin
    French Spanish German Italian Greek Chinese Japanese Hindi Urdu Arabic Polish Portuguese Russian
    General Private Person Time Pain Practice Term Total Between Both All Each Which What The A An This
    That These Those My Your His Her Its Our Their Client Clients Patient Room Lockdown Covid COVID
    Gibbs Kolb Rolfe Schon Johns Description Feelings Evaluation Analysis Conclusion Action Plan
    Reflection Assessment Treatment Outcome Outcomes Background Discussion Learning Summary Follow
    Advice Home Care Therapy Massage Counselling Supervision Physio Physiotherapy Yoga Pilates Reiki
""".split())
_CAP_PREFIXES = ("St", "St.", "Saint", "Great", "Little", "Upper", "Lower", "North", "South", "East", "West",
                 "New", "Old", "Long", "High", "Nether", "King's", "Kings", "Bishop's", "Market", "Castle")


def find_places(ix: TextIndex) -> Iterator[Span]:
    text = ix.text
    st = stats()
    n = len(ix.caps)
    i = 0
    while i < n:
        s, e = ix.caps[i]
        word = text[s:e]
        i += 1
        if word in _NOT_PLACE or word in L.FUNCTION_WORDS and word not in _CAP_PREFIXES:
            continue
        v = st.table.get(word.lower())
        before = text[max(0, s - 14):s].split()
        if not (v is not None and v >> 18 or word in REGIONS or word in _CAP_PREFIXES
                or before and before[-1].lower() in _PREP_WORDS or text.startswith((" Coast", " Valley"), e)):
            continue  # the cheap test: neither a known place nor after a place preposition
        m = _NAME_RUN.match(text, s)
        run = m.group() if m else word
        run = run.rstrip("'’").removesuffix("'s").removesuffix("’s")
        run_end = s + len(run)
        prep = _PREP.search(text, max(0, s - 40), s) is not None
        if text.startswith((" estate", " Estate", " housing estate", " council estate"), run_end) and \
                st.zipf(word) < 4.0 and not _weak_start(text, s):
            yield "place", s, run_end  # "the Moorside estate": a neighbourhood
            continue
        the = text[max(0, s - 4):s].lower() == "the "
        if (not prep or the) and not _REGION_NOUN.search(run) and _eponym_use(text, s, run_end, i - 1, ix) \
                or text.startswith(("'s", "’s"), run_end):
            continue  # "Parkinson's", "the Beighton score", "Eunice Ingham drew": not the town
        hit = _place_of(run, st, prep)
        if hit is None:
            continue
        length = hit
        end = s + length
        while i < n and ix.caps[i][0] < end:
            i += 1
        if end > run_end:
            end = run_end
        yield "place", s, end


_LOWER_AFTER = re.compile(r" ([a-z]+)")
_SPLIT_WORDS = re.compile(r"(\s+|-)")
_COUNTY = re.compile(r"(?:County\s+\w+|\w+\s+County|\w+shire)")
_CONNECTOR = re.compile(r"\s+(?:upon|on|in|under|le|by|de|of|the)\s+")
_PREP_WORDS = frozenset("""in near outside from around towards toward to at across beyond round nr the up down over
    out lives lived living moved moving grew raised based born settled relocated commutes commuting drives drove
    travels travelled traveled""".split())


def _eponym_use(text: str, s: int, end: int, k: int, ix: TextIndex) -> bool:
    """A place-named word used as a person's name or an eponym: possessive, before a common
    noun, or right after a given name."""
    if text.startswith(("'s", "’s", "'", "’"), end):
        return True
    m = _LOWER_AFTER.match(text, end)
    if m and m.group(1) not in _PLACE_FOLLOWERS:
        return True
    if k > 0:
        ps, pe = ix.caps[k - 1]
        if pe + 1 == s and text[pe] == " " and stats().given(text[ps:pe]) >= 1:
            return True
    return False


# Words that follow a town without making it a modifier: "Thirsk and Ripon", "Kendal is".
_PLACE_FOLLOWERS = frozenset("""and or is was has had where which who since for but so to in on at near with
    where while when until then because after before by as if where""".split())


def _place_of(run: str, st, prep: bool) -> int | None:
    """Length of the place name at the start of `run`, or None when it is not one."""
    for phrase in _REGION_PHRASES:
        p = phrase.removeprefix("the ")
        if run.startswith(p):
            return len(p)
    region = _REGION_NOUN.search(run)
    if region is not None and region.start() > 0 and not st.country(run[:region.start()].strip()):
        return region.end()  # "the Surf Coast", "the Eden Valley", "the Mourne Mountains"
    words = _SPLIT_WORDS.split(run)
    # longest prefix of the run that is a known place
    for k in range(len(words), 0, -2):
        cand = "".join(words[:k])
        if not cand:
            continue
        if st.country(cand):
            return None
        size = st.place(cand)
        first = words[0]
        if cand in REGIONS or _COUNTY.fullmatch(cand):
            return len(cand)
        if size:
            if k == 1 and not prep:
                ws = st.of(first)
                # a town name that is also a word or a person's name needs "in", "from", "near" ...
                if ws.zipf >= 3.0 or ws.given >= 3 or ws.surname >= 4 or first in P.CITED or first in P.PRODUCTS:
                    return None
                if first in L.EPONYM_STEMS or first in L.NOT_NAMES or first in P.NAMED_HEADS:
                    return None
            elif k == 1 and st.zipf(first) >= 4.5 and first not in _CAP_PREFIXES:
                return None  # "in Reading" yes, "in Hope" too, but "in Time", "in Practice" are not places
            return len(cand)
    if prep:
        head = _CONNECTOR.split(run)[0]
        main = words[2] if words[0] in _CAP_PREFIXES and len(words) > 2 else words[0]
        ws = st.of(main)
        if main is not words[0] and main not in _NOT_PLACE and words[0] not in ("New", "Old", "High", "Long"):
            return len(head)  # "moved to Little Snoring", "near Upper Slaughter"
        head = _CONNECTOR.split(run)[0]
        if head.split()[-1] in L.ORG_SUFFIXES or head.split()[-1] in _MORE_ORG_SUFFIXES:
            return None  # "at Larchfield House": an organisation's name (see find_organisations)
        # An unknown name after a place preposition: a village the gazetteer does not know.
        if ws.zipf < 2.5 and ws.given < 0 and main not in _NOT_PLACE and main not in P.CITED \
                and main not in P.PRODUCTS and main not in L.NOT_NAMES and main not in L.EPONYM_STEMS:
            return len(head)
    return None


# --- organisations -----------------------------------------------------------------------------

_MORE_ORG_SUFFIXES = frozenset("""
    Harriers Wanderers Striders Runners Joggers Triathletes Tri Cyclists Wheelers CC RFC AFC RUFC
    Rugby Cricket Netball Hockey Rowing Sailing Swimming Choir Chorus Singers Players Band Orchestra
    Scouts Guides Brownies Cubs WI Lodge Manor Grange Court Gardens Fellowship Association Guild
    League Society Union Collective Co-op Cooperative Motors Autos Haulage Removals Carpets Kitchens
    Dental Opticians Vets Nurseries Foods Farm Dairies Bakehouse Brewhouse Tearoom Tearooms House Lodge
""".split())
_ORG_CUE = re.compile(
    r"\b(?:works|worked|working|employed|job|teaches|taught|plays|played|playing|coaches|coached|"
    r"volunteers|volunteered|volunteering|member|members|joined|joins|runs|ran|runs\s+with|trains|trained|"
    r"swims|sings|studies|studied|attends|attended|goes|went|manages|managed|owns|owned|resident|residents|"
    r"captain|secretary|chair|treasurer|regular|regulars)\s+"
    r"(?:(?:\w+\s+){0,2}?)(?:at|for|with|in|of|on|to|by)\s+(?:the\s+)?$"
    r"|\b(?:lives|lived|living|staying|stays|stayed|resident)\s+(?:at|in)\s+the\s+$|\b(?:lives|lived|living|"
    r"staying|stays|stayed)\s+at\s+$",
    re.IGNORECASE,
)
_WHERE_AFTER = re.compile(r",?\s+where\s+(?:she|he|they)(?:\s+|(?=['’]))(?:works|worked|is|was|'s|’s|has|had|plays|trains|"
                          r"volunteers|lives|lived)\b")
_CUE_WORDS = frozenset("""works worked working employed job teaches taught plays played playing coaches coached
    volunteers volunteered volunteering member members joined joins runs ran trains trained swims sings studies
    studied attends attended goes went manages managed owns owned resident residents captain secretary chair
    treasurer regular regulars lives lived living staying stays stayed with""".split())
_ORG_RUN = re.compile(r"(?:[A-Z][\w'’\-]*(?:\.(?=\w))?[\w'’\-]*|&)(?:[ \t]+(?:(?:of|the|and|for|&)[ \t]+)?"
                      r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b)"
                      r"(?:[A-Z][\w'’\-]*(?:\.(?=\w))?[\w'’\-]*|&)){0,4}")


def find_organisations(ix: TextIndex) -> Iterator[Span]:
    text = ix.text
    st = stats()
    suffixes = L.ORG_SUFFIXES | _MORE_ORG_SUFFIXES
    taken = -1
    for s, e in ix.caps:
        if s < taken:
            continue
        word = text[s:e]
        if word in L.GRAMMATICAL_WORDS or word in _NOT_PLACE:
            continue
        m = _ORG_RUN.match(text, s)
        if m is None:
            continue
        run = m.group().rstrip(".")
        words = run.split()
        near = text[max(0, s - 50):s].lower().split()[-5:]
        cue = not _CUE_WORDS.isdisjoint(near) and _ORG_CUE.search(text, max(0, s - 50), s) is not None
        named = len(words) >= 2 and words[-1] in suffixes and any(
            w not in suffixes and w not in L.FUNCTION_WORDS and w not in ("of", "the", "and", "&") for w in words[:-1])
        if not cue and _WHERE_AFTER.match(text, s + len(run)):
            cue = True  # "from Greggs, where she's a shift supervisor"
        # "the Cascade Freight warehouse", "Meadowbank care home": a name before a workplace noun
        noun = _NOUN_AFTER.match(text, s + len(run))
        if noun is not None and not named and words[0] not in L.FUNCTION_WORDS and not _weak_start(text, s) \
                and not run.endswith(("'s", "’s")):
            head = noun.group("noun").lower()
            if head in L.WORKPLACE_NOUNS or head in ("home", "team", "squad", "firm", "shop") and noun.group("mod"):
                named = True
                run = text[s:noun.end()]
                words = run.split()
        if not (cue or named):
            continue
        if cue and not named:
            first = words[0]
            if st.country(run) or st.country(first) or first in P.PRODUCTS and len(words) == 1:
                continue
            if len(words) == 1 and (st.zipf(first) >= 4.0 or first in L.FUNCTION_WORDS or first.isupper()):
                continue  # a common word, or an acronym (a professional body, a national company)
        if _about_writer(text, s):
            continue
        taken = s + len(run)
        yield "organisation", s, s + len(run)


_NOUN_AFTER = re.compile(r" (?P<mod>(?:care|nursing|residential|running|cycling|football|rugby|cricket|netball|"
                        r"hockey|swimming|rowing|walking|sailing|golf|tennis)\s)?(?P<noun>[a-z][a-zé\-]+)\b")


def _weak_start(text: str, pos: int) -> bool:
    """Whether `pos` starts a sentence or a line (a capital there says nothing)."""
    j = pos - 1
    while j >= 0 and text[j] in " \t\"“‘'(*_":
        j -= 1
    return j < 0 or text[j] in ".!?\n:|#"


_SELF = re.compile(r"\b(?:I|I've|I’ve|I'd|I’d|I'm|I’m|we|my|our)\b[^.!?\n]*$")
_THIRD = re.compile(r"\b(?:she|he|they|her|his|their|client|husband|wife|partner|son|daughter)\b", re.IGNORECASE)


def _about_writer(text: str, pos: int) -> bool:
    m = _SELF.search(text, max(0, pos - 80), pos)
    return m is not None and not _THIRD.search(m.group())
