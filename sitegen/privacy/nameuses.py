"""Ways a sentence uses a person's name for something that is not a person.

Each test here reads how the name is used, not which name it is:

* a named day: "Anzac Day", "Martin Luther King Jr. Day", "St Patrick's Day";
* an idiom built on a name: "happy as Larry", "a doubting Thomas";
* a scholar's work after "work by", "drawing on", "the model associated with";
* a list of authors before a possessive and a scholarly noun: "Klass, Silverman and
  Nickman's idea";
* a possessive name before a named model: "Durie's Te Whare Tapa Whā model";
* a service reached on a helpline number: "or Lifeline on 13 11 14".
* someone from a place ("a Queenslander"), and a thing after a verb that takes things
  ("eats Weetabix", "wears Hokas");
* an organisation's run of words ("Family Carers Ireland").

A phrase that stands anywhere in a text right before a method noun ("the Epley manoeuvre",
"Hanna somatics") names that method wherever else it stands in the same text (`methods_in`).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from sitegen.privacy import lexicon as L
from sitegen.privacy import people as P
from sitegen.privacy.lazyre import lazy
from sitegen.privacy.tokens import TextIndex, register_vocabulary

# "… Day" (a holiday): the name before it is the day's.
_DAY_AFTER = lazy(r"(?:[ \u00a0]+[A-Z][a-z]+){0,2}(?:\s+(?:Jr|Sr)\.?)?(?:['’]s)?[ \u00a0]+Day\b")


def named_day(text: str, end: int) -> bool:
    """Whether the name ending at `end` is part of a holiday's name ("Victoria Day")."""
    return _DAY_AFTER.match(text, end) is not None


# Words that stand before a name in an English idiom: "happy as Larry", "a doubting Thomas",
# "a peeping Tom", "a nervous Nellie", "a moaning Minnie", "a steady Eddie", "a smart Alec".
_IDIOM_BEFORE = lazy(r"(?:\bhappy\s+as|\b(?:doubting|peeping|nervous|moaning|steady|smart|clever|nosy|lazy|"
                           r"bloody|plain|average|every))[ \u00a0]+$", re.IGNORECASE)


def idiom_name(text: str, start: int) -> bool:
    """Whether the name starting at `start` is part of an idiom."""
    return _IDIOM_BEFORE.search(text, max(0, start - 14), start) is not None


# "sang along to Vera Lynn", "songs by …", "an album by …": a performer, not a client.
_PERFORMER_BEFORE = lazy(r"\b(?:(?:sang|sing|sings|singing|danced|dancing)\s+along\s+to|(?:songs?|music|album|record|"
                               r"tunes?|hits?)\s+(?:by|of))[ \u00a0]+$", re.IGNORECASE)


def performer(text: str, start: int) -> bool:
    """Whether the name starting at `start` is a performer someone listened or sang along to."""
    return _PERFORMER_BEFORE.search(text, max(0, start - 30), start) is not None


# "Te Whare Tapa Whā", "Te Ara Hou": the Māori article before a capitalised word opens the name
# of a place, a body or a model; a person so named needs a person cue.
ARTICLE_WORDS = frozenset({"Te", "Ngā", "Nga"})
_NEXT_WORD = lazy(r"[ \u00a0]+([a-z]+)")


def article_phrase(text: str, first: str, end: int) -> bool:
    """Whether a run of capitalised words opened by a Māori article and ending at `end` is a
    proper noun that is not a person: no speech or action verb follows it ("Te Rangi said")."""
    if first not in ARTICLE_WORDS:
        return False
    m = _NEXT_WORD.match(text, end)
    return m is None or m.group(1) not in L.SPEECH_VERBS and m.group(1) not in L.PERSON_ACTION_VERBS \
        and m.group(1) not in L.GIVEN_ACTION_VERBS


