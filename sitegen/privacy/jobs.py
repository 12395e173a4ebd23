"""Occupations: what a client (or a relative) does for a living, for the disguise review.

    find_occupations   "she's a primary school teacher", "works as a welder", "a retired nurse",
                       "shears for a contractor", "has been teaching for", "in the navy", "head of maths"

A `review` finding (see disguise.py).  What the writer says about themselves ("I am a massage
therapist") is left alone, and so are hobbies ("a keen baker"), metaphors ("her body is a harsh
teacher") and the people a client sees ("referred to a consultant", "her GP").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sitegen.privacy import people as P
from sitegen.privacy.disguise import about_writer
from sitegen.privacy.lazyre import lazy
from sitegen.privacy.lexicon import BODY_PARTS, EPONYM_STEMS
from sitegen.privacy.nameuses import introduces_colleague
from sitegen.privacy.occupations import OCCUPATIONS, PREDICATE_ONLY, RELATIVES
from sitegen.privacy.tokens import TextIndex, lowered, register_vocabulary

Span = tuple[str, int, int]

# What may stand before a job: "she is a", "works as a", "Client A, a retired", "(a", "pain in a".
_PREDICATE = (r"\b(?:is|was|'s|’s|became|becomes|been|being|(?:used|training|train|trained|wants|wanted|going|hoping|"
              r"studying|qualified)\s+to\s+be|works\s+as|worked\s+as|working\s+as|job\s+as|career\s+as|"
              r"trained\s+as|training\s+as|retired\s+as|qualified\s+as|employed\s+as|"
              r"as(?!\s+(?:per|advised|directed|prescribed|recommended|suggested|told|usual|ever|always|well)\b))\s+(?:an?\s+|the\s+)?")
_AGED = r"(?:\d{1,2}[\s-]years?[\s-]old\s+)?"
_OCC_LEAD = lazy(
    r"(?:" + _PREDICATE + r"|(?:^|[,(—–:]\s*|\bin\s+)(?:an?)\s+|\b(?:an?\s+)?(?:retired|former|ex-|semi-retired|"
    r"trainee|newly[\s-]qualified|self-employed|freelance|part-time|full-time)\s*)" + _AGED + r"(?:[\w\-]+\s+){0,3}$"
)
# A job that is also a thing ("coach", "driver") needs a predicate, or a case study's title with
# a word before it: "hip pain in a lorry driver" (but not "sat in a coach" or "a night guard").
# "She's 58, a retired bus driver": a job in apposition to an age is said of a person.
_PREDICATE_LEAD = lazy(r"(?:" + _PREDICATE + _AGED + r"|\bin\s+an?\s+(?:[\w\-]+\s+){0,2}[\w\-]+\s+"
                             r"|(?:^|\s)\d{2},\s+an?\s+)"
                             r"(?:[\w\-]+\s+){0,3}$")
_WORK_PLACE = lazy(
    r"\b(?:works|worked|working|job|shifts?|packs|packed|picks|stacks|serves|cleans|cooks|delivers|drives|"
    r"volunteers|volunteered)\s+(?:[a-z\-]+\s+){0,4}?(?:(?:full|part)[\s-]time\s+)?(?:in|at|on|for)\s+(?:an?\s+|the\s+)?"
    r"(?:[a-z\-]+\s+){0,2}(?:warehouse|factory|call[\s-]cent(?:re|er)|shop|supermarket|hospital|school|"
    r"nursery|bank|hotel|pub|cafe|café|restaurant|kitchen|farm|garage|salon|care\s+home|"
    r"building\s+site|site|lab|laboratory|library|prison|airport|station|mine|quarry|dock|docks|"
    r"port|abattoir|bakery|brewery|dairy|depot|plant|council|charity|practice|surgery|clinic|ward|"
    r"theatre|studio|gym|club|church|university|college|academy|union|rigs?|boats?|trawlers?|app|firm|"
    r"company|chippy|takeaway|diner|store|co-op|mill|yard|market|marae|garden\s+centre|leisure\s+centre|"
    r"bar|team|department|unit|kitchen|reception|orchards?|vineyards?|estate)\b"
)
# The job as a verb or a way of working: "she farms", "drives for a delivery firm", "works the tills",
# "works away on the rigs", "works offshore", "a joiner by trade".
_JOB_VERB = lowered(
    r"\b(?:she|he|they|who)\s+(?:farms|farmed|nurses|nursed|fishes|fished|drives\s+for|drove\s+for|cleans\s+for|"
    r"cleaned\s+for|teaches|taught|lectures|lectured)\b(?!\s+(?:me|us|my|our)\b)"  # "who taught me", "who taught my course": a lesson
    r"|\b(?:shears|sheared|shearing|cooks|cooked|delivers|delivered|labours|laboured|drives|drove)\s+for\s+(?:an?|the)\b"
    # "makes the coffee at a cafe", "does the books for a garage", "reads meters for the water board"
    r"|\b(?:makes|made|making|serves|served|serving|pulls|pulled|pulling|does|did|doing|reads|read|reading|fixes|fixed|"
    r"fixing|cuts|cut|cutting|lays|laid|laying)\s+(?:the\s+)?"
    r"(?:coffee|coffees|pints|books|accounts|meters|hair|bricks|floors|cars|engines)\s+(?:at|for|in)\b"
    r"|\bworks?\s+(?:the\s+)?(?:(?:trade|front|help|reception|service|bakery|deli|fish|meat|cheese|hot|cold)\s+)?"
    r"(?:grill|line|bar|till|tills|door|doors|desk|counter|checkouts?|floor|flat-top|fryer|pass|"
    r"nights|night\s+shift|late\s+shift|early\s+shift|docks|boats|rigs|land|farm)\b"
    r"|\bworks?\s+(?:away|offshore|fly-in\s+fly-out|fifo|shifts\s+at|nights\s+at)\b"
    r"|\b(?:drives|driven|drove|driving)\s+(?:an?|the)\s+(?:[a-z0-9\-]+\s+){0,2}(?:bus|taxi|cab|lorry|truck|van|train|tram|"
    r"forklift|ambulance|tractor|digger|crane|route)\b"
    r"|\b(?:drives|driven|drove|driving)\s+(?:buses|taxis|cabs|lorries|trucks|vans|trains|trams|forklifts|ambulances|"
    r"tractors|diggers|cranes|hgvs|artics)\b"
    # "coaches the under-13s", "coached the girls' side": a club's coach, said as what she does
    r"|\b(?:coaches|coached|coaching)\s+(?:the|a|an|her|his|their)\s+(?:[\w'’\-]+\s+){0,2}?(?:team|side|squad|girls|"
    r"boys|juniors|seniors|under[\s-]?\d+s?|u\d+s?|kids|club|firsts|seconds|colts)\b"
    # "works days at her family's shop", "does nights on the pick line", "sells tickets at the ferry office"
    r"|\b(?:works|worked|working|does|did|doing)\s+(?:days|nights|shifts|weekends|lates|earlies|doubles)\s+(?:at|on|in|for)\s+"
    r"(?:the|an?|her|his|their|[a-z\-]+['’]s)\s+[a-z\-]+"
    # "long shifts on the tills", "permanent nights on the stroke ward": the shifts of a job, where they are worked
    r"|\b(?:long|night|early|late|split|double|twelve-hour|permanent|weekend|her|his|their)\s+(?:shifts|nights|lates|earlies)"
    r"\s+on\s+the\s+[a-z\-]+(?:\s+(?!(?:at|in|for|and|with|from|of|to|so|but)\b)[a-z\-]+){0,2}\b(?<!weekend)(?<!weekends)"

    r"|\b(?:sells|sold|selling)\s+(?:[a-z\-]+\s+){1,2}?(?:at|on|from)\s+(?:the|an?)\s+(?:[a-z\-]+\s+)?(?:office|market|"
    r"stall|counter|desk|shop|kiosk|weekends?|till)\b"
    # "fits kitchens for his uncle's firm", "works for her brother's company"
    r"|\b[a-z]+s\s+(?:[a-z\-]+\s+){0,2}?for\s+(?:her|his|their)\s+(?:[a-z\-]+['’]s\s+)?(?:own\s+)?(?:firm|company|"
    r"business)\b"
    r"|\b(?:an?\s+)?[a-z\-]+\s+by\s+trade\b"
    # "she waitresses at weekends", "he childminds", "she temps"
    r"|\b(?:she|he|they|who)\s+(?:waitresses|waitressed|nannies|nannied|childminds|childminded|bartends|bartended|"
    r"tutors|tutored|temps|temped|freelances|freelanced|labours|laboured|preaches|preached|plasters|plastered)\b"
    # "cleans houses for a living", "does hair from home", "has been nursing for twenty years"
    r"|\b[a-z]+\s+(?:[a-z]+\s+){0,2}?for\s+a\s+living\b"
    r"|\bdoes\s+(?:hair|nails|lashes|brows|makeup|make-up|the\s+books|people['’]s\s+(?:hair|nails|accounts))\b"
    r"|\bbeen\s+(?:nursing|teaching|farming|lecturing|hairdressing|plastering|labouring|laboring|fishing|mining|"
    r"shearing|nannying|childminding|waitressing|bartending|cheffing|preaching|policing|soldiering|driving\s+(?:buses|"
    r"lorries|trucks|taxis|cabs|trains))\s+(?:for|since)\b"
    # "she's in the police", "he retired from the fire service", "she joined the army at eighteen"
    r"|\b(?:is|was|'s|’s|been|works|worked|serves|served|joined|left|retired\s+from|career\s+in)\s+(?:in\s+)?the\s+"
    r"(?:police|army|navy|royal\s+navy|raf|air\s+force|marines|fire\s+service|fire\s+brigade|prison\s+service|"
    r"ambulance\s+service|armed\s+forces|forces(?!\s+of)|military|merchant\s+navy|coastguard|civil\s+service|clergy)\b"
    # "head of maths at …", "manages a team of twelve"
    r"|\bhead\s+of\s+(?:maths|math|english|science|year|department|pe|music|history|geography|art|drama|sixth\s+form|"
    r"hr|finance|sales|marketing|operations|nursing|care|it)\b"
    r"|\bmanages?\s+(?:a|the)\s+(?:small\s+|big\s+|large\s+)?(?:team|department|ward|shop|store|branch|site|crew)\b")
_ARTICLE = lazy(r"\b(?:an?|the)\s")
_ACTS_AFTER_JOB = lazy(r"\s+(?:had|has|have|said|says|suggested|suggests|advised|advises|recommended|recommends|told|tells|"
                       r"would|will|did|does|thought|thinks|wrote|writes|explained|explains|put\s+it)\b")
# "works as the cellar master", "has worked as a livestock auctioneer": whatever follows "works as"
# is a job when a person is the subject, whether or not the job is on the list.
_WORKS_AS = lowered(r"\b(?:works|worked|working|employed)\s+as\s+(?:an?|the)\s+[a-z][\w\-]*"
                    r"(?:\s+(?!(?:at|for|in|on|with|since|and|but|or|who|from|to|of|near|by|when|until|so)\b)[a-z][\w\-]*){0,3}")
_SUBJECT_BEFORE = lazy(r"(?:\b(?:she|he|they|who|client|patient|mum|dad|mother|father|husband|wife|partner|son|daughter)"
                       r"|[A-Z][\w'’\-]*|\d+,)\s+(?:(?:has|had|have|also|now|still|currently|once|then|always|long)\s+)*$")
# "ran a nail salon", "owns the bakery on the corner": the job is the business she runs
_RUNS_BUSINESS = lazy(r"\b(?:ran|runs|running|(?:(?<=to\s)|(?<=had\s)|(?<=has\s)|(?<=have\s)|(?<=['’]d\s))run|owned|owns|owning|manages|managed|"
                            r"managing|opened|set\s+up)\s+"
                            r"(?:an?|the|her|his|their)\s+(?:own\s+)?(?:[\w\-]+\s+){0,3}(?:salon|shop|cafe|café|"
                            r"pub|restaurant|farm|business|bakery|garage|nursery|studio|gym|hotel|b&b|guest\s*house|"
                            r"takeaway|stall|practice|firm|agency|kennels|stables|school|company|bar|deli|florist|"
                            r"chippy|diner|pottery|workshop|van|food\s+truck|post\s+office|band\s+program|"
                            r"band\s+programme|department|ward|kitchen|office|choir|orchestra|orchard|vineyard|winery|boat|trawler|herd|"
                            r"croft|smallholding|station|yard|garden\s+centre|surgery|pharmacy|laundrette|launderette|"
                            # a shop by what it sells: "the haberdashery", "the ironmongery", "the bookshop"
                            r"[a-z]+(?:ery|shop|works|mongers?))\b"
                            # "runs the family sweet centre": whatever the family's business is
                            r"|\b(?:ran|runs|running|owned|owns|owning|manages|managed|managing)\s+the\s+family\s+"
                            r"(?:[a-z\-]+\s+)?[a-z\-]+")
# ("Jarrah's a sparky" is "Jarrah is": an article after the 's makes it the verb, not a possessive.)
_OWNED = lazy(r"\b(?:her|his|their|my|your|our|(?!(?:she|he|it|that|there|who|what|where|one)['’])[\w\-]+['’]s?(?!\s+an?\s))\s+"
                    r"(?:[\w\-'’]+\s+){0,2}$")
# "taught piano for forty years", "teaches fourth grade": the job as a verb.
_TEACHES = lazy(r"\b(?:teaches|taught|lectures|lectured|nursed)\s+(?:[a-z\-]+\s+){0,2}?(?:piano|violin|music|"
                      r"maths|math|english|french|spanish|history|geography|science|physics|chemistry|biology|art|"
                      r"drama|pe|reception|nursery|infants|juniors|primary|secondary|grade|year\s+\d|class|yoga|"
                      r"pilates|dance|ballet|swimming|driving|school|college|university|law|medicine)\b")
_PLACE_AFTER_JOB = tuple(f" {w}" for w in "clinic clinics practice department course training appointment appointments "
                         "referral waiting session sessions service services".split())
_WORK_WORDS = register_vocabulary(frozenset(
    "works worked working job shift shifts packs packed picks stacks serves cleans cooks delivers drives "
    "volunteers volunteered".split()))
# Sectors are the disguise, not the detail: "works in an office", "works in retail".
_GENERIC_WORK = lazy(r"\bworks?\s+in\s+(?:an?\s+)?(?:office|retail|education|healthcare|health|admin|it|tech|"
                           r"finance|hospitality|sales|marketing|care|the\s+public\s+sector|a\s+school)\b")


# Words between "is a" and the job that make it no job of hers: a hobby ("a keen baker"), a
# metaphor or a judgement ("a harsh judge", "a kind of conductor"), someone she was sent to
# ("was referred to a consultant").
_NOT_JOB_WORDS = frozenset("""
    keen avid enthusiastic amateur passionate lifelong weekend hobby occasional budding self-taught would-be wannabe
    bit kind sort type harsh poor terrible lousy cruel natural born hopeless awful bad good great brilliant
    fantastic decent loud strict to of for with at from by on like than such into about referred sent seen
    told passed hard growing teenage schoolboy schoolgirl aspiring sunday-league pub seeing see sees saw visiting
