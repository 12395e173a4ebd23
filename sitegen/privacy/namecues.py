"""What says a capitalised word is a person: the cues the name detector reads around it.

    "Kwame said"                  a person speaking or acting
    "Gareth, 52," / "Ffion is 27"  an age
    "Grace's husband", "Tom's knee" what a person has
    "her husband Dev"             a relation before
    "Olu, their eldest,"          a relation after, in apposition or in brackets
    "Bev (she was happy …)"       a bracket about her, or about her name
    "Yusuf, as he wanted me to call him"   how she wants to be called
    "Mark was adamant", "Hunter came in"    what only a person is or does

A cited author is not a client even with a verb ("as Moseley says"): `names` asks the
cited-people list before it counts a speech verb for one of them.
"""

from __future__ import annotations

import re

from sitegen.privacy import lexicon as L
from sitegen.privacy import people as P
from sitegen.privacy.lazyre import lazy
from sitegen.privacy.nameguards import _NAMING_WORDS, _body_part_after, _guarded
from sitegen.privacy.nametokens import (
    _AGE_APPOSITION,
    _AMBIG,
    _GIVEN,
    _UNKNOWN,
    RARE_WORD_ZIPF,
    _gscore,
    _is_weak,
    _next_word,
    _occurs_lower,
    _title_line,
    _Tok,
)
from sitegen.privacy.occupations import OCCUPATIONS
from sitegen.privacy.wordstats import Stats

_REL = "|".join(sorted(L.RELATION_WORDS - _NAMING_WORDS - {"client", "patient"}, key=len, reverse=True))
# People in a client's care named in apposition: "Rhiannon, his physio at the leisure centre,".
_CARERS = (r"physio|physiotherapist|gp|doctor|nurse|midwife|coach|trainer|teacher|tutor|therapist|counsellor|consultant|"
           r"surgeon|osteopath|chiropractor|podiatrist|dentist|carer|key\s+worker|social\s+worker|health\s+visitor")
# "Olu, their eldest,", "Declan, her brother,", "Ffraid (her eldest, now four)"
_APPOSED_RELATION = lazy(
    r"\s*[,(]\s*(?:her|his|their|my|our|the\s+client['’]s)\s+(?:(?:younger|older|little|big|baby|late|twin|"
    r"only|eldest|youngest|oldest|middle|step|best)\s+)?(?:" + _REL + r"|eldest|youngest|oldest|middle\s+one|twin|best\s+friend|" + _CARERS + r")\b(?!['’])"
)
# "I'll call her Wren", "we agreed to call him Sol": a name given here.
# "everyone calls him Big Jim": a word of the nickname may come first.
_CALL_BEFORE = lazy(r"\b[Cc]all(?:s|ing|ed)?\s+(?:[Hh]er|[Hh]im|[Tt]hem)\s+(?:[A-Z][a-z]+\s+)?$")
# "Bev (she was happy for me to use her name …)", "shaz (her nickname …)", "Dawn (with her blessing)"
_BRACKET_ABOUT_HER = lazy(
    r"\s*\(\s*(?:she|he|they|her|his|their|not\s+(?:her|his|their)\s+real|real\s+name|with\s+(?:her|his|their)|"
    r"as\s+(?:she|he|they)|I['’](?:ll|ve)\s+(?:call|changed)|name\s+changed)\b",
    re.IGNORECASE,
)
# "(Kofi, to everyone at church)", "Bex, for short,": what people call someone.
_KNOWN_AS = lazy(r",\s*(?:to\s+(?:everyone|everybody|her\s+friends|his\s+friends|her\s+family|his\s+family|friends|"
                 r"family|her\s+mates|his\s+mates)|for\s+short)\b")
