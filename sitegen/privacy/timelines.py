"""A distinctive timeline, for the disguise review: when things happened in the client's life.

    find_timelines   "about 3 months ago", "for 4 years", "since 2019", "in March 2023",
                     "the week before the regatta", "since Freshers' Week"

A `review` finding (see disguise.py).  What the writer says about their own time ("I trained for
4 years") is left alone, and so is the history of a method ("named by Codman in 1934").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sitegen.privacy.disguise import _NUM, _NUM_WORDS, Span, about_writer
from sitegen.privacy.lazyre import lazy
from sitegen.privacy.occupations import RELATIVES
from sitegen.privacy.tokens import TextIndex, lowered, register_vocabulary

# --- a distinctive timeline -------------------------------------------------------------------

_UNIT = r"(?:days?|weeks?|months?|years?|decades?|fortnights?|summers?|winters?|springs?|autumns?|christmases|seasons?)"
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec")
_ABOUT = r"(?:(?:about|around|nearly|almost|over|just\s+over|just\s+under|roughly|some|only|barely|more\s+than)\s+)?"
_EVENT = (r"(?:wedding|christening|funeral|graduation|party|concert|final|finals|inspection|election|floods?|fires?|"
          r"bushfires?|cyclone|earthquake|storm|hurricane|reunion|anniversary|divorce|redundancy|tournament|"
          r"championships?|marathon|race|show|festival|gala|(?:stag|hen)\s+(?:do|night|party|weekend)|honeymoon|birthday|"
          r"retirement|bereavement)\b")
_FESTIVALS = ("christmas|easter|diwali|deepavali|eid|ramadan|hanukkah|chanukah|passover|thanksgiving|lent|"
              r"t[eếẾ]t|lunar\s+new\s+year|chinese\s+new\s+year|new\s+year|hogmanay|matariki|vesak|holi|"
              r"navratri|vaisakhi|rosh\s+hashanah|yom\s+kippur|freshers['’]?\s+week|half[\s-]term|bank\s+holiday")
# What a span is counted from when it is the treatment's own course, not the client's life.
_TREATMENT = (r"(?:(?:the|her|his|their|a|an|our|my|this|that)\s+)?(?:(?:first|second|third|last|next|initial|previous|"
              r"final|latest|one|two|three|four|five|six)\s+)?(?:sessions?|treatments?|appointments?|visits?|assessments?|"
              r"massages?|consultations?|review|check-?ups?|course|block|referral|intake|start|end|onset|injury|pain|"
              r"flare|flare-up)\b")
_TIMELINE = lowered(
    # a single unit ("a year earlier", "a month later") is how any history is told; a count is not
    r"\b" + _ABOUT + r"(?:" + _NUM + r"\s+" + _UNIT + r"|a\s+decade)\s+(?:ago|earlier)\b"
    r"|\b(?:" + _NUM + r"\s+(?:months?|years?|decades?)|a\s+decade)\s+later\b"
    # "three days before her wedding", "six weeks after the funeral", "since the christening": a social event
    r"|\b" + _NUM + r"\s+(?:days?|weeks?)\s+(?:before|after)\s+(?:the|her|his|their)\s+(?:[\w'’\-]+\s+){0,3}?" + _EVENT +
    r"|\bsince\s+the\s+(?:[\w'’\-]+\s+){0,2}?" + _EVENT +
    r"|\bthe\s+(?:week|day|month|weekend|summer|winter|spring|autumn|year)\s+(?:after\s+(?:the|her|his|their)\s+(?:[\w'’\-]+\s+){0,3}?"
    + _EVENT + r"|(?:her|his|their)\s+[a-z\-]+\s+(?:died|passed\s+away|was\s+born|was\s+killed|left|moved(?:\s+(?:out|in|away|"
    r"down|up|over|back|home))?|arrived|came\s+home|got\s+married|retired))"
    # "around the date his friend was killed", "the anniversary her brother died"
    r"|\bthe\s+(?:date|anniversary)\s+(?:of\s+)?(?:her|his|their)\s+[a-z\-]+\s+(?:died|passed\s+away|was\s+born|was\s+killed)"
    # "the week before the regatta", "the day before their anniversary", "the week after Eid": a point in
    # the client's time fixed by an event of their life (not by the treatment, nor "the day after a long run")
    r"|\bthe\s+(?:day|week|weekend|fortnight|month|year|morning|night|evening|summer|winter|spring|autumn)\s+"
    r"(?:before|after)\s+(?!" + _TREATMENT + r")(?:(?:the|her|his|their)\s+[a-z][\w'’\-]*(?:\s+(?!(?:and|but|so|or|when|"
    r"she|he|they|i|we|to|for|with|at|in|on|of|was|is)\b)[a-z][\w'’\-]*){0,2}|(?:" + _FESTIVALS + r")\b)"
    r"|\b(?:" + _NUM + r"|a|an)\s+(?:months?|years?|decades?)\s+(?:after\s+(?:the|her|his|their)|"
    r"before(?=\s+(?:she|he|they|her|his|the)))\b"
    r"|\bfor\s+(?:(?:about|around|nearly|almost|over|more\s+than|the\s+past|the\s+last)\s+)?" + _NUM +
    r"\s+(?:years|decades)\b"
    # "thirty years of nursing", "twenty years of counting stamps"
    r"|\b" + _ABOUT + r"(?:" + _NUM + r"\s+(?:years|decades)|a\s+decade)\s+(?:of\s+(?:\w+ing|her|his|their|marriage|service)|"
    r"in\s+the\s+job)\b"
    # "after twelve years together", "sixty-two years married", "her partner of twelve years", "forty-odd years"
    r"|\b" + _ABOUT + _NUM + r"\s+years\s+(?:together|married|apart|wed)\b"
    r"|\b(?:husband|wife|partner|spouse|boyfriend|girlfriend)\s+of\s+" + _ABOUT + _NUM + r"\s+years\b"
    r"|\b" + _NUM + r"(?:-odd|\s+odd|-plus|\s+plus)\s+(?:years|decades)\b"
    # "the first week of September", "the last fortnight of June"
    r"|\b(?:the\s+)?(?:first|second|third|fourth|last|final|middle)\s+(?:week|weekend|fortnight|few\s+days)\s+of\s+(?:"
    + _MONTHS + r")\b"
    # "four early shifts on, two off", "two weeks on, two weeks off": a working pattern
    r"|\b" + _NUM + r"\s+(?:[a-z]+\s+)?(?:shifts?|days?|nights?|weeks?|lates|earlies|swings?)\s+on,?\s+(?:and\s+)?" + _NUM +
    r"(?:\s+(?:[a-z]+\s+)?(?:shifts?|days?|nights?|weeks?))?\s+off\b"
    # "within eleven months of each other", "been home about ten weeks", "married for 40 years"
    r"|\bwithin\s+(?:" + _NUM + r"|a)\s+(?:months?|years?)\b"
    r"|\b(?:been|was|were)\s+(?:home|married|together|retired|widowed|divorced|separated|sober|here|back|in\s+the\s+country)"
    r"\s+(?:for\s+)?" + _ABOUT + r"(?:" + _NUM + r"|a)\s+" + _UNIT + r"\b"
    r"|\b(?:since|in|until|during|from)\s+(?:(?:early|late|mid)[\s-]+)?(?:(?:" + _MONTHS + r")\s+)?(?:19[3-9]\d|20[0-4]\d)\b"
    r"|\b(?:" + _MONTHS + r")\s+(?:19[3-9]\d|20[0-4]\d)\b"
    # "Christmas 2022", "the summer of 2021" (below), "Easter 2023"
    r"|\b(?:christmas|easter|summer|spring|autumn|fall|winter|new\s+year)\s+(?:19[3-9]\d|20[0-4]\d)\b"
    # "since she stepped up her mileage in January"
    r"|\bsince\s+(?:she|he|they)\b[^.;:!?\n]{0,50}?\bin\s+(?:" + _MONTHS + r")\b"
    r"|\b(?:last|this\s+past|the\s+previous)\s+(?:spring|summer|autumn|fall|winter|christmas|easter)\b"
    # "the autumn of 2021", "since the summer he turned forty", "the best part of a decade", "did thirty years"
    r"|\b(?:in\s+)?the\s+(?:spring|summer|autumn|fall|winter)\s+of\s+(?:19[3-9]\d|20[0-4]\d|'\d\d)\b"
    r"|\bsince\s+the\s+(?:spring|summer|autumn|fall|winter|year|day|week|month|christmas)\s+(?:she|he|they|her|his|their)\b"
    r"[^.;:!?\n]{0,30}?\b(?:turned|retired|moved|left|married|lost|had|started|qualified|died|was\s+born)\b(?:\s+\w+)?"
    r"|\b(?:the\s+)?(?:best|better)\s+part\s+of\s+(?:a|an|" + _NUM + r")\s+" + _UNIT + r"\b"
    r"|\b(?:did|spent|served|worked|put\s+in)\s+" + _ABOUT + _NUM + r"\s+(?:years|decades)\b"
    r"|\b" + _NUM + r"\s+years\s+(?:at|with|in)\s+the\s+same\b"
    r"|\bthe\s+(?:spring|summer|autumn|fall|winter|christmas|easter)\s+(?:after|before)\b(?=\s+(?:she|he|they|her|his|"
    r"their|the)\b)"
    # "ever since she was nineteen", "about eleven years on her feet"
    r"|\b(?:ever\s+)?since\s+(?:she|he|they)\s+(?:was|were)\s+(?:a\s+(?:girl|boy|child|teenager|teen|kid|nipper|lad|lass|"
    r"baby|toddler|youngster|student|schoolgirl|schoolboy)|" + _NUM + r")\b"
    r"|\b(?:about|around|nearly|almost|roughly|some|over)\s+" + _NUM + r"\s+(?:years|decades)\b")


_TIME_ANCHORS = register_vocabulary(frozenset(
    """years decades decade year months month weeks week weekend days day last previous past fortnight fortnights summers
    winters springs autumns christmases seasons shifts nights lates earlies swings since decade part life career
    married""".split()))
# Only these make a unit word a timeline ("3 months ago", "two years later", "for 4 years"), and
# only these before a year ("since 2019", "in March 2023").
_TIME_AFTER = (" ago", " earlier", " later", " after", " before", " and", ",", ".", " now", " of", " with", " on",
               " off", " in the job")
_SEASON_WORDS = frozenset("spring summer autumn fall winter christmas easter".split())
_SEASONS = tuple(f" {w}" for w in _SEASON_WORDS)
# Anchors that open a timeline, and what must follow them.
_AFTER_ANCHOR = {"last": _SEASONS, "past": _SEASONS, "previous": _SEASONS,
                 "since": (" she ", " he ", " they ", " the ")}
_LIFE_BEFORE = ("her ", "his ", "their ", "adult ", "working ")
_PUNCT_TO_SPACE = str.maketrans({c: " " for c in "-()[]\"'“”‘’,;:*_"})
_NUM_WORDS_SET = frozenset(_NUM_WORDS.split() + "a an few".split() + [str(i) for i in range(100)] + [
    "one two three four five six seven eight nine".split()[k] for k in range(9)])
register_vocabulary(_SEASON_WORDS)
_YEAR_BEFORE = ("since ", "in ", "until ", "during ", "from ", "early ", "late ", "mid-", "mid ", "january ",
                "february ", "march ", "april ", "may ", "june ", "july ", "august ", "september ", "october ",
                "november ", "december ", "jan ", "feb ", "mar ", "apr ", "jun ", "jul ", "aug ", "sep ",
                "sept ", "oct ", "nov ", "dec ", "christmas ", "easter ", "summer ", "spring ", "autumn ", "fall ",
                "winter ", "year ")


# Matched only where "since her/his/their" or "married" stands (the long pattern above is not
# tried for them): "since his mother died in March", "since their wedding", "married twenty-two years".
_LIFE_TIMELINE = lowered(
    r"since\s+(?:her|his|their)\s+(?:[a-z\-]+\s+)?(?:" + "|".join(sorted(RELATIVES, key=len, reverse=True)) + r")\s+"
    r"(?:died|passed(?:\s+away)?|was\s+killed|left|moved\s+(?:out|in|away)|retired)\b"
    r"|since\s+(?:her|his|their)\s+(?:[\w'’\-]+\s+){0,2}?" + _EVENT +
    r"|married\s+(?:for\s+)?" + _ABOUT + _NUM + r"\s+years\b")
_OWNERS = (" her ", " his ", " their ")
_THE_UNIT = register_vocabulary(frozenset("week day month weekend summer winter spring autumn year date anniversary".split()))
# After "the week", "the day": what may fix it in the client's life ("the week after the regatta", "the day
# before her wedding", "the week after Eid", "the week her father died").
_THE_UNIT_NEXT = tuple(f" {w} {d} " for w in ("after", "before") for d in ("the", "her", "his", "their")) + tuple(
    f" {w} {f}" for w in ("after", "before") for f in [g.replace(r"\s+", " ") for g in _FESTIVALS.split("|")] + ["tết", "tet"]
    if f.replace(" ", "").isalpha()) + (
    " her ", " his ", " their ", " of her ", " of his ")
_ORDINALS = ("first ", "second ", "third ", "fourth ", "last ", "final ", "middle ")


def find_timelines(ix: TextIndex) -> Iterator[Span]:
    yield from _event_timelines(ix)
    low = ix.lower
    hits = [(s, e) for s, e in ix.digits if e - s == 4 and low.endswith(_YEAR_BEFORE, max(0, s - 11), s)]
    for s, e in ix.anchors(_TIME_ANCHORS):
        word = low[s:e]
        if word == "married" or word == "since" and low.startswith(_OWNERS, e):
            m = _LIFE_TIMELINE.match(low, s)
            if m is not None and not about_writer(ix, s, m.end()):
                yield "timeline", s, m.end()
        elif word in _AFTER_ANCHOR:
            # "last spring", "since she …", "since the summer he …": the anchor opens the match
            if low.startswith(_AFTER_ANCHOR[word], e):
                hits.append((s, e))
        elif word in ("life", "career"):
            if low.endswith(_LIFE_BEFORE, max(0, s - 20), s):
                hits.append((s, e))
        elif (low.startswith(_TIME_AFTER, e) or word in ("years", "decades", "decade")) and \
                not _NUM_WORDS_SET.isdisjoint(low[max(0, s - 24):s].translate(_PUNCT_TO_SPACE).split()[-2:]):
            hits.append((s, e))  # a count of units: "three winters ago", "for 4 years", "a decade"
        elif low.startswith(" of ", e) and low.endswith(_ORDINALS, max(0, s - 8), s):
            hits.append((s, e))  # "the first week of September"
    hits += [(s, e) for s, e in ix.anchors(_SEASON_WORDS) if low.startswith((" after", " before", " of "), e)]
    hits += [(s - 4, e) for s, e in ix.anchors(_THE_UNIT) if low.endswith("the ", max(0, s - 4), s)
             and low.startswith(_THE_UNIT_NEXT, e)]  # "the week her father died"
    if not hits:
        return
    hits.sort()
    for m in ix.matches_at(_TIMELINE, hits, 6):
        if about_writer(ix, m.start(), m.end()):
            continue
        if _BARE_YEAR.fullmatch(low, m.start(), m.end()) and (_history(ix.sentence(m.start(), m.end()))
                                                              or _WORK_BEFORE_YEAR.search(low, max(0, m.start() - 40), m.start())):
            continue  # "named by Codman in 1934", "the Goom guideline from 2019": a work's year, not a client's
        yield "timeline", m.start(), m.end()


# A festival or a family event placed in the client's year: "since Christmas", "during Ramadan", "last
# year's Diwali", "since Freshers' Week", "her daughter's wedding in June" ("over Christmas", "before
# Easter" say only when, as any clinical history does); a life event as the start of something:
# "since he left school"; a working life counted in seasons or generations: "for sixteen seasons".
_EVENT_TIMELINE = lowered(
    r"\b(?:since|during)\s+(?:last\s+|this\s+|the\s+)?(?:year['’]s\s+)?(?:" + _FESTIVALS + r")\b"
    r"|\blast\s+(?:year['’]s\s+)?(?:" + _FESTIVALS + r")\b"
    r"|\b(?:her|his|their|a|the)\s+(?:[\w'’\-]+\s+){0,2}?(?:tangi|" + _EVENT + r")\s+in\s+(?:" + _MONTHS + r")\b"
    r"|\bsince\s+(?:she|he|they)\s+(?:left\s+(?:school|college|uni|university|home|the\s+\w+)|retired|got\s+married|"
    r"married|emigrated|came\s+over|qualified|was\s+widowed|lost\s+(?:her|his|their)\s+\w+|had\s+(?:the|her|his|their)\s+\w+)\b"
    r"|\bfor\s+(?:(?:about|around|nearly|almost|over|more\s+than|the\s+past|the\s+last)\s+)?" + _NUM +
    r"\s+(?:seasons|generations|harvests)\b"
    # "since the comp at Noosa last May", "since a charity stream in August", "since her dad's heart attack in
    # the spring": a start fixed by something that happened, placed in a month or a season
    r"|\bsince\s+(?:the|a|an|her|his|their)\s+(?:[\w'’\-]+\s+){1,4}?(?:(?:in|at)\s+(?:the\s+)?|last\s+)"
    r"(?:" + _MONTHS + r"|spring|summer|autumn|winter)\b")
_EVENT_WORDS = register_vocabulary(frozenset("""christmas easter diwali deepavali eid ramadan hanukkah chanukah passover
    thanksgiving lent tết tet year hogmanay matariki vesak holi navratri vaisakhi hashanah kippur freshers freshers'
    term holiday tangi wedding christening funeral graduation party concert final finals reunion anniversary night
    honeymoon birthday retirement since seasons generations harvests""".split()))


# Someone treated, in the sentence: "the clinic closes over Christmas" places nobody's year.
_SOMEONE = lowered(r"\b(?:she|he|her|his|him|hers|they|their|them|client|patient)\b")


def _event_timelines(ix: TextIndex) -> Iterator[Span]:
    for m in ix.matches_at(_EVENT_TIMELINE, ix.anchors(_EVENT_WORDS), 6):
        if about_writer(ix, m.start(), m.end()):
            continue
        a, b = ix.sentence_bounds(m.start(), m.end())
        if _SOMEONE.search(ix.lower, a, b) is not None:
            yield "timeline", m.start(), m.end()


# A published work right before its year: "the Goom, Donnelly and Brockwell guideline from 2019".
_WORK_BEFORE_YEAR = lazy(r"\b(?:guidelines?|guidance|study|studies|paper|review|trial|report|article|book|edition|"
                         r"consensus|statement|criteria|framework|protocol|survey)\s+$")
_BARE_YEAR = lazy(r"(?:since|in|until|during|from)\s+(?:19|20)\d\d")
# What a year of history is attached to: a thing named, described, published or founded.
_HISTORY_VERB = lazy(r"\b(?:named|described|coined|published|founded|developed|introduced|produced|devised|invented|"
                     r"discovered|pioneered|classified|defined|proposed|formulated|(?:gave|given)\s+(?:it\s+)?(?:its|the)\s+name)\b")


def _history(sentence: str) -> bool:
    """Whether a sentence is the history of a method or a condition: a naming verb, and nobody in the story."""
    return _STORY.search(sentence) is None and _HISTORY_VERB.search(sentence) is not None


# Someone in the story: a pronoun for a person, the client, a relative.
_STORY = lazy(r"\b(?:she|he|her|his|him|they|them|their|client|patient|husband|wife|partner|son|daughter|"
              r"mother|father|mum|mom|mam|dad|sister|brother)\b", re.IGNORECASE)
