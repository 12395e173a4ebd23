"""The privacy scan, by the evidence a finding needs: who a titled or thanked person is, what a
possessive before a body part or "work" says, the direct identifiers in the shapes people write
them, whose family a family word speaks of, and the places, jobs and relatives tied to the client
by the verb of the sentence.  Every example is written for this file."""

from __future__ import annotations

import pytest

from sitegen.privacy.detect import ScanContext, scan_text

CASE = ScanContext(allow=("Harriet Quayle", "Quayle Soft Tissue Therapy"))

STORY = ("She came in after a long shift with her wrist strapped, and we started slowly.\n\n"
         "{}\n\nBy the sixth session she could lift the kettle without thinking about it.")


def found(text: str, ctx: ScanContext = CASE) -> list[tuple[str, str, str]]:
    return [(f.kind, f.severity, f.text) for f in scan_text(text, ctx)]


def severity_of(text: str, kind: str, needle: str) -> str | None:
    return next((s for k, s, t in found(text) if k == kind and needle in t), None)


# --- a titled person introduced as a practitioner, thanked, or the writer's teacher ----------------

@pytest.mark.parametrize("sentence, needle", [
    ("Dr Ilse Marwick, a podiatrist who sees her own patients in the next valley, read a draft.", "Ilse Marwick"),
    ("Dr. Osei, Northgate Spinal Care", "Osei"),
    ("Prof Tamsin Achterberg, the surgeon I send people to, agreed with the plan.", "Tamsin Achterberg"),
])
def test_a_titled_name_introduced_as_a_practitioner_is_for_review(sentence, needle):
    text = STORY.format(sentence)
    assert severity_of(text, "name", needle) == "review", found(text)


@pytest.mark.parametrize("sentence, needle", [
    ("Dr Ilse Marwick, her sister-in-law, drove her to the first session.", "Ilse Marwick"),
    ("Dr Ilse Marwick saw her twice before the referral.", "Ilse Marwick"),
])
def test_a_titled_name_tied_to_the_client_is_still_an_error(sentence, needle):
    text = STORY.format(sentence)
    assert severity_of(text, "name", needle) == "error", found(text)


@pytest.mark.parametrize("sentence", [
    "Thanks to Dr Rosalind Achebe for the reading list she put together after the spring course.",
    "Thanks to Dr Rosalind Achebe, the hand therapist I trained with, for her comments on the splint.",
    "The idea came from my old principal, Dr Ambrose Feltham, who taught us to treat a person, not a joint.",
])
def test_a_person_thanked_or_the_writers_teacher_is_no_finding(sentence):
    text = STORY.format(sentence)
    assert not [f for f in found(text) if f[0] == "name"], found(text)


@pytest.mark.parametrize("sentence, needle", [
    ("Thanks to Dr Rosalind Achebe for fitting him in that same week.", "Rosalind Achebe"),
    ("Thanks to Dr Rosalind Achebe, her GP, for the quick referral.", "Rosalind Achebe"),
])
def test_a_thanks_that_speaks_of_the_client_still_names_someone(sentence, needle):
    text = STORY.format(sentence)
    assert any(k == "name" and needle in t for k, _s, t in found(text)), found(text)


# --- a possessive is weak evidence where a famous person or an author has the same thing ------------

def test_an_unknown_word_before_a_body_part_is_a_name_to_review_not_an_error():
    text = STORY.format("We watched the match with him, and whether Odegbami's ankle tape did anything; it doesn't.")
    assert severity_of(text, "name", "Odegbami") == "review", found(text)


def test_a_full_name_before_a_body_part_is_still_an_error():
    text = STORY.format("Wenna Polglase's shoulder was the one we worked on.")
    assert severity_of(text, "name", "Polglase") == "error", found(text)


def test_a_surname_with_work_after_the_research_is_an_author():
    text = STORY.format("The evidence, from Thornquist's work and others, says early movement helps most.")
    assert severity_of(text, "name", "Thornquist") is None, found(text)


def test_a_given_name_with_work_is_still_a_person():
    text = STORY.format("Maisie's work has her on her feet for ten hours at a time.")
    assert severity_of(text, "name", "Maisie") == "error", found(text)


# --- direct identifiers in the shapes people write them --------------------------------------------