# A full name after the words that introduce a scholar's work.
_WORK_BEFORE = lazy(
    r"(?:\b(?:work|research|writing|writings|paper|papers|book|books|study|studies|trials?|textbook|model|theory|"
    r"approach|method|protocol|program|programme|framework|ideas?)\s+(?:\w+\s+){0,2}?(?:by|of|from|associated\s+with)"
    r"|\b(?:drawing|drew|draws|building|built|builds)\s+on|\b(?:inspired|influenced)\s+by|\bborrowing\s+from"
    # a method "systematised much later by X", "popularised by X", "first described by X"
    r"|\b(?:systematised|systematized|popularised|popularized|described|devised|developed|refined|codified|"
    r"pioneered|coined)\s+(?:\w+\s+){0,2}?by"
    r"|\bthe\s+work\s+of)[ \u00a0]+$",
    re.IGNORECASE,
)


def work_by(text: str, start: int) -> bool:
    """Whether the name starting at `start` follows "later work by", "drawing on" and the like."""
    return _WORK_BEFORE.search(text, max(0, start - 60), start) is not None


_CAP = r"[A-Z][\w\-]*"
# ", Silverman and Nickman's idea": the rest of a list of authors, a possessive, a scholarly noun.
_AUTHOR_LIST_AFTER = lazy(r"(?:,\s+" + _CAP + r")*,?\s+(?:and|&)\s+" + _CAP + r"['’]s?\s+((?:[\w\-]+\s+){0,2})"
                                r"([a-z\-]+)")


def author_list(text: str, end: int) -> bool:
    """Whether the name ending at `end` opens a list of authors with a scholarly noun after it."""
    m = _AUTHOR_LIST_AFTER.match(text, end)
    if m is None:
        return False
    words = m.group(1).split() + [m.group(2)]
    return any(w in L.SCHOLARLY_NOUNS or w in L.SCHOLARLY_NOUNS_WEAK for w in words)


# "'s Te Whare Tapa Whā model": a possessive, then a capitalised name, then a scholarly noun.
_NAMED_MODEL_AFTER = lazy(r"[ \u00a0]+(?:[A-Z][^\W\d_]*[ \u00a0]+){1,4}([a-z]+)")


def named_model_after(text: str, after: int) -> bool:
    """Whether a capitalised name and a scholarly noun follow a possessive ending at `after`."""
    m = _NAMED_MODEL_AFTER.match(text, after)
    return m is not None and (m.group(1) in L.SCHOLARLY_NOUNS or m.group(1) in L.SCHOLARLY_NOUNS_WEAK)


# "or Lifeline on 13 11 14", "ring Shine on 0800 …": a service reached on a helpline.
_HELPLINE_AFTER = lazy(r"[ \u00a0]+(?:free\s+)?(?:on|at)[ \u00a0]+(?:1[38]00|0800|0808|116|13[ \u00a0]?\d\d\b|988\b|"
                             r"111\b|999\b|911\b|000\b)")


def helpline(text: str, end: int) -> bool:
    """Whether the name ending at `end` is reached on a freephone or emergency number."""
    return _HELPLINE_AFTER.match(text, end) is not None


# A capitalised run right before a method noun: "Epley manoeuvre", "Hanna somatics", "Te Ara model"
# (never a word that is also a verb after a name: "Tom approaches", "Ana tests", "Jo exercises").
_METHOD_NOUNS = register_vocabulary(frozenset("""manoeuvre maneuver manoeuvres maneuvers somatics somatic model method
    technique protocol framework programme program series therapy protocols methods techniques models""".split()))
# "the Duran and Kleinert protocols": two founders joined by "and" name one method.
_RUN_BEFORE = lazy(r"\b((?:[A-Z][^\W\d_]*(?:[ \u00a0]|[ \u00a0](?:and|&)[ \u00a0])){1,4})$")


