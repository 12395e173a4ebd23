"""What a capitalised word is when it is not a client: an eponym, a method, a cited author, a
saint, a street, a place, an organisation, the city of a US address."""

from __future__ import annotations

import re

from sitegen.privacy import lexicon as L
from sitegen.privacy import nameuses as U
from sitegen.privacy.lazyre import lazy
from sitegen.privacy.nametokens import _FUNC, _SAINT, _SKIP, _UNKNOWN, _next_word, _Tok, after_particle

# "Gibbs (1988)", "Simons DG (1999)", "Travell, J. (1983)", "Porges et al."
_CITATION_AFTER = lazy(
    r"(?:,?\s*(?:[A-Z]\.\s*){1,3}|\s+[A-Z]{1,3}\b)?,?\s*"
    r"(?:\(\s*(?:19|20)\d\d|(?:19|20)\d\d[a-z]?\b[).,:]|et\.?\s+al\b|and\s+colleagues\b"
    # "van der Horst, Petersen and others showed": a list of authors ending "and others", as "et al." does
    r"|(?:,\s*[A-Z][\w'’\-]+){0,3},?\s+and\s+(?:others|co-workers|co-authors|coworkers)\b)"
)


# A footnote or reference-list line with a year or a DOI: the names are authors.
_REFERENCE_LINE = lazy(
    r"^\s*(?:\[\^[^\]]*\]:|[-*+]\s|\d+[.)]\s)(?=.*(?:\((?:19|20)\d\d[a-z]?\)|\bet al\b|\bdoi\b|\b(?:19|20)\d\d[a-z]?[.,]))",
    re.IGNORECASE,
)


_PLACE_PREPOSITIONS = frozenset(
    "in near outside around across towards toward through into within throughout "
    "via beyond past off".split()
)


_PLACE_NOUNS = frozenset(
    """Park Hall House Centre Center Bridge Station Castle Abbey Cathedral Bay
    River Valley Dale Moor Fell Forest Wood Heath Common Island Isle Point Head
    Harbour Beach Sands Falls Water Loch Lough Mountain Hills Downs Estate
    Road Street Lane Avenue Square Gardens Market Cross Quay Dock Docks Airport
    Arms Inn Way Hospital School College Academy University Clinic""".split()
)


def _followed_by_suffix(text: str, toks: list[_Tok], j: int) -> bool:
    """Whether toks[j] begins a run ending in an organisation or street word ("Hollins Bakery")."""
    k = j + 1
    while k < len(toks) and k - j <= 3 and toks[k].start - toks[k - 1].after == 1 and text[toks[k - 1].after] == " ":
        b = toks[k].base
        if b in L.ORG_SUFFIXES or b in L.STREET_SUFFIXES or b in _PLACE_NOUNS:
            return True
        k += 1
    return False


def _guarded(text: str, toks: list[_Tok], i: int, known_person: bool = False) -> bool:
    """Whether toks[i] is an eponym, method, citation, saint, street, place or organisation."""
    if known_person:
        return _guard(text, toks, i, True)
    t = toks[i]
    if t.guard is None:
        t.guard = _guard(text, toks, i, False)
    return t.guard


