"""Named organisations: where a client works, plays, studies or lives.

    find_organisations   "plays for Kendal Harriers", "a resident at Meadowbank", "works at Hollins & Daughters",
                         "coaching the Ypsi Wildcats", "runs Kiln House Pottery", "surgery at Wexley General",
                         "the Crestline distribution centre"

A `review` finding: a named employer, club, team, school, ward or care home lets a colleague,
a teammate or a neighbour recognise the client.  An organisation is a capitalised name that
either ends in the word an organisation's name ends in ("… Bakery", "… Harriers", "… Ward",
"… General") or stands where an organisation stands: after a verb of working, playing,
studying or belonging ("works at", "plays for", "captains the"), or before the noun it is
("… warehouse", "… team", "… order").  A town after such a verb is the place detector's; what
the writer says about their own training or practice is not an item.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sitegen.privacy import lexicon as L
from sitegen.privacy import people as P
from sitegen.privacy.lazyre import lazy
from sitegen.privacy.occupations import OCCUPATIONS
from sitegen.privacy.tokens import TextIndex, lowered, register_vocabulary
from sitegen.privacy.wordstats import stats

Span = tuple[str, int, int]

# Words an organisation's name ends in, beyond lexicon.ORG_SUFFIXES: clubs and teams, small
# businesses, hospitals ("Wexley General"), wards, universities ("Wayne State").
ORG_ENDINGS = frozenset("""
    Harriers Wanderers Striders Runners Joggers Triathletes Tri Cyclists Wheelers CC RFC AFC RUFC
    Rugby Cricket Netball Hockey Rowing Sailing Swimming Choir Chorus Singers Players Band Orchestra
    Scouts Guides Brownies Cubs WI Lodge Manor Grange Court Gardens Fellowship Association Guild
    League Society Union Collective Co-op Cooperative Motors Autos Haulage Removals Carpets Kitchens
    Dental Opticians Vets Nurseries Foods Farm Dairies Bakehouse Brewhouse Tearoom Tearooms House Lodge
    Ward Wing Unit General Memorial Infirmary Pottery Storage Diner Roasters Roastery Coffee Brewing Bakes
    Distribution Freight Fisheries Seafoods Workshop Elementary Prep Seniors Veterans Masters Reserves
    Athletics Wildcats Tigers Lions Eagles Hawks Bears Rangers Warriors Raiders Sharks Dolphins
    Montessori Middle High Junior Infants Boatworks Ironworks Boatyard Shipyard Water Utilities Outpatients
