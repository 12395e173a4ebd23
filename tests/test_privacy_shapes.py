"""The privacy scan by the evidence each finding needs and the sentence shapes that carry an
identifier: an error only where the text almost certainly identifies someone (a weak sign is a
review item), direct identifiers in the shapes people write them, and the indirect ones (jobs,
family, timelines, bare names) in everyday phrasing.  Every example is written for this file."""

from __future__ import annotations

import pytest

from sitegen.privacy.detect import ScanContext, scan_text

CASE = ScanContext(allow=("Harriet Quayle", "Quayle Soft Tissue Therapy"))
ESSAY = ScanContext(allow=("Harriet Quayle",), essay=True)


def found(text: str, ctx: ScanContext = CASE) -> list[tuple[str, str, str]]:
    return [(f.kind, f.severity, f.text) for f in scan_text(text, ctx)]


def severity_of(text: str, kind: str, needle: str, ctx: ScanContext = CASE) -> str | None:
    """The severity of the first finding of `kind` covering `needle`, or None."""
    return next((s for k, s, t in found(text, ctx) if k == kind and needle in t), None)


# A story around the sentence under test: the scan reads a case study's sentences in their text.
STORY = ("She came in after a long shift with her shoulder strapped, and we started slowly.\n\n"
         "{}\n\nBy the sixth session she could lift the kettle without thinking about it.")


# --- precision: a weak sign is a review item, never an error --------------------------------------

@pytest.mark.parametrize("sentence, needle", [
    ("Dr Ottilie Brennan runs the pain service in the next county.", "Dr Ottilie Brennan"),
    ("Prof. Anselm Kirby, who runs the hand clinic over the hill, would say the same.", "Anselm Kirby"),
])
def test_a_practitioner_titled_outside_the_story_is_for_review(sentence, needle):
    text = STORY.format(sentence)
    assert severity_of(text, "name", needle) == "review", found(text)


@pytest.mark.parametrize("sentence, needle", [
    ("Dr Ottilie Brennan saw her twice before she was referred to me.", "Dr Ottilie Brennan"),
    ("Her husband, Dr Ansel Kirby, drove her to every session.", "Dr Ansel Kirby"),
    ("Mrs Brennan came with her sister the first time.", "Mrs Brennan"),
])
def test_a_titled_person_in_the_story_is_still_an_error(sentence, needle):
    text = STORY.format(sentence)
    assert severity_of(text, "name", needle) == "error", found(text)


@pytest.mark.parametrize("text", [
    "We met Thursdays at half five, for an hour.",
    "Mondays were hardest for him, he said, and Fridays the easiest.",
])
def test_a_weekday_in_the_plural_is_a_time_not_a_name(text):
    assert not any(k == "name" for k, _, _ in found(text)), found(text)


@pytest.mark.parametrize("text", [
    "He rang the clinic line, 01632 960415, twice that week.",
    "Her daughter called the practice number, 01632 960415, to cancel.",
])
def test_the_line_she_rang_is_the_practices_own(text):
    assert not any(k == "phone" for k, _, _ in found(text)), found(text)


def test_a_number_she_rang_from_is_still_hers():
    text = "She rang me from 01632 960415 on the morning of the race."
    assert severity_of(text, "phone", "01632 960415") == "error", found(text)


@pytest.mark.parametrize("text", [
    "Ring 01632 960415 to book a place on the course.",
    "Call us on 01632 960415 or email hello@quaylesoft.example, whichever is easier.",
])
def test_an_essay_telling_the_reader_to_call_gives_the_practice_number(text):
    assert not any(k == "phone" for k, _, _ in found(text, ESSAY)), found(text, ESSAY)


def test_a_number_quoted_in_an_essay_is_still_someones():
    text = '"Ring 07700 900218 if I am late," she wrote on the form.'
    assert severity_of(text, "phone", "07700 900218", ESSAY) == "error", found(text, ESSAY)


def test_a_number_someone_rang_from_is_a_phone_not_a_health_number():
    # ten digits that happen to pass the NHS checksum, given as the number she called from
    text = "She texted from 401 023 2137 to say she was running late."
    kinds = {k for k, _, _ in found(text)}
    assert "phone" in kinds and "nhs" not in kinds, found(text)