# "Yusuf, as he wanted me to call him", "Priya, who asked me to use her name"
_AS_CALLED = lazy(
    r"\s*,\s*(?:as\s+(?:she|he|they)\s+(?:wanted|asked|prefers?|preferred|likes?|liked|wished|chose)|"
    r"who\s+(?:asked|wanted|prefers?|likes?|goes\s+by|is\s+happy|was\s+happy|agreed)|"
    # "Sunny, as she put it, …", "Kit, in her words, …"
    r"as\s+(?:she|he|they)\s+(?:put\s+it|puts\s+it|says|said|tells\s+it|told\s+it|likes\s+to\s+say)|"
    r"in\s+(?:her|his|their)\s+(?:own\s+)?words)\b"
)
# What only a person is or does, right after a word that may be a given name or a common word.
_PERSON_STATES = (
    "adamant sure certain convinced worried anxious nervous keen eager determined tired exhausted ready happy "
    "upset reluctant embarrassed relieved chatty shy wary sceptical skeptical frustrated angry cross annoyed "
    "delighted pleased thrilled surprised shocked scared afraid frightened terrified desperate apologetic polite "
    "tearful emotional stoic brave grateful sheepish quiet late sorry unsure hesitant embarrassed insistent "
    "determined pregnant married retired divorced widowed"
)
_ANIMATE_AFTER = lazy(
    r"\s+(?:(?:was|is|felt|seemed|looked|sounded|got|had\s+been)\s+(?:very\s+|quite\s+|so\s+|really\s+|absolutely\s+|"
    r"fairly\s+|a\s+bit\s+|a\s+little\s+|pretty\s+|not\s+|always\s+)?(?:" + "|".join(_PERSON_STATES.split()) + r")\b"
    r"|(?:came|comes|walked|wandered|hobbled|limped)\s+(?:in|back|into|through|along|to\s+(?:me|see|counselling|counseling|"
    r"therapy|clinic|the\s+clinic|my\s+clinic|her\s+first|his\s+first|their\s+first))\b"
    r"|(?:told|tells|asked|asks|admitted|admits|insisted|insists|booked|books|rebooked|cancelled|canceled|texted|emailed|"
    r"messaged|phoned|rang|laughed|laughs|cried|smiled|sighed|winced|shrugged|nodded|apologised|apologized|"
    r"confessed|confided|joked|grinned|admitted|wanted|hated|loved|decided|agreed|mentioned|explained)\b"
    # "Sunny didn't want homework", "Mercy wasn't resting", "Rowan fell asleep"
    r"|(?:didn['’]t|did\s+not|doesn['’]t|does\s+not|wasn['’]t|isn['’]t|couldn['’]t|wouldn['’]t|won['’]t|hasn['’]t|"
    r"hadn['’]t)\s+(?:want|like|need|feel|think|know|mind|care|sleep|rest|come|cope|believe|expect|remember|"
    r"recognise|recognize|enjoy|tell|say|seem|look|sound|[a-z]+ing)\b"
    r"|(?:fell\s+asleep|dozed\s+off|snored|slept\s+through|burst\s+into\s+tears))"
)


# In figures or in words: "Ivy is 91", "Jade is nineteen".
_AGE_PREDICATE = lazy(r"\s+(?:is|was|turned|turns)\s+(?:now\s+|nearly\s+|almost\s+|just\s+)?(?:\d{2,3}|(?:thirteen|fourteen|"
                      r"fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                      r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?))\b(?!\s*(?:%|kg|cm|mm|"
                      r"minutes|degrees|per|out|/|\.\d|points|percent|times|reps|sessions))")


# The first words _ANIMATE_AFTER can start with (a set test before the pattern).
_ANIMATE_FIRST = frozenset("""was is felt seemed looked sounded got had came comes walked wandered hobbled limped told tells
    asked asks admitted admits insisted insists booked books rebooked cancelled canceled texted emailed messaged phoned
    rang laughed laughs cried smiled sighed winced shrugged nodded apologised apologized confessed confided joked
    grinned wanted hated loved decided agreed mentioned explained didn't didn’t did doesn't doesn’t does wasn't wasn’t
    isn't isn’t couldn't couldn’t wouldn't wouldn’t won't won’t hasn't hasn’t hadn't hadn’t fell dozed snored slept
    burst""".split())


# People in the client's life who are not family: a name after one of these words is someone else's (a
# carer's, a colleague's, a friend's), a name to review, never an error, whatever it does.
NOT_KIN = frozenset("""friend friends neighbour neighbor colleague colleagues co-worker coworker boss manager supervisor
    carer caregiver flatmate housemate roommate""".split())