""".split())
_STATE_SCHOOL = lazy(r"[A-Z][\w'’\-]+[ \u00a0]State\b")  # "Wayne State", "Penn State"
_ORG_CUE = lowered(
    r"\b(?:works|worked|working|employed|job|teaches|taught|plays|played|playing|coaches|coached|coaching|"
    r"volunteers|volunteered|volunteering|member|members|joined|joins|runs|ran|runs\s+with|trains|trained|training|"
    r"swims|swam|sings|sang|singing|studies|studied|studying|attends|attended|goes|went|manages|managed|owns|owned|"
    r"resident|residents|captain|captains|secretary|chair|treasurer|regular|regulars|races|raced|rows|rowed|dances|"
    r"danced|surgery|operation|admitted|program|programme|degree|course|placement|shift|shifts|lifting|injured|"
    r"employer|contract|starting|started|starts|start|enrolled|enrols|driven|drives|drove|driving|referees|refereed|"
    r"umpires|umpired)\s+"
    r"(?:(?:\w+\s+){0,4}?)(?:at|for|with|in|of|on|to|by)\s+(?:the\s+(?:(?:big|little|new|old|local|main|huge|small)\s+)?)?$"
    r"|\b(?:captains?|captained|captaining|coach(?:es|ed|ing)?|joined|joins|supports?|supported|manages?|managed|"
    r"managing|owns?|owned|runs?|ran|running|sponsors?|took\s+over|taken\s+over|taking\s+over)\s+(?:the\s+)?$"
    r"|\b(?:lives|lived|living|staying|stays|stayed|resident)\s+(?:at|in)\s+the\s+$|\b(?:lives|lived|living|"
    r"staying|stays|stayed)\s+at\s+$"
)
_WHERE_AFTER = lazy(r",?\s+where\s+(?:she|he|they)(?:\s+|(?=['’]))(?:works|worked|is|was|'s|’s|has|had|plays|trains|"
                          r"volunteers|lives|lived)\b")
_CUE_WORDS = frozenset("""works worked working employed job teaches taught plays played playing coaches coached
    coaching coach volunteers volunteered volunteering member members joined joins runs ran run running trains
    trained training swims swam sings sang singing studies studied studying attends attended goes went manages
    managed managing manage owns owned own resident residents captain captains captained captaining secretary chair
    treasurer regular regulars lives lived living staying stays stayed with races raced rows rowed dances danced
    surgery operation admitted program programme degree course placement shift shifts lifting injured employer
    contract supports support supported sponsors sponsor took taken taking starting started starts start enrolled
    enrols driven drives drove driving referees refereed umpires umpired""".split())
_ORG_RUN = lazy(r"(?:[A-Z][\w'’\-]*(?:\.(?=\w))?[\w'’\-]*|&)(?:[ \t]+(?:(?:of|the|and|for|&)[ \t]+)?"
                      r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b)"
                      r"(?:[A-Z][\w'’\-]*(?:\.(?=\w))?[\w'’\-]*|&)){0,4}")
# The noun an organisation's name stands before: "the Cascade Freight warehouse", "Meadowbank care
# home", "the Crestline distribution centre", "the Sugar Pine wholesale order", "the Ypsi Wildcats 10U team".
_NOUN_AFTER = lazy(r" (?:[0-9]{1,2}[A-Z]{1,2} )?([a-z][a-zé\-]+)\b(?: ([a-z][a-zé\-]+)\b)?(?: ([a-z][a-zé\-]+)\b)?")
_TEAM_NOUNS = frozenset("""team squad reserves firsts seconds side order orders uniform kit shirt branch store stores
    depot site shift shifts rota fleet dispatch crowd panel crew gang""".split())
_GAME_MODS = frozenset("""care nursing residential running cycling football rugby cricket netball hockey swimming rowing
    walking sailing golf tennis""".split())


_JOB_ANCHORS = register_vocabulary(OCCUPATIONS)
_SUFFIXES = L.ORG_SUFFIXES | ORG_ENDINGS
_SUFFIXES_AND_STATE = _SUFFIXES | {"State"}
_CUE_ANCHORS = register_vocabulary(_CUE_WORDS)
_NOUN_ANCHORS = register_vocabulary(frozenset(L.WORKPLACE_NOUNS | _TEAM_NOUNS | {"home", "club", "where"}))


def _candidates(ix: TextIndex) -> list[tuple[int, int]]:
    """The capitalised words that may begin an organisation's name: after a cue word, before an
    ending such as "Harriers" or "State", before a workplace noun or "where".  The rest of the
    text's capitals cannot, and are not looked at."""
    after_cue = ix.windows(ix.anchors(_CUE_ANCHORS) + ix.anchors(_JOB_ANCHORS), 0, 60)
    ends = ix.caps_in(_SUFFIXES_AND_STATE) + ix.anchors(_NOUN_ANCHORS)
    amp = ix.text.find(" & ")
    while amp >= 0:  # "Lotus Nails & Beauty": the names either side of an ampersand
        ends.append((amp + 3, amp + 4))
        amp = ix.text.find(" & ", amp + 3)
    ends.sort()
    before_end = ix.windows(ends, 80, 0)
    regions: list[tuple[int, int]] = []
    for a, b in sorted(after_cue + before_end):
        if regions and a <= regions[-1][1]:
            if b > regions[-1][1]:
                regions[-1] = (regions[-1][0], b)
        else:
            regions.append((a, b))
    out = []
    k, n = 0, len(regions)
    for s, e in ix.caps:
        while k < n and regions[k][1] <= s:
            k += 1
        if k == n:
            break
        if regions[k][0] <= s:
            out.append((s, e))
    saints = ix.caps_in(_SAINTS)  # "St Piran's": a saint's name is an organisation's wherever it stands
    return sorted(set(out + saints)) if saints else out


_SAINTS = frozenset({"St", "Saint"})