""".split())
# What may stand before "is a …" when the sentence says what someone does: a person, not "her pain".
_PERSON_SUBJECTS = RELATIVES | frozenset("""
    she he they who that also client patient woman man lady gentleman girl boy friend neighbour neighbor colleague
    herself himself themselves
""".split())
_PREDICATE_VERBS = frozenset("is was 's ’s became becomes been being".split())
# After a job that opens a sentence, what someone else did: "A nurse at her surgery took bloods".
_ACTED_AFTER = lazy(r"\s+(?:(?:at|from|in)\s+(?:her|his|their|the)\s+[a-z\-]+\s+)?(?:had|has|was|is|took|gave|"
                          r"told|said|suggested|recommended|came|saw|referred|who|prescribed|checked|examined|ordered|"
                          r"noticed|thought|diagnosed|did|does|sent|wrote|called|rang)\b")


_TITLE_LEAD = lazy(r"\b(?:for|with|of)\s+(?:an?\s+)" + _AGED + r"(?:[\w\-]+\s+){0,3}$")


def _heading(text: str, pos: int) -> bool:
    """Whether `pos` is in a title: a short text of one line, or a Markdown heading."""
    if len(text) < 160 and "\n" not in text and ". " not in text:
        return True
    a = text.rfind("\n", 0, pos) + 1
    return text.startswith("#", a)


def _not_her_job(text: str, low: str, lead: re.Match, ws: int, we: int) -> bool:
    """Whether the job word names no job of the client's: a hobby, a metaphor, someone she saw."""
    words = lead.group().replace("’", "'").split()
    if len(words) >= 3 and words[1:3] == ["to", "be"]:
        words = words[:1] + words[3:]  # "used to be a miner", "training to be a midwife"
    if not _NOT_JOB_WORDS.isdisjoint(words[1:] if words and words[0] in ("in", "for", "with", "of") else words):
        return True
    if low.startswith(("'s ", "’s "), we) and low.startswith(_IDIOM_AFTER_POSSESSIVE, we + 3):
        return True  # "a driver's worst nightmare" (but "a plasterer's shoulder" is the job holder's)
    if low.startswith("worker", ws) and (not words or words[-1] not in _WORKER_KINDS):
        return True  # "a service worker", "the worker": a worker of a kind only ("a care worker")
    first = words[0] if words else ""
    if first.endswith(("'s", "’s")) or first in _PREDICATE_VERBS:
        # the subject of "is a …": a person or a name ("She's", "Client A is"), not "her pain was"
        j = lead.start()
        if first.endswith("'s") and len(first) > 2:
            return first[:-2] not in _PERSON_SUBJECTS and not text[j].isupper()
        if low.startswith(("'s", "’s"), j):
            k = j
        else:
            k = j - 1
            while k >= 0 and low[k] == " ":
                k -= 1
            k += 1
        b = k - 1
        while b >= 0 and (low[b].isalpha() or low[b] in "-'’"):
            b -= 1
        prev = _uncontract(low[b + 1:k])  # "she'd been a paramedic", "they've been a bus driver"
        while prev in _AUX_BEFORE and b > 0:  # "Ivy had been a district nurse", "she has always been"
            k = b
            while k > 0 and low[k - 1] == " ":
                k -= 1
            b = k - 1
            while b >= 0 and (low[b].isalpha() or low[b] in "-'’"):
                b -= 1
            prev = _uncontract(low[b + 1:k])
        if prev in ("and", "but") and b > 0:
            # "She is 93 and was a district nurse": the subject is the clause's, at the sentence start
            a = max(low.rfind(". ", 0, b), low.rfind("\n", 0, b)) + 1
            subject = low[a:b].lstrip(" .\n").split(" ", 1)[0]
            b, prev = a + low[a:b].find(subject) - 1, subject.removesuffix("'s").removesuffix("’s")
            if prev in _DETERMINERS:
                return True  # "Her pain is worse and was a teacher": the subject is a thing
        if prev and prev not in _PERSON_SUBJECTS and not text[b + 1].isupper():
            return True
    elif first == "as":
        b = lead.start() - 1
        while b >= 0 and low[b] == " ":
            b -= 1
        e = b + 1
        while b >= 0 and low[b].isalpha():
            b -= 1
        before = low[max(0, b - 12):b + 1].split()
        if before and before[-1] in _DETERMINERS and low[b + 1:e] not in _AS_BEFORE_WORDS:
            return True  # "think of the psoas as a messenger", "I see her pain as a teacher"
    elif first in ("a", "an") and _ACTED_AFTER.match(low, we):
        return True  # "A physio had given her exercises": someone she saw
    return False