@pytest.mark.parametrize("sentence, kind, needle", [
    ("Her old address, Bryn Hyfryd, Cwmystwyth, SY23 4AG, was still on the form.", "address", "Bryn Hyfryd"),
    ("The form still had his address, 4418 Cedar Hollow Dr, Unit 7, Maple Falls, 98266, on it.", "zip", "98266"),
    ("She lives at number 27 on Quarry Row and walks up the hill every morning.", "address", "number 27"),
    ('"You treat the lady at number 9, don\'t you?" her neighbour asked me.', "address", "number 9"),
])
def test_direct_identifiers_in_everyday_shapes_are_errors(sentence, kind, needle):
    text = STORY.format(sentence)
    assert severity_of(text, kind, needle) == "error", found(text)


def test_a_position_in_a_team_is_no_house_number():
    text = STORY.format("He plays at number 8 for the second team and trains twice a week.")
    assert severity_of(text, "address", "number 8") is None, found(text)


@pytest.mark.parametrize("text, needle", [
    ("## Who she is\n\nShe's 44, a mum of two, and she swims before work.", "44"),
    ("## Oonagh, from the coast, 52\n\nShe swims before work.", "52"),
])
def test_an_exact_age_after_a_heading_or_ending_one_is_found(text, needle):
    assert any(k == "exact_age" and needle in t for k, _s, t in found(text)), found(text)


def test_a_number_ending_a_line_of_prose_is_no_age():
    text = STORY.format("Her grip readings were 31, 35")
    assert not [f for f in found(text) if f[0] == "exact_age"], found(text)


# --- a family item needs a relative described by a detail of their own -----------------------------

def family(text: str) -> list[str]:
    return [t for k, _s, t in found(text) if k == "family"]


@pytest.mark.parametrize("sentence", [
    "Her partner Lowenna drove her to the first two sessions.",
    "His wife Perpetua booked the appointment without telling him.",
    "She came with her son Ruairidh.",
])
def test_a_relative_only_named_or_acting_in_the_story_is_the_names_finding(sentence):
    text = STORY.format(sentence)
    assert family(text) == [], found(text)
    assert any(k == "name" for k, _s, _t in found(text)), found(text)


@pytest.mark.parametrize("sentence, needle", [
    ("Her partner Lowenna teaches swimming at the leisure pool.", "Her partner"),
    ("His brother Tancred, nineteen, helps on the boat.", "His brother"),
    ("Her uncle Piran, a harbour pilot, taught her to row.", "Her uncle"),
    ("Her sister, who trains guide dogs, sent the clip.", "Her sister"),
    ("Her mum Demelza was getting married again in June.", "Her mum"),
])
def test_a_relative_with_a_detail_of_their_own_is_a_family_item(sentence, needle):
    text = STORY.format(sentence)
    assert any(needle in t for t in family(text)), found(text)


# --- places tied to the client, and where the writer practised when the client was seen ---------------

def places(text: str) -> list[str]:
    return [t for k, _s, t in found(text) if k == "place"]


@pytest.mark.parametrize("sentence, needle", [
    ("Works as a crane driver out of Mallaig and came to me after a week of nights.", "Mallaig"),
    ("She skippers a charter boat out of Port Isaac in the summer.", "Port Isaac"),
    ("This one is from my years at a sports clinic outside Harrogate, before I moved.", "Harrogate"),
])
def test_a_town_tied_to_the_client_or_to_where_the_writer_then_practised_is_a_place(sentence, needle):
    text = STORY.format(sentence)
    assert any(needle in t for t in places(text)), found(text)


@pytest.mark.parametrize("sentence", [
    "I did my diploma on a weekend course in Harrogate years ago.",
    "We were all a bit giddy in the week before St Piran's Day.",
])
def test_the_writers_course_and_a_named_day_are_no_place(sentence):
    text = STORY.format(sentence)
    assert places(text) == [], found(text)


# --- jobs by the shape of the sentence ----------------------------------------------------------------

def jobs(text: str) -> list[str]:
    return [t for k, _s, t in found(text) if k == "occupation"]


