"""Towns, regions and roads: where a client lives, comes from or travels.

    find_places   "lives in Thirsk", "a farm outside Sedbergh", "up in the Dales", "Penrith",
                  "out past Meifod", "… Ave, Chicago, IL", "the M180", "the Kennedy Expressway"

A `review` finding: a place smaller than a country or a state can let someone who knows the
client recognise her, especially together with her job or family.  Places are recognised by
the gazetteer (GeoNames' places of 500 people or more, see wordstats.py), by a place
preposition before a capitalised name, by their place in an address (the town between the
street and the state or postcode) and by the shape of a road's name; a place name that is
also an everyday word ("Reading", "Bath", "Hope") counts only after such a preposition.
Countries and states are not flagged; neither is what the writer says about their own
training or practice, a place's name used for a person, an eponym or a named scale
("Parkinson's", "the Oswestry Disability Index"), nor a vertebra ("C4", "L5").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sitegen.privacy import lexicon as L
from sitegen.privacy import people as P
from sitegen.privacy.disguise import about_writer
from sitegen.privacy.lazyre import lazy
from sitegen.privacy.nameuses import named_day, thanked
from sitegen.privacy.organisations import EVENT_ENDINGS, ORG_ENDINGS, weak_start
from sitegen.privacy.places import address_towns, roads
from sitegen.privacy.tokens import TextIndex, lowered
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

_REGION_NOUN = lazy(r"(?<=\w)\s+(?:Coast|Valley|Vale|Dales?|Moors?|Hills|Peninsula|Forest|Downs|Highlands|"
                          r"Mountains|Fells|Wolds|Levels|Marshes|Glens?|Riviera|Hinterland|Borders)\b")
_PREP = lowered(
    r"(?:\b(?:in|near|outside|from|around|towards|toward|to|at|across|beyond|round|nr|past|off|out\s+of|"
    r"outside\s+of|into|along)\s+(?:the\s+)?|"
    # "a village called Much Marcle"
    r"\b(?:village|town|hamlet|suburb|city|place)\s+(?:called|named)\s+|"
    r"\b(?:lives|lived|living|moved|moving|grew\s+up|raised|based|born|settled|relocated|commutes|commuting|"
    r"drives|drove|travels|travelled|traveled)\s+(?:\w+\s+)?(?:in|to|from|near|outside)\s+(?:the\s+)?|"
    r"\b(?:up|down|over|out)\s+(?:in|to|near)\s+(?:the\s+)?)$"
)
_NAME_RUN = lazy(r"[A-Z][\w'’\-]+(?:(?:\s+(?:upon|on|in|under|le|by|de|of|the)\s+|\s+|-)[A-Z][\w'’\-]+){0,2}")
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
                 "New", "Old", "Long", "High", "Nether", "King's", "Kings", "Bishop's", "Market", "Castle",
                 "Cape", "Port", "Fort", "Mount")  # ("Cape Town", "Port Hood": everyday words, so function words elsewhere)


_NEVER, _IF_PREP, _MAYBE = range(3)
# What a capitalised word can be, found once per word: never a place (a function word, an
# acronym), a place only after a preposition, or a place by itself (in the gazetteer).
_WORD_KIND: dict[str, int] = {}


def _word_kind(word: str, st) -> int:
    if len(_WORD_KIND) > 50_000:
        _WORD_KIND.clear()
    if len(word) < 2 or word.isupper() or word in _NOT_PLACE or word in L.FUNCTION_WORDS and word not in _CAP_PREFIXES:
        kind = _NEVER
    else:
        v = st.table.get(word.lower())
        kind = _MAYBE if v is not None and v >> 18 or word in REGIONS or word in _CAP_PREFIXES else _IF_PREP
    _WORD_KIND[word] = kind
    return kind


def _after_prep_word(low: str, s: int) -> bool:
    """Whether the word before `s` is a place preposition ("in", "past", "lives" …)."""
    j = s - 1
    while j >= 0 and low[j] in " \t\n(\"'“‘":
        j -= 1
    k = max(low.rfind(" ", 0, j), low.rfind("\n", 0, j), low.rfind("(", 0, j)) + 1
    return low[k:j + 1] in _PREP_WORDS


def find_places(ix: TextIndex) -> Iterator[Span]:
    text = ix.text
    low = ix.lower
    st = stats()
    n = len(ix.caps)
    i = 0
    last_place = -9  # where the last place found ends
    while i < n:
        s, e = ix.caps[i]
        word = text[s:e]
        i += 1
        if word.endswith(("-based", "-born", "-bred", "-raised")):
            head = word.rsplit("-", 1)[0]
            if st.place(head) and not st.country(head) and not about_writer(ix, s, e, subject=True):
                yield "place", s, s + len(head)  # "Whitby-based", "Cork-born"
            continue
        kind = _WORD_KIND.get(word)
        if kind is None:
            kind = _word_kind(word, st)
        if kind == _NEVER or kind == _IF_PREP and not (_after_prep_word(low, s) or text.startswith((" Coast", " Valley"), e)):
            continue  # the cheap test: neither a known place nor after a place preposition
        if word in EVENT_ENDINGS and i > 1 and ix.caps[i - 2][1] + 1 == s:
            continue  # "the London Marathon": the event, not the town of Marathon
        if i > 1 and ix.caps[i - 2][1] + 1 == s and text[s - 1] == " " and _given_before(text, ix.caps[i - 2], st):
            continue  # "Marion Whitfield", "Sharon Wheeler": a surname after a given name, not the town
        v = st.table.get(word.lower())
        m = _NAME_RUN.match(text, s)
        run = m.group() if m else word
        run = run.rstrip("'’").removesuffix("'s").removesuffix("’s")
        run_end = s + len(run)
        if any(c.isdigit() for c in run) or _named_thing(text, run, run_end) or run.endswith(" Day") \
                or named_day(text, run_end):
            continue  # "C4", "Wexley General", "the Oswestry Disability Index", "Butler and Moseley's", "St Patrick's Day"
        prep_m = _PREP.search(low, max(0, s - 40), s)
        if prep_m is not None and (low.endswith("according to ", max(0, s - 13), s) or _EVENT_WORDS.intersection(
                low[max(0, s - 32):s].split()) and _EVENT_BEFORE.search(low, max(0, s - 32), s)):
            continue  # "according to Oduya": a source cited; "after a course in Bristol": where a course was held
        if prep_m is not None and low.endswith("to ", max(0, s - 3), s) and thanked(text, s, run_end):
            while i < n and ix.caps[i][0] < run_end:
                i += 1
            continue  # "Thanks to Sharon Wheeler for the training": a person the writer thanks
        prep = prep_m is not None and (not prep_m.group().lower().startswith("from") or _FROM_PERSON.search(
            text, max(0, s - 60), prep_m.start() + 1) is not None or v is not None and v >> 18 & 15)
        if not prep and last_place >= 0 and text[last_place:s] in _COORDINATION:
            prep = True  # "in Halifax and Calgary": the preposition holds for both
        if not prep and text[max(0, s - 3):s] == "on " and v is not None and (v >> 18 & 15) >= 3:
            prep = True  # "a diner on Broadway": a street or an island in the gazetteer, never an unknown word
        if not prep and v is not None and v >> 18 & 15 and low.endswith(("a ", "an "), max(0, s - 3), s):
            after = _LOWER_AFTER.match(text, run_end)
            prep = after is not None and after.group(1) in _PERSON_FROM  # "a Bradford lass", "a Harrogate mum"
        if text.startswith((" estate", " Estate", " housing estate", " council estate"), run_end) and \
                st.zipf(word) < 4.0 and not weak_start(text, s):
            yield "place", s, run_end  # "the Moorside estate": a neighbourhood
            continue
        if _not_the_town(ix, s, run, run_end, prep, i - 1):
            continue
        hit = _place_of(run, st, prep)
        if hit is None or about_writer(ix, s, run_end, subject=True) and not _practised_then(ix, s, run_end):
            continue  # "the course I took in York": the writer's own
        length = hit
        end = s + length
        while i < n and ix.caps[i][0] < end:
            i += 1
        if end > run_end:
            end = run_end
        if prep_m is not None and prep_m.group().startswith("at") and not _HOME_BEFORE.search(low, max(0, s - 40), s) \
                and run.split()[-1] not in _PLACE_TAILS and not _REGION_NOUN.search(run):
            yield "organisation", s, end  # "the dementia unit at Heatherlea": people work and study at places, not in towns
            continue
        last_place = end
        yield "place", s, end
    yield from address_towns(ix)
    yield from roads(ix)


def _not_the_town(ix: TextIndex, s: int, run: str, run_end: int, prep: bool, k: int) -> bool:
    """Whether the place name text[s:run_end] (caps[k]) stands for a person, an eponym or something cited."""
    text = ix.text
    the = text[max(0, s - 4):s].lower() == "the "
    if (not prep or the) and not _REGION_NOUN.search(run) and _eponym_use(text, s, run_end, k, ix) \
            or text.startswith(("'s", "’s"), run_end):
        return True  # "Parkinson's", "the Beighton score", "Eunice Ingham drew": not the town
    if _PERSON_APPOSED.match(text, run_end):
        return True  # "traces back to Jivaka Kumar, a physician said to …": a person, not a place
    owner = _FIGURE_CLAUSE.search(text, max(0, s - 50), s) if ", " in text[max(0, s - 50):s] else None
    if owner is not None and owner.group(1) in P.cited_surnames():
        return True  # "Tom Bowen, who worked in Geelong": the place of someone cited, not of a client
    # "developed by Ian Stiell in Ottawa", "named after Codman, who worked in Boston"
    return _method_history(ix, s, run_end)


# Where a course or a conference was held is the teacher's or the writer's, not a client's.
_EVENT_BEFORE = lazy(r"\b(?:(?:workshop|workshops|conference|seminar|training|retreat|congress|summit|cpd)\s+(?:day\s+|weekend\s+)?"
                     r"(?:in|at|near)|(?:a|an|my|our|his|her|their|weekend|training|cpd)\s+courses?\s+(?:in|near))\s+(?:the\s+)?$")
# ("on the course at Cruden Bay" is a golf course: "course" needs "a" or "my" and "in")
_EVENT_WORDS = frozenset("workshop workshops conference seminar training retreat congress summit cpd course courses".split())


# Where the writer practised when the client was seen: "a practice in west Wales before coming down
# here", "my year as an assistant in Ohio", "a strip-mall clinic outside Columbus".  In a case study the
# client lived there, so the place is the client's as much as the writer's (a course, a conference or
# where the writer trained is the writer's alone).
_PRACTISED_THEN = lazy(r"\b(?:(?:I|we)\s+(?:\w+\s+){0,3}?(?:worked|practised|practiced|spent|did\s+(?:a|some)\s+(?:\w+\s+)?"
                       r"(?:summers?|years?|months|stint|locum|placement|cover)|was\s+(?:working|doing|based|practising|practicing))\b|[Mm]y\s+(?:\w+\s+){0,2}?(?:years?|time|"
                       r"summers?|months|stint|days)\b|(?:from|when)\s+I\s+was\s+(?:working|based|practising|practicing)\b)")
_WRITERS_OWN = lazy(r"\b(?:course|courses|workshop|conference|seminar|qualified|studied|studying|degree|holiday|holidays|"
                    r"now|today|currently)\b", re.IGNORECASE)


def _practised_then(ix: TextIndex, s: int, e: int) -> bool:
    """Whether the writer's sentence says they practised at the place then (see _PRACTISED_THEN)."""
    sentence = ix.sentence(s, e)
    return _PRACTISED_THEN.search(sentence) is not None and _WRITERS_OWN.search(sentence) is None