def _guard(text: str, toks: list[_Tok], i: int, known_person: bool) -> bool:
    t = toks[i]
    b = t.base
    # Hyphenated eponym pairs ("Ehlers-Danlos", "Osgood-Schlatter") are only
    # given names when every part is one ("Mary-Jane").
    if "-" in b and t.cat == _UNKNOWN:
        return True
    prev, gap_before = t.prev(text)
    # "the Tyler twist", "The Braxton Hicks tightenings", "a Mulligan glide": a name between an
    # article and a common noun names a method, a sign or a thing, not a person ("the Smith
    # family" still is one).
    if prev in _ARTICLES and gap_before == " " and not t.poss and _modifier_of_noun(text, toks, i):
        return True
    # "St Brigid's", "Saint Anne's".
    if prev in _SAINT and gap_before in (" ", ". "):
        return True
    # "Gibbs (1988)", "Porges et al.", "(Ainsworth, 1978)"
    after = text[t.after:t.after + 18]
    if ("(" in after or "19" in after or "20" in after or "et" in after or "colleagues" in after) \
            and _CITATION_AFTER.match(text, t.after) or _in_citation_brackets(text, t.start):
        return True
    ls = text.rfind("\n", 0, t.start) + 1
    if text.startswith(("[^", "- ", "* ", "+ "), ls) or text[ls : ls + 1].isdigit():
        le = text.find("\n", t.start)
        if _REFERENCE_LINE.match(text[ls : le if le >= 0 else len(text)]):
            return True
    nxt, gap, nxt_end = t.next(text)
    if nxt is not None:
        if gap in (" ", "-", "\u00a0"):
            nl = nxt.lower()
            # "Achilles tendon", "Bowen technique", "Bechterew spondylitis",
            # "Baker's cyst"; but "Priya's surgery" and "Priya's arthritis" are
            # a person's.
            if t.poss:
                if nl in L.POSSESSIVE_EPONYM_NOUNS:
                    return True
            elif nl in L.EPONYM_NOUNS or _MEDICAL_ENDING.search(nl):
                return True
            if t.poss and nxt[0].islower() and nl not in L.POSSESSED_PEOPLE:
                # "Gibbs' reflective cycle", "Bell's facial palsy"
                n2, gap2, _ = _next_word(text, nxt_end)
                if n2 is not None and gap2 == " " and n2.lower() in L.POSSESSIVE_EPONYM_NOUNS:
                    return True
            if nxt[0].isupper() and gap == " ":
                if nxt in L.STREET_SUFFIXES or nxt in L.ORG_SUFFIXES or nxt in _PLACE_NOUNS:
                    if not t.poss or nxt in L.ORG_SUFFIXES:
                        return True
                if not t.poss and _followed_by_suffix(text, toks, i):
                    return True
        if gap == "-" and nxt[0].isupper():
            return True
    if t.poss and b in L.EPONYM_STEMS:
        # "Parkinson's", "Sever's", "Ménière's" standing alone; "Bell's wife" and
        # "Thomas's knee" are a person's.
        if nxt is None or (nxt.lower() not in L.POSSESSED_PEOPLE and not _body_part_after(text, t)):
            return True
    if prev is not None and prev[0].islower() and gap_before == " ":
        pl = prev.lower()
        # "lives in Chester", "a course in Florence", "out past Meifod", "the road out of Ennistymon".
        if (pl in _PLACE_PREPOSITIONS or pl == "of" and text[max(0, t.start - 7):t.start].lower() == "out of ") \
                and not t.poss and not known_person:
            if not (nxt is not None and nxt.lower() in L.STRONG_SPEECH_VERBS and gap == " "):
                return True
    if t.reading and _READING_BEFORE.search(text[max(0, t.start - 60) : t.start].lower()):
        return True
    return False


_ARTICLES = frozenset("the The a A an An this This these These that That".split())


_VERBS_NOT_NOUNS = frozenset("is was has had did does would could will can should might must".split())


_PERSON_NOUNS = frozenset("family families household clan twins sisters brothers kids children".split())


def _modifier_of_noun(text: str, toks: list[_Tok], i: int) -> bool:
    """Whether the capitalised run starting at toks[i] is followed by a lower-case noun."""
    j = i
    while j + 1 < len(toks) and toks[j + 1].start == toks[j].after + 1 and text[toks[j].after] == " " and j - i < 2:
        j += 1
    nxt, gap, _ = _next_word(text, toks[j].after)
    if nxt is None or gap != " " or not nxt[0].islower():
        return False
    nl = nxt.lower()
    if nl.endswith(("n't", "n’t")) or nl in _VERBS_NOT_NOUNS:
        return False  # "I felt that Mercy wasn't resting": a verb, not a noun after a method's name
    return nl not in L.SPEECH_VERBS and nl not in L.GIVEN_ACTION_VERBS and nl not in _PERSON_NOUNS \
        and nl not in L.POSSESSED_PEOPLE and nl not in ("and", "or", "who", "whose", "with", "from", "of", "in", "at")


