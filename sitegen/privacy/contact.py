"""Find contact details: email addresses, URLs, social handles, IP addresses and phone numbers."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

from sitegen.privacy.lazyre import lazy
from sitegen.privacy.numbers import record_context_before
from sitegen.privacy.tokens import TextIndex

Span = tuple[str, int, int]

_TLDS = (
    r"co\.uk|org\.uk|ac\.uk|gov\.uk|nhs\.uk|me\.uk|ltd\.uk|plc\.uk|net\.uk|sch\.uk|"
    r"com\.au|co\.nz|co\.za|co\.in|com|net|org|info|biz|io|uk|ie|eu|us|ca|au|nz|de|fr|es|it|nl|"
    r"be|ch|at|se|no|dk|fi|pl|pt|in|za|me|co|tv|app|dev|blog|online|site|shop|store|health|clinic|"
    r"care|life|studio|space|website|page|email|link|xyz|gov|edu|int|scot|wales|cymru|london"
)

_EMAIL = lazy(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}\b"
)
# "jo [at] example [dot] com", "jo (at) example.com", "jo at gmail dot com"
_OBFUSCATED_EMAIL = lazy(
    r"(?<![\w.])[A-Za-z0-9][A-Za-z0-9._-]*\s*(?:[\[(]\s*at\s*[\])]|\s+at\s+)\s*"
    r"[A-Za-z0-9-]+(?:\s*(?:[\[(]\s*dot\s*[\])]|\s+dot\s+|\.)\s*[A-Za-z]{2,10}){1,3}\b",
    re.IGNORECASE,
)
_OBFUSCATION_MARK = lazy(r"[\[(]\s*at\s*[\])]|\bdot\b", re.IGNORECASE)

_URL_SCHEME = lazy(r"\b(?:https?|ftp)://[^\s<>\"'`]+|\bwww\.[^\s<>\"'`]+", re.IGNORECASE)
_BARE_DOMAIN = lazy(
    r"(?<![\w@./-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:" + _TLDS + r")\b"
    r"(?:/[^\s<>\"'`]*)?",
    re.IGNORECASE,
)
_HANDLE = lazy(r"(?<![\w@.\\/])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])")
_IPV4 = lazy(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)")
_IPV6 = lazy(r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:%\w+)?(?![\w:])")

# Public institutions and reference sites: a link to them says nothing about a
# client, so it is not flagged (a profile page on a social site still is).
_PUBLIC_DOMAINS = lazy(
    r"(?:^|\.)(?:nhs\.uk|gov\.uk|gov|nih\.gov|ac\.uk|edu|who\.int|nice\.org\.uk|doi\.org|"
    r"wikipedia\.org|cochrane\.org|bmj\.com|thelancet\.com|cnhc\.org\.uk|fht\.org\.uk|"
    r"bacp\.co\.uk|amtamassage\.org|ncbtmb\.org|hcpc-uk\.org|csp\.org\.uk|mind\.org\.uk|"
    r"versusarthritis\.org|arthritis\.org|ico\.org\.uk|hhs\.gov|pubmed\.ncbi\.nlm\.nih\.gov)$",
    re.IGNORECASE,
)

_TRAILING = ".,;:!?)]}*_'\"’”>"


def _trim_url(text: str, start: int, end: int) -> int:
    """Drop trailing punctuation that belongs to the sentence, keeping balanced brackets."""
    while end > start and text[end - 1] in _TRAILING:
        ch = text[end - 1]
        if ch == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break
        end -= 1
    return end


def _host(url: str) -> str:
    u = re.sub(r"^(?:https?|ftp)://", "", url, flags=re.IGNORECASE)
    u = re.split(r"[/?#:]", u, maxsplit=1)[0]
    return u.lower().removeprefix("www.")


_LABEL_RUN_BEFORE = lazy(r"[a-z0-9.\-]*$")  # the label characters right before a ".tld", on the lower-cased text
_TLD_HINT = lazy(r"\.(?:" + _TLDS + r")(?![\w-])")  # run on the lower-cased text


def _at_signs(text: str) -> Iterator[int]:
    i = text.find("@")
    while i >= 0:
        yield i
        i = text.find("@", i + 1)


# "logo@2x.png", "icon@3x.webp": a file name, not an address.
_FILE_TLDS = frozenset("png jpg jpeg gif svg webp avif ico bmp tif tiff pdf md html htm js css json txt zip".split())


def find_emails(ix: TextIndex) -> Iterator[Span]:
    text = ix.text
    for at in _at_signs(text):
        for m in _EMAIL.finditer(text, max(0, at - 64), min(len(text), at + 256)):
            if m.group().rsplit(".", 1)[-1].lower() in _FILE_TLDS:
                continue
            yield "email", m.start(), m.end()
    low = ix.lower
    if "[at]" in low or "(at)" in low or " dot " in low:
        for m in _OBFUSCATED_EMAIL.finditer(text):
            if _OBFUSCATION_MARK.search(m.group()):
                yield "email", m.start(), m.end()


def find_urls(ix: TextIndex) -> Iterator[Span]:
    text, low = ix.text, ix.lower
    seen: list[tuple[int, int]] = []
    starts = [i for key in ("://", "www.") for i in _find_all(low, key)]
    for a, b in ix.windows(sorted((i, i) for i in starts), 8, 2048):
        for m in _URL_SCHEME.finditer(text, a, b):
            end = _trim_url(text, m.start(), m.end())
            seen.append((m.start(), end))
            if not _PUBLIC_DOMAINS.search(_host(text[m.start() : end])):
                yield "url", m.start(), end
    last = -1
    for h in _TLD_HINT.finditer(low):
        if h.start() < last:
            continue  # inside the domain or the path just read ("example.co.uk")
        # The domain ends at this ".tld": it starts where the run of label characters before it does.
        a = _LABEL_RUN_BEFORE.search(low, max(0, h.start() - 255), h.start()).start()
        m = _BARE_DOMAIN.match(text, a, min(len(text), h.end() + 1024))
        if m is None:
            continue
        last = m.end()
        if any(s <= m.start() < e for s, e in seen):
            continue
        end = _trim_url(text, m.start(), m.end())
        host = _host(text[m.start() : end])
        if "." not in host or _PUBLIC_DOMAINS.search(host):
            continue
        label = host.split(".")[0]
        # "e.g", "i.e" and file names are not domains; a label needs a letter.
        if len(label) < 2 or not any(c.isalpha() for c in label):
            continue
        yield "url", m.start(), end


def _find_all(haystack: str, needle: str) -> Iterator[int]:
    i = haystack.find(needle)
    while i >= 0:
        yield i
        i = haystack.find(needle, i + 1)


def find_handles(ix: TextIndex) -> Iterator[Span]:
    text = ix.text
    for at in _at_signs(text):
        m = _HANDLE.match(text, at)
        if m is None:
            continue
        name = m.group()[1:]
        if not any(c.isalpha() for c in name):
            continue
        end = m.end()
        while end > m.start() + 2 and text[end - 1] == ".":
            end -= 1
        yield "handle", m.start(), end


_VERSION_BEFORE = lazy(r"(?:\bv|\bversion\s+|\brelease\s+|\bbuild\s+)$", re.IGNORECASE)


def find_ips(ix: TextIndex) -> Iterator[Span]:
    text = ix.text
    for s, e in ix.digits:
        if text.count(".", s, e) >= 3:
            for m in _IPV4.finditer(text, max(0, s - 1), min(len(text), e + 1)):
                try:
                    ip = ipaddress.IPv4Address(m.group())
                except ValueError:
                    continue
                if ip.is_private or ip.is_loopback or ip.is_reserved or ip.is_link_local or ip.is_multicast:
                    continue  # 192.168.1.20, 10.0.0.23: millions of home networks have it; it points at no one
                if _VERSION_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                    continue  # "version 2.10.4.1"
                yield "ip", m.start(), m.end()
    # Hex groups break the digit runs ("2a02:c7c:5e1b:…"), so a run with one colon and two more
    # colons close after it also says an IPv6 address may stand there.
    if "::" in text or any(text.count(":", s, e) >= 2 or text.find(":", s, e) >= 0 and text.count(":", s, s + 40) >= 4
                           for s, e in ix.digits):
        for m in _IPV6.finditer(text):
            cand = m.group()
            if cand.count(":") < 2 or sum(c.isalnum() for c in cand) < 3:
                continue
            try:
                ipaddress.IPv6Address(cand.split("%")[0])
            except ValueError:
                continue
            yield "ip", m.start(), m.end()


# --- phone numbers ----------------------------------------------------------------

# Phone-shaped runs: an optional +CC or 00CC, an optional (area code), then
# digits in groups separated by single spaces, dots or hyphens.  Slashes are
# not separators, so "120/80" and "12/05/2023" never start a candidate.
_PHONE_CAND = lazy(
    r"(?<![\w+/.,:-])"
    r"(?:(?:\+|00)\d{1,3}[ .\-\u00a0]?(?:\(0\)[ \u00a0]?)?)?"
    r"(?:\(\d{2,5}\)[ .\-\u00a0]?)?"
    r"\d(?:[ .\-\u00a0]?\d){5,14}"
    r"(?![\w/]|[.,]\d)"
)
_PHONE_CONTEXT = lazy(
    r"\b(?:call(?:ed|ing|s)?|ring(?:s|ing)?|rang|phone[ds]?|tel|telephone|mob|mobile|cell|"
    r"landline|number|no|text(?:ed|s)?|whats\s?app|fax|contact|reach|dial(?:led)?|on)\b[\s.:#-]*$",
    re.IGNORECASE,
)
_DATE_LIKE = lazy(
    r"^(?:\d{4}[-.]\d{1,2}[-.]\d{1,2}(?:[ T]\d{1,2})?|\d{1,2}[-.]\d{1,2}[-.](?:\d{4}|\d{2})|(?:19|20)\d\d\s?[-\u2013]\s?(?:19|20)?\d\d|"
    r"\d{1,2}[.:]\d{2}(?:[.:]\d{2})?)$"
)


def find_phones(ix: TextIndex, region: str = "GB") -> Iterator[Span]:
    text = ix.text
    regions = [region.upper()] if region else []
    for extra in ("GB", "US"):
        if extra not in regions:
            regions.append(extra)
    runs = ix.runs_with(7)
    for m in (m for a, b in ix.windows(runs, 5, 1) for m in _PHONE_CAND.finditer(text, a, b)):
        raw = m.group()
        digits = sum(c.isdigit() for c in raw)
        if digits < 7 or digits > 15 or _DATE_LIKE.match(raw):
            continue
        if record_context_before(text, m.start(), ix.lower, ix):
            continue  # "membership number 2125550134": the record detector's
        # Deliberate choice: numbers libphonenumber calls invalid are still
        # flagged when they are written like a phone number, because writers
        # use invented or reserved numbers (Ofcom's 07700 900xxx drama range,
        # US 555-01xx) as placeholders for real ones, and a mistyped real
        # number still identifies its owner.  "Written like a phone number"
        # means 10+ digits starting with 0, + or an (area code), the US
        # 3-3-4 layout, or 7+ digits right after a word such as "call",
        # "mobile" or "tel".  The shape is checked first because it is cheap;
        # libphonenumber's validation decides the rest.
        if _SERVICE_NUMBER.match(raw) or _SERVICE_DIGITS.match(_digits_only(raw)):
            continue  # freephone and shared-cost numbers belong to organisations (helplines), not people
        if _phone_shaped(text, m.start(), raw, digits) or _is_valid_phone(raw, regions):
            yield "phone", m.start(), m.end()


# UK 0800/0808/0500 freephone, 0843-0845/0870 shared cost and 03 non-geographic (charities, public bodies), 116 xxx helplines, US/CA/AU
# 1-800 style toll-free, AU 13/1300 numbers.
_SERVICE_NUMBER = lazy(
    r"^(?:\+44\s?|0)(?:800|808|500|84[345]|87[0-3]|3[0-47]\d)\b|^(?:\+44\s?|0)?(?:800|808)[\s\-]|^116[\s\-]?\d{3}$"
    r"|^(?:\+?1[\s.\-]?)?\(?8(?:00|33|44|55|66|77|88)\)?[\s.\-]\d{3}[\s.\-]\d{4}$|^1[38]00(?:[\s\-]?\d){6}$"
    r"|^13[\s\-]?\d{2}[\s\-]?\d{2}$"
)


# The same ranges on the digits alone, however they are grouped.
_SERVICE_DIGITS = lazy(r"^(?:\+44|0)(?:(?:800|808|500)\d{6,7}|(?:84[345]|87[0-3]|3[0-47]\d)\d{7})$|^116\d{3}$|^(?:\+?1)?8(?:00|33|44|55|66|77|88)\d{7}$"
                       r"|^1[38]00\d{6}$|^13\d{4}$")


def _digits_only(raw: str) -> str:
    """The number without its grouping ("03444 775 774" is 0344 477 5774 mis-spaced), "+" kept."""
    return ("+" if raw.startswith("+") else "") + "".join(c for c in raw if c.isdigit())


def _phone_shaped(text: str, start: int, raw: str, digits: int) -> bool:
    if not _grouped(raw):
        return False
    if digits >= 10 and raw[0] in "0+(":
        return True
    if digits == 10 and _US_LAYOUT.fullmatch(raw):
        return True  # 415-555-0134, even with an unassigned area code
    return _PHONE_CONTEXT.search(text, max(0, start - 30), start) is not None


_US_LAYOUT = lazy(r"\(?\d{3}\)?[ .\-]\d{3}[ .\-]\d{4}")
_GROUP_SEP = lazy(r"[ .\-\u00a0()]+")


def _grouped(raw: str) -> bool:
    """Groups of digits like a phone number's, not a decimal or a range."""
    groups = _GROUP_SEP.split(raw.lstrip("+").strip("()"))
    groups = [g for g in groups if g]
    if len(groups) == 1:
        return len(groups[0]) >= 7
    return all(len(g) >= 2 for g in groups[1:]) and max(len(g) for g in groups) >= 3