def _given_before(text: str, prev: tuple[int, int], st) -> bool:
    """Whether the capitalised word `prev` is a given name and no common word ("Marion", not "New")."""
    w = text[prev[0]:prev[1]]
    ws = st.of(w)
    return ws.zipf < 4.5 and (ws.given >= 3 or ws.given >= 1 and not ws.place)


# Where a method was made or its namesake worked, in a sentence that speaks of no client.
_METHOD_HISTORY = lazy(r"\b(?:named\s+(?:after|for)|developed|described|devised|pioneered|coined|invented|"
                       r"first\s+published|validated)\b", re.IGNORECASE)
_CLIENT_NEAR = lazy(r"\b(?:[Ss]he|[Hh]er|[Hh]im|clients?|patients?)\b")


def _method_history(ix: TextIndex, s: int, e: int) -> bool:
    a, b = ix.sentence_bounds(s, e)
    return _METHOD_HISTORY.search(ix.text, a, b) is not None and _CLIENT_NEAR.search(ix.text, a, b) is None


# A role in apposition after the name: ", a physician", ", the monk who …".
_PERSON_APPOSED = lazy(r",\s+(?:an?|the)\s+(?:[a-z\-]+\s+){0,2}(?:physician|doctor|healer|monk|nun|priest|teacher|"
                       r"surgeon|scholar|philosopher|poet|writer|author|founder|pioneer|saint|king|queen|emperor|"
                       r"prince|princess|sage|master)\b")