def _person_cue(text: str, toks: list[_Tok], i: int, lines: dict[int, bool], prev: str | None, gap_before: str) -> bool:
    """Whether a person cue stands with toks[i]: "said" after it, an age, "her husband" before it …"""
    t = toks[i]
    if prev in ("the", "The") and gap_before == " ":
        return False  # "the Roland-Morris was 11", "the Harlow is 40 years old": a thing, not a person
    nxt, gap_after, _ = t.next(text)
    nxt_low = nxt.lower() if nxt is not None else ""
    cited = t.base in P.CITED
    # "Kwame said", "Grace told me": a person speaking or acting ("Moseley says" is an author cited,
    # "Doc says", "Nurse told me" a role: a title alone names nobody).
    run_tail = _run_tail(text, toks, i)
    if nxt is not None and not t.poss and gap_after == " " and not cited and t.base not in L.TITLES and not run_tail:
        if nxt_low in L.STRONG_SPEECH_VERBS and (t.cat != _UNKNOWN or not _common_word_opening(text, t, lines)) \
                or (t.cat == _GIVEN and nxt_low in L.SPEECH_VERBS):
            return True
    if not t.poss and ("," in gap_after or "(" in gap_after):
        # "Gareth, 52," / "Priya (41)": an age in apposition (not "the Oswestry Disability Index, 41,": a score).
        if _AGE_APPOSITION.match(text, t.end) and not run_tail:
            return True
        # "Olu, their eldest,", "Bev (she was happy …)", "Yusuf, as he wanted me to call him".
        if not cited and (_APPOSED_RELATION.match(text, t.end) or _AS_CALLED.match(text, t.end) or _KNOWN_AS.match(text, t.end)
                          or _BRACKET_ABOUT_HER.match(text, t.end) and _may_be_given(text, t, lines)):
            return True
    if not t.poss and gap_after == " " and nxt_low in ("is", "was", "turned", "turns") and t.cat in (_GIVEN, _AMBIG) \
            and _AGE_PREDICATE.match(text, t.after):
        return True  # "Ivy is 91 and …", "Bryn turned 40 in June"
    if not t.poss and gap_after == " " and nxt_low in ("is", "was", "'s", "’s") and t.cat in (_GIVEN, _AMBIG) \
            and _gscore(t.base) >= 1 and not cited and _is_a_person_noun(text, t):
        return True  # "Poppy is a keen swimmer", "Rowan was a postman for years"
    # "Freya's pain settled", "Jude's sleep improved": what a client has, in the clinic's words.
    if t.poss and gap_after == " " and nxt_low in _CLINICAL_POSSESSIONS and t.base not in L.EPONYM_STEMS \
            and (t.cat == _GIVEN or t.cat == _AMBIG and _gscore(t.base) >= 1):
        return True
    # "Grace's husband", "Kwame's boss" ("Sterling's work" after "the research" is an author's work).
    if t.poss and nxt_low in L.POSSESSED_PEOPLE and gap_after == " " and (nxt_low != "work" or not t.reading) \
            and not _THE_NAME_RUN.search(text, max(0, t.start - 60), t.start):
        return True  # (not "the Birth Trauma Association's partner leaflet": "the" before a name makes a thing)
    # "Tom's knee", "Rhys's left hamstring": a person's body, not an eponym.
    if t.poss and gap_after == " " and _body_part_after(text, t):
        if t.cat == _GIVEN or (t.cat == _AMBIG and t.base not in L.TIME_NAMES and _gscore(t.base) >= 1):
            return True
        if t.cat == _UNKNOWN and i > 0 and toks[i - 1].end == t.start - 1 and text[toks[i - 1].end] == " " \
                and t.low not in L.OCCUPATIONAL_STEMS and not _is_weak(text, t, lines):
            return True  # "Ysolde Tregear's knee": a full name owns a body (one unknown word alone: `owned_body`)
    # "Nneka limped in", "Jo lifted her arm": a person acting, even at the start
    # of a line or sentence.
    if nxt is not None and not t.poss and gap_after == " ":
        if nxt_low in L.PERSON_ACTION_VERBS and t.base not in L.TIME_NAMES and not cited:
            if (t.cat != _AMBIG or _gscore(t.base) >= 3) and not _title_line(text, t.start, lines):
                return True
        elif t.cat == _GIVEN and nxt_low in L.GIVEN_ACTION_VERBS:
            if not _title_line(text, t.start, lines) and not (t.base in L.VIRTUE_NAMES and _is_weak(text, t, lines)
                                                              and not _person_only_after(text, t)):
                return True
        # "Mark was adamant", "Hunter came in limping": what only a person is or does.
        if nxt_low in _ANIMATE_FIRST and t.cat in (_GIVEN, _AMBIG) and t.base not in L.TIME_NAMES \
                and not (t.base in L.VIRTUE_NAMES and text.startswith((" came", " comes"), t.after)
                         and _is_weak(text, t, lines) and not _person_only_after(text, t)) \
                and (_gscore(t.base) >= 1 or not _is_weak(text, t, lines)) and not cited \
                and _ANIMATE_AFTER.match(text, t.after) \
                and not _title_line(text, t.start, lines):
            return True
    # "her husband Dev", "a client named Jo", "her son, Ollie,".  "Called" and
    # "named" also name dogs and techniques, so they need a known given name.
    if prev is not None and prev.lower() in L.RELATION_WORDS and prev[0].islower():
        if gap_before.strip() in ("", ",") and "\n" not in gap_before:
            if t.cat == _GIVEN or prev.lower() not in _NAMING_WORDS:
                return True
            # "a client called Hope", "a lad named Sonny": named after a word for a person, whatever the word
            if gap_before == " " and t.cat == _AMBIG and _PERSON_CALLED.search(text, max(0, t.start - 30), t.start):
                return True
    if "call" in text[max(0, t.start - 24):t.start].lower() and t.base not in L.TITLES \
            and _CALL_BEFORE.search(text, max(0, t.start - 24), t.start):
        return True
    # "I met Oluwadamilare", "she asked Grace": a verb whose object is a person.
    if prev is not None and prev in _PERSON_OBJECT_VERBS and gap_before == " ":
        return not _is_weak(text, t, lines)
    return False