_APPOSED_TO = lazy(r"([A-Z][\w'’\-]+),\s+$")


def _figure_before(text: str, start: int) -> bool:
    """Whether the job at `start` is in apposition to someone cited, or the namesake of a condition."""
    if not text[max(0, start - 4):start].rstrip().endswith(","):
        return False
    m = _APPOSED_TO.search(text, max(0, start - 40), start)
    return m is not None and (m.group(1) in P.cited_surnames() or m.group(1) in EPONYM_STEMS)


def _uncontract(word: str) -> str:
    """ "she'd" → "she", "they've" → "they", "he's" → "he"."""
    if word.endswith(("'d", "’d", "'s", "’s")):
        return word[:-2]
    return word[:-3] if word.endswith(("'ve", "’ve", "'re", "’re")) else word


# The subject right before "is a …": someone named or spoken of, never the writer ("Morag is a
# retired teacher and brought me shortbread" is about Morag, whatever else the sentence says).
_THIRD_SUBJECT = lazy(r"(?:\b(?:[Ss]he|[Hh]e|[Tt]hey|who)|\b(?!(?:I|It|This|That|There|Here|What|Which|Who|Each|All|One|Mine|"
                      r"Everything|Nothing|My|Our|The|A|An)\b)[A-Z][\w'’\-]+)(?:['’](?:s|d|ve|re))?"
                      r"(?:\s+(?:has|had|have|also|always|once|still|now))*\s*$")


