"""The disguise review: details that let a neighbour recognise a client without any "identifier".

    find_occupations   (in jobs.py) "she's a primary school teacher", "works as a welder", "a retired nurse"
    find_family        (in family.py) "her three children", "recently widowed", "her daughter X is nine"
    find_exact_ages    "aged 47", "a 52-year-old", "she is 61" (ages over 89 are the age detector's)
    find_timelines     (in timelines.py) "about 3 months ago", "for 4 years", "since 2019", "in March 2023"

Each is a `review` finding: never an error, never blocking by itself, but looked at once
(see review.py).  What the writer says about themselves ("I trained for 4 years", "I am a
massage therapist") is not about the client and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sitegen.privacy import lexicon as L
from sitegen.privacy.lazyre import lazy
from sitegen.privacy.nameuses import introduces_colleague
from sitegen.privacy.occupations import RELATIVES
from sitegen.privacy.tokens import TextIndex, lowered, register_vocabulary

Span = tuple[str, int, int]

_NUM_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
              "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty")
_NUM = r"(?:\d{1,2}|(?:" + "|".join(_NUM_WORDS.split()) + r")(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?)"
_FIRST_PERSON = lazy(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|my|me|we|we've|we’ve|our)\b")
# The writer as the one the sentence is about ("I", "my", "we"), not "me" alone: "works as a deckhand out
# of Oban and came to me" is someone else's doing (where and what someone is: places and jobs).
_FIRST_SUBJECT = lazy(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|my|we|we've|we’ve|our)\b")
_THIRD = lazy(r"\b(?:she|he|they|her|his|their|client|who|husband|wife|partner|son|daughter|mother|"
                    r"father|mum|dad|sister|brother)\b", re.IGNORECASE)


def about_writer(ix: TextIndex, start: int, end: int, subject: bool = False) -> bool:
    """Whether the sentence is the writer talking about themselves (or introducing a colleague of the
    practice), not about a client; with `subject`, only where the writer is its subject ("I", "my")."""
    s = ix.sentence(start, end)
    first = _FIRST_SUBJECT if subject else _FIRST_PERSON
    return bool(first.search(s)) and not _THIRD.search(s) or introduces_colleague(ix, start, end)


_YEAR_OR_PAGE = lazy(r"\b(?:19|20)\d\d\b|\bp\.?\s*$")


# --- exact ages under 90 ----------------------------------------------------------------------

_TENS_LIST = ("twenty thirty forty fifty sixty seventy eighty thirteen fourteen fifteen sixteen seventeen eighteen "
              "nineteen").split()
_AGE_WORD_LIST = _TENS_LIST + [f"{t}-{o}" for t in _TENS_LIST[:7] for o in "one two three four five six seven eight nine".split()]
_AGES_NOT = (r"(?![-‐](?:one|two|three|four|five|six|seven|eight|nine)\b)(?!\s*(?:%|minutes|mins|degrees|kg|km|miles|cm|mm|weeks|days|months|sessions|times|reps|years|hours|"
             r"lbs|pounds|stone|percent|per|out\s+of|/|[:.]\d|foot|feet|ft|inches|['’\"″′]|of\s+\w))")
_AGE = lowered(
    r"\b(?:aged|age|at\s+the\s+(?:[a-z]+\s+){0,2}age\s+of|at\s+age)\s+(?P<a>\d{1,2}|" + _NUM + r")\b(?!\s*(?:%|minutes|"
    r"mins|degrees|kg|km|miles|cm|mm|weeks|days|months|sessions|times|reps))"
    r"|\b(?P<b>\d{1,2}|" + _NUM + r")[\s-]+(?:years?|yrs?)[\s-]+old\b"
    r"|\b(?P<c>\d{1,2}|" + _NUM + r")-year-old\b"
    r"|\b(?:she|he|they)\s*(?:is|was|'s|’s|turns|turned|had\s+just\s+turned|has\s+just\s+turned)\s+(?P<d>\d{1,2}|"
    + _NUM + r")\b" + _AGES_NOT + r"(?:\s+and\s+a\s+half\b)?" +
    r"|\b(?:is|was)\s+(?:an?\s+(?:sprightly|spry|young|youthful|active|fit|healthy|lively|energetic|busy)\s+)?"
    r"(?P<h>\d{2}|" + _NUM + r")(?=\s*(?:[,;)]|\.(?!\d)|(?:and|but|now|this|when|with|at|in|himself|"
    r"herself|themselves|going|last|next|or\s+so)\b))"
    r"|\b(?:turned|turning|turns)\s+(?P<e>\d{1,2}|" + _NUM + r")\b(?!\s*(?:%|°|º|degrees|minutes|the\s+corner|round|away|over))"
    r"|(?<=[A-Za-z]),\s+(?P<f>\d{2}|" + "|".join(sorted(_AGE_WORD_LIST, key=len, reverse=True)) + r"),\s+(?=[a-z])"
    # "## Niamh, from Ennis, 39": a heading (or a title) that ends on the age of whoever it introduces
    r"|(?<=[A-Za-z)]),[ \t]+(?P<m>\d{2})(?=[ \t]*(?:\n|$))"

    r"|\(\s*(?:aged\s+)?(?P<g>\d{2})\s*\)"
    r"|\b(?P<i>\d{1,2}|" + _NUM + r")[\s-]+(?:weeks?|months?|days?)[\s-]+old\b"
    r"|[,(]\s*(?:now|aged)\s+(?P<j>\d{1,2}|" + _NUM + r")\s*(?=[,)])"
    # "At 58 she was …", "at forty-one, he …"; "her 34th birthday"
    r"|\bat\s+(?P<k>\d{2}|" + "|".join(sorted(_AGE_WORD_LIST, key=len, reverse=True)) + r")(?=,?\s+(?:she|he|they)\b)"
    r"|\b(?:her|his|their)\s+(?P<l>\d{1,2})(?:st|nd|rd|th)\s+birthday\b")
# The word before "is 38": a pronoun, a name, an initial or a bracket; not "the score".
_SUBJECT_BEFORE = lazy(r"(?:\b(?:she|he|they|who)|\b(?!(?:It|This|That|There|Here|What|Which|Who|Each|All|"
                             r"One|Mine|Everything|Nothing)\b)[A-Z][\w'’\-]*\.?|\))\s*$")
_MEASURE_WORD = lazy(r"\b(?:score|scores|scale|rate|pulse|weight|bmi|number|level|reading|count|total|pain|"
                           r"index|grade|temperature|result|average|mean|rating|gad-7|phq-9)\b[^.;!?]{0,40}$", re.IGNORECASE)


_OWNED_BEFORE = lazy(r"\b(?:her|his|their)\s+((?:[\w'’\-]+\s+){1,2})$", re.IGNORECASE)


def _owned_thing_before(text: str, pos: int) -> bool:
    """Whether what stands before "was 47" at `pos` is something a person has, not a relative."""
    m = _OWNED_BEFORE.search(text, max(0, pos - 40), pos)
    return m is not None and not any(w.lower() in RELATIVES for w in m.group(1).split())


_SCORED_BEFORE = lazy(r"\b(?:scored?|scores|scoring|rated|rates|rating|scale)\b[^.!?]{0,40}$", re.IGNORECASE)
_MEASURE_SUBJECT = lazy(r"(?:\b(?:it|this|that|which|there|what)|(?<!Client )(?<!Patient )\b[A-Z]{3,}[\w\-]*"
                              r"|\b[A-Za-z]+-\d+)[ \u00a0]+$")  # on the line of the number: not a heading's last word
_AGE_BEFORE = ("is ", "was ", "'s ", "’s ", "aged ", "age ", "age of ", "(", "( ", ", ", "turned ", "turns ",
               "turning ", "now ", "nearly ", "almost ", "at ")


def _age_near(low: str, s: int, e: int) -> bool:
    """The cheap test before the age patterns: an age word right before or after the number."""
    after = low[e:e + 8]
    return low.endswith(_AGE_BEFORE, max(0, s - 8), s) or after.startswith(("-y", " y", "y", ")", " )", "th b", "st b",
                                                                              "nd b", "rd b")) \
        or after[:1] in (",", "\n", "") and low.endswith(", ", 0, s)


_TENS = ("twenty thirty forty fifty sixty seventy eighty thirteen fourteen fifteen sixteen seventeen eighteen "
         "nineteen").split()
_AGE_WORDS = frozenset(_TENS) | frozenset(f"{t}-{o}" for t in _TENS[:7] for o in
                                          "one two three four five six seven eight nine".split())
_AGE_ANCHORS = register_vocabulary(frozenset(("old", "aged", "turned", "turning") + tuple(
    f"{w}-year-old" for w in _NUM_WORDS.split()) + tuple(f"{w}-year-old" for w in _AGE_WORDS)) | _AGE_WORDS)
_NOW = register_vocabulary(frozenset({"now"}))
_HALF = register_vocabulary(frozenset({"half"}))
_SMALL = tuple(f" {w}" for w in "one two three four five six seven eight nine ten eleven twelve".split())


# A list item that names someone and ends on a number: "- Ines Arroyo (client), 34".
_NAMED_ITEM = lazy(r"[ \t]*(?:[-*+]|\d{1,2}[.)])[ \t]+(?P<w>[A-Z][\w'’\-]+)(?:[ \t]+[A-Z][\w'’\-]+){0,3}(?:[ \t]+\([a-z ]+\))?$")


def _named_item(text: str, end: int) -> bool:
    """Whether the line before `end` is a list item opening on a given name ("- Marta Quell (client)")."""
    m = _NAMED_ITEM.match(text, text.rfind("\n", 0, end) + 1, end)
    if m is None:
        return False
    from sitegen.privacy.wordstats import stats  # only for the few list items that end on a number
    st = stats()
    return st.given(m.group("w")) >= 0 and st.zipf(m.group("w")) < 4.5


def find_exact_ages(ix: TextIndex) -> Iterator[Span]:
    text = ix.text
    low = ix.lower
    hits = [(s, e) for s, e in ix.digits if e - s <= 3 and _age_near(low, s, e)]
    hits += ix.anchors(_AGE_ANCHORS)
    hits += [(s, e) for s, e in ix.anchors(_NOW) if low.startswith(_SMALL, e)]
    hits += [(s, e) for s, e in ix.anchors(_HALF) if low.endswith(" and a ", 0, s)]
    yield from _note_ages(ix)
    if not hits:
        return
    hits.sort()
    for m in ix.matches_at(_AGE, hits, 6, punct=True):
        value = next(v for v in m.groups() if v is not None)
        if value.isdigit() and not 1 <= int(value) <= 89:
            continue
        if value.isdigit() and (m.group("f") is not None or m.group("k") is not None) and int(value) < 16:
            continue
        if m.group("m") is not None and not (text.startswith("#", text.rfind("\n", 0, m.start()) + 1)
                                             or "\n" not in text and len(text) < 120
                                             or _named_item(text, m.start())):
            continue  # only a heading, a title or a list item naming someone ends on an age; prose ending ", 39" may be anything
        if (m.group("h") is not None or m.group("d") is not None) and _MEASURE_SUBJECT.search(text, max(0, m.start() - 24),
                                                                                        m.start()):
            continue  # "By the end it was 4", "PDSS was 5", "CORE-10 was 24": a score, not an age
        if m.group("d") is not None and _SCORED_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "she scored 12, then she was 8": the score again
        if m.group("h") is not None and not (_SUBJECT_BEFORE.search(text, max(0, m.start() - 40), m.start())
                                             or _THIRD.search(text, max(0, m.start() - 40), m.start())) \
                or m.group("h") is not None and _MEASURE_WORD.search(text, max(0, m.start() - 60), m.start()):
            continue  # "the score was 12, ..." is no age; "Client A is 52 and ..." is
        if m.group("h") is not None and _PAIR_AFTER.match(low, m.end()):
            continue  # "Flexion-rotation was 38 and 40": two readings (left and right); one person has one age
        if m.group("b") is not None and "-" not in m.group() and not _ATTRIBUTIVE.match(low, m.end()) \
                and not _someone_in(ix.sentence(m.start(), m.end())):
            continue  # "Nothing special, just not five years old" (the trainers): no one in the sentence to be that age
        if m.group("h") is not None and _owned_thing_before(text, m.start()):
            continue  # "his Fugl-Meyer was 47": something of his, scored (but "her husband was 47" is an age)
        if m.group("g") is not None and (_YEAR_OR_PAGE.search(text[max(0, m.start() - 20):m.start()])
                                         or bracket_after_thing(text, m.start())):
            continue
        if about_writer(ix, m.start(), m.end()) and m.group("c") is None and m.group("b") is None:
            continue
        if _THRESHOLD_AFTER.match(low, m.end()) or m.group("b") is not None and _THING_BEFORE.search(
                low, max(0, m.start() - 24), m.start()):
            continue  # "age 65 or over": a rule's threshold; "shoes that were two years old": a thing's age
        a, b = m.span("m") if m.group("m") is not None else m.span()
        if m.group("j") is not None:
            a = m.start("j") - 4 if text[m.start("j") - 4:m.start("j")].lower() == "now " else m.start("j")
        yield "exact_age", a, b
        if m.group("i") is not None:
            yield "timeline", a, b  # "ten weeks old": a baby's age is also when things happened


# Units and readings a bare number may open a note with: "45, then 60 seconds", "30. reps felt easy".
_NOTE_NOT_AGE = frozenset("""secs seconds sec mins minutes min hours hrs reps sets degrees deg kg km miles percent per
    cm mm times then to or and out of""".split())
_LIST_MARKS = ("- ", "* ", "+ ")


def _note_ages(ix: TextIndex) -> Iterator[Span]:
    """An age told as the first word of a note, a fragment or a list item: "24, plays on the wing",
    "71. retired postie", "- 52, fit, walks the dog", "27, neck stiff both sides"."""
    text, low = ix.text, ix.lower
    n = len(text)
    for s, e in ix.digits:
        if e - s != 2 or e >= n or text[e] not in ",.?" or not "13" <= text[s:e] <= "89":
            continue
        line = text.rfind("\n", 0, s) + 1
        opening = s == line or text[line:s] in _LIST_MARKS or low.endswith((". ", "? ", "! "), 0, s)
        if not opening or e + 1 < n and text[e + 1] not in " \n":
            continue  # ("24.5", "52,000": a measure or a sum)
        word = low[e + 1:e + 24].split(None, 1)
        if text[e] != "?" and (not word or not word[0][:1].isalpha() or not text[e + 1:].lstrip()[:1].islower()
                               or word[0].strip(",.;:") in _NOTE_NOT_AGE):
            continue  # a fragment in lower case follows an age ("24, plays"); "30. Reps" is a count
        if not about_writer(ix, s, e, subject=True):  # ("24, … came to me": the client's age)
            yield "exact_age", s, e


def _someone_in(sentence: str) -> bool:
    """Whether a sentence names or points at a person: a pronoun, a person word, or a capitalised word
    after its first (a name, an initial)."""
    if _THIRD.search(sentence) or any(w.lower().strip(",;:()") in _PERSON_WORDS for w in sentence.split()):
        return True
    words = sentence.lstrip(" -*#>\n\t").split(None, 1)
    if words and words[0][:1].isupper() and words[0].strip(",;:") not in L.FUNCTION_WORDS:
        return True  # "Priya is 34 years old": a name opening the sentence
    return _CAPITAL_INSIDE.search(sentence.lstrip(" -*#>\n\t"), 1) is not None


_CAPITAL_INSIDE = lazy(r"(?<=[\s(\"“])(?!I\b)[A-Z]")
_ATTRIBUTIVE = lazy(r"\s+[a-z]")  # "a 16 year old wing attack": the age of whoever the noun after it is
_PAIR_AFTER = lazy(r"\s*(?:and|&|/)\s*\d")
_THRESHOLD_AFTER = lazy(r"\s+(?:or|and)\s+(?:over|above|older|more|under|below|younger)\b")
_THING_BEFORE = lazy(r"\b(?:that|which)\s+(?:is|was|are|were)\s+(?:now\s+|only\s+|nearly\s+|about\s+)?$")
_PERSON_WORDS = RELATIVES | frozenset("client patient man woman lady gentleman boy girl lad lass mate friend "
                                     "neighbour neighbor colleague".split())
_WORD_BEFORE_BRACKET = lazy(r"([A-Za-z][\w'’\-]*)\s*$")


def bracket_after_thing(text: str, pos: int) -> bool:
    """Whether the bracket at `pos` follows a lower-case word that is not a person: "the bin lid (40)",
    "food (90)" are scores; "Mrs Hale (94)" and "her husband (61)" are ages."""
    m = _WORD_BEFORE_BRACKET.search(text, max(0, pos - 30), pos)
    return m is not None and m.group(1)[0].islower() and m.group(1).lower() not in _PERSON_WORDS