def owned_body(text: str, t: _Tok, lines: dict[int, bool]) -> bool:
    """ "Saka's knee", "Teodor's shoulder": a word no name list knows, before a body part.  A body has an
    owner, but the owner may be a footballer on the television as well as the client: a name to review,
    not an error (a known given name before a body part is a person cue, in `_person_cue`)."""
    if not t.poss or t.cat != _UNKNOWN or t.low in L.OCCUPATIONAL_STEMS:
        return False
    _nxt, gap_after, _ = t.next(text)
    return gap_after == " " and _body_part_after(text, t) and not _is_weak(text, t, lines)


_PERSON_CALLED = lazy(r"\b(?:client|patient|woman|man|girl|boy|lady|lad|lass|gentleman|person|chap|bloke|fella|fellow|mate|guy|kid|child|"
                      r"teenager|student|friend|partner|husband|wife|son|daughter|baby|mother|father|mum|dad|sister|brother)"
                      r"\s+(?:called|named|nicknamed)\s+$")
_THE_NAME_RUN = lazy(r"\b[Tt]he\s+(?:[A-Z][\w\-]*\s+){1,4}$")
_PERSON_ONLY = lazy(r"\b(?:told|tells|asked|asks|booked|books|texted|emailed|phoned|rang|laughed|cried|smiled|"
                          r"winced|shrugged|nodded|limped|limping|hobbled|hobbling|apologised|apologized|snored|"
                          r"her|his|she|he)\b")


def _person_only_after(text: str, t: _Tok) -> bool:
    """ "Hope came in limping and told me …": what a virtue never does, soon after the word."""
    end = text.find(".", t.after, t.after + 60)
    return _PERSON_ONLY.search(text, t.after, end if end > 0 else t.after + 60) is not None


_CLINICAL_POSSESSIONS = frozenset("""pain pains symptoms symptom injury injuries recovery sleep mood anxiety posture gait
    scan scans x-ray mri diagnosis treatment sessions session appointment appointments story goals goal flare flares
    headaches headache migraines fatigue stress grief panic breathing balance confidence progress scores score
    referral notes history""".split())
_PERSON_PREDICATE_WORDS = frozenset("""mum mother dad father grandmother grandfather grandma grandad widow widower
    student runner swimmer cyclist walker climber dancer gardener""".split())


def _is_a_person_noun(text: str, t: _Tok) -> bool:
    """ "is a keen swimmer", "was a postman": what the word after "is a" says of a person."""
    m = _IS_A.match(text, t.after)
    if m is None:
        return False
    words = [w.lower() for w in m.group(1, 2, 3) if w]
    return t.base not in L.TIME_NAMES and any(w in _PERSON_PREDICATE_WORDS or w in OCCUPATIONS for w in words)


# Up to three words: "is a former Army medic".
_IS_A = lazy(r"\s*(?:is|was|['’]s)\s+an?\s+([a-z\-]+)(?!\s+of\b)(?:\s+([A-Za-z\-]+)(?!\s+of\b))?(?:\s+([a-z\-]+)(?!\s+of\b))?")


def _may_be_given(text: str, t: _Tok, lines: dict[int, bool]) -> bool:
    """A known given name, or a word that is no common English word opening a sentence."""
    if t.cat in (_GIVEN, _AMBIG):
        return _gscore(t.base) >= 1  # "Dawn (with her blessing)": even a time word, when it is a given name
    return not _common_word_opening(text, t, lines)