def methods_in(ix: TextIndex) -> frozenset[str]:
    """The capitalised words that name a method somewhere in the text ("Epley" in "the Epley
    manoeuvre"): read back from each method noun the one pass over the words found."""
    text = ix.text
    out: set[str] = set()
    for s, _e in ix.anchors(_METHOD_NOUNS):
        if not text[s].islower():
            continue  # "the Lidcombe Program": the capitalised noun is part of the name
        m = _RUN_BEFORE.search(text, max(0, s - 90), s)
        if m is None:
            continue
        words = [w for w in m.group(1).split() if w[0].isupper()]
        if words[-1].endswith(("'s", "’s")):
            continue  # "Tom's approach" is his, not a method's name
        out.update(words)
    return frozenset(out)


def public_office(text: str, t) -> bool:
    """Whether the name at token `t` is an office's holder ("President Kennedy") or the office itself."""
    if t.base in L.PUBLIC_OFFICES:
        return True
    prev, gap = t.prev(text)
    return prev is not None and prev in L.PUBLIC_OFFICES and gap == " "


def not_a_person(text: str, t, start: int, end: int, uncued_run: bool) -> bool:
    """Whether the name from token `t` (at `start`) to `end`, with no title, is used for something
    other than a person: a public office, a day, an idiom, a helpline, a performer, a Māori phrase."""
    return public_office(text, t) or named_day(text, end) or idiom_name(text, start) or helpline(text, end) \
        or performer(text, start) or uncued_run and article_phrase(text, t.base, end)


_WHICH_AFTER = lazy(r",?\s+which\b")


def thing_after(text: str, pos: int) -> bool:
    """Whether ", which …" follows: said of a thing; a person is "who"."""
    return _WHICH_AFTER.match(text, pos) is not None


def drop_methods(ix: TextIndex, toks: list, spans: list) -> list:
    """The name spans left once words that name a method somewhere in the text are taken out
    where they stand without a title (see `methods_in`)."""
    methods = methods_in(ix)
    if not methods:
        return spans
    return [sp for sp in spans if sp[0] != toks[sp[2]].start
            or not all(toks[k].base in methods for k in range(sp[2], sp[3] + 1))]


def organisation_words(words: list[str], st) -> bool:
    """Whether a run of capitalised words is an organisation's name, not a person's: it ends in a
    country or a common word that is no name ("… Ireland", "… Trust") and holds another common
    word that is no name ("Family Carers Ireland", "Young Carers Trust").  A person's full name
    has a name in it ("Big Jim", "Rose Shaw")."""
    def plain(w: str) -> bool:
        ws = st.of(w)
        return ws.zipf >= 3.0 and ws.given < 0 and ws.surname == 0

    if len(words) < 2 or not (st.country(words[-1]) or plain(words[-1])):
        return False
    return any(plain(w) for w in words[:-1])


# Verbs whose object is a thing: an unknown capitalised word after one is a product, a food or a practice.
THING_VERBS = frozenset("""eats ate eating drinks drank drinking wears wore wearing uses used using does did doing
    tried tries trying bought buys buying takes taking swears sleeps plays practises practices practised practiced
    and""".split()) - {"and"}


def demonym(word: str, st) -> bool:
    """Whether `word` names someone from a place: "Queenslander", "Londoners", "Glaswegian"."""
    base = word[:-1] if word.endswith("s") else word
    for ending, add in (("er", ""), ("ian", ""), ("ian", "a"), ("ite", ""), ("an", ""), ("an", "a")):
        if base.endswith(ending) and len(base) > len(ending) + 3:
            stem = base[:-len(ending)] + add
            if st.place(stem) or st.country(stem):
                return True
    return False