# Words a medical eponym runs into: "Scheuermann's kyphosis", "Bechterew spondylitis".
_MEDICAL_ENDING = lazy(
    r"(?:itis|osis|opathy|algia|oma|omas|aemia|emia|plasia|trophy|ectomy|otomy|plasty|ostomy|iasis|ismus)$"
)


def _medical_after(text: str, t: _Tok) -> bool:
    """Whether a medical or method noun follows `t` ("... syndrome", "... technique")."""
    if t.poss:
        return False
    nxt, gap, _ = t.next(text)
    if nxt is None or gap not in (" ", "-", "\u00a0"):
        return False
    nl = nxt.lower()
    return nl in L.EPONYM_NOUNS or _MEDICAL_ENDING.search(nl) is not None


_READING = frozenset("reading read reads citing cites cited quoting quotes quoted per cf see".split())


_NAMING_WORDS = frozenset("called named nicknamed dubbed aka".split())


# "see also Travell and Simons", "according to Porges": authors, not clients.  The words that
# start such a phrase; the pattern below runs only where one of them stands shortly before.
READING_WORDS = frozenset("""reading read reads citing cites cited quoting quoted quotes see cf according book books
    work model author authors described developed coined proposed popularised popularized pioneered founded devised
    formulated written taught teachings teaching writings writing ideas idea theory theories researchers research
    writers thinkers clinicians experts scholars review reviews study studies paper papers article articles trial
    survey podcast podcasts talk talks lecture lectures course courses workshop workshops interview chapter essay blog
    video webinar seminar run led hosted presented given tradition lineage school style""".split())


_READING_BEFORE = lazy(
    r"\b(?:reading|read|reads|citing|cites|cited|quoting|quoted|see|cf|according\s+to|book\s+by|books\s+by|"
    r"work\s+of|model\s+of|authors?|(?:described|developed|coined|proposed|popularised|popularized|pioneered|"
    r"founded|devised|formulated|written|taught)\s+by|(?:teachings?|writings?|ideas?|theory|theories)\s+of"
    # "researchers like Tobias Krell", "a 2021 review by …", "a podcast with Dr …", "a course run by …"
    r"|(?:researchers|authors|writers|thinkers|clinicians|experts|scholars|teachers)\s+(?:like|such\s+as|including)"
    r"|(?:review|study|studies|paper|papers|article|articles|trial|survey|podcast|talk|lecture|course|workshop|"
    r"interview|chapter|essay|blog|video|webinar|seminar)\s+(?:[\w\-]+\s+){0,3}?(?:by|with|from)"
    r"|(?:run|led|hosted|presented|given|taught)\s+by"
    # "the Zen shiatsu tradition that comes from Masunaga", "the school of …"
    r"|(?:tradition|lineage|school|style)\s+(?:(?:that|which)\s+)?(?:comes?|came|descends?|derives?)\s+from"
    r"|(?:tradition|lineage)\s+of)\b[^.;:!?\n()]{0,40}$",
    re.IGNORECASE,
)


def _body_part_after(text: str, t: _Tok) -> bool:
    """Whether a body part follows the possessive `t` ("Tom's knee", "Priya's left shoulder")."""
    nxt, gap, end = t.next(text)
    if nxt is None or gap != " " or not nxt[0].islower():
        return False
    nl = nxt.lower()
    if nl in L.BODY_MODIFIERS:
        n2, gap2, _ = _next_word(text, end)
        if n2 is None or gap2 != " ":
            return False
        nl = n2.lower()
    return nl in L.BODY_PARTS and (t.low, nl) not in L.BODY_EPONYMS


def _particle_eponym(text: str, toks: list[_Tok], i: int) -> bool:
    """Whether a capitalised particle starts an eponym ("De Quervain's", "Van Buchem disease")."""
    if i + 1 >= len(toks):
        return False
    t, nx = toks[i], toks[i + 1]
    if t.poss or nx.start - t.end != 1 or text[t.end] != " ":
        return False
    if nx.base in L.EPONYM_STEMS and nx.poss:
        return True
    return _medical_after(text, nx) or (nx.cat not in (_FUNC, _SKIP) and _guarded(text, toks, i + 1))