@pytest.mark.parametrize("sentence, needle", [
    ("She used to run the ironmongery by the harbour until it shut.", "run the ironmongery"),
    ("He had run the bookshop on the square for years.", "run the bookshop"),
    ("She worked on the ferries out of the harbour for a decade.", "worked on the ferries"),
    ("The headaches started with long shifts on the tills at the garden centre.", "shifts on the tills"),
    ("Her partner works in the finance team at the council.", "works in the finance team"),
])
def test_a_job_said_as_what_someone_does_is_an_occupation(sentence, needle):
    text = STORY.format(sentence)
    assert any(needle in t for t in jobs(text)), found(text)


@pytest.mark.parametrize("sentence", [
    "I want to run the coastal path race next spring.",
    "She spent her weekends on the sofa with a hot water bottle.",
])
def test_running_a_race_or_a_weekend_is_no_job(sentence):
    text = STORY.format(sentence)
    assert jobs(text) == [], found(text)


def test_a_given_name_opening_a_sentence_with_a_persons_deed_is_a_name():
    text = STORY.format("Cadfael farms sheep on the hill above the chapel, and his left knee takes the slope.")
    assert any(k == "name" and "Cadfael" in t for k, _s, t in found(text)), found(text)


# --- review items in a clean case study: what is the writer's, an author's, a thing's -----------------

def review_items(text: str) -> list[tuple[str, str]]:
    return [(k, t) for k, s, t in found(text) if s == "review"]


@pytest.mark.parametrize("sentence", [
    "Posture is rarely the villain (Ingrid Solvang, Marsh and others have written on this).",
    "My tutor on the sports massage diploma, Dr Caradoc Pellow, used to say the couch is not a stage.",
    "I talked it through in peer supervision with Morwenna Trask and Eluned, who both said they'd have waited.",
    "Dr Senara Vosper, who leads our clinic's CPD, is running an evening on it next month.",
])
def test_the_writers_teachers_colleagues_and_authors_are_no_name_item(sentence):
    text = STORY.format(sentence)
    assert [t for k, t in review_items(text) if k == "name"] == [], found(text)


@pytest.mark.parametrize("sentence", [
    "- ice if it helps, ibuprofen as per the pharmacist",
    "I am not going to be the physio who bans someone's Saturday parkrun.",
    "I'm grateful to Dr Tamsin Rowe, who taught the pain module on my course, for the reading list.",
])
def test_a_job_that_is_not_the_clients_is_no_occupation(sentence):
    text = STORY.format(sentence)
    assert jobs(text) == [], found(text)


@pytest.mark.parametrize("sentence", [
    "Cervical rotation was 52 and 61 at the first session.",
    "- New insoles from the running shop. Nothing fancy, just not four years old.",
])
def test_readings_and_a_things_age_are_no_exact_age(sentence):
    text = STORY.format(sentence)
    assert [t for k, t in review_items(text) if k == "exact_age"] == [], found(text)


@pytest.mark.parametrize("sentence, needle", [
    ("Priya is 34 years old and teaches piano.", "34"),
    ("There is only one 16 year old goal keeper in that league.", "16"),
    ("She remembers herself as a frightened eight-year-old, that first term.", "eight-year-old"),
])
def test_a_persons_age_is_still_an_exact_age(sentence, needle):
    text = STORY.format(sentence)
    assert any(k == "exact_age" and needle in t for k, t in review_items(text)), found(text)


def test_the_year_of_a_guideline_is_no_timeline():
    text = STORY.format("We used the Marsh and Pengelly guideline from 2021: no running before twelve weeks.")
    assert [t for k, t in review_items(text) if k == "timeline"] == [], found(text)


@pytest.mark.parametrize("sentence, place", [
    ("Thanks to Dr Ysella Hoskin for the notes she shared after a course in Truro.", None),
    ("He was back on the course at Porthleven twice a week.", "Porthleven"),
])
def test_where_a_course_was_held_is_no_place_but_a_golf_course_is(sentence, place):
    text = STORY.format(sentence)
    got = [t for k, t in review_items(text) if k in ("place", "organisation", "workplace")]
    assert (got == []) if place is None else any(place in t for t in got), found(text)


def test_a_full_name_whose_body_the_client_watched_on_screen_is_a_name_to_review():
    text = STORY.format("She watched the whole Tour over the winter, and laughed that Tadej Pogačar's knees would "
                        "make a good model for her.")
    assert severity_of(text, "name", "Poga") == "review", found(text)