def _is_valid_phone(raw: str, regions: list[str]) -> bool:
    import phonenumbers  # on the first digits that look like a phone number: most texts have none

    for region in regions:
        try:
            num = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        # Valid for the country code's main region first: the full check reads the metadata of
        # every region sharing the code (25 for +1), and gives the same answer when this one holds.
        main = phonenumbers.region_code_for_country_code(num.country_code)
        if phonenumbers.is_valid_number_for_region(num, main) or phonenumbers.is_valid_number(num):
            return True
        if raw.startswith(("+", "00")):
            break  # the country code is explicit: other regions do not apply
    return False


# A contact detail offered to the reader is a service's, not a client's: the sentence speaks to
# "you", invites ("ring reception on", "book by ringing", "can be booked on", "self-refer on"),
# (a bare "Call 0161 …" is not enough: it may be someone's words),
# names a line for the public (a helpline) or the writer's own team ("our osteopaths").
_READER_INVITE = lazy(
    r"(?<![\w-])(?:you|your|yours|us|our|anyone|everyone)(?![\w-])|\bself[- ]refer|\b(?:takes?|accepts?)\s+referrals\b|\bnew\s+(?:patients|clients)\b"
    r"|\b(?:help|care|advice|support|crisis|info(?:rmation)?)\s?line\b|\breception\b|\bbook(?:ing|ings)?\b"
    r"|\bcan\s+be\s+(?:reached|contacted|called|rung|phoned|texted|emailed|booked|made)\b"
    r"|\bby\s+(?:ringing|calling|phoning|texting|emailing)\b", re.IGNORECASE,
)
# "…, which I send to clients", ", which I give every patient": a public resource the writer hands on to
# everyone, never a client's own.
_HANDED_ON = lazy(r"[,)]?\s+(?:which|that)\s+I\s+(?:often\s+|always\s+|now\s+|also\s+)?(?:send|give|recommend|"
                  r"suggest|hand|point|show|pass)\b[^.;!?\n]{0,30}?\b(?:clients|patients|everyone|everybody|people)\b")