# Someone the writer thanks: "Thanks to Dr X, who taught my course", "…, and to Y, whose lectures I
# watched".  A credit is the writer's, so a name there is no client's unless the sentence speaks of
# one ("thanks to Dr X, her GP, for the referral" stays a name).
_THANKS_BEFORE = lazy(r"(?:^|[.!?]\s+|\n)(?:(?:[Mm]any|[Bb]ig|[Ss]pecial|[Hh]uge|[Ww]arm|[Aa]nd|[Mm]y|[Oo]ur)\s+)?(?:[Tt]hanks|"
                      r"[Tt]hank\s+you|[Cc]redit|"
                      r"[Ww]ith\s+thanks|I['’]m\s+(?:very\s+|so\s+)?grateful|I\s+am\s+(?:very\s+|so\s+)?grateful|[Gg]ratitude)"
                      r"(?:\s+(?:as\s+ever|as\s+always|again|also|too))?,?\s+(?:go(?:es)?\s+)?to\s+"
                      r"(?:(?:[^.!?\n]|\b(?:Dr|Mr|Mrs|Ms|Prof|St)\.)*?,?\s+and\s+(?:also\s+)?to\s+)?$")
_ABOUT_CLIENT = lazy(r"\b(?:[Ss]he|[Hh]e|[Hh]er|[Hh]is|[Hh]im|[Hh]ers)\b|\b(?:the|my|this|our)\s+(?:client|patient)\b")