def find_organisations(ix: TextIndex) -> Iterator[Span]:
    text = ix.text
    st = stats()
    suffixes = _SUFFIXES
    taken = -1
    for s, e in _candidates(ix):
        if s < taken or e - s < 2:
            continue
        word = text[s:e]
        if word in L.GRAMMATICAL_WORDS or word in _NOT_ORG:
            continue
        m = _ORG_RUN.match(text, s)
        if m is None:
            continue
        run = m.group().rstrip(".")
        if any(c.isdigit() for c in run):
            continue
        words = run.split()
        near = text[max(0, s - 50):s].lower().split()[-7:]
        cue = not _CUE_WORDS.isdisjoint(near) and _ORG_CUE.search(ix.lower, max(0, s - 50), s) is not None
        named = len(words) >= 2 and (words[-1] in suffixes or _STATE_SCHOOL.fullmatch(run) is not None
                                     and not st.country(run) or "&" in run and _FIRM.fullmatch(run) is not None) and any(
            w not in suffixes and w not in L.FUNCTION_WORDS and w not in ("of", "the", "and", "&") for w in words[:-1])
        w2 = [w.strip(",;:()") for w in near if w != "the"][-2:]
        employer = len(w2) == 2 and w2[-1] in ("for", "at", "with") and (
            w2[0] in OCCUPATIONS or w2[0].rstrip("s") in OCCUPATIONS or w2[0] in _WORK_OBJECTS
            or w2[0] in ("works", "worked", "working", "employed", "job", "apprentice", "apprenticed"))
        if not cue and employer:
            cue = True  # "a meter reader for Wyvern Water", "reading meters for …", "a carer with …"
        if not cue and _WHERE_AFTER.match(text, s + len(run)):
            cue = True  # "from Greggs, where she's a shift supervisor"
        noun = _NOUN_AFTER.match(text, s + len(run))
        saint = words[0] in ("St", "St.", "Saint") and len(words) > 1
        if noun is not None and not named and words[0] not in L.FUNCTION_WORDS and not weak_start(text, s) \
                and (saint or not run.endswith(("'s", "’s"))) and not words[0].isupper():
            end = _org_noun_end(noun)
            if end is not None:
                named = True
                run = text[s:end]
                words = run.split()
        if saint and not named and run.endswith(("'s", "’s")) and not _FEAST_AFTER.match(text, s + len(run)):
            named = True  # "St Piran's", "Saint Anne's": a saint's church, school, hospital or parish, by its name
        if not (cue or named):
            continue
        if cue and not named:
            first = words[0]
            if words[-1] in _PLACE_ENDINGS or words[-1] in L.CLEAR_STREET_SUFFIXES or st.place(run):
                continue  # "on the Surf Coast", "in Hebden Bridge", "on Tanner Road": a place or a street
            if (run.endswith(("'s", "’s")) and not saint and not (employer and text.startswith((",", ".", ";"), s + len(run)))) \
                    or first in L.EPONYM_STEMS or first in P.CITED:
                continue  # "surgery for Dupuytren's contracture", "based on Rathleff's work" (not "works for Lister's,")
            if st.country(run) or st.country(first) or first in P.PRODUCTS and len(words) == 1:
                continue
            if len(words) in (2, 3) and text.endswith("with ", max(0, s - 5), s) and st.given(first) >= 0 \
                    and (st.of(words[-1]).surname > 0 or st.zipf(words[-1]) < 2.5) and words[-1] not in suffixes:
                continue  # "a course with Georgina Hale", "trains with Dev Patel": a person, the name detector's
            if len(words) == 1 and first.isupper() and not (3 <= len(first) <= 6 and first not in L.NOT_NAMES
                                                           and first not in _NATIONAL_BODIES
                                                           and (employer or _EMPLOYED.search(text, max(0, s - 50), s))):
                continue  # an acronym: a professional body or a national company, unless she works for it
            if len(words) == 1 and first.isupper() and _NOUN_NEXT.match(text, s + len(run)):
                continue  # "works with GAA players": the acronym describes the plural noun after it
            if len(words) == 1 and not first.isupper() and (st.zipf(first) >= 4.0 or first in L.FUNCTION_WORDS):
                continue  # a common word
            if len(words) == 1 and st.place(first) and _IN_BEFORE.search(text, max(0, s - 6), s):
                continue  # "trained in Lagos", "works in Leeds": the town, the place detector's
        if named and (all(st.country(w) or w in _NATIONAL for w in words[:-1]) or not cue and words[0] in _NATIONAL):
            taken = s + len(run)
            continue  # "USA Hockey", "England Netball": a national body narrows nobody down
        if named and not employer and (any(w in _COUNTRY_TAGS or st.country(w) for w in words[1:])
                                       or any(_CONDITION.search(w.lower()) for w in words)):
            taken = s + len(run)
            continue  # "Marfan Support UK", "the Scoliosis Association": a national or patient charity
        if words[-1] in EVENT_ENDINGS or not employer and _generic_name(words, st):
            continue  # "the Great North Run"; "Intensive Care", "Human Resources", "the Second Team"
        if _about_writer(text, s) or not employer and public_resource(text, s, s + len(run)):
            continue
        taken = s + len(run)
        yield "organisation", s, s + len(run)


