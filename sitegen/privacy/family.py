"""Family details for the disguise review: a client's (or a relative's) family and what happened in it.

    find_family   "her three children", "recently widowed", "her 14-year-old son", "twins",
                  "her daughter Mai is nine", "Aggie's husband died", "they split up in February"

A `review` finding (see disguise.py); a name inside the phrase is left to the name detector, so
the item starts after it.  The writer's own family ("my son is six") is not an item.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sitegen.privacy import lexicon as L
from sitegen.privacy.disguise import _NUM, Span, about_writer
from sitegen.privacy.lazyre import lazy
from sitegen.privacy.nameuses import relative_of
from sitegen.privacy.occupations import RELATIVES
from sitegen.privacy.tokens import TextIndex, lowered, register_vocabulary

_REL = "|".join(sorted((re.escape(r) for r in RELATIVES), key=len, reverse=True))
_KIDS = (r"(?:children|kids|sons|daughters|grandchildren|great-grandchildren|grandkids|great-grandkids|stepchildren|"
         r"brothers|sisters|siblings|half-brothers|half-sisters|nieces|nephews|cousins|babies|teenagers|teens|toddlers|"
         r"aunties|aunts|uncles)")
_FAMILY = lowered(
    r"\b(?:(?:her|his|their|the\s+client's|the\s+client’s)\s+(?:" + _NUM + r"|late|twin|only|eldest|youngest|"
    r"oldest|adult|teenage|grown-up|disabled|autistic|adopted|foster|step|new(?:born)?|\d{1,2}-year-old|"
    + _NUM + r"-year-old|"
    r"baby|estranged|elderly|ailing|dying|second|third)[\s-]+(?:[a-z\-]+\s+)?(?:" + _REL + r")"
    # "mother of three", "dad to seven kids", "mum of 2"
    r"|(?:mother|father|mum|mom|mam|dad|parent|grandmother|grandfather|grandma|grandpa|nan|gran)\s+(?:of|to)\s+" + _NUM +
    r"(?:\s+(?:young\s+|little\s+|grown-up\s+)?(?:kids|children|boys|girls|sons|daughters))?\b"
    r"|(?:single|lone|widowed|divorced|separated|bereaved)\s+(?:mother|father|mum|mom|dad|parent|man|woman)"
    # ("a bereaved client", "bereaved people", "the bereaved": the reason for coming or people in general)
    r"|(?:(?:recently|newly|twice|thrice)\s+)?(?:widowed|divorced|separated|remarried|bereaved)(?:\s+twice)?\b"
    r"(?<!bereaved(?=\s+(?:clients?|people|person|patients?|adults?)\b))(?<!the\sbereaved)(?<!the\swidowed)"
    r"|\b(?:a|the)\s+widow(?:er)?\b|\btwins\b|\btriplets\b|an?\s+only\s+child"
    # "the youngest of six", "the middle of four boys", "the oldest of five"
    r"|(?:eldest|youngest|oldest|middle|second|third)\s+(?:child\s+)?of\s+" + _NUM +
    r"(?:\s+(?:kids|children|boys|girls|sons|daughters|brothers|sisters|siblings))?\b"
    # "three grown-up sons", "two younger brothers", "eleven great-grandchildren", "her two lads"
    r"|\b" + _NUM + r"\s+(?:(?:young|grown-up|grown|adult|teenage|small|little|younger|older|big|step|half|"
    r"foster|adopted)[\s-]+)?" + _KIDS + r"\b(?!['’])"
    r"|(?:her|his|their|has|had|with|have|got)\s+" + _NUM + r"\s+(?:(?:young|little|small|grown-up|teenage)\s+)?"
    r"(?:boys|girls|lads|lasses|bairns|wee\s+ones|little\s+ones)\b"
    r"|(?:cares|cared|caring|looks\s+after|looked\s+after|looking\s+after|nurses|nursed|nursing)\s+for\s+(?:her|his|their)\s+"
    r"(?:[a-z\-]+\s+)?(?:" + _REL + r")"
    # "lives with her grandma", "moved back in with his mother"
    r"|(?:lives|lived|living|moved\s+(?:back\s+)?in|moving\s+(?:back\s+)?in|stays|staying|stayed|shares\s+a\s+\w+)\s+"
    r"with\s+(?:her|his|their)\s+(?:[a-z\-]+\s+)?(?:" + _REL + r")\b"
    # birth order past the first: "pregnant with her second", "their third baby" ("her first baby" says
    # only that there is no other, true of most families, and is left alone)
    r"|pregnant\s+with\s+(?:her|their)\s+(?!first\b)\w+"
    r"|(?:her|his|their|a)\s+(?:second|third|fourth|fifth|sixth)\s+(?:pregnancy|baby|child|grandchild|marriage|husband|wife)"
    r"|(?:her|his|their|a)\s+first\s+(?:marriage|husband|wife)"  # a first husband: there has been another since
    # what a relative does or has, said of them: "her daughter skates for the club", "his son is his
    # deckhand", "her mum, who has MS", "her dad left when she was nine"
    r"|(?:her|his|their)\s+(?:older\s+|younger\s+|elder\s+|big\s+|little\s+)?(?:" + _REL + r")(?:,\s+who)?\s+(?:also\s+|still\s+)?"
    r"(?:(?:plays|played|skates|skated|works|worked|runs|ran|rides|rode|swims|swam|coaches|coached|trains|trained|"
    r"dances|danced|sings|sang|volunteers|volunteered)\s+(?:[a-z\-]+\s+){0,2}?(?:for|at|with|in|on)\s+(?:the|a|an|her|his)\b"
    r"|(?:is|was)\s+(?:also\s+)?(?:her|his|their)\s+(?!own\b)[a-z\-]+"
    r"|left\s+(?:when|after|before|home|the\s+family)\b|(?<=who\s)(?:has|had|is|was|lives|lived)\s+[a-z\-]+)"
    # "Aggie's husband died", "his wife Nell died last winter", "her son who died in 2009", "his koro passed in June"
    r"|(?:her|his|their)\s+(?:late\s+|older\s+|younger\s+|elder\s+|big\s+|little\s+)?"
    r"(?:" + _REL + r")(?P<fn>,?\s+(?!who\b)[a-z][\w'’\-]*,?(?=\s+(?:died|passed)))?(?:,?\s+who)?\s+(?:(?:both\s+)?died|"
    r"passed(?:\s+away|(?=\s+(?:in|on|last|this|recently|suddenly|away)\b|[.,;]))|was\s+killed|"
    r"left\s+(?:her|him|them)|walked\s+out|moved\s+out|(?:is|was|went)\s+(?:in|to)\s+prison|"
    r"(?:has|had|was\s+diagnosed\s+with)\s+(?:dementia|alzheimer['’]s|cancer|parkinson['’]s|ms|motor\s+neurone|"
    r"autism|a\s+stroke)|is\s+(?:autistic|disabled|terminally\s+ill)"
    # "his father has had two heart attacks", "her older sister also stutters": a relative's health
    r"|(?:has|have)\s+had\s+(?:a|an|" + _NUM + r")\s+(?:heart\s+attacks?|strokes?|breakdowns?|miscarriages?|"
    r"transplants?)|also\s+(?:has|had|stutters|stuttered|stammers|stammered|gets|got)\b)"
    # "his parents are both in australia", "took it over from her father"
    r"|(?:her|his|their)\s+parents\s+(?:are|were)\s+(?:both\s+)?(?:in|back\s+in|overseas|abroad|dead|gone|divorced|"
    r"separated)\b|took\s+(?:it|the\s+\w+|over)\s+(?:over\s+)?from\s+(?:her|his|their)\s+(?:" + _REL + r")\b"
    # "going through a divorce", "lost a baby last year", "newly married", "expecting her second"
    r"|going\s+through\s+(?:a|her|his|the)\s+(?:divorce|separation)"
    r"|(?:lost|losing)\s+(?:a|her|their)\s+(?:baby|pregnancy)|\b(?:a\s+)?(?:miscarriage|stillbirth)\b"
    r"|(?:newly|recently|just)\s+(?:married|engaged|wed)"
    r"|\b(?:she|they|we|he)(?:\s+(?:is|are|was|were)|['’](?:s|re))\s+expecting\s+(?:(?:her|their|his|our)\s+)?"
    r"(?:first|second|third|fourth|a\s+baby|baby|twins)\b|\b(?:are|is)\s+expecting(?=\s*[.,;])"
    r"|(?:death|loss|funeral|suicide)\s+of\s+(?:her|his|their)\s+(?:" + _REL + r")"
    r"|(?:her|his|their)\s+(?:" + _REL + r")(?:'s|’s)\s+(?:death|funeral|suicide|illness|dementia|diagnosis)"
    r"|(?:lost|buried|burying|losing)\s+(?:her|his|their)\s+(?:" + _REL + r")"
    r"|\btwin\s+(?:girls|boys|sons|daughters|sisters|brothers|sister|brother)\b"
    # birth order, the last tried so that what follows it wins: "her younger brother", "his big sister"
    r"|(?:her|his|their)\s+(?:little|younger|older|elder|big)\s+(?:brother|sister|brothers|sisters)\b"
    r"|(?:her|his|their)\s+(?:" + _REL + r")(?:'s|’s)?\s+(?:at\s+(?:his|her|their)\s+)?(?:wedding|christening|"
    r"graduation|birthday|bar\s+mitzvah|bat\s+mitzvah|divorce)"
    r"|married\s+(?:for\s+)?" + _NUM + r"\s+years|married\s+(?:twice|three\s+times)"
    # "her husband of nineteen years", "his partner of six years": how long the couple has been together
    r"|(?:her|his|their)\s+(?:husband|wife|partner|spouse|boyfriend|girlfriend)\s+of\s+(?:nearly\s+|almost\s+|over\s+|"
    r"more\s+than\s+)?" + _NUM + r"\s+(?:years|decades)\b"
    # "a household of six", "her ex-husband", "moved in with her new partner"
    r"|\b(?:household|family)\s+of\s+" + _NUM + r"\b|\b(?:her|his|their)\s+ex(?:-husband|-wife|-partner|\b))")
_FAMILY_ANCHORS = register_vocabulary(RELATIVES | frozenset("""widow widower widowed divorced separated remarried bereaved
    twins triplets married pregnant pregnancy marriage children kids boys girls lads lasses bairns parent twin death
    loss funeral lost buried eldest youngest oldest middle siblings half-brothers half-sisters nieces nephews
    grandchildren great-grandchildren grandkids great-grandkids stepchildren household ex ex-husband ex-wife
    ex-partner divorce separation miscarriage stillbirth expecting newly parents took also teenagers teens toddlers
    girl boy lad lass aunties aunts uncles""".split()))
_KIN_HEADS = (r"(?:son|sons|daughter|daughters|boy|boys|girl|girls|kids|children|child|twins|triplets|youngest|eldest|"
              r"oldest|baby|toddler|grandson|granddaughter|grandchildren|grandkids|brother|sister|niece|nephew|stepson|"
              r"stepdaughter|lad|lads|lass|lasses|little\s+one|wee\s+one)")
# A relative's age: "her daughter Mai is nine", "his youngest, Ana, is six", "her son, Tomek, who is
# twelve", "the boys are seven and ten"; the age itself is the item (a name beside it is the name's).
_RELATIVE_AGE = lowered(
    r"(?:her|his|their|the|[a-z][\w\-]*['’]s)\s+(?:(?:little|baby|young|youngest|eldest|oldest|older|younger|middle|"
    r"twin|two|three|four)\s+)?" + _KIN_HEADS + r"(?:,?\s+[a-z][\w'’\-]*)?,?\s+"
    r"(?P<age>(?:who\s*)?(?:is|are|['’]s|turns|turned|has\s+just\s+turned)\s+(?:now\s+|nearly\s+|almost\s+|just\s+|only\s+)?"
    + _NUM + r"(?:\s+and\s+(?:a\s+half|" + _NUM + r"))?)\b"
    r"(?!\s*(?:%|minutes|mins|hours|miles|km|kg|stone|pounds|lbs|times|reps|sets|of\b|out\s+of|[-/:.]\d))")
# A relative's death after a possessive name: "Aggie's husband died", "Sol's father passed in May"
# (the name is the name detector's; the item starts at the relative).
_POSSESSIVE_DEATH = lowered(
    r"(?:" + _REL + r")(?:,?\s+who)?\s+(?:had\s+)?(?:died|passed(?:\s+away|(?=\s+(?:in|on|last|this|recently|suddenly)\b|[.,;]))"
    r"|was\s+killed)")
# Family events said other ways: "they split up in February", "the first in her family to go to
# university", "their youngest starts school", "his partner is expecting their first".
_FAMILY_EVENT = lowered(
    r"\b(?:split|broke)\s+up(?=\s+(?:in|last|this|after|before|when|with|over|a|two|three)\b|\s*[.,;])"
    r"|\bfirst\s+in\s+(?:her|his|their)\s+family\s+to\b"
    r"|\b(?:her|his|their)\s+(?:[a-z\-]+\s+)?" + _KIN_HEADS + r"\s+(?:starts|started|starting|is\s+starting|goes\s+up\s+to)\s+"
    r"(?:at\s+)?(?:school|nursery|primary|secondary|high\s+school|college|university|uni|kindergarten|kindy)\b"
    r"|\b(?:is|are|['’]s|['’]re)\s+expecting\s+(?:her|their|his)\s+(?:first|second|third|fourth)\b")


# Each of the two patterns above is tried only at the words it can reach: the age at a relative's
# age ("is", "are", "who"), the events at their own words.
# The cheap test before the pattern: a verb and a number after the relative word.
_AGE_VERB = lowered(r"\b(?:is|are|who\s+(?:is|are)|turns|turned|['’]s)\s+(?:now\s+|nearly\s+|almost\s+|just\s+|only\s+)?"
                    + _NUM + r"\b")
_EVENT_ANCHORS = register_vocabulary(frozenset("split broke family".split()))
_KIN_WORDS = frozenset(_KIN_HEADS[3:-1].replace("\\s+", " ").split("|"))


def find_family(ix: TextIndex) -> Iterator[Span]:
    hits = ix.anchors(_FAMILY_ANCHORS)
    yield from _relative_ages_and_events(ix, hits)
    if not hits:
        return
    yield from _relatives_described(ix, hits)
    yield from _relatives_owned(ix, hits)
    for m in ix.matches_at(_FAMILY, hits, 6):
        if about_writer(ix, m.start(), m.end()) and not m.group().lower().startswith(("her", "his", "their")):
            continue
        # A name inside the phrase is the name detector's: the item starts after it.
        fn = m.group("fn") and ix.text[m.start("fn"):m.end("fn")].strip(" ,")
        start = m.end("fn") + 1 if fn and fn[0].isupper() else m.start()
        yield "family", start, m.end()


def _relative_ages_and_events(ix: TextIndex, hits: list[tuple[int, int]]) -> Iterator[Span]:
    low = ix.lower
    kin = [(s, e) for s, e in hits if low[s:e] in _KIN_WORDS]
    if kin:
        # the verb of the age within a few words after a relative: "her daughter Mai is nine"
        ages = [v.span() for v in (_AGE_VERB.search(low, e, e + 40) for _s, e in kin) if v is not None]
        for m in ix.matches_at(_RELATIVE_AGE, sorted(set(ages)), 6):
            if not about_writer(ix, m.start(), m.end()):
                yield "family", m.start("age"), m.end()
    for s, _e in hits:
        if low.endswith(("'s ", "’s "), 0, s):
            m = _POSSESSIVE_DEATH.match(low, s)
            if m is not None and not about_writer(ix, m.start(), m.end()):
                yield "family", m.start(), m.end()
    # "their youngest starts school", "is expecting their first": at the relative or at "expecting"
    events = ix.anchors(_EVENT_ANCHORS) + [(s, e) for s, e in hits if low.startswith("expecting", s)]
    events = sorted(events + [(s, e) for s, e in kin if low.find("start", e, e + 12) > 0])
    for m in ix.matches_at(_FAMILY_EVENT, events, 6):
        if not about_writer(ix, m.start(), m.end()):
            yield "family", m.start(), m.end()


# Who a relative named is, right after the name: what they do from day to day ("Declan drives for the
# creamery", "Jory does the deliveries"), their state or life ("Nisha was getting married", "Alasdair had
# died", "Dai lives in Cardiff"), their age or their job in apposition ("Calum, nineteen,", "Bríd, a
# nurse").  Not one act in the story of the treatment ("Graham drove her in", "Lorraine booked it",
# "Shane came to the last session"): every relative does such things, and the name is flagged already.
_NAMED_DEED = (r"(?:(?:also|still|now|often|usually)\s+)?(?:[a-z]{2,}(?<!ss)(?<!was)(?<!has)(?<!is)s|is|was|were|has|had|"
               r"died|passed|lived|worked|moved|farmed|fished|taught|grew\s+up|[a-z]{2,}ing)\b(?!['’])|an?\s+[a-z\-]+\b|"
               + _NUM + r"(?:,|\)|\s+(?:and|now)\b)")


# A relative of the client's described by a detail of their own: "her daughter, who's fifteen", "his
# dad (who drives the school bus)", "her husband Cathal, who farms", "her mam lives next door".  The
# relation is the item (a name after it is the name detector's).  A relative only named ("her husband
# Cathal") or bare ("her husband") says nothing about who they are: the name is the finding, not the
# family, as most clients have a husband, a mother or a son.
_OWNER = ("her ", "his ", "their ")
_OWNER_ADJECTIVES = ("older ", "younger ", "elder ", "big ", "little ", "late ", "eldest ", "youngest ", "only ", "new ")
_DESCRIBED_AFTER = lazy(r",?\s+(?:\(?(?P<name>(?!I\b|I['’])[A-Z][\w'’\-]*)(?:,?\s+|\s*\(\s*)(?=" + _NAMED_DEED + r")|"
                        r"(?:(?P<ref>(?!I\b|I['’])[A-Z][\w'’\-]*),?\s+)?(?:\(?who(?:['’][sd]\b|\s+(?:also\s+|still\s+|now\s+)?"
                        r"(?:is|was|has|had|lives|lived|works|worked|runs|ran|does|did|coaches|coached|drives|drove|teaches|"
                        r"taught|holds|owns|owned|farms|plays|played|died|moved|came\s+over|emigrated|nurses|cares|turned|"
                        # any verb of the relative's own doings: "who stays with them on weekends", "who visited",
                        # "who wanted to buy it", "who rows in the mixed eight" (not "who signed the form": the session's)
                        r"stays|stayed|visits|visited|comes|came|helps|helped|looks\s+after|minds|minded|brings|brought|"
                        r"wants|wanted|(?!knows\b)[a-z]{2,}(?<!ss)(?<!was)(?<!has)(?<!is)s)\b)"
                        # the relative's own life, said of them: "her mam lives next door", "her mum had flown in"
                        # (not "lives abroad", "lives nearby": a residence that places nobody)
                        r"|(?:also\s+|still\s+|now\s+)?(?:(?:lives|lived)(?!\s+(?:abroad|overseas|away|far\s+away|nearby|near\s+by|"
                        r"elsewhere|locally|alone|on\s+(?:her|his)\s+own)\b)|works|worked|runs|ran|farms|owns|owned|coaches|teaches|"
                        r"nurses|flew|had\s+flown|came\s+over|emigrated|was\s+taken\s+into|is\s+in\s+(?:hospital|prison|care)|"
                        r"moved\s+(?:in|back|away|out|abroad|over))\b))")


def _relatives_described(ix: TextIndex, hits: list[tuple[int, int]]) -> Iterator[Span]:
    text, low = ix.text, ix.lower
    for s, e in hits:
        m = _DESCRIBED_AFTER.match(text, e) if low[s:e] in RELATIVES else None
        if m is None or m.group("name") and relative_of(text, m.start("name"), set()):
            continue  # (not "Emil Vodder and his wife Estrid": the relative of someone cited)
        start = _owned_from(low, s)
        if start is None:
            continue
        # The item is the relative with the detail of their own, to the end of its clause ("her mam
        # lives next door"); where a name stands between, the relation alone (the name is the name's).
        stop = _CLAUSE_END.search(text, m.end(), m.end() + 90)
        end = stop.start() if stop is not None else m.end()
        if m.group("name") or m.group("ref"):
            yield "family", start, e
            continue
        yield "family", start, max(end, e)


def _owned_from(low: str, s: int) -> int | None:
    """Where the possessive tying the relative at `s` to the client starts ("her", "his eldest"),
    or None when there is none."""
    a = s
    for adj in _OWNER_ADJECTIVES:
        if low.endswith(adj, 0, a):
            a -= len(adj)
            break
    owner = next((o for o in _OWNER if low.endswith(o, 0, a)), None)
    if owner is None or a - len(owner) > 0 and low[a - len(owner) - 1].isalpha():
        return None
    return a - len(owner)


_CLAUSE_END = lazy(r"[,;.:!?\n()\"“”\u2014\u2013]")


# A relative with a detail of their own that a bare mention lacks: where they are ("her daughter in
# Calgary", "his sister from Ammanford", "her son is in Boston"), or the client's work shared with them
# ("runs the farm with his brother", "hired her cousin").  A month or a school year after "in" is when,
# not where ("her son in Year 10", "her daughter in January").
_PLACED_AFTER = lazy(r",?\s+(?:who\s+)?(?:(?:is|was|lives|lived|now|still|back|over|out|down|up|comes|came|flew|moved)\s+){0,2}"
                     r"(?:in|from)\s+(?P<place>[A-Z][\w'’\-]+)")
_WHEN_WORDS = frozenset(("year month week term monday tuesday wednesday thursday friday saturday sunday christmas easter "
                         "january february march april may june july august september october november december "
                         "reception primary secondary").split())
_WORK_WITH_BEFORE = lazy(r"\b(?:runs|ran|run|farms|farmed|works|worked|owns|owned|manages|managed|milks|milked|fishes|"
                         r"fished|shears|sheared|keeps|kept|shares|shared|co-owns)\b[^.;:!?\n]{0,60}?\bwith\s+$"
                         r"|\b(?:hired|hires|employs|employed|took\s+on|trained\s+up)\s+$")


_WORK_WITH_ENDS = ("with ", "hired ", "hires ", "employs ", "employed ", "took on ", "trained up ")


def _relatives_owned(ix: TextIndex, hits: list[tuple[int, int]]) -> Iterator[Span]:
    """A relative tied to the client by a possessive and placed (in a named town) or shown sharing the
    client's work: who they are is then part of what makes the client known."""
    text, low = ix.text, ix.lower
    for s, e in hits:
        if low[s:e] not in RELATIVES:
            continue
        start = _owned_from(low, s)
        if start is None:
            continue
        placed = _PLACED_AFTER.match(text, e)
        if placed is not None and placed.group("place").lower() not in _WHEN_WORDS | L.FUNCTION_WORDS:
            end = placed.end()
        elif low.endswith(_WORK_WITH_ENDS, 0, start) and _WORK_WITH_BEFORE.search(text, max(0, start - 80), start):
            end = e
        else:
            continue
        if not about_writer(ix, start, end):
            yield "family", start, end