def _run_tail(text: str, toks: list[_Tok], i: int) -> bool:
    """Whether toks[i] is an everyday word ending a capitalised run whose start was no name: "Macmillan
    Cancer Support says", "Citizens Advice says" are organisations speaking, not people."""
    t = toks[i]
    return i > 0 and toks[i - 1].end == t.start - 1 and text[toks[i - 1].end] == " " and t.cat != _GIVEN \
        and _everyday_word(t.base)


def _everyday_word(word: str) -> bool:
    """Whether `word` is a common English word ("Support", "Advice", "Concern"; Zipf 3.5 or more)."""
    from sitegen.privacy.wordstats import stats

    return stats().zipf(word) >= 3.5


def _common_word_opening(text: str, t: _Tok, lines: dict[int, bool]) -> bool:
    """ "Examination suggested …": a common English word opening a sentence is that word, whatever follows.
    So is a word the text also writes in lower case ("Fibromyalgia asks a lot …" beside "… about fibromyalgia")."""
    from sitegen.privacy.wordstats import stats

    return _is_weak(text, t, lines) and (stats().zipf(t.base) >= 3.5 or _occurs_lower(text, t.low))


_PERSON_OBJECT_VERBS = frozenset(
    """met meet meets meeting treated treat treating asked told thanked texted emailed messaged
    phoned rang hugged reassured reminded warned invited introduced referred thank""".split()
)


# Before a full name: "her mum, Leanne …", "a client of mine, Dan …", "Client: Ada …".
_LIFE_BEFORE = lazy(
    r"(?:\b(?:her|his|their|my|our)\s+(?:(?:younger|older|little|big|late|twin|eldest|youngest)\s+)?(?:" + _REL + r")"
    r"|\b(?:client|patient)s?(?:\s+of\s+(?:mine|ours))?|^\s*(?:>\s*)?(?:[Cc]lient|[Pp]atient|[Nn]ame)\s*:)[\s,:]*$",
    re.MULTILINE | re.IGNORECASE)


# "Ada Lovell has …", "… is …", "… should have …": said of a writer or a public figure as often as of a client.
_AUXILIARY = frozenset("is was has had have does did do can could would will may might should shall must ought".split())


def full_name_cue(text: str, toks: list[_Tok], i: int, last: int) -> bool:
    """Whether a full name ("Ada Lovell") stands with what a client's or a relative's name does:
    an age or a relation in apposition, "is 42", "is a …", something a person has or does right
    after it, a relation or "client" before it, or the given name alone elsewhere, not
    before another surname (the story calls her by it).  A full name with none of these is as likely a writer cited for an idea."""
    first, lt = toks[i], toks[last]
    if not lt.poss and (_AGE_APPOSITION.match(text, lt.end) or _APPOSED_RELATION.match(text, lt.end)
                        or _AS_CALLED.match(text, lt.end) or _AGE_PREDICATE.match(text, lt.after)
                        or _is_a_person_noun(text, lt)):
        return True
    nxt, gap, _ = lt.next(text)
    if nxt is not None and gap == " ":
        nl = nxt.lower()
        if lt.poss and (nl in L.POSSESSED_PEOPLE or nl in _CLINICAL_POSSESSIONS or _body_part_after(text, lt)):
            return True
        if not lt.poss and nl not in _AUXILIARY and (nl in L.PERSON_ACTION_VERBS or nl in L.GIVEN_ACTION_VERBS):
            return True
    if _LIFE_BEFORE.search(text, max(0, first.start - 40), first.start):
        return True
    return _alone(text, first.base, first.start, lt.end)


def _alone(text: str, word: str, skip_from: int, skip_to: int) -> bool:
    """Whether `word` stands in `text` outside [skip_from, skip_to) as a word of its own, not
    before another capitalised word."""
    n, k = len(word), text.find(word)
    while k >= 0:
        if not skip_from <= k < skip_to:
            before = text[k - 1] if k else " "
            after = text[k + n:k + n + 2]
            if not (before.isalnum() or before in "'’-") and not (after[:1].isalnum() or after[:1] in "'’-") \
                    and not (after[:1] in " \u00a0" and after[1:2].isupper()):
                return True
        k = text.find(word, k + 1)
    return False