def _in_citation_brackets(text: str, pos: int) -> bool:
    """Whether `pos` lies inside brackets that hold a year: "(Holmes and Rahe, 1967)"."""
    a = text.rfind("(", max(0, pos - 80), pos)
    if a < 0 or ")" in text[a:pos] or "\n" in text[a:pos]:
        return False
    b = text.find(")", pos, pos + 80)
    return b >= 0 and "(" not in text[pos:b] and _YEAR.search(text, a, b) is not None


_YEAR = lazy(r"(?<!\d)(?:1[6-9]|20)\d\d[a-z]?(?!\d)")


# "As Donald Winnicott describes", "as Rogers suggested".
# Words of a cited name before the one judged: "Bessel van der " Kolk.
_NAME_WORDS = r"(?:(?:[A-Z][\w'’\-]*\.?|van|von|der|den|de|la|le|du|da|di|del)[ \u00a0]+){0,4}"


_AS_BEFORE = lazy(r"\b[Aa]s\s+(?:the\s+late\s+)?" + _NAME_WORDS + r"$")
# "Like Anselm Droste, I think …": the writer agreeing with someone cited.
_LIKE_BEFORE = lazy(r"(?:^|[.!?]\s+|\n)[Ll]ike\s+" + _NAME_WORDS + r"$")
_LIKE_AFTER = lazy(r",\s+(?:I|we)\b")
# "Ingrid Vail, a physiotherapist, wrote about this": a role in apposition, then a writer's verb.
_ROLE_THEN_VERB = lazy(r",\s+(?:an?|the)\s+(?:[\w\-]+\s+){0,3}?[\w\-]+,\s+(?:has\s+)?(?:wrote|written|writes|"
                             r"described|describes|argued|argues|taught|teaches|developed|founded|coined|showed|shows)\b")
# "My old tutor, Bernadette Ruane, used to say": the writer's own teachers and colleagues.
# Up to two words may qualify the role ("my lymphoedema course tutor, X"); "supervision with X" is the
# writer's own supervisor too.
# "my tutor from college, X" too.  Whoever the writer trained or studied with, or took a course with,
# is a teacher: "which I trained in with X", "the Part C course with X".
_WRITERS_PERSON = lazy(r"\b(?:[Mm]y|[Oo]ur)\s+(?:[a-z\-]+\s+){0,2}?(?:tutor|teacher|supervisor|mentor|lecturer|trainer|"
                       r"colleague|course\s+leader|educator|instructor|examiner|principal|professor|manager|boss)s?(?:\s+(?:from|at)\s+(?:the\s+)?[a-z]+)?"
                       r"(?:\s+(?:on|from|at)\s+(?:the|my|our)\s+(?:[a-z\-]+\s+){0,2}?(?:course|module|programme|program|"
                       r"diploma|degree|training))?,?\s+$"
                       r"|\b(?:[Ss]upervision|[Mm]entoring)\s+(?:session\s+)?with\s+$"
                       r"|\b(?:I|we)\s+(?:first\s+|originally\s+|later\s+)?(?:trained|studied|learned|learnt|qualified)\b"
                       r"[^.;!?\n]{0,30}?\b(?:with|under)\s+$"
                       r"|\b(?:course|courses|workshop|workshops|module)\s+(?:[A-Za-z]+\s+){0,2}?with\s+$")


_CITE_VERB_AFTER = lazy(
    r"\s+(?:has\s+|had\s+|once\s+|famously\s+|so\s+)?(?:describes|described|wrote|writes|taught|teaches|suggests|suggested|"
    r"argues|argued|puts\s+it|put\s+it|observes|observed|notes|noted|explains|explained|reminds\s+us|proposed|proposes|"
    r"shows|showed|calls\s+it|called\s+it|says|said|points\s+out|pointed\s+out|found|discovered|recognised|recognized|"
    r"understood|realised|realized|insisted|believed|wrote|taught)\b"
)


