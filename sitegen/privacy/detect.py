"""Scan text for anything that could identify a client: the privacy gate's detectors.

    from sitegen.privacy.detect import ScanContext, scan_text

    for f in scan_text(body, ScanContext(allow=("Morven Tait",), region="GB")):
        print(f.kind, f.start, f.text, f.reason, f.fix)

`scan_text` is pure: it reads only its arguments and returns findings sorted by
offset; only review items of different kinds overlap.  The detectors live beside
this module, one per noun: `names` (reading words with `nametokens`, judging each with
`namejudge`, ruling out eponyms, cited authors and places with `nameguards`), `contact`
(email, url, handle, ip, phone), `numbers` (nhs, ssn, record, age), `dates`, `places`
(postcode, zip, address, roads), `workplaces`, `regions` (towns and organisations) and `disguise` (occupation,
exact age, timeline) with `jobs` (occupation) and `family`; `masking` hides code from all of them.  Word lists are
in `lexicon`, `people` and `occupations`; how common each word is comes from
`wordstats`.  All of them start from `tokens.TextIndex`, the one pass over the
text that finds capitalised words and digit runs, and run their precise
patterns only around those anchors: the scan costs about 2 ms of CPU per
1,000 words.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache, partial

from sitegen.privacy.contact import (
    find_emails,
    find_handles,
    find_ips,
    find_phones,
    find_urls,
    offered_to_reader,
    told_to_call,
)
from sitegen.privacy.dates import find_dates
from sitegen.privacy.disguise import find_exact_ages
from sitegen.privacy.family import find_family
from sitegen.privacy.jobs import find_occupations
from sitegen.privacy.lazyre import lazy
from sitegen.privacy.lexicon import TITLES
from sitegen.privacy.masking import mask_code
from sitegen.privacy.names import find_names
from sitegen.privacy.numbers import find_ages, find_nhs, find_records, find_ssns
from sitegen.privacy.organisations import find_organisations
from sitegen.privacy.phrases import PhraseSet, allow_matcher, e164, fold_aligned, register_matcher, register_phones
from sitegen.privacy.places import find_addresses, find_postcodes, find_zips
from sitegen.privacy.regions import find_places
from sitegen.privacy.roles import find_roles, find_work_done
from sitegen.privacy.timelines import find_timelines
from sitegen.privacy.tokens import TextIndex, aligned_lower
from sitegen.privacy.workplaces import find_workplaces

__all__ = ["KINDS", "REVIEW_KINDS", "Finding", "ScanContext", "scan_text", "name_words", "mask_code", "REASONS", "FIXES"]

KINDS = ("name", "email", "phone", "address", "postcode", "zip", "date", "age",
         "nhs", "ssn", "url", "handle", "ip", "record", "workplace",
         "place", "organisation", "occupation", "family", "exact_age", "timeline")
# Possibly identifying: put up for the author to look at once (`sitegen review`), never an
# error.  The rest are almost certainly identifying: errors that stop the build.
REVIEW_KINDS = frozenset({"workplace", "place", "organisation", "occupation", "family", "exact_age", "timeline"})
DISGUISE_KINDS = frozenset({"place", "organisation", "workplace", "occupation", "family", "exact_age", "timeline"})


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str      # one of KINDS, or "register"
    start: int     # character offset of the match in the scanned text
    end: int
    text: str      # text[start:end]
    reason: str    # one short sentence: why this can identify a client
    fix: str       # one short sentence: how to fix it, or how to allow it if it is not about a client
    severity: str = "error"  # "error": almost certainly identifying; "review": possibly identifying


@dataclass(frozen=True, slots=True)
class ScanContext:
    allow: tuple[str, ...] = ()     # phrases never flagged (case-insensitive, whole-word)
    region: str = "GB"              # default region for phone numbers without a country code
    register: tuple[str, ...] = ()  # strings from the private client register: always flagged
    essay: bool = False             # an essay: no disguise review, names only with a person cue,
                                    # links, handles, IP addresses and dates not about a client left alone
    names: tuple[str, ...] = ()     # the words of names found in the same case study's body (`name_words`):
                                    # flagged for review wherever they stand again, written the same way (a title)


_ALLOW_HINT = "add it to privacy.allow in site.toml (or the post's privacy.allow)"

REASONS: dict[str, str] = {
    "name": "a person's name can identify the client or someone close to them.",
    "email": "an email address identifies its owner directly.",
    "phone": "a phone number identifies its owner directly.",
    "address": "a street address locates a household.",
    "postcode": "a full postcode narrows a location down to a few households.",
    "zip": "a ZIP code in an address narrows down where someone lives.",
    "date": "a day-level date (birth, treatment, admission) can be linked to the client.",
    "age": "an age over 89 is rare enough to single someone out.",
    "nhs": "an NHS number identifies a patient uniquely.",
    "ssn": "a Social Security number identifies a person uniquely.",
    "url": "a web address can lead to a person's own page or profile.",
    "handle": "a social media handle points to a person's public profile.",
    "ip": "an IP address can be traced to a household or device.",
    "record": "a record, account, licence or serial number identifies its holder.",
    "workplace": "a named workplace or school with its town lets colleagues and neighbours recognise the client.",
    "register": "this matches an entry in your private client register.",
    "place": "could someone who knows the client recognise her from the place, with the other details here?",
    "organisation": "could a colleague, teammate or neighbour recognise the client from this named organisation?",
    "occupation": "could someone who knows the client recognise her from her job, with the other details here?",
    "family": "could someone who knows the client recognise her from her family, with the other details here?",
    "exact_age": "could someone who knows the client recognise her from her exact age, with the other details here?",
    "timeline": "could someone who knows the client recognise her from when things happened?",
}
_DISGUISE = ("generalise it, change it (the clinical point usually survives), or ask the client; "
             "then run sitegen review to confirm it may stay")

FIXES: dict[str, str] = {
    "name": f"use the client's pseudonym or 'my client'; if it is not a client (an author, a colleague who agreed), {_ALLOW_HINT}.",
    "email": f"remove it; if it is your own practice address, {_ALLOW_HINT}.",
    "phone": f"remove it; if it is your own practice number, {_ALLOW_HINT}.",
    "address": f"say 'a terraced street in town' instead; if it is your own practice address, {_ALLOW_HINT}.",
    "postcode": f"remove it or keep only the area ('LA9'); if it is your own practice postcode, {_ALLOW_HINT}.",
    "zip": f"remove it or keep only the first three digits; if it is your practice's ZIP, {_ALLOW_HINT}.",
    "date": f"Use relative time ('session 3', 'week 6') or month and year only; if the date is not about a client, {_ALLOW_HINT}.",
    "age": "write '90 or older' instead of the exact age.",
    "nhs": "remove the NHS number; it never belongs in a published post.",
    "ssn": "remove the Social Security number; it never belongs in a published post.",
    "url": f"remove the link; if it is a public resource not about the client, {_ALLOW_HINT}.",
    "handle": f"remove the handle; if it is your own or a public organisation's, {_ALLOW_HINT}.",
    "ip": "remove the IP address.",
    "record": "remove the number; a pseudonym is enough for the reader.",
    "workplace": f"describe it generally ('a bakery in a market town'); if it is not the client's, {_ALLOW_HINT}.",
    "register": "remove or replace it with the pseudonym: your register says it is a real client's detail.",
    "place": f"Say 'a market town', 'a village in the north' — or {_DISGUISE}.",
    "organisation": f"Say 'a running club', 'a care home' — or {_DISGUISE}.",
    "occupation": f"Say 'works in education', 'a manual job' — or {_DISGUISE}.",
    "family": f"Say 'has family nearby', leave out the number — or {_DISGUISE}.",
    "exact_age": f"Say 'in her forties' — or {_DISGUISE}.",
    "timeline": f"Use relative time ('session 3', 'week 6') or leave the date out — or {_DISGUISE}.",
}

# Where two findings overlap the more specific kind wins (earlier here).
_PRIORITY = {k: i for i, k in enumerate((
    "register", "email", "nhs", "ssn", "postcode", "record", "ip", "phone", "url", "handle",
    "zip", "date", "age", "address", "name", "workplace", "organisation", "place",
    "bare-name", "exact_age", "occupation", "family", "timeline",
))}
# Kinds dropped as soon as an allowed phrase appears inside them (the therapist's
# own address, number or site inside a longer match); other kinds are dropped
# only when an allowed phrase covers them entirely.
_ALLOW_INSIDE = frozenset({"email", "url", "handle", "phone", "name", "bare-name", "place", "organisation"})

_Detector = Callable[[TextIndex], Iterable[tuple[str, int, int]]]
# Detectors whose matches always contain a digit, skipped for texts without one
# (most front-matter values), and the rest.
_DIGIT_DETECTORS: tuple[_Detector, ...] = (
    find_ips, find_nhs, find_ssns, find_records, find_dates, find_postcodes, find_zips,
)
_WORD_DETECTORS: tuple[_Detector, ...] = (
    find_emails, find_urls, find_handles, find_ages, find_addresses, find_workplaces,
)
_PLAIN_DETECTORS = _WORD_DETECTORS + _DIGIT_DETECTORS
# In an essay a code such as "WH-1000XM4" is a product's: records need a record word there.
_ESSAY_DIGIT_DETECTORS = tuple(partial(find_records, shapes=False) if d is find_records else d for d in _DIGIT_DETECTORS)
_DISGUISE_DETECTORS: tuple[_Detector, ...] = (
    find_places, find_organisations, find_occupations, find_roles, find_work_done, find_family, find_exact_ages, find_timelines,
)
# Not findings in an essay: a link, a handle or an IP address there is the writer's business.
# (A named street with no number stays, as a place to review: essays name clients' streets too.)
_ESSAY_SKIP = frozenset({"url", "handle", "ip"})


def scan_text(text: str, ctx: ScanContext = ScanContext()) -> list[Finding]:
    """Every identifier in `text`, sorted by start; two findings overlap only when both are review items."""
    if not text or not text.strip():
        return []
    text = mask_code(text, essay=ctx.essay)
    ix = TextIndex(text)
    if ix.nothing_to_anchor() and not ctx.names:
        # No capital, digit, "@", ".", letter outside ASCII or anchor word: no detector can find
        # anything ("frozen shoulder", "pacing and sleep"); only the register is asked.
        return _register_only(text, ix, ctx)
    allow_set, allow_words = allow_matcher(tuple(ctx.allow))
    allowed = allow_set.spans(text, ix.lower) if allow_set is not None else []

    candidates: list[tuple[str, int, int]] = []
    for detect in _WORD_DETECTORS:
        candidates.extend(detect(ix))
    if ix.digits:
        for detect in _ESSAY_DIGIT_DETECTORS if ctx.essay else _DIGIT_DETECTORS:
            candidates.extend(detect(ix))
    if ix.digits:
        candidates.extend(find_phones(ix, ctx.region or "GB"))
    candidates.extend(("name" if cue else "bare-name", s, e) for s, e, cue in find_names(ix, allow_words, ctx.essay))
    if ctx.names and not ctx.essay:
        # "title: Wojtek and the twelve-hour shifts": the name the body gives the client, in a title or a
        # summary that reads too little on its own to call it one
        candidates.extend(("bare-name", s, e) for s, e in _known_names(ctx.names).spans(text, ix.lower)
                          if text[s:e] in ctx.names)
    if ctx.essay:
        # A number inside a link or an IP address is part of it, not a phone ("174.62.119.38").
        skipped = [(s, e) for k, s, e in candidates if k in _ESSAY_SKIP]
        candidates = [c for c in candidates if c[0] not in _ESSAY_SKIP and c[0] != "workplace"
                      and not (skipped and any(s <= c[1] and c[2] <= e for s, e in skipped))
                      and (c[0] != "date" or _about_client(text, c[1]))
                      and (c[0] != "place" or _person_in_paragraph(text, c[1]))
                      and (c[0] != "email" or not _RESERVED_EMAIL.search(text[c[1]:c[2]]))]
    else:
        for detect in _DISGUISE_DETECTORS:
            candidates.extend(detect(ix))

    kept = [c for c in candidates if c[2] > c[1] and not _is_allowed(c, allowed)
            and not (c[0] in _CONTACT_KINDS and _practice_own(text, c[1], c[2], allow_words, ctx.essay))]
    register_set = register_matcher(tuple(ctx.register))
    if register_set is not None:
        # Accents are folded on both sides: the register's "Zoë" finds "Zoe" and "ZOË".
        folded = fold_aligned(text)
        folded_lower = ix.lower if folded is text else aligned_lower(folded)
        kept.extend(("register", s, e) for s, e in register_set.spans(folded, folded_lower))
        # A register phone written another way ("+44 7412 556789" for "07412 556789").
        phones = register_phones(tuple(ctx.register), ctx.region or "GB")
        if phones:
            for kind, s, e in candidates:
                if kind == "phone" and e164(text[s:e], ctx.region or "GB") in phones:
                    kept.append(("register", s, e))
    out = []
    for kind, s, e in _resolve(kept):
        review = kind in REVIEW_KINDS or kind == "bare-name"
        kind = "name" if kind == "bare-name" else kind
        out.append(Finding(kind, s, e, text[s:e], REASONS[kind], FIXES[kind], "review" if review else "error"))
    return out


def name_words(findings: Iterable[Finding]) -> tuple[str, ...]:
    """The words of the names among `findings` found with a person cue (errors; not titles, not initials),
    for `ScanContext.names`."""
    words = {w.strip(".,;:()\"'’") for f in findings if f.kind == "name" and f.severity == "error"
             for w in f.text.split()}
    return tuple(sorted(w for w in words if len(w) > 2 and w not in _TITLE_WORDS and not w.isupper()))


_TITLE_WORDS = frozenset(TITLES)


@lru_cache(maxsize=32)
def _known_names(names: tuple[str, ...]) -> PhraseSet:
    return PhraseSet(names)


def _register_only(text: str, ix: TextIndex, ctx: ScanContext) -> list[Finding]:
    register_set = register_matcher(tuple(ctx.register))
    if register_set is None:
        return []
    folded = fold_aligned(text)
    folded_lower = ix.lower if folded is text else aligned_lower(folded)
    spans = _resolve([("register", s, e) for s, e in register_set.spans(folded, folded_lower)])
    return [Finding(k, s, e, text[s:e], REASONS[k], FIXES[k]) for k, s, e in spans]


_CONTACT_KINDS = frozenset({"email", "phone", "url", "handle", "address", "postcode", "zip"})
_OWN_CONTACT = lazy(
    r"\b(?:my|our)\s+(?:own\s+)?(?:clinic|practice|studio|business|treatment\s+room|rooms|office|website|site|"
    r"booking|bookings|website|site)\b|\bbookings?\s+(?:go|come|are|via|to|at)\b|\bbook\s+(?:with\s+me|online)\b"
    # "you can book on …", "to book a session, ring …": an invitation to the reader to book
    r"|\b(?:you\s+can|to|please)\s+book(?:\s+an?\s+(?:appointment|session)|\s+in)?(?:\s+(?:on|at|via|by)|,)",
    re.IGNORECASE)
_CLIENT_IN_SENTENCE = lazy(r"\b(?:she|he|her|his|client|patient|they|their)\b", re.IGNORECASE)
_GENERIC_BUSINESS_WORDS = frozenset("therapy therapies massage clinic bodywork health wellbeing wellness practice "
                                    "studio centre center care tissue soft sports client clients".split())


def _practice_own(text: str, start: int, end: int, allow_words: frozenset[str], essay: bool = False) -> bool:
    """Whether a contact detail is the practice's own: its address names the therapist or the
    business ("hello@quaylesoft.co.uk" for Quayle Soft Tissue Therapy), or the sentence gives
    it as the writer's ("my clinic number is …", "bookings go to …") and is not about a client."""
    found = text[start:end].lower()
    if any(len(w) >= 4 and w not in _GENERIC_BUSINESS_WORDS and w in found for w in allow_words):
        return True
    m = _PRACTICE_LINE.search(text, max(0, start - 40), start)
    if m is not None and (m.group(1) is not None or not _CALLED_FROM.search(text, max(0, m.start() - 12), m.start())):
        # "ring the practice on …", "the practice line is …": the writer's own number; "she rang the
        # practice line, …" names the line she rang (but "she phoned the clinic on …" may be her own)
        return True
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    b = text.find(". ", end)
    sentence = text[a:b if b >= 0 else len(text)]
    if _OWN_CONTACT.search(sentence) is not None and _CLIENT_IN_SENTENCE.search(sentence) is None:
        return True
    if offered_to_reader(text, start, end) or essay and told_to_call(text, start, end):
        return True
    # "Ring 0131 … or email hello@<the business>.co.uk": a detail given beside one of the practice's
    # own, in a sentence about nobody else, is the practice's too.
    nl = text.find("\n", end)
    sentence = sentence[:nl - a] if 0 <= nl < a + len(sentence) else sentence
    if "@" not in sentence and "www." not in sentence and "http" not in sentence:
        return False
    return _CLIENT_IN_SENTENCE.search(sentence) is None and any(
        len(w) >= 4 and w not in _GENERIC_BUSINESS_WORDS and w in tok
        for tok in _OWN_ADDRESS_TOKEN.findall(sentence.lower()) for w in allow_words)


