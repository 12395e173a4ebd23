"""Roles told with where they are held, for the disguise review.

    find_roles   "she is the cellar master at Klein Vallei", "he was the head greenkeeper at Carnbee Links",
                 "a retired dinner lady from Westcotes Primary", "a lifeboat volunteer with Tenby RNLI";
                 a trade told as the work done: "farms sheep above the village", "fished lobster for forty years"

The job list in occupations.py cannot hold every trade ("cellar master", "greenkeeper"), but a
person said to *be* something at, with or for a named organisation is telling what they do, and
where: the role is a `review` finding of kind "occupation" (the named organisation is the
organisation detector's).  Found from the capitalised words the shared pass already holds: only a
capital right after "at", "with", "for" or "from" is looked at, and the words before it are read back.
"""

from __future__ import annotations

from collections.abc import Iterator

from sitegen.privacy.disguise import Span, about_writer
from sitegen.privacy.lazyre import lazy
from sitegen.privacy.occupations import OCCUPATIONS, PREDICATE_ONLY, RELATIVES
from sitegen.privacy.tokens import TextIndex, lowered, register_vocabulary

# Someone (a pronoun, "who" or a name), a copula, an article, the role, and the preposition that
# ties it to the capitalised word after it.
_ROLE_BEFORE = lazy(
    r"(?:\b(?:[Ss]he|[Hh]e|[Tt]hey|who)|\b(?!(?:I|It|This|That|There|Here|What|Which|Each|All|One|My|Our|The|A|An)\b)"
    r"[A-Z][\w'’\-]+)(?:['’]s\s+|\s+(?:is|was|has\s+been|had\s+been|have\s+been|became|becomes)\s+)"
    r"(?:(?:now|still|also|currently|once)\s+)?(?P<art>an?|the)\s+"
    r"(?P<role>(?:(?:[a-z][\w'’\-]*|A&E)\s+){0,3}?[a-z][\w\-]*)\s+(?:at|with|for|from)\s+(?:the\s+)?$")
# The word that ties a role to a capitalised name: "at Klein Vallei", "with the RNLI".
_TIE = lazy(r"[a-z] (?:at|with|for|from) (?:the )?(?=[A-Z])")
_COPULAS = (" is ", " was ", "'s ", "’s ", " been ", " became ", " becomes ")
# What someone may be at a place without it being their work: a visitor, a member, a patient; a
# relative; a time ("a week at Portree"); a judgement ("a regular at", "a fixture at", "a big fan of").
_NOT_ROLES = RELATIVES | frozenset("""
    patient patients member members regular regulars resident residents customer customers client clients guest
    guests visitor visitors fan fans supporter supporters friend friends neighbour neighbor pupil pupils
    lot bit while week weeks day days year years month months time times night nights weekend fortnight
    fixture favourite favorite star legend natural one person woman man lady girl boy lad kid child baby
    name surprise shock relief pleasure joy treat first last only same
    """.split())


def find_roles(ix: TextIndex) -> Iterator[Span]:
    text = ix.text
    if not ix.caps:
        return
    for tie in _TIE.finditer(text):  # one pass in C over the text, not a loop over its capitals
        s = tie.end()
        before = text[max(0, s - 90):s]
        if not any(c in before for c in _COPULAS):
            continue  # the cheap test first: no "is", "was", "'s" or "been" before it, no role
        m = _ROLE_BEFORE.search(text, max(0, s - 90), s)
        if m is None:
            continue
        role = m.group("role")
        head = role.rsplit(None, 1)[-1].lower()
        if head in _NOT_ROLES or head in OCCUPATIONS or head in PREDICATE_ONLY or head.endswith("ing"):
            continue  # (a listed job is found by occupations; "was the one sitting at" is no role)
        start, end = m.start("art"), m.end("role")
        if not about_writer(ix, start, end, subject=True):
            yield "occupation", start, end


# A trade told as the work done: a verb of farming or fishing and what is farmed or fished ("farms
# sheep", "runs nine hundred ewes", "fished lobster", "fillets salmon on the line").  Not "keeps hens" or
# "grows potatoes": a garden does those too.
_WORK_DONE = lowered(
    r"\b(?:farms|farmed|farming|fishes|fished|fishing|runs|ran|running|raises|raised|breeds|bred|milks|milked|milking|"
    r"fillets|filleted|filleting|shears|sheared|shearing|creels|creeled|trawls|trawled|dives|dived)\s+"
    r"(?:for\s+)?(?:(?:beef|dairy|hill|suckler|a\s+few|about|some|over|nearly|[0-9,]+|hundreds\s+of|thousands\s+of|"
    r"one|two|three|four|five|six|seven|eight|nine|hundred|thousand|[a-z]+ty|and)\s+){0,4}"
    r"(?:sheep|cattle|cows|ewes|lambs|goats|pigs|beef|salmon|lobsters?|crabs?|oysters|mussels|cod|haddock|herring|"
    r"prawns|scallops|langoustines|trout|tuna|mackerel|kiwifruit|avocados|hops|sugar\s+cane|alpacas|deer|llamas)\b")
_WORK_DONE_WORDS = register_vocabulary(frozenset("""farms farmed farming fishes fished fishing runs ran running raises
    raised breeds bred milks milked milking fillets filleted filleting shears sheared shearing creels creeled trawls
    trawled dives dived""".split()))


def find_work_done(ix: TextIndex) -> Iterator[Span]:
    for m in ix.matches_at(_WORK_DONE, ix.anchors(_WORK_DONE_WORDS), 0):
        if not about_writer(ix, m.start(), m.end(), subject=True):
            yield "occupation", m.start(), m.end()