# A clause about the person named before it: "Tom Bowen, who worked in …", "X, an Australian from …".
_FIGURE_CLAUSE = lazy(r"([A-Z][\w'’\-]+),\s+(?:who|an?|the)\b[^.;:!?\n,]{0,40}$")
_COORDINATION = frozenset((" and ", ", ", " or ", " & ", ", and ", " and then "))
_HOME_BEFORE = lazy(r"\b(?:lives|lived|living|stays|stayed|staying|born|home|house|flat|cottage)\b[^.;!?\n]*$")


# "… that comes from Masunaga" is a lineage; "she is from Dungloe", "moved over from Gdańsk" a place.
_FROM_PERSON = lazy(r"\b(?:she|he|they|who|family|originally|moved|came|come|over|back|up|down|is|was|'s|’s)"
                          r"\s+(?:\w+\s+)?(?:from\s+)?$", re.IGNORECASE)
# After a place-named word, the rest of a named thing: "the Oswestry Disability Index", "Wexley General".
# In lower case too: "from Ottawa rules to hopping".
_THING_AFTER = lazy(r"(?:\s+[A-Z][\w'’\-]+){0,3}\s+(?i:Index|Score|Scale|Questionnaire|Test|Rules?|Criteria|"
                          r"Classification|Inventory|Measure|Protocol|Method|Technique|Program|Programme|Approach|"
                          r"Model|Rule|Concept|Guide|Guidelines|Tool|Battery)\b")