def _body_after_possessive(low: str, we: int) -> bool:
    """ "a taxi driver's back", "a skating coach's sore hip": a job holder's body, so a person."""
    if not low.startswith(("'s ", "’s "), we):
        return False
    words = low[we + 3:we + 40].split(" ", 3)[:3]
    return any(w.strip(",.;:)") in BODY_PARTS for w in words)


_WRITERS_LESSON = lazy(r"[^.;!?\n]{0,50}\b(?:my|our)\s+(?:[a-z\-]+\s+)?(?:course|module|diploma|degree|training|class)\b")
# The writer as the subject right before the predicate: "I am not going to be", "I'd never be".
_WRITER_SUBJECT = lazy(r"(?:^|[^\w'’])(?:I|I['’]m|I['’]d|I['’]ve|I['’]ll)\s+(?:(?!(?:she|he|they|who|that|her|his|their|"
                       r"said|told|think|thought|knew|know|felt|feel|wrote|heard|guess|suspect|noticed)\b)[a-z]+\s+){0,3}$")
_ABOUT_SOMEONE = ("in a ", "in an ", "for a ", "for an ", "with a ", "with an ", "of a ", "of an ")
_WORKER_KINDS = frozenset("""care support social youth factory farm office shop warehouse construction key aid health
    community rail council charity site shift agency""".split())