# "texts from 0412 …", "rang from …": the number someone used, theirs.
_SENT_FROM = lazy(r"\bfrom\s+$", re.IGNORECASE)
# Someone the sentence is about: the detail may be theirs ("she said you could ring her on …",
# "call me on …" in someone's words).
_THIRD_PERSON = lazy(r"\b(?:[Mm]e|[Mm]y|[Mm]ine|[Ss]he|[Hh]e|[Hh]er|[Hh]is|[Hh]im|[Hh]ers|client|patient|[Mm]um|[Dd]ad|[Mm]other|[Ff]ather|"
                     r"[Ww]ife|[Hh]usband|[Pp]artner|[Ss]on|[Dd]aughter|[Ff]riend)\b")
_CLAUSE_BREAK = lazy(r"[,;:(\u2014\u2013]")
_WORD_REST = lazy(r"\w*")
# A sentence that opens by telling the reader to use the detail, outside quotation marks.
_IMPERATIVE_CALL = lazy(r"[ \t]*(?:please\s+)?(?:ring|call|phone|text|whatsapp|e-?mail|contact)(?:\s+(?:on|at))?\s*$",
                        re.IGNORECASE)


def offered_to_reader(text: str, start: int, end: int) -> bool:
    """Whether the sentence gives the contact detail at `start` for readers to use, and the clause
    that offers it (from its start through the detail) speaks of nobody else."""
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), start - 160) + 1  # the sentence, or its last 160 characters
    if _SENT_FROM.search(text, max(a, start - 8), start):
        return False
    line = text[text.rfind("\n", 0, start) + 1:start]
    if line.count('"') % 2 or line.count("“") > line.count("”"):
        return False  # inside quotation marks: someone's words ("you" is whoever she spoke to), not an offer
    if _HANDED_ON.match(text, end):
        return True  # "patient.info, which I send to clients": a resource the writer hands on
    b = text.find(". ", end)
    b = b if b >= 0 else len(text)
    last = None
    for m in _READER_INVITE.finditer(text, a, start):
        last = m
    if last is None:
        return False
    clause = a
    for m in _CLAUSE_BREAK.finditer(text, a, last.start()):
        clause = m.end()
    stop = _WORD_REST.match(text, min(len(text), end + 12)).end()  # never cut a word ("hello@" read as "he")
    others = {m.group().lower() for m in _THIRD_PERSON.finditer(text, clause, stop)}
    if not others:
        return True
    # "If you have these symptoms, call me on …": outside quotation marks and reported speech, "me"
    # in a sentence to the reader is the writer; in someone's words ("call me on …", she said) it is theirs.
    return others <= _WRITER_WORDS and _QUOTED_OR_REPORTED.search(text, a, b) is None


def told_to_call(text: str, start: int, end: int) -> bool:
    """Whether the sentence opens by telling the reader to use the detail and says what for ("Ring
    0116 … to book.", "Call … if you are unsure"), outside quotation marks and reported speech: in an
    essay, the writer's own."""
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), start - 160) + 1
    b = text.find(". ", end)
    b = b if b >= 0 else len(text)
    return _IMPERATIVE_CALL.match(text, a, start) is not None and _READER_INVITE.search(text, end, b) is not None \
        and _QUOTED_OR_REPORTED.search(text, a, b) is None


_WRITER_WORDS = frozenset({"me", "my", "mine"})
_QUOTED_OR_REPORTED = lazy(r"[\"“”]|\b(?:said|says|told|tells|asked|asks|wrote|writes|texted|messaged|explained)\b")