# What a saint's name is before when it names no place: a feast day, a plant ("St John's wort").
_FEAST_AFTER = lazy(r"\s+(?:Day|Eve|Night|Week|wort|Wort)\b")
# Names joined by an ampersand are a firm's: "Lotus Nails & Beauty", "Hollins & Daughters".
# (Not "PEACE & LOVE", a protocol in capitals, nor "Travell & Simons'", two authors' work.)
_FIRM = lazy(r"(?:[A-Z][a-z][\w\-]*\s+)*[A-Z][a-z][\w\-]*\s+&\s+[A-Z][a-z][\w\-]*(?:\s+[A-Z][a-z][\w\-]*)*")
# A country after the name: "Marfan Support UK", "Stroke Foundation Australia" (not "… Royal Infirmary").
_COUNTRY_TAGS = frozenset("UK USA US GB NZ International Worldwide Global".split())
# A condition a patient charity is named for: "… Syndromes Association", "Arthritis Action".
_CONDITION = lazy(r"(?:^|-)(?:diseases?|syndromes?|palsy|disorders?|conditions?|cancer|diabetes|dementia|alzheimer['’]?s?|"
                  r"parkinson['’]?s?|stroke|epilepsy|autism|asthma|hypermobility|fibromyalgia|lupus|scoliosis|"
                  r"lymphoedema|lymphedema|endometriosis|migraine|tinnitus|stammering|stuttering|[a-z]+(?:itis|osis|"
                  r"opathy|algia))$")


_WORK_OBJECTS = frozenset("meters deliveries shifts nights rounds contracts".split())


# "drives a bus for the MBTA", "a nurse at UCLH": an acronym counts only as her employer, and not
# when it names a national body everyone has heard of.
_EMPLOYED = lazy(r"\b(?:works|worked|working|employed|driven|drives|drove|driving|job|nurse|teacher|engineer|"
                       r"manager|cleaner|porter)\b[^.;\n]{0,30}\b(?:for|at|by)\s+(?:the\s+)?$", re.IGNORECASE)
_NOUN_NEXT = lazy(r" (?!(?:is|was|has|as|this|his|its|does|goes|says)\b)[a-z]{2,}s\b")
_NATIONAL_BODIES = frozenset("BBC RAF MOD HMRC DWP USPS UPS FBI CIA IRS NASA WHO UN EU DVLA HSE ONS TFL".split())
_PLACE_ENDINGS = frozenset("""County Coast Valley Vale Dale Dales Moor Moors Hills Peninsula Forest Downs Highlands Mountains
    Fells Wolds Levels Marshes Glen Glens Riviera Hinterland Borders Bay Beach Island Isle Bridge""".split())
_IN_BEFORE = lazy(r"\bin\s+$", re.IGNORECASE)
_NATIONAL = frozenset("""USA US UK GB British English Scottish Welsh Irish American Canadian Australian National Royal
    International European""".split())
_NOT_ORG = frozenset("""
    January February March April May June July August September October November December Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday Mondays Tuesdays Wednesdays Thursdays Fridays Saturdays Sundays
    Weekends Weekdays Christmas Easter Session Sessions Week Weeks Month Year Client
    Clients Patient Room Lockdown Covid COVID Gibbs Kolb Rolfe Schon Johns Description Feelings Evaluation Analysis
    Conclusion Action Plan Reflection Assessment Treatment Outcome Outcomes Background Discussion Learning
    Summary Follow Advice Home Care Therapy Massage Counselling Supervision Physio Physiotherapy Yoga Pilates Reiki
    General Private Person Time Pain Practice Term Total English Welsh Latin French Spanish German
""".split())


# The last word of a public event's name: a race or a festival thousands take part in.
EVENT_ENDINGS = frozenset("""Marathon Run Half Triathlon Ironman Sportive Swim Walk Relay Parkrun parkrun Festival Games
    Championships Championship Fair Show""".split())


def _generic_name(words: list[str], st) -> bool:
    """A department, a class or a team made of everyday words ("Intensive Care", "Customer Services",
    "Body Balance", "the Second Team"): no word in it a given name or a place, every word common."""
    core = [w for w in words if w not in ("of", "the", "and", "&", "for", "The")]
    if not core:
        return False
    for k, w in enumerate(core):
        ws = st.of(w)
        if ws.zipf < 4.0 or w.isupper():
            return False
        if k < len(core) - 1 or w not in _SUFFIXES:
            if ws.given >= 3 or ws.place >= 3:
                return False
    return True


_NOT_IN_A_NAME = frozenset("is was were are be been has had have felt looked seemed and or but to of in on at for with "
                           "from by".split())