_AUX_BEFORE = frozenset("""had has have would will might must may could should not never always also still once now
    already just then both all since ever""".split())
_AS_BEFORE_WORDS = frozenset("life years job career time days living work".split())
_DETERMINERS = frozenset("the a an her his their this that my your its our".split())
_IDIOM_AFTER_POSSESSIVE = ("worst ", "best ", "nightmare", "dream", "eye ", "seat", "licence", "license")


_OCC_VOCAB = register_vocabulary(OCCUPATIONS | PREDICATE_ONLY | frozenset(o + "s" for o in OCCUPATIONS))
_RUN_WORDS = register_vocabulary(frozenset("ran runs running run owned owns owning manages managed managing opened set".split()))
_TEACH_WORDS = register_vocabulary(frozenset("teaches taught lectures lectured nursed".split()))
_JOB_VERB_WORDS = register_vocabulary(frozenset("""farms farmed nurses nursed fishes fished drives drove driven driving
    cleans cleaned works work trade teaches taught lectures lectured shears sheared cooks cooked delivers delivered
    labours laboured shearing coffee coffees pints books accounts meters hair bricks floors cars engines
    waitresses waitressed nannies nannied childminds childminded bartends bartended tutors tutored temps temped
    freelances freelanced preaches preached plasters plastered living nails lashes brows makeup make-up
    nursing teaching farming lecturing hairdressing plastering labouring laboring fishing mining shearing nannying
    childminding waitressing bartending cheffing preaching policing soldiering police army navy raf force marines
    service brigade forces military coastguard clergy head manages manage coaches coached coaching
    days nights shifts weekends lates earlies doubles sells sold selling firm company business office market stall
    kiosk""".split()))
