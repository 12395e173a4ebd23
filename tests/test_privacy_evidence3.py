"""The privacy scan, round eleven: the evidence an essay finding needs (the practice's own contact
details, a street with nobody in its paragraph), the evidence an error needs in a case study, and
the direct identifiers in the shapes people write them.  Every example is written for this file."""

from __future__ import annotations

import pytest

from sitegen.privacy.detect import ScanContext, scan_text

ESSAY = ScanContext(allow=("Bronwen Askew", "Fernleigh Bodywork"), essay=True)
CASE = ScanContext(allow=("Bronwen Askew", "Fernleigh Bodywork"))


def kinds(text: str, ctx: ScanContext = ESSAY) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in scan_text(text, ctx)]


# --- essays: a number given beside the practice's own email or site is the practice's --------------

@pytest.mark.parametrize("sentence", [
    "Ring 01632 960 771 or email hello@fernleighbodywork.co.uk and I will get back to you.",
    "Please use email or phone instead: info@fernleighbodywork.co.uk or 01632 960 771.",
    "Nothing else moves: the number (01632 960 771), the inbox (desk@fernleighbodywork.co.uk), the prices.",
    "For anything else, leave a message on 01632 960 771 or see www.fernleighbodywork.co.uk for the hours.",
])
def test_a_number_beside_the_practices_own_address_is_not_a_finding(sentence):
    for ctx in (ESSAY, CASE):
        assert not [k for k in kinds(sentence, ctx) if k[0] == "phone"], kinds(sentence, ctx)


@pytest.mark.parametrize("sentence", [
    # the number is someone else's: the sentence speaks of her
    "She rang from 07700 900 452 and then wrote to hello@fernleighbodywork.co.uk to apologise.",
    # the address beside it is not the practice's
    "Ring 07700 900 452 or email tomasz.wrobel@example.net for the spare tickets.",
])
def test_a_number_is_still_found_when_the_sentence_is_not_the_practices(sentence):
    assert ("phone", "07700 900 452") in kinds(sentence, CASE), kinds(sentence, CASE)


def test_an_ip_address_in_an_essay_is_not_a_phone():
    text = "The comment form logged every visitor, 203.44.118.61 among them, which I had never asked for."
    assert not [k for k in kinds(text) if k[0] == "phone"], kinds(text)


# --- essays: a street is a finding only where the paragraph speaks of someone ----------------------

@pytest.mark.parametrize("paragraph", [
    "The bus from Harbour Street stops outside the door, and parking is free after six.",
    "If you're a client of ours, the bakery on Tollgate Lane does the best scones in town.",
    "We caught the early train into Manchester Piccadilly for the day's workshop.",
])
def test_a_street_with_nobody_in_its_paragraph_is_not_an_essay_finding(paragraph):
    text = "A note on getting here.\n\n" + paragraph + "\n\nSee you soon."
    assert not [k for k in kinds(text) if k[0] == "place"], kinds(text)


@pytest.mark.parametrize("paragraph, street", [
    ("She runs the florist on Tollgate Lane and comes in every other Friday.", "Tollgate Lane"),
    ("A client of mine keeps bees behind the chapel on Harbour Street.", "Harbour Street"),
])
def test_a_street_in_a_paragraph_about_someone_is_still_an_essay_finding(paragraph, street):
    text = "A note on regulars.\n\n" + paragraph + "\n\nSee you soon."
    assert ("place", street) in kinds(text), kinds(text)