def _org_noun_end(m: re.Match) -> int | None:
    """Where the noun an organisation's name stands before ends, among the next three words."""
    for k in (1, 2, 3):
        head = m.group(k)
        if head is None or head in _NOT_IN_A_NAME:
            return None  # "her Lachman test was firm": a verb ends the phrase before "firm"
        mod = m.group(k - 1) if k > 1 else None
        if head in ("centre", "center") and mod is None and m.group(0).startswith((" town", " city")):
            return None
        if k == 2 and m.group(1) in ("town", "city", "village") and head in ("centre", "center", "hall", "square"):
            return None  # "Kidderminster town centre": the town, the place detector's
        if head in L.WORKPLACE_NOUNS and head != "works" or head in _TEAM_NOUNS \
                or head in ("home", "club") and mod in _GAME_MODS:
            return m.end(k)
    return None


def weak_start(text: str, pos: int) -> bool:
    """Whether `pos` starts a sentence, a line or a list item (a capital there says nothing)."""
    j = pos - 1
    while j >= 0 and text[j] in " \t\"“‘'(*_":
        j -= 1
    if j >= 0 and text[j] in "-+" and (j == 0 or text[j - 1] in " \t\n"):
        k = j - 1
        while k >= 0 and text[k] in " \t":
            k -= 1
        return k < 0 or text[k] == "\n"  # "- Spinning on an office chair": a list item
    return j < 0 or text[j] in ".!?\n:|#"


_SELF = lazy(r"\b(?:I|I've|I’ve|I'd|I’d|I'm|I’m|we|my|our)\b[^.!?\n]*$")
_THIRD = lazy(r"\b(?:she|he|they|her|his|their|client|husband|wife|partner|son|daughter)\b", re.IGNORECASE)


def _about_writer(text: str, pos: int) -> bool:
    m = _SELF.search(text, max(0, pos - 80), pos)
    # "Dawn (with her blessing, though I've wobbled) … runs Kiln House Pottery": a bracket of the writer's is closed
    return m is not None and not _THIRD.search(m.group()) and ")" not in m.group()


# An organisation the writer points clients to, or that serves the public: "I pointed her to the
# X", "X has good information", "X runs a helpline", "X, a UK charity", "the X helpline".  A public
# resource is nobody's employer, club or home.
_RESOURCE_BEFORE = lazy(r"(?:\b(?:pointed|point|points|pointing|signposted|signpost|directed|sent)\s+(?:her|him|them|the\s+client|"
                        r"clients|people|patients)\s+(?:to|towards)|\b(?:[Ll]eaflets?|[Ii]nformation|[Ii]nfo|[Aa]dvice|"
                        r"[Hh]elpline|[Rr]esources?|[Gg]uidance|[Ff]actsheets?)\s+(?:from|by|on))\s+(?:the\s+)?"
                        r"(?:[A-Z][\w\-]*\s+){0,3}$")
_RESOURCE_AFTER = lazy(r"['’]?s?\s+(?:(?:and|&)\s+(?:the\s+)?(?:[A-Z][\w\-]*\s+){1,4})?(?:both\s+|also\s+|now\s+)?"
                       r"(?:has|have|had|runs|run|offers|offer|publishes|publish|keeps)\s+(?:some\s+|a\s+)?(?:good|great|"
                       r"helpful|useful|sensible|clear|excellent|free|brilliant|plain|lots\s+of)?\s*(?:information|info|"
                       r"advice|leaflets?|resources?|helplines?|guides?|factsheets?|a\s+helpline)\b"
                       r"|,\s+(?:an?|the)\s+(?:[A-Z]{2,3}\s+|national\s+|small\s+|local\s+)?charity\b"
                       r"|\s+(?:helpline|help\s+line|website|leaflet|leaflets|factsheet)\b")


def public_resource(text: str, start: int, end: int) -> bool:
    """Whether the organisation at text[start:end] is given as a resource for anyone (a charity, a helpline)."""
    before = text[max(0, start - 50):start].lower()
    return any(w in before for w in _RESOURCE_WORDS) and _RESOURCE_BEFORE.search(text, max(0, start - 50), start) is not None \
        or _RESOURCE_AFTER.match(text, end) is not None or text.endswith(_LINES, start, end)


# The cheap test before the pattern: a word of _RESOURCE_BEFORE in the 50 characters before.
_RESOURCE_WORDS = ("point", "signpost", "direct", "sent ", "leaflet", "info", "advice", "helpline", "resource", "guidance",
                   "factsheet")
_LINES = ("Helpline", "Lifeline", "Helplines", "Line")  # "Suicide & Crisis Lifeline": a line for the public