# An email address or a website in a sentence: "hello@sealight.co.uk", "www.sealight.co.uk".
_OWN_ADDRESS_TOKEN = lazy(r"[\w.+-]+@[\w.-]+|\bwww\.[\w.-]+|https?://[^\s)]+")


# "she phoned the clinic on …": the number she called from, hers.
_CALLED_FROM = lazy(r"\b(?:phoned|rang|rung|called|texted|messaged|calls|phones|rings|texts)\s+$", re.IGNORECASE)
# The writer's practice named right before a number: "ring the practice on", "our clinic line is",
# "the practice, on", "with the practice phone number, …".
_PRACTICE_LINE = lazy(
    r"\b(?:the|my|our)\s+(?:practice|clinic|studio|therapy\s+rooms|treatment\s+rooms)(?:['’]s)?"
    r"(\s+(?:line|number|phone|landline|mobile|telephone))?(?:\s+number)?(?:\s+(?:is|on|at))?[\s,:]*(?:on\s+)?$",
    re.IGNORECASE)


# A date in an essay is about a client when the sentence names one or speaks of someone treated
# ("she came in on 3 May"); "my prices go up on 5 January" and "his course on 9 March" are not.
_CLIENT_CUE = lazy(r"\b(?:clients?|patients?)\b|\b(?:[Ss]he|[Hh]e|him)\b.*\b(?:saw|treated|came|booked|arrived|"
                         r"sessions?|appointments?|treatment|massage|therapy|counselling|counseling)\b"
                         r"|\b(?:saw|treated|booked)\b.*\b(?:[Ss]he|[Hh]e|him|her)\b")


