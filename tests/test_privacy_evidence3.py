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


# --- case studies: what an error needs ------------------------------------------------------------

STORY = ("She came in after a long shift with her wrist strapped, and we started slowly.\n\n"
         "{}\n\nBy the sixth session she could lift the kettle without thinking about it.")


def severity_of(text: str, kind: str, needle: str, ctx: ScanContext = CASE) -> str | None:
    return next((f.severity for f in scan_text(text, ctx) if f.kind == kind and needle in f.text), None)


@pytest.mark.parametrize("sentence, needle", [
    # a modal verb after a full name says no more than "is" or "has" does
    ("The waiting room argued all week over whether Oliver Brennick should retire.", "Oliver Brennick"),
    ("Everyone agrees Oliver Brennick must be the best scrum half of his generation.", "Oliver Brennick"),
])
def test_a_full_name_before_a_modal_verb_is_no_error(sentence, needle):
    assert severity_of(STORY.format(sentence), "name", needle) != "error", scan_text(STORY.format(sentence), CASE)


def test_a_figure_talked_about_is_no_name():
    text = STORY.format("Half my clients want to talk about whether Oliver Brennick should have gone for goal.")
    assert severity_of(text, "name", "Oliver Brennick") is None, scan_text(text, CASE)


@pytest.mark.parametrize("sentence, needle", [
    ("Thanks to my old manager Tobias, who showed me how to write a discharge letter.", "Tobias"),
    ("My boss Euan read a draft of this.", "Euan"),
])
def test_the_writers_manager_is_no_error(sentence, needle):
    assert severity_of(STORY.format(sentence), "name", needle) != "error", scan_text(STORY.format(sentence), CASE)


def test_a_relative_named_is_still_an_error():
    text = STORY.format("Her brother Tobias drove her to the second session.")
    assert severity_of(text, "name", "Tobias") == "error", scan_text(text, CASE)


# --- direct identifiers in the shapes people write them --------------------------------------------

@pytest.mark.parametrize("sentence, code", [
    ("The referral letter gave the postcode as ph33 6sw, typed in a hurry.", "ph33 6sw"),
    ("Postcode: kw1 4yt", "kw1 4yt"),
])
def test_a_postcode_in_lower_case_after_the_word_postcode(sentence, code):
    assert severity_of(STORY.format(sentence), "postcode", code) == "error", scan_text(STORY.format(sentence), CASE)


def test_lower_case_words_without_the_word_postcode_are_no_postcode():
    text = STORY.format("We did ex1 3rd set twice, then rested.")
    assert severity_of(text, "postcode", "ex1") is None, scan_text(text, CASE)


@pytest.mark.parametrize("line, age", [
    ("- Ottilie Brannagh (client), 47", "47"),
    ("- Ottilie, 47", "47"),
])
def test_a_list_item_naming_someone_and_ending_on_a_number_is_an_age(line, age):
    text = "Who came:\n\n" + line + "\n- Her partner, not in the room\n"
    assert ("exact_age", age) in [(f.kind, f.text) for f in scan_text(text, CASE)], scan_text(text, CASE)


@pytest.mark.parametrize("line", ["- Grip Strength, 22", "- Range of motion, 35", "- Session count, 12"])
def test_a_list_item_of_a_measure_ending_on_a_number_is_no_age(line):
    text = "Measures:\n\n" + line + "\n"
    assert not [f for f in scan_text(text, CASE) if f.kind == "exact_age"], scan_text(text, CASE)


# --- family: a relative tied to the client by a possessive, with a detail of their own -------------

def items(text: str, kind: str) -> list[str]:
    return [f.text for f in scan_text(text, CASE) if f.kind == kind]


@pytest.mark.parametrize("sentence, needle", [
    # the item carries the detail, to the end of its clause
    ("Her aunt runs the chip shop by the harbour, so she rarely gets a Saturday off.", "runs the chip shop by the harbour"),
    ("Her mam lives two doors down and minds the children after school.", "Her mam lives two doors down and minds the children after school"),
    ("His sister, who farms up the valley, took him in.", "His sister"),
])
def test_a_relative_with_a_detail_of_their_own_is_a_family_item(sentence, needle):
    found_items = items(STORY.format(sentence), "family")
    assert any(needle in t for t in found_items), found_items


@pytest.mark.parametrize("sentence", [
    "Her son in Year 10 was off with a cold that week.",
    "Her daughter in January had been fine.",
    "Her husband drove her to the first session.",
])
def test_a_relative_with_nothing_of_their_own_is_no_family_item(sentence):
    assert not items(STORY.format(sentence), "family"), items(STORY.format(sentence), "family")


# --- review items in clean case studies: the writer's teachers, another person's job ---------------

@pytest.mark.parametrize("sentence, needle", [
    ("Thanks to the client, and to Morwenna, my shiatsu tutor, who showed me how slow is slow enough.", "Morwenna"),
    ("Thanks to Ottoline Frere, who ran my sports massage course and still answers my questions.", "Ottoline Frere"),
    ("And to my mentor up north, Ottoline Frere, who taught me to leave the scapula alone.", "Ottoline Frere"),
    # titled too: the writer's teacher (this sentence was a name to review until round eleven)
    ("Prof. Anselm Kirby, who taught me most of this, would say the same.", "Anselm Kirby"),
])
def test_the_writers_teacher_is_no_name_to_review(sentence, needle):
    assert severity_of(STORY.format(sentence), "name", needle) is None, scan_text(STORY.format(sentence), CASE)


def test_a_relative_who_taught_her_is_still_a_name():
    text = STORY.format("Her aunt Morwenna, who taught her to swim, sat in on the session.")
    assert severity_of(text, "name", "Morwenna") == "error", scan_text(text, CASE)


@pytest.mark.parametrize("sentence", [
    "She kept up the eye drops, as the GP had suggested.",
    "Rest for a fortnight, as a pharmacist would tell anyone.",
])
def test_a_job_doing_something_after_as_is_someone_elses(sentence):
    assert not items(STORY.format(sentence), "occupation"), items(STORY.format(sentence), "occupation")


def test_working_as_is_still_her_job():
    assert items(STORY.format("She works as a pharmacist in the next town."), "occupation")