# "Irvin Yalom taught that", "Ida Rolf pioneered": a full name with a scholar's verb.
_SCHOLAR_VERB_AFTER = lazy(
    r"\s+(?:coined|pioneered|founded|devised|theorised|theorized|popularised|popularized|posited|posits|argued|argues|"
    r"proposed|proposes|hypothesised|hypothesized|(?:wrote|writes|taught|teaches|showed|shows|described|describes)\s+(?:that|about|of|how|in)|"
    r"developed\s+(?:the|a|an|his|her|their)\s+\w+\s+(?:model|theory|method|technique|approach|therapy)"
    # a scholar's present tense: "Janina Fisher notes that", "Deb Dana calls it the ventral vagal state"
    r"|notes|argues|observes|proposes|warns|reminds\s+us|points\s+out|puts\s+it|calls\s+(?:this|it\s+the|them\s+the)"
    # "Andrew Weil calls breathing the master key" (not "calls her the boss")
    r"|calls\s+(?!(?:her|him|his|me|us|them|my|their|our)\b)[a-z]+\s+(?:the|an?)\s"
    r"|(?:has|have)\s+(?:written|shown|argued|described|suggested|researched|published|proposed|popularised|"
    r"popularized|championed|pioneered|systematised|systematized)\b)\b"
)


# "Thomas Myers, *Anatomy Trains*", "Levine's book 'Waking the Tiger'", "in *The Body Keeps the Score*".
_TITLE_AFTER = lazy(
    r"(?:\s*,\s*|\s+in\s+|\s*:\s*|\s*\(\s*|\s+)?[*_]{1,2}[A-Z0-9]"
    r"|,?\s+(?:(?:in|from)\s+(?:his|her|their)\s+)?(?:\w+\s+)?(?:book|books|classic|text|paper|essay|memoir|bestseller|"
    r"article|chapter|lecture|talk|study|poem|novel)\s*,?\s*[*_\"“‘']"
)


_TITLE_BEFORE = lazy(r"(?:[*_]{1,2}\s*(?:,|by|from)|[\"”]\s*by)\s*$")


# "the founder of osteopathy, Andrew Taylor Still", "the psychiatrist Bessel van der Kolk".
_ROLE_BEFORE = lazy(
    r"(?:\b(?:named|called)\s+(?:after|for)\s+(?:the\s+(?:[A-Za-z\-]+\s+){0,3}?(?:doctor|physician|surgeon|obstetrician|"
    r"anatomist|neurologist|physiologist|scientist|researcher|nurse|midwife)\s+)?|\b(?:founder|father|mother|grandfather|grandmother|pioneer|creator|inventor|originator|architect|developer)s?"
    r"\s+of\s+[^,.;:!?\n]{1,40}|\b[Tt]he\s+(?:[a-z\-]+\s+){0,3}(?:psychologists?|psychiatrists?|psychoanalysts?|"
    r"psychotherapists?|neuroscientists?|neurologists?|philosophers?|theorists?|anatomists?|authors?|writers?|"
    r"researchers?|scientists?|physiologists?|novelists?|poets?|academics?|scholars?|educators?|sociologists?|"
    r"pioneers?|founders?|osteopaths?|thinkers?))\s*,?\s*" + _NAME_WORDS + r"$"
)


_SCHOLAR_ROLES = (r"psychologist|psychiatrist|psychoanalyst|psychotherapist|neuroscientist|neurologist|philosopher|"
                  r"theorist|anatomist|author|writer|researcher|scientist|physiologist|novelist|poet|academic|scholar|"
                  r"educator|sociologist|pioneer|founder|thinker|surgeon|physician|pathologist|professor")