# Documentation domains (RFC 2606) and role addresses: examples in an essay, nobody's own.
# A charity's, a public body's or a university's address in an essay is a public contact ("jo@samaritans.org").
_RESERVED_EMAIL = lazy(r"^(?:no-?reply|postmaster|webmaster|abuse|hostmaster)@|@(?:[\w-]+\.)*(?:example\.(?:com|org|"
                             r"net)|[\w-]+\.(?:example|test|invalid|localhost))$|@localhost$"
                             r"|@(?:[\w-]+\.)+(?:org|org\.uk|org\.au|org\.nz|gov|gov\.uk|gov\.au|edu|ac\.uk)$", re.IGNORECASE)


# A person in an essay's paragraph: a third person, or a client who is not the reader ("a client of
# mine", "my client"; "if you're a client of ours" is the reader).
_PERSON_CUE = lazy(r"\b(?:[Ss]he|[Hh]e|[Hh]er|[Hh]is|[Hh]im|who)\b|(?<!you're a )(?<!you are a )\b(?:clients?|patients?)\b")


def _person_in_paragraph(text: str, pos: int) -> bool:
    """Whether the paragraph around `pos` speaks of someone: a street or a town in an essay is a
    finding only then ("she runs the shop on Bridge Street"; "the train to Queen Street" is not)."""
    a = text.rfind("\n\n", 0, pos) + 1
    b = text.find("\n\n", pos)
    return _PERSON_CUE.search(text, a, b if b >= 0 else len(text)) is not None