_INSTRUMENTS = frozenset("""Index Score Scale Questionnaire Test Rules Criteria Classification Inventory Measure Program
    Programme Method Technique Protocol Approach Model Rule Concept""".split())
_CITED_PAIR = lazy(r"\s+(?:and|&)\s+[A-Z][\w'’\-]+(?:['’]s?\b|\s+\(|,\s*(?:19|20)\d\d)")


def _named_thing(text: str, run: str, run_end: int) -> bool:
    """Whether a place-named run names a thing or an organisation, or is an author cited in a pair."""
    last = run.split()[-1]
    if " " in run and (last in L.ORG_SUFFIXES or last in ORG_ENDINGS or last in _INSTRUMENTS):
        return True
    return _THING_AFTER.match(text, run_end) is not None or _CITED_PAIR.match(text, run_end) is not None \
        or _MEASURE_AFTER.match(text, run_end) is not None


# "Oswestry was 10%", "Roland-Morris down to 4/24": a measure named after a place, not the town.
_MEASURE_AFTER = lazy(r"\s+(?:(?:was|is|of|at|scored?|down\s+to|fell\s+to|dropped\s+to|had\s+fallen\s+to)\s+)?"
                            r"(?:about\s+|around\s+|now\s+)?\d+(?:\.\d+)?\s*(?:%|/\s*\d|percent\b|out\s+of\b)")


_LOWER_AFTER = lazy(r" ([a-z]+)")
_SPLIT_WORDS = lazy(r"(\s+|-)")
_COUNTY = lazy(r"(?:County\s+\w+|\w+\s+County|\w+shire)")
_CONNECTOR = lazy(r"\s+(?:upon|on|in|under|le|by|de|of|the)\s+")
_PLACE_TAILS = frozenset("""Hill Hills Heath Green Cross End Bridge Heads Bay Park Vale Wood Common Gate Ford Field
    Fields Marsh Moor Ridge Point Beach Falls Springs Creek Grove Hollow Junction Mills Lake Lakes Harbour Harbor Heights
    Village Town Flats Sands Shore Bottom Top Row""".split())
_PREP_WORDS = frozenset("""in near outside from around towards toward to at across beyond round nr the up down over
    out past off of on into along called named a an lives lived living moved moving grew raised based born settled relocated commutes commuting drives drove
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
_PERSON_FROM = frozenset("lass lad girl boy woman man mum mom dad mother father native local resident family".split())
_PLACE_FOLLOWERS = frozenset("""and or is was has had where which who since for but so to in on at near with
    where while when until then because after before by as if where
    area district region way side end outskirts suburbs town city village centre center high beach seafront promenade
    bypass harbour harbor station market lass lad girl boy woman man mum mom dad mother father native local resident
    family families born bred""".split())


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
            elif k == 1 and st.zipf(first) >= 4.5 and first not in _CAP_PREFIXES and size < 5:
                return None  # "in Reading", "in Boston" yes, "in Hope" too, but "in Time", "in Practice" are not places
            if k == 1 and prep and (first in P.CITED or first in L.EPONYM_STEMS and size < 5):
                return None  # "the material in Butler and Moseley", "in Bowen"
            return len(cand)
    if prep:
        head = _CONNECTOR.split(run)[0]
        main = words[2] if words[0] in _CAP_PREFIXES and len(words) > 2 else words[0]
        ws = st.of(main)
        if main is not words[0] and main not in _NOT_PLACE and words[0] not in ("New", "Old", "High", "Long"):
            return len(head)  # "moved to Little Snoring", "near Upper Slaughter"
        head = _CONNECTOR.split(run)[0]
        if head.split()[-1] in L.ORG_SUFFIXES or head.split()[-1] in ORG_ENDINGS:
            return None  # "at Larchfield House": an organisation's name (see find_organisations)
        if len(words) == 3 and words[2] in _PLACE_TAILS and main not in _NOT_PLACE and main not in L.FUNCTION_WORDS \
                and not st.country(main):
            return len(head)  # "out in Cobble Hill", "near Ashby Green": a neighbourhood named like one
        # An unknown name after a place preposition: a village the gazetteer does not know.
        if ws.zipf < 2.5 and ws.given < 0 and main not in _NOT_PLACE and main not in P.CITED \
                and main not in P.PRODUCTS and main not in L.NOT_NAMES and main not in L.EPONYM_STEMS:
            return len(head)
    return None