def thanked(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is someone the writer thanks, in a sentence about no client."""
    before = text[max(0, start - 160):start]
    if "hank" not in before and "rateful" not in before and "redit" not in before and "ratitude" not in before:
        return False  # the cheap test before the pattern: no word of thanks at all
    m = _THANKS_BEFORE.search(text, max(0, start - 160), start)
    if m is None:
        return False
    b = len(text)
    for stop in (". ", ".\n", "\n"):
        k = text.find(stop, end)
        if 0 <= k < b:
            b = k
    if _ABOUT_CLIENT.search(text, m.start(), start) is not None:
        return False
    # After the name a pronoun is the thanked person's own ("for her notes", "the course she ran"); the
    # sentence is about a client only where it names one, or someone of hers ("Dr X, her GP").
    if _CLIENT_NAMED.search(text, end, b) is not None or _OBJECT_PRONOUN.search(text, end, b) is not None:
        return False  # "for seeing him so quickly": the client, seen by the person thanked
    return all(w.group(1).lower() not in L.RELATION_WORDS and w.group(1).lower() not in _CARE_WORDS
               for w in _OWNED_AFTER.finditer(text, end, b))


_CLIENT_NAMED = lazy(r"\b(?:the|my|this|our)\s+(?:client|patient)s?\b")
_OBJECT_PRONOUN = lazy(r"\b(?:him|them)\b|\bher\b(?=\s*(?:[,.;:!?)]|$|\s+(?:so|at|on|in|for|with|to|today|again|twice|"
                       r"before|after|and|when|while|quickly|early|first|last|through|back)\b))")
_OWNED_AFTER = lazy(r"\b(?:[Hh]er|[Hh]is|[Tt]heir)\s+([A-Za-z\-]+)")
_CARE_WORDS = frozenset("gp doctor physio physiotherapist nurse midwife consultant surgeon carer dentist osteopath".split())


# "X and his wife Y", "X, with her husband Y": a relative whose owner is the person named just before.
_OWNER_BEFORE = lazy(r"([A-Z][\w'’\-]+)(?:,\s+|\s+)(?:and|with)\s+(?:his|her|their)\s+(?:[a-z\-]+\s+)?([a-z\-]+),?\s+$")


def relative_of(text: str, start: int, cited: set[str]) -> bool:
    """Whether the name at `start` is the relative of an author cited ("Vodder and his wife Estrid")."""
    before = text[max(0, start - 50):start]
    if " his " not in before and " her " not in before and " their " not in before:
        return False
    m = _OWNER_BEFORE.search(text, max(0, start - 50), start)
    return m is not None and m.group(2) in L.RELATION_WORDS and (m.group(1) in cited or m.group(1) in P.CITED)


# "Gareth Llewellyn and Ciarán", "Travell, Simons and Dorothy": a name joined by "and" to one cited.
_JOINED_BEFORE = lazy(r"([A-Z][\w'’\-]+)(?:['’]s)?,?\s+(?:and|&)\s+$")


def joined_to(text: str, start: int, cited: set[str]) -> bool:
    """Whether the name at `start` follows "and" after a name cited in this text: the pair is one kind."""
    if not text.endswith((" and ", " & "), max(0, start - 5), start):
        return False
    m = _JOINED_BEFORE.search(text, max(0, start - 40), start)
    return m is not None and m.group(1) in cited


# Someone in the story: a pronoun for a person, or the client named as such.  A name with no person
# cue needs one of these in its sentence before it is put up for review ("Jill Cook and Craig Purdam's
# continuum model reminds me …" speaks of nobody treated; "the client mentioned X" does).
_IN_STORY = lazy(r"\b(?:[Ss]he|[Hh]e|[Hh]er|[Hh]is|[Hh]im|[Hh]ers|[Tt]hey|[Tt]hem|[Tt]heir|[Tt]hey['’](?:d|re|ve|ll)|"
                 r"[Ss]he['’][sd]|[Hh]e['’][sd]|clients?|patients?)\b")


def in_story_at(ix: TextIndex, start: int, end: int, beside: bool = True) -> bool:
    """Whether a name without a cue at text[start:end] stands where the story is told: a title or a
    heading (a front-matter value is a text of its own), or a sentence, or (`beside`) one beside it,
    that speaks of someone treated ("She laughed. Declan, in his shop coat, …")."""
    text = ix.text
    if len(text) < 300 and "\n" not in text.strip() or text.startswith("#", text.rfind("\n", 0, start) + 1):
        return True
    a, b = ix.sentence_bounds(start, end)
    if _IN_STORY.search(text, a, b) is not None:
        return True  # the name's own sentence, the usual case, before the two beside it
    if not beside:
        return False
    a, b2 = ix.sentence_bounds(start, end, 1)
    return _IN_STORY.search(text, a, b2) is not None


# A sentence that introduces the practice's own people, with no client in it: "Niamh, our reflexologist,
# writes this one", "a physio mate of ours who works at a sports clinic", "Tui's writing again".  What it
# says of them (their name, job, town) is the practice's business, not a client's.
_COLLEAGUE_INTRO = lazy(r"\bof\s+(?:ours|mine)\b|\bour\s+(?:own\s+)?(?:colleague|[a-z]+(?:ist|ologist|path|practor|physio|"
                        r"doula|therapist|midwife|counsellor|counselor|osteo|chiro|trainer|coach))\b|\bour\s+(?:clinic|practice)['’]s\b|\b(?:writes|wrote|"
                        r"is\s+writing|['’]s\s+writing)\s+(?:this|again|for\s+us)\b|\bguest\s+(?:post|writer|case|piece)\b")
_CLIENT_WORD = lazy(r"\b(?:clients?|patients?|husband|wife|partner|son|daughter|mum|mother|dad|father|sister|brother)\b",
                    re.IGNORECASE)


_COLLEAGUE_ANCHORS = register_vocabulary(frozenset("ours mine our writes wrote writing guest".split()))


def introduces_colleague(ix: TextIndex, start: int, end: int) -> bool:
    """Whether the sentence around text[start:end] introduces one of the practice's own people and
    speaks of no client (asked only where one of its words stands in the sentence)."""
    hits = ix.anchors(_COLLEAGUE_ANCHORS)
    if not hits:
        return False
    a, b = ix.sentence_bounds(start, end)
    k = bisect_left(hits, (a, 0))
    if k >= len(hits) or hits[k][0] >= b:
        return False
    return _COLLEAGUE_INTRO.search(ix.text, a, b) is not None and _CLIENT_WORD.search(ix.text, a, b) is None


# A full name the client watched, read, admired or talked about: a public figure, not someone in her
# life ("she watched Ama Boateng at the Open", "a fan of Lio Marsh", "Tia Rowe was her hero").
_FIGURE_BEFORE = lazy(r"\b(?:watch(?:ed|es|ing)?|about(?:\s+(?:whether|if|how|why|what))?|fan\s+of|like|idoli[sz](?:ed|es)|follow(?:ed|s)|read(?:ing)?|"
                      r"listen(?:ed|s|ing)?\s+to)\s+(?:the\s+(?:old\s+|new\s+|great\s+|late\s+)?)?$", re.IGNORECASE)
_FIGURE_AFTER = lazy(r"(?:['’]s\s+(?:swing|serve|documentary|biography|memoir|book|podcast|race|goal|songs?|music|films?|show)\b"
                     r"|\s+(?:was|is)\s+(?:her|his|their)\s+(?:hero|heroine|idol)\b)")


# "The client watched a lot of Formula One …, and joked that Lewis Hamilton's neck …": earlier in the
# sentence, the client watching or following something; a full name after it may be a figure on screen.
_WATCHED = lazy(r"\b(?:watch(?:ed|es|ing)?|follow(?:ed|s|ing)?|fan\s+of|supports?|supported|glued\s+to|on\s+(?:the\s+)?(?:telly|tv|television))\b",
                re.IGNORECASE)


def watched_before(ix: TextIndex, start: int) -> bool:
    """Whether the sentence before the full name at `start` says someone watched or follows something:
    what a person cue says of the name (her neck, her knee) is then too weak for an error."""
    a, _b = ix.sentence_bounds(start, start + 1)
    return _WATCHED.search(ix.text, a, start) is not None


def public_figure(text: str, start: int, end: int) -> bool:
    """Whether the full name at text[start:end] is someone the client watched, read or admired."""
    return _FIGURE_BEFORE.search(text, max(0, start - 30), start) is not None or _FIGURE_AFTER.match(text, end) is not None



# "if it worked for Serena Hale's elbow", "knew more about TJ Rooney's knees than his own": a body named
# after a preposition of talk or comparison is what the client talked about, a sportsman's or a singer's
# as often as a relative's; in the story a body owns a verb ("Ysolde Tregear's knee was sore").
_BODY_TALKED_OF = lazy(r"\b(?:about|for|like|than|unlike)\s+(?:[A-Z][\w.'’\-]*\s+){0,2}$")


def body_talked_of(text: str, start: int) -> bool:
    """Whether the full name at `start`, owning a body part, stands after "about", "for", "like" or "than"."""
    return _BODY_TALKED_OF.search(text, max(0, start - 40), start) is not None


# "Phalen described the test that carries his name", "Engel proposed it in 1977", "Freudenberger coined the
# term": a name that made a method, a test or a word is its author, cited; not someone in the story.
_AUTHORED_AFTER = lazy(
    r"[ \u00a0]+(?:first[ \u00a0]+)?(?:(?:coined|devised|pioneered|invented)\b"
    r"|(?:founded|proposed|developed|described|designed|introduced|popularised|popularized|named)[ \u00a0]+"
    r"(?:(?:the|a|an|this|his|her|their)[ \u00a0]+(?:[a-z\-]+[ \u00a0]+)?(?:term|method|test|sign|model|technique|approach|"
    r"concept|framework|idea|scale|protocol|manoeuvre|maneuver|theory|classification|system|programme|program|therapy)\b"
    r"|it[ \u00a0]+in[ \u00a0]+(?:the[ \u00a0]+)?1[6-9]\d\d))")


_AUTHORED_VERBS = tuple(f"{sp}{first}{v}" for sp in (" ", "\u00a0") for first in ("", "first ") for v in (
    "coined", "devised", "pioneered", "invented", "founded", "proposed", "developed", "described", "designed",
    "introduced", "popularised", "popularized", "named"))


def authored_after(text: str, end: int) -> bool:
    """Whether the name ending at `end` is said to have made a method, a test or a term."""
    return text.startswith(_AUTHORED_VERBS, end) and _AUTHORED_AFTER.match(text, end) is not None