# "Guillaume Dupuytren, the French surgeon who …", "Mark Ruel, a Canadian researcher,": a figure of history or science.
_ROLE_AFTER = lazy(r",\s+the\s+(?:founder|creator|originator|developer|inventor|author)\s+of\b"
                         # ", who runs the peer supervision group", ", my clinical supervisor": the writer's own circle
                         r"|,\s+who\s+(?:runs|ran|leads|led|chairs|facilitates|hosts)\s+(?:the|my|our|a)\s+(?:[a-z\-]+\s+){0,2}?"
                         r"(?:supervision|peer|reading|journal|study|CPD|practitioners?['’]?)\b"
                         r"|,\s+(?:my|our)\s+(?:[a-z\-]+\s+){0,2}?(?:supervisor|mentor|tutor|colleague)s?\b"
                         r"|,\s+(?:the|an?)\s+(?:(?:[A-Z][a-z]+|\d{2}th-century|[a-z]+-born|[a-z]+-century|famous|"
                         r"renowned|eminent|late|great|pioneering)\s+)+(?:[a-z]+\s+)?(?:" + _SCHOLAR_ROLES + r")s?\b"
                         r"|,\s+(?:the|an?)\s+(?:[a-z\-]+\s+){0,2}(?:psychologist|psychiatrist|psychoanalyst|"
                         r"neuroscientist|philosopher|theorist|anatomist|physiologist|novelist|sociologist)s?\b")


# Whoever taught or supervised the writer, said right after the name: "X, who taught me to …", "X, my
# reflexology tutor,", "X, who ran my Part A course": the writer's teacher, named or not elsewhere.
_TAUGHT_WRITER = lazy(r",\s+(?:(?:my|our)\s+(?:[a-z\-]+\s+){0,2}?(?:supervisor|mentor|tutor|teacher|lecturer)s?\b"
                      r"|who\s+(?:first\s+|once\s+|also\s+)?(?:taught|trained|mentored|supervised|supervises|teaches|"
                      r"trains)\s+(?:me|us)\b"
                      r"|who\s+(?:ran|runs|led|leads|taught|teaches)\s+(?:my|our)\s+(?:[\w\-]+\s+){0,3}?(?:course|module|"
                      r"workshop|class|training|programme|program|diploma)\b)")


# Two writers as one subject, the verb in the plural: "X Y and Z W write about this", and the
# second of them: "… and Z W describe".
_PLURAL_SCHOLAR_VERB = (r"(?:(?:write|argue|suggest|propose|observe|note)[ \u00a0]+(?:about|that|how)|describe[ \u00a0]+(?:this|it|how)"
                        r"|call[ \u00a0]+(?:this|it))\b")
_COAUTHOR_AFTER = lazy(r"[ \u00a0]+and[ \u00a0]+(?:[A-Z][\w'’\-]+[ \u00a0]+){1,3}" + _PLURAL_SCHOLAR_VERB)
_PLURAL_VERB_AFTER = lazy(r"[ \u00a0]+" + _PLURAL_SCHOLAR_VERB)
_COAUTHOR_BEFORE = lazy(r"[A-Z][\w'’\-]+[ \u00a0]+and[ \u00a0]+$")
# A named work, a comma, then its authors: "the Alert Program, by X and Y" (the capitalised word
# inside a sentence; "referred to the Pain Clinic by X" is no work).
_WORK_THEN_BY = lazy(r"(?<=[a-z,;] )(?:[A-Z][\w'’\-]*[ \u00a0]+){0,3}[A-Z][\w'’\-]*,[ \u00a0]+by[ \u00a0]+"
                     r"(?:(?:[A-Z][\w'’\-]+[ \u00a0]+){1,3}and[ \u00a0]+)?$")


_QUOTED_TITLE = lazy(r"[ \u00a0]*[\"“‘][A-Z]")
# What research does: "X's work on whiplash shows", "X's trials found" (not "X's work on the ward").
_FINDING_AFTER = lazy(r"(?:[ \u00a0]+(?:on|in|into|about|with)[ \u00a0]+[^.;!?\n]{0,40}?)?[ \u00a0]+(?:shows?|showed|"
                      r"suggests?|suggested|found|finds|demonstrates|demonstrated|indicates|indicated|confirms|confirmed)"
                      r"[ \u00a0]+(?:that|how|why|what|no)\b")