# "worked on the kiwifruit orchards", "forty years on the trawlers": the places of a trade, in the plural
# (tried only at those nouns, looking back: the pattern above is long, and these words are common).
_TRADE_NOUNS = register_vocabulary(frozenset("""orchards farms boats trawlers rigs docks buses trains ferries roads sites
    wards lines tills vineyards stations bins""".split()))
_ON_THE_TRADE = lowered(r"\b(?:works|worked|working|years|summers|seasons)\s+on\s+the\s+(?:[a-z\-]+\s+)?"
                        r"(?:orchards|farms|boats|trawlers|rigs|docks|buses|trains|ferries|roads|building\s+sites|sites|wards|"
                        r"lines|tills|vineyards|stations|bins)\b")


def find_occupations(ix: TextIndex) -> Iterator[Span]:
    text, low = ix.text, ix.lower
    seen: list[tuple[int, int]] = []
    for ws, we in ix.anchors(_OCC_VOCAB):
        word = low[ws:we]
        lead = (_PREDICATE_LEAD if word in PREDICATE_ONLY and not _body_after_possessive(low, we)
                else _OCC_LEAD).search(low, max(0, ws - 60), ws)
        if lead is None and _heading(text, ws):
            lead = _TITLE_LEAD.search(low, max(0, ws - 40), ws)  # "Reflexology for a librarian with …"
        if lead is None or _OWNED.search(low, max(0, ws - 30), ws):
            continue  # "her GP", "his Parkinson's nurse", "the priest": someone else in the client's life
        if _not_her_job(text, low, lead, ws, we) or "I" in text[max(0, lead.start() - 30):lead.start()] and \
                _WRITER_SUBJECT.search(text, max(0, lead.start() - 30), lead.start()):
            continue  # ("I am not going to be the therapist who …": the writer, whoever else the sentence names)
        if low.startswith(_PLACE_AFTER_JOB, we):
            continue  # "a physio clinic", "a nurse appointment": the job word names a place or a service
        start = lead.start()
        # start at the article or the job's first word, not at "is"/"as"
        piece = low[start:ws]
        if piece.startswith("as ") and _ACTS_AFTER_JOB.match(low, we):
            continue  # "as the GP had suggested", "as a physio would say": someone else, doing something
        art = _ARTICLE.search(piece)
        start = start + art.start() if art else start + len(piece.split(" ")[0]) + 1 if " " in piece else start
        # "pain in a welder (and what I learned)": a job after "in a", "for a" is never the writer's own
        if (not piece.startswith(_ABOUT_SOMEONE) and about_writer(ix, start, we, subject=True)
                and not _THIRD_SUBJECT.search(text, max(0, lead.start() - 30), lead.start() + (piece[:1] in "'’"))) \
                or text[ws].isupper() and text.startswith(("'s", "’s"), we):
            continue  # "Baker's cyst" is not a baker
        if _figure_before(text, start) or introduces_colleague(ix, start, we):
            continue  # "Robert Osgood, an American orthopaedic surgeon,", "Tui, a physio of ours": not a client's job
        seen.append((start, we))
        yield "occupation", start, we
    for pat, vocab, after in ((_TEACHES, _TEACH_WORDS, 50), (_RUNS_BUSINESS, _RUN_WORDS, 60)):
        # each pattern opens with its anchor word: matched there, not searched for across a window
        for m in (pat.match(low, a, min(len(low), b + after)) for a, b in ix.anchors(vocab)):
            if m is not None and not about_writer(ix, m.start(), m.end(), subject=True):
                seen.append(m.span())
                yield "occupation", m.start(), m.end()
    trade = [(s, e) for s, e in ix.anchors(_TRADE_NOUNS) if low.find(" on the ", max(0, s - 30), s) >= 0]
    verbs = ix.windows(ix.anchors(_JOB_VERB_WORDS), 40, 24)
    for m in [m for a, b in verbs for m in _JOB_VERB.finditer(low, a, b)] + [
            m for a, b in ix.windows(trade, 40, 1) for m in _ON_THE_TRADE.finditer(low, a, b)]:
        if any(s <= m.start() < e for s, e in seen) or about_writer(ix, m.start(), m.end(), subject=True) \
                or _WRITERS_LESSON.match(low, m.end()):
            continue  # ("who taught the pain module on my course": the writer's teacher)
        seen.append(m.span())
        yield "occupation", m.start(), m.end()
    for aws, awe in ix.anchors(_WORK_WORDS):
        m = _WORKS_AS.match(low, aws) if low.startswith(" as ", awe) else None
        if m is None or any(s <= m.start() < e for s, e in seen) or about_writer(ix, m.start(), m.end(), subject=True):
            continue
        if _SUBJECT_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            seen.append(m.span())
            yield "occupation", m.start(), m.end()
    yield from _work_places(ix, seen)


def _work_places(ix: TextIndex, seen: list[tuple[int, int]]) -> Iterator[Span]:
    """ "works nights at the depot", "a shift at the hospital": the pattern opens with the anchor word,
    so it is matched there (within 90 characters), not searched for across a window."""
    text, low = ix.text, ix.lower
    last = -1
    for aws, awe in ix.anchors(_WORK_WORDS):
        if aws < last:
            continue
        m = _WORK_PLACE.match(low, aws, min(len(low), awe + 90))
        if m is None:
            continue
        last = m.end()
        if any(s <= m.start() < e for s, e in seen) or about_writer(ix, m.start(), m.end(), subject=True):
            continue
        if _GENERIC_WORK.match(low, m.start()):
            continue
        if any(c.isupper() for c in text[m.start() + 1:m.end()]):
            continue  # "a shift at the Kestrel Freight warehouse": the named workplace is the item
        yield "occupation", m.start(), m.end()
