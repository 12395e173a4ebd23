"""Who a titled person is: a doctor, a colleague, a referrer or an author ("Dr Ines Vale wrote this one",
"Dr Gwen Harries, a physio who works in …"), whose name is put up for review, or someone of the
client's ("her husband, Dr Vale"), whose name is an error."""

from __future__ import annotations

from sitegen.privacy import lexicon as L
from sitegen.privacy.lazyre import lazy
from sitegen.privacy.nameguards import _NAMING_WORDS
from sitegen.privacy.nameuses import in_story_at
from sitegen.privacy.occupations import OCCUPATIONS
from sitegen.privacy.tokens import TextIndex


def practitioner(ix: TextIndex, title_start: int) -> bool:
    """Whether a case study's title names a profession ("Dr", "Prof") for someone who is not the client:
    in a sentence that speaks of nobody treated ("Dr Ines Vale wrote this one"), or introduced as a
    practitioner ("Dr Gwen Harries, a physio who works in …", "Dr. Patel, Valley Orthopedics"): a
    colleague, a referrer or an author, whose name is put up for review.  In the story ("Dr Vale saw
    her") or tied to the client ("her husband, Dr Vale", "Dr Vale, her mother,") the name is an error."""
    text = ix.text
    j = title_start
    while j < len(text) and text[j].isalpha():
        j += 1
    if text[title_start:j] not in L.PROFESSIONAL_TITLES:
        return False
    before = text[max(0, title_start - 20):title_start].rstrip(" ,\u00a0").rsplit(None, 1)
    if before and before[-1].lower() in _KIN:
        return False
    m = _APPOSED_AFTER_TITLE.match(text, j)
    if m is not None and m.group("own") is not None:
        return m.group("own").lower().split("-")[0] not in _KIN  # "her sister-in-law"
    if m is not None and (m.group("org") is not None or m.group("role").lower() in OCCUPATIONS):
        return True
    return not in_story_at(ix, title_start, j, beside=False)


# What stands in apposition after a titled name: a relation ("Dr Vale, her mother-in-law,"), a job
# ("Dr Harries, a physio who …", "Dr Raman, the dentist I refer to") or a workplace ("Dr. Patel, Valley
# Orthopedics").
_APPOSED_AFTER_TITLE = lazy(
    r"\.?(?:[ \u00a0]+[A-Z][\w'’\-]*){1,3},[ \u00a0]+(?:(?:her|his|their|the\s+client['’]s)[ \u00a0]+(?:[a-z]+[ \u00a0]+)?"
    r"(?P<own>[a-z\-]+)\b|(?:an?|the|my|our)[ \u00a0]+(?:[a-z\-]+[ \u00a0]+){0,2}?(?P<role>[a-z\-]+)\b"
    r"|(?P<org>[A-Z][\w'’&\-]*(?:[ \u00a0]+[A-Z][\w'’&\-]*)+)(?=\s*(?:$|[,.;)\n])))")


# Relation words that tie a titled person to the client (a colleague or supervisor is the writer's).
_KIN = L.RELATION_WORDS - _NAMING_WORDS - {"colleague", "colleagues", "co-worker", "coworker", "supervisor",
                                            "manager", "boss"}