# --- direct identifiers in the shapes people write them -------------------------------------------

@pytest.mark.parametrize("text, needle", [
    ("They rent a flat off Cobden Street, number 12, above the launderette.", "number 12"),
    ("His mum still lives on Ferncliffe Road at no. 7.", "no. 7"),
])
def test_a_house_number_after_its_street_makes_an_address(text, needle):
    assert severity_of(text, "address", needle) == "error", found(text)


@pytest.mark.parametrize("text, needle", [
    ("She lives out the Kilrush road, past the creamery.", "Kilrush road"),
    ("The Ennis road was flooded so he came the long way.", "Ennis road"),
])
def test_a_road_named_for_where_it_leads_is_a_place(text, needle):
    assert severity_of(text, "place", needle) == "review", found(text)


def test_a_road_without_a_name_is_nothing():
    assert found("We talked about the open road and the road back to work.") == []


def test_a_kinship_word_written_in_lower_case_too_is_not_a_name():
    text = "He drew two houses, \"Mum's house\" and \"Ouma's house\". His ouma brought him every week."
    assert not any(k == "name" for k, _, _ in found(text)), found(text)


def test_a_kinship_word_used_as_what_everyone_calls_her_is_still_a_name():
    text = "The whole street calls her Nonna. Nonna's knees were the reason she came."
    assert severity_of(text, "name", "Nonna") is not None, found(text)


@pytest.mark.parametrize("text, kind, needle", [
    ("His mokopuna, who is six, sat in on the last session.", "family", "mokopuna"),
    ("She has lived with her oupa since the spring.", "family", "oupa"),
    ("Tannie Marlene drove her in from the farm.", "name", "Tannie Marlene"),
])
def test_kinship_words_of_other_languages_are_relatives(text, kind, needle):
    assert severity_of(text, kind, needle) is not None, found(text)


# --- recall: a job told as what someone does ------------------------------------------------------

@pytest.mark.parametrize("text, needle", [
    ("These days he drives lorries for a haulage firm up north.", "drives lorries"),
    ("She has driven the number 9 route for years.", "driven the number 9 route"),
    ("He drives a black hackney cab around the station.", "drives a black hackney cab"),
    ("On Sundays she coaches the under-9s at the rugby club.", "coaches the under-9s"),
    ("He works nights at the distribution centre by the ring road.", "works nights"),
    ("She sells cheese at the Saturday market most weeks.", "sells cheese at the Saturday market"),
    ("He lays floors for his brother's company.", "lays floors"),
    ("She cleans offices for her aunt's business.", "cleans offices for her aunt's business"),
    ("She runs the family chip shop with two cousins.", "runs the family chip shop"),
    ("She works at the co-op near the bus station.", "works at the co-op"),
    ("He is 33, an auctioneer, and talks for a living.", "an auctioneer"),
])
def test_a_job_told_as_what_someone_does(text, needle):
    assert severity_of(text, "occupation", needle) == "review", found(text)


@pytest.mark.parametrize("text", [
    "I drive the car to work and park by the canal.",
    "We sell gift vouchers at the front desk.",
])
def test_the_writers_own_doings_are_no_job_of_a_clients(text):
    assert not any(k == "occupation" for k, _, _ in found(text)), found(text)


# --- recall: a timeline told by a festival or a family event --------------------------------------

@pytest.mark.parametrize("text, needle", [
    ("Her hip has been worse since Easter, she thinks.", "since Easter"),
    ("He kept training during Ramadan and felt it in his calves.", "during Ramadan"),
    ("The pain started the week after last year's Hanukkah, she said.", "last year's Hanukkah"),
    ("It all flared up before his son's graduation in July.", "graduation in July"),
    ("She has done the same job since she left school.", "since she left school"),
    ("His family have farmed that valley for five generations.", "for five generations"),
])
def test_a_time_told_by_a_festival_or_an_event(text, needle):
    assert severity_of(text, "timeline", needle) == "review", found(text)