def _acts(text: str, t: _Tok) -> bool:
    """ "Mark's biggest risk", "Chase's grip", "Ffraid came in": a known name opening a sentence
    as someone who has or does something (not "Mark the spot")."""
    if t.poss:
        return True
    nxt, gap, end = t.next(text)
    if nxt is None or gap != " ":
        return False
    nl = nxt.lower()
    if nl in L.GIVEN_ACTION_VERBS or nl in L.SPEECH_VERBS or nl in _AUXILIARIES:
        return True
    if nl in _ADVERBS:  # "Paisley now warms up", "Ivy still does the crossword"
        n2, gap2, _ = _next_word(text, end)
        return n2 is not None and gap2 == " " and n2[0].islower() and (
            n2.endswith(("s", "ed")) and not n2.endswith("ss") or n2.lower() in _AUXILIARIES)
    return False


_AUXILIARIES = frozenset("""is was has had did does didn't didn’t doesn't doesn’t wasn't wasn’t hasn't hasn’t hadn't
    hadn’t would wouldn't wouldn’t could couldn't couldn’t will won't won’t can can't can’t""".split())
_ADVERBS = frozenset("now still also then never always finally even just really already soon".split())


def opening_unknown(text: str, toks: list[_Tok], i: int, lines: dict[int, bool], st: Stats) -> bool:
    """A word no list knows, rare in English, opening a sentence and then doing what a person does:
    "Thandiwe came in limping", "Tevita first rang in May", "Ngaio farms sheep", "Iolo is 84",
    "Kezia is a school cook", "Mackie (Mackenzie, but nobody calls her that)".  A name to review
    (a naming bracket makes it an error)."""
    t = toks[i]
    # (a given name the lists know, but too rarely to stand alone at a sentence's start, opens one the same way:
    # "Dafydd farms sheep above the village")
    if t.cat not in (_UNKNOWN, _GIVEN) or len(t.base) < 3 or not t.base[1:].islower() or not _is_weak(text, t, lines):
        return False
    if t.poss and not text.startswith((" a ", " an "), t.after):
        return False  # ("Tevita's a sparky": the 's is "is")
    if t.cat == _GIVEN:  # the cheap test first: most given names opening a sentence do nothing of this kind
        m = _OPENING_ACT.match(text, t.after)
        if (m is None or m.group(1).lower() not in _OPENING_VERBS) and _AGE_PREDICATE.match(text, t.after) is None \
                and not _is_a_person_noun(text, t):
            return False
    ws = st.of(t.base)
    if ws.zipf >= RARE_WORD_ZIPF or _occurs_lower(text, t.low) or _title_line(text, t.start, lines):
        return False
    if _naming_bracket(text, t):
        return True
    if ws.place or ws.place_head or _guarded(text, toks, i):
        return False
    m = _OPENING_ACT.match(text, t.after)
    if m is not None and m.group(1).lower() in _OPENING_VERBS:
        return True
    return _AGE_PREDICATE.match(text, t.after) is not None or _is_a_person_noun(text, t)


_OPENING_ACT = lazy(r" (?:first |then |also |still |finally |eventually |only |never |always |now |often |usually )?"
                    r"([a-z][a-z'’]+)\b")
# What a person does (not "is", "has", "works", "helps": a product or a method does those too), and
# what someone does for a living or every day, in the third person: "Ngaio farms", "Lupe walks".
_OPENING_VERBS = (L.STRONG_SPEECH_VERBS | L.PERSON_ACTION_VERBS | _ANIMATE_FIRST | L.GIVEN_ACTION_VERBS | frozenset(
    """farms walks drives cooks cleans teaches nurses fishes shears milks sings dances swims surfs skates rides
    coaches rents owns manages sells""".split())) - frozenset(
    """is was has had can could may might must should does did got gets gives gave found made makes kept seemed remains
    remained continues continued begins began presents presented reports reported returns returned reached rolled
    finished looks looked runs plays played works described describes""".split())
_NAMING_BRACKET = lazy(r"\s*\([^()\n]{0,60}?\b(?:calls?\s+(?:her|him|them)\b|short\s+for\b|on\s+(?:her|his|their)\s+"
                       r"(?:forms?|paper|passport|birth\s+certificate)|(?:her|his|their)\s+(?:real|full|proper)\s+name\b)")


def _naming_bracket(text: str, t: _Tok) -> bool:
    """ "Mackie (Mackenzie, but nobody calls her that)", "Tevi (Tevita on his forms)": the text says it is a name."""
    return _NAMING_BRACKET.match(text, t.after) is not None