def _cited(text: str, toks: list[_Tok], i: int, last: int, start: int, titled: bool) -> bool:
    """Whether the name toks[i..last] is a person cited in a scholarly or teaching context."""
    t, lt = toks[i], toks[last]
    # A surname particle before the word ("van der Horst's work") makes it a surname, as a second word would.
    full = last > i or titled or t.cat == _UNKNOWN or t.base in L.EPONYM_STEMS or after_particle(text, t.start)
    if last > i and (_CITATION_AFTER.match(text, lt.after) or _ROLE_AFTER.match(text, lt.after)
                     or _ROLE_THEN_VERB.match(text, lt.after)):
        return True  # "Mark Onslow and colleagues", "Guillaume Dupuytren, the French surgeon"
    if full and _LIKE_BEFORE.search(text, max(0, start - 60), start) and _LIKE_AFTER.match(text, lt.after):
        return True  # "Like Anselm Droste, I think …"
    if titled and _READING_BEFORE.search(text[max(0, start - 60):start].lower()):
        return True  # "a podcast with Dr Amara Whitlow", "according to Professor …"
    if U.thanked(text, start, lt.end):
        return True  # "Thanks to Prof. X, whose lectures I watched": the writer's credit
    if _WRITERS_PERSON.search(text, max(0, start - 50), start) or text.startswith(",", lt.end) and _TAUGHT_WRITER.match(text, lt.end):
        return True  # "my old tutor, Bernadette Ruane", "X, who taught me": the writer's teacher, not the client
    before = text[max(0, start - 70) : start]
    if _ROLE_BEFORE.search(before) or _TITLE_BEFORE.search(before):
        return True
    if _TITLE_AFTER.match(text, lt.after):
        return True
    if last > i and (_COAUTHOR_AFTER.match(text, lt.end) or _PLURAL_VERB_AFTER.match(text, lt.end)
                     and _COAUTHOR_BEFORE.search(text, max(0, start - 40), start)
                     or _WORK_THEN_BY.search(text, max(0, start - 80), start)):
        return True  # "X and Y write about this trap", "the Alert Program, by X and Y"
    if (last > i or titled) and U.work_by(text, start) or U.author_list(text, lt.after):
        return True  # "later work by Vivian Sisskin", "Klass, Silverman and Nickman's idea"
    if lt.poss and U.named_model_after(text, lt.after):
        return True  # "Mason Durie's Te Whare Tapa Whā model"
    if lt.poss and _QUOTED_TITLE.match(text, lt.after):
        return True  # "X's "Feeling Good"": a title in quotation marks after the possessive
    if lt.poss and not full and _COAUTHOR_BEFORE.search(text, max(0, start - 40), start):
        full = True  # "May and Aina's systematic review": two authors sharing the possessive
    if lt.poss:
        nxt, gap, end = lt.next(text)
        if nxt is not None and gap == " " and _YEAR.fullmatch(nxt):
            nxt, gap, end = _next_word(text, end)  # "X's 1986 cognitive model": the year of the work
        k = 0
        body = False  # "X's tendon continuum": a body part naming the topic of the work after it
        while nxt is not None and gap == " " and nxt[0].islower() and k < 3:
            nl = nxt.lower()
            if nl in L.SCHOLARLY_NOUNS or (full and not body and nl in L.SCHOLARLY_NOUNS_WEAK):
                return True
            if nl in L.SCHOLARLY_NOUNS_WEAK and _FINDING_AFTER.match(text, end):
                return True  # "X's work on whiplash shows that …": a finding reported, its author cited
            if nl in L.POSSESSED_PEOPLE:
                return False
            body = body or nl in L.BODY_PARTS
            nxt, gap, end = _next_word(text, end)
            k += 1
        return False
    if full and _AS_BEFORE.search(before) and _CITE_VERB_AFTER.match(text, lt.after):
        return True
    if (last > i or titled) and _SCHOLAR_VERB_AFTER.match(text, lt.after):
        return True
    return False