@pytest.mark.parametrize("text", [
    "The clinic closes over Christmas and reopens on the fourth.",
    "Her pain settled over Christmas, as it often does with rest.",
    "We went to a wedding in June.",
])
def test_a_festival_as_a_date_of_the_calendar_is_no_timeline(text):
    assert not any(k == "timeline" for k, _, _ in found(text)), found(text)


# --- recall: a relative described ------------------------------------------------------------------

@pytest.mark.parametrize("text, needle", [
    ("They came with their little boy, Arlo, who is four.", "who is four"),
    ("Her eldest, who's nineteen, drove her to the first session.", "who's nineteen"),
    ("She talked about her nephew who visits every other weekend.", "her nephew"),
    ("His sister-in-law, who runs the post office, booked for him.", "sister-in-law"),
    ("Her gran and three aunts all had the same knees.", "three aunts"),
])
def test_a_relative_described_is_a_family_detail(text, needle):
    assert severity_of(text, "family", needle) == "review", found(text)


def test_a_relative_only_mentioned_is_no_family_detail():
    text = "Her husband waited in the car."
    assert not any(k == "family" for k, _, _ in found(text)), found(text)


# --- recall: names without a capital or with a common word's spelling -----------------------------

@pytest.mark.parametrize("text, needle", [
    ("Last spring I saw a woman called Faith for her shoulder.", "Faith"),
    ("He talked about a lad named Rocky from his old crew.", "Rocky"),
])
def test_a_word_named_after_a_word_for_a_person_is_a_name(text, needle):
    assert severity_of(text, "name", needle) == "error", found(text)


def test_a_thing_named_is_still_no_name():
    assert not any(k == "name" for k, _, _ in found("She has a cat called Pepper and a dog named Faith."))


@pytest.mark.parametrize("text, needle", [
    ("so her partner rain (his real name, honestly) did the driving.", "rain"),
    ("her son river, who is seven, sat under the couch.", "river"),
])
def test_a_common_word_after_a_word_for_family_names_them_in_lower_case(text, needle):
    assert severity_of(text, "name", needle) is not None, found(text)


@pytest.mark.parametrize("text", [
    "her mum rose early to drive her in.",
    "her husband said no, so we waited.",
])
def test_a_verb_after_a_word_for_family_is_no_name(text):
    assert not any(k == "name" for k, _, _ in found(text)), found(text)


@pytest.mark.parametrize("text, needle", [
    ("The farm is high up. Tevaki farms sheep on the slope above the river.", "Tevaki"),
    ("It had snowed. Oriwa first rang in February, from the shearing shed.", "Oriwa"),
    ("We started slowly. Ngaire is 88 and still walks to the shop.", "Ngaire"),
    ("Some background. Tuilagi is a school cook with a bad wrist.", "Tuilagi"),
])
def test_an_unknown_word_opening_a_sentence_and_acting_as_a_person_is_a_name_to_review(text, needle):
    assert severity_of(text, "name", needle) == "review", found(text)


def test_a_name_the_text_says_is_a_name_is_an_error():
    text = "We began in March. Bexa (Bexandra on her forms, but nobody calls her that) had a sore knee."
    assert severity_of(text, "name", "Bexa") == "error", found(text)


@pytest.mark.parametrize("text", [
    "It was a long winter. Kinesiotape works for some people and not others.",
    "Back to basics. Theraband helps with the early loading.",
])
def test_a_product_opening_a_sentence_is_no_name(text):
    assert not any(k == "name" for k, _, _ in found(text)), found(text)


# --- precision: review items that say nothing about a client --------------------------------------

@pytest.mark.parametrize("sentence, needle", [
    ("She had been watching Tova Reinholt on the big screen all summer.", "Tova Reinholt"),
    ("We talked about Kit Marlowe-Hayes, because she thinks he is the best striker in the league.", "Kit Marlowe-Hayes"),
    ("Petra Lindqvist was her hero when she was small.", "Petra Lindqvist"),
])
def test_a_public_figure_the_client_watched_or_admired_is_no_finding(sentence, needle):
    text = STORY.format(sentence)
    assert not any(k == "name" and needle in t for k, _, t in found(text)), found(text)