def _about_client(text: str, pos: int) -> bool:
    """Whether the sentence around `pos` is about a client (a date in an essay counts only then)."""
    a = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    b = text.find(". ", pos)
    return _CLIENT_CUE.search(text, a, b if b >= 0 else len(text)) is not None


def _is_allowed(c: tuple[str, int, int], allowed: list[tuple[int, int]]) -> bool:
    kind, s, e = c
    for a, b in allowed:
        if a <= s and e <= b:
            return True
        if kind in _ALLOW_INSIDE and a < e and s < b:
            return True
    return False


_EXCLUSIVE = frozenset({"place", "organisation", "workplace", "bare-name"})


def _resolve(cands: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Keep the most specific (then the longest) of overlapping findings.  Review items of
    different kinds may overlap each other ("her 14-year-old son" is family and an age), as
    they ask different questions; an error always wins over a review item."""
    cands = sorted(set(cands), key=lambda c: (_PRIORITY[c[0]], -(c[2] - c[1]), c[1]))
    starts: list[int] = []
    chosen: list[tuple[str, int, int]] = []  # sorted by start
    for c in cands:
        kind, s, e = c
        review = kind in REVIEW_KINDS or kind == "bare-name"
        k = bisect_left(starts, s)
        ok = True
        j = k - 1
        while ok and j >= 0 and s - starts[j] < 400:  # findings are far shorter than 400 characters
            ok = _compatible(chosen[j], c, review)
            j -= 1
        j = k
        while ok and j < len(chosen) and starts[j] < e:
            ok = _compatible(chosen[j], c, review)
            j += 1
        if ok:
            starts.insert(k, s)
            chosen.insert(k, c)
    return chosen


def _compatible(o: tuple[str, int, int], c: tuple[str, int, int], review: bool) -> bool:
    if c[2] <= o[1] or o[2] <= c[1]:
        return True
    return review and (o[0] in REVIEW_KINDS or o[0] == "bare-name") and o[0] != c[0] \
        and not (o[0] in _EXCLUSIVE and c[0] in _EXCLUSIVE)