def test_someone_she_talked_about_with_a_relation_is_still_a_name():
    text = STORY.format("She talked about Jenny Oakes, her neighbour, most weeks.")
    assert severity_of(text, "name", "Jenny Oakes") == "error", found(text)


@pytest.mark.parametrize("sentence", [
    "This one is from Tomasz Wilk, a physio mate of ours who works at a sports clinic up the coast.",
    "Ffion Rees, our osteopath, writes this one from the Tuesday clinic.",
    "Dr Ottilie Brennan wrote this one for us, from a practice in the hills.",
])
def test_a_sentence_introducing_the_practices_own_people_has_no_finding(sentence):
    text = STORY.format(sentence)
    start = text.index(sentence)
    inside = [(k, t) for f in scan_text(text, CASE) if start <= f.start < start + len(sentence) for k, t in [(f.kind, f.text)]]
    assert inside == [], inside


def test_a_client_in_a_sentence_about_a_colleague_keeps_her_findings():
    text = STORY.format("Our physio saw the client, a retired welder, twice before I did.")
    assert severity_of(text, "occupation", "a retired welder") == "review", found(text)


@pytest.mark.parametrize("text", [
    "At discharge his Berg was 41 and his grip had come back.",
    "By week six her Oswestry score was 22 and falling.",
])
def test_a_score_someone_has_is_no_age(text):
    assert not any(k == "exact_age" for k, _, _ in found(text)), found(text)


def test_a_relatives_age_said_the_same_way_is_still_an_age():
    text = "Her partner was 52 and had just retired."
    assert severity_of(text, "exact_age", "52") == "review", found(text)


def test_weeks_of_pregnancy_are_no_age():
    text = "She was twenty-nine weeks and tired of being asked how she felt."
    assert not any(k == "exact_age" for k, _, _ in found(text)), found(text)


@pytest.mark.parametrize("text", [
    "The rules were developed by a team in Winnipeg in the eighties, and they still hold.",
    "Named after a surgeon who worked in Glasgow, the test is quick to do.",
])
def test_where_a_method_was_made_is_no_clients_place(text):
    assert not any(k == "place" for k, _, _ in found(text)), found(text)


def test_where_she_went_in_a_sentence_with_such_a_verb_is_still_her_place():
    text = "She developed the pain after moving to Winnipeg for work."
    assert severity_of(text, "place", "Winnipeg") == "review", found(text)


def test_a_surname_after_a_given_name_is_no_town():
    text = "I took it to supervision with Gillian Whitby, who asked the right question."
    assert not any(k == "place" for k, _, _ in found(text)), found(text)


@pytest.mark.parametrize("text", [
    "She had Braxton Hicks tightenings most evenings that week.",
    "The contractions are named after the Victorian doctor John Braxton Hicks, who described them.",
])
def test_an_eponym_of_pregnancy_is_no_name(text):
    assert not any(k == "name" for k, _, _ in found(text)), found(text)


@pytest.mark.parametrize("text, needle", [
    ("s2. new client, faith, booked online after a fall.", "faith"),
    ("her boss, a fella called baz, let her leave early.", "baz"),
    ("we started late. rowan is what he's called at the yard, so rowan it is.", "rowan"),
])
def test_lower_case_names_the_text_introduces(text, needle):
    assert severity_of(text, "name", needle) == "error", found(text)


def test_a_name_known_in_lower_case_opening_a_sentence_with_a_deed():
    text = "her partner sky (yes, really) came to every session.\nsky timed the contractions. the sky darkened."
    names = [t for k, _, t in found(text) if k == "name"]
    assert names.count("sky") == 2, found(text)


def test_a_pet_named_in_lower_case_is_no_name():
    assert not any(k == "name" for k, _, _ in found("a dog called rex came too, and slept under the couch."))


def test_an_imperative_with_no_word_for_the_reader_still_reports_the_number():
    text = "Call 07700 900614 or write to the address on the card."
    assert severity_of(text, "phone", "07700 900614", ESSAY) == "error", found(text, ESSAY)
