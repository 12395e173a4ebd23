"""The privacy scan by the evidence each finding needs: a credit to the writer's teachers is no
client's name, a relative of an author cited is no client's relative, an organisation's
possessive is no person's, and a resource the writer hands to every client is public.  Each
example is written for this file; every negative has a positive beside it, so a rule that
stopped finding what it should would fail here too."""

from __future__ import annotations

import pytest

from sitegen.privacy.detect import ScanContext, scan_text

CASE = ScanContext(allow=("Client B",))


def found(text: str, ctx: ScanContext = CASE) -> list[tuple[str, str, str]]:
    return [(f.kind, f.severity, f.text) for f in scan_text(text, ctx)]


def kinds(text: str) -> set[str]:
    return {k for k, _, _ in found(text)}


# --- people the writer thanks -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Thanks to Dr Wilhelmina Ostrander, who ran the hydrotherapy course I took, for the reminder to go slowly.",
    "Many thanks to Prof. Caspian Ferreira, whose lectures on tendons I keep rewatching.",
    "Thank you to Orla Brennick for supervision, and to Dr. Tobiah Wrenfield, whose papers I lean on.",
    "I'm grateful to Marisol Quennell and the study group for reading a draft.",
])
def test_someone_the_writer_thanks_is_not_a_client(text):
    assert "name" not in kinds(text) and "place" not in kinds(text), found(text)


@pytest.mark.parametrize("text, needle", [
    ("Thanks to Dr Okonkwo-Reyes, her GP, for the referral letter.", "Dr Okonkwo-Reyes"),   # the client's own doctor
    ("Thanks to Dr Halvard Imrie for seeing him so quickly.", "Dr Halvard Imrie"),
    ("Dr Wilhelmina Ostrander saw her on the ward before the course started.", "Dr Wilhelmina Ostrander"),
])
def test_a_thanks_that_speaks_of_the_client_still_names_someone(text, needle):
    assert ("name", "error", needle) in found(text), found(text)


# --- a relative of someone cited ----------------------------------------------------------------

def test_the_relative_of_an_author_cited_is_not_a_client():
    text = "The method goes back to Emil Vodder and his wife Agathe, who taught it in Paris."
    assert "name" not in kinds(text), found(text)


def test_the_relative_of_someone_in_the_story_is_still_a_name():
    text = "Tobias Greenhalgh and his wife Agathe came to the first session together."
    assert ("name", "error", "Agathe") in found(text), found(text)


# --- an organisation's possessive ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "I handed her the Pelvic Floor Society's partner booklet.",
    "We used the Stroke Recovery Network's family guide in the first week.",
])
def test_an_organisations_possessive_is_not_a_person(text):
    assert "name" not in kinds(text), found(text)


def test_a_persons_possessive_relation_is_still_a_name():
    text = "After that, Bronagh's partner drove her to every session."
    assert ("name", "error", "Bronagh") in found(text), found(text)


# --- a resource the writer hands on -------------------------------------------------------------

def test_a_site_the_writer_sends_to_every_client_is_public():
    text = "The clearest explanation is on versusarthritis.org, which I send to most clients."
    assert "url" not in kinds(text), found(text)


def test_a_clients_own_site_is_still_a_url():
    text = "She showed me her shop's page, kilnandclay.co.uk, which she built herself."
    assert ("url", "error", "kilnandclay.co.uk") in found(text), found(text)


# --- a name with no person cue needs someone in the story nearby --------------------------------

BODY = "## What I did\n\nThe plan was simple and written down.\n\n"  # a body, not a one-line front-matter value

@pytest.mark.parametrize("text", [
    "I started with isometrics. Petronella Vashti and Osric Lammle's staging model is what I lean on now.",
    "The loading ladder came from Brandvold (pain up to 4/10 allowed). I progressed it weekly.",
    "Most of the reflex maps trace back to the 1930s, with Hildegunn Morrow taking the method to Norway.",
])
def test_a_name_without_a_cue_in_a_sentence_about_nobody_treated_is_no_finding(text):
    body = BODY + text
    assert "name" not in kinds(body), found(body)


@pytest.mark.parametrize("text, needle", [
    ("She brought a photo to the fourth session. Cormac, in a work coat, grinning at the camera.", "Cormac"),
    ("Nobody else drives the school run. Ingeborg Lammle does it every day, and she hates it.", "Ingeborg Lammle"),
])
def test_a_name_without_a_cue_beside_someone_treated_is_still_put_up(text, needle):
    body = BODY + text
    assert any(k == "name" and needle in t for k, _, t in found(body)), found(body)


def test_a_name_in_a_title_needs_no_pronoun():
    # A front-matter value is scanned as a text of its own: the title is about the client.
    assert any(k == "name" for k, _, _ in found("Getting Torquil back on the tractor")), found("Getting Torquil back on the tractor")


# --- family: what says something about a family, and what does not -------------------------------

@pytest.mark.parametrize("text", [
    "She was pregnant with her first baby and working full time.",
    "Their first child arrived in the autumn, a little early.",
    "Nearly every bereaved client asks me how long this lasts.",
    "The model was written for the dying, not for the bereaved.",
])
def test_a_first_baby_and_a_bereaved_client_are_not_family_details(text):
    assert "family" not in kinds(text), found(text)


@pytest.mark.parametrize("text, needle", [
    ("She was pregnant with her third and chasing a toddler.", "pregnant with her third"),
    ("Her second pregnancy was much harder on the pelvis.", "Her second pregnancy"),
    ("His first wife still lives round the corner.", "His first wife"),   # there has been another since
    ("He was bereaved twice in one year.", "bereaved twice"),
])
def test_birth_order_past_the_first_and_a_bereavement_are_family_details(text, needle):
    assert ("family", "review", needle) in found(text), found(text)


# --- occupations: whose job it is ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The test is named after Per Ling, a Swedish gymnast, who is said to have used it.",
    "Thomas Osgood, an American orthopaedic surgeon, wrote it up first.",
    "Dr Ferelith Kask, who taught my first sports massage course, put it best.",
])
def test_the_job_of_someone_cited_or_of_the_writers_teacher_is_not_the_clients(text):
    assert "occupation" not in kinds(text), found(text)


@pytest.mark.parametrize("text, needle", [
    ("Wiremu, a retired shearer, came in limping.", "a retired shearer"),
    ("Her aunt, who taught at the village school for years, drove her in.", "who taught"),
])
def test_a_job_in_apposition_to_someone_in_the_story_is_still_an_item(text, needle):
    assert any(k == "occupation" and needle in t for k, _, t in found(text)), found(text)


# --- timelines: a year of history, a span with no count ------------------------------------------

@pytest.mark.parametrize("text", [
    "The syndrome was first described by a Danish neurologist in 1921, and the name stuck.",
    "The grading scale was developed by a Canadian working group in 1995.",
    "He had been a teacher for most of his working life.",
])
def test_a_year_of_history_and_a_span_with_no_count_are_not_timelines(text):
    assert "timeline" not in kinds(text), found(text)


@pytest.mark.parametrize("text, needle", [
    ("She founded the bakery in 2011 with her sister.", "in 2011"),
    ("The family have farmed the same fields since 1962.", "since 1962"),
    ("He had been a teacher for thirty-one years.", "for thirty-one years"),
])
def test_a_year_or_a_counted_span_in_someones_life_is_still_a_timeline(text, needle):
    assert ("timeline", "review", needle) in found(text), found(text)


# --- organisations: a public resource is nobody's employer or club -------------------------------

@pytest.mark.parametrize("text", [
    "I pointed her to the Hypermobility Circle, which answers questions by email.",
    "The Tinnitus Fellowship has good information on sleep, so I sent the link.",
    "If the low mood lingers, the Postnatal Lifeline Trust runs a helpline every evening.",
    "Leaflets from the Coastal Carers Association helped him explain it at home.",
])
def test_an_organisation_given_as_a_resource_is_not_an_item(text):
    assert not {"organisation", "workplace"} & kinds(text), found(text)


@pytest.mark.parametrize("text, needle", [
    ("She sings with the Harbour Singers on Thursday nights.", "Harbour Singers"),
    ("He has worked for Lindqvist Haulage since leaving school.", "Lindqvist Haulage"),
])
def test_an_organisation_in_the_clients_life_is_still_an_item(text, needle):
    assert any(k in ("organisation", "workplace") and needle in t for k, _, t in found(text)), found(text)


# --- the place of someone cited, and more ways of giving credit -----------------------------------

def test_the_place_of_someone_cited_is_not_the_clients():
    text = "The method comes from Tom Bowen, who worked in Ballarat in the 1950s."
    assert "place" not in kinds(text), found(text)


def test_the_place_of_someone_in_the_story_is_still_a_place():
    text = "Her brother, who farms near Ballarat, drove her down."
    assert ("place", "review", "Ballarat") in found(text), found(text)


@pytest.mark.parametrize("text", [
    "Credit to my old placement educator, Perpetua Vance, who drilled the screening questions into me.",
    "My thanks to Anneliese Korhonen, the hand therapist who spoke at our CPD evening, for the idea.",
])
def test_credit_and_my_thanks_name_the_writers_teachers(text):
    assert "name" not in kinds(text), found(text)


# --- ages: a threshold and a thing's age are no one's age ---------------------------------------

@pytest.mark.parametrize("text", [
    "The screening rule flags anyone aged 65 or over for an X-ray.",
    "Her trainers, which were three years old, had no cushioning left.",
])
def test_a_threshold_or_a_things_age_is_not_an_exact_age(text):
    assert "exact_age" not in kinds(text), found(text)


@pytest.mark.parametrize("text, needle", [
    ("She is aged 67 and still gardening every day.", "aged 67"),
    ("Her grandson, who is three years old, comes along to sessions.", "three years old"),
])
def test_a_persons_age_is_still_an_exact_age(text, needle):
    assert any(k == "exact_age" and needle in t for k, _, t in found(text)), found(text)


# --- family: a relative named or described ------------------------------------------------------

@pytest.mark.parametrize("text, needle", [
    ("Her brother Ruairi drives the mail van round the glen.", "Her brother"),
    ("His wife, Oonagh, who is also a vet, sat in on the first session.", "His wife"),
    ("her niece, who lives with her, booked the appointments.", "her niece"),
    ("and his uncle (who farms the next holding) brought him in.", "his uncle"),
])
def test_a_relative_named_or_described_is_a_family_detail(text, needle):
    assert any(k == "family" and t.startswith(needle) for k, _, t in found(text)), found(text)


@pytest.mark.parametrize("text", [
    "Her husband drove her in for the first two sessions.",
    "She came with her mum, who signed the consent form.",
    "The technique goes back to Emil Vodder and his wife Agathe.",
])
def test_a_bare_relative_or_one_seen_only_in_the_session_is_not(text):
    assert "family" not in kinds(text), found(text)


# --- occupations by the shape of the sentence ---------------------------------------------------

@pytest.mark.parametrize("text, needle", [
    ("Ngaio runs a 40-hive honey orchard with her partner.", "runs a 40-hive honey orchard"),
    ("Eilidh is a retired district nurse and brought me scones.", "a retired district nurse"),  # "me" is not the subject
    ("they've been a postie for most of their working life.", "a postie"),
])
def test_a_job_said_of_someone_is_found_by_its_shape(text, needle):
    assert any(k == "occupation" and needle in t for k, _, t in found(text)), found(text)


@pytest.mark.parametrize("text", [
    "I am a sports massage therapist and my clients know it.",
    "She's a keen walker with the ramblers.",
])
def test_what_someone_is_at_a_place_that_is_not_work_is_not_a_job(text):
    assert "occupation" not in kinds(text), found(text)


# --- timelines tied to a life event --------------------------------------------------------------

@pytest.mark.parametrize("text, needle", [
    ("She first came the week after her sixtieth birthday.", "the week after her sixtieth birthday"),
    ("He cancelled the week his son moved back home.", "the week his son moved back"),
    ("The pain has been worse since her father died at Easter.", "since her father died"),
    ("Ewan and Ruth, married thirty-one years, farm out past the loch.", "married thirty-one years"),
    ("She has sung in the choir since she was a schoolgirl.", "since she was a schoolgirl"),
    ("Since their wedding the headaches have been daily.", "Since their wedding"),
])
def test_a_time_tied_to_a_life_event_is_a_timeline(text, needle):
    assert any(k == "timeline" and t.startswith(needle) for k, _, t in found(text)), found(text)


@pytest.mark.parametrize("text", [
    "Since her fall she has used a stick indoors.",
    "The week after the course I changed how I open sessions.",
])
def test_a_clinical_event_or_the_writers_week_is_not(text):
    assert "timeline" not in kinds(text), found(text)


# --- named organisations by shape: an ampersand firm, a named crowd ------------------------------

@pytest.mark.parametrize("text, needle", [
    ("Long days doing gel nails at Birch & Bloom wore her thumbs out.", "Birch & Bloom"),
    ("He swims with the Seacliff Dawn crowd most mornings.", "Seacliff Dawn crowd"),
    ("Her son made the Kilcreggan hurling panel this year.", "Kilcreggan hurling panel"),
])
def test_an_organisation_in_the_clients_life_found_by_its_shape(text, needle):
    assert any(k in ("organisation", "workplace") and needle in t for k, _, t in found(text)), found(text)


@pytest.mark.parametrize("text", [
    "We followed the POLICE & RICE advice for the first two days.",
    "I leaned on Travell & Simons' trigger point manual again.",
    "Anyone struggling can ring the Night Owl & Crisis Lifeline.",
])
def test_a_protocol_two_authors_or_a_helpline_are_not_organisations_in_her_life(text):
    assert "organisation" not in kinds(text), found(text)


@pytest.mark.parametrize("text, needle", [
    ("It helps that her gran lives two doors down.", "her gran"),
    ("His dad had flown over from Accra for the birth.", "His dad"),
    ("She cancelled because her father was taken into hospital.", "her father"),
])
def test_a_relatives_own_life_said_of_them_is_a_family_detail(text, needle):
    assert any(k == "family" and t.startswith(needle) for k, _, t in found(text)), found(text)


def test_a_relative_living_somewhere_vague_is_not():
    text = "Her sister lives abroad and rings on Fridays."
    assert "family" not in kinds(text), found(text)


def test_a_name_with_is_contracted_before_a_job_is_not_a_possessive():
    text = "Tamsin's a 38-year-old plasterer who runs before work."
    assert any(k == "occupation" and "plasterer" in t for k, _, t in found(text)), found(text)


def test_someone_elses_job_after_a_possessive_name_is_still_left_alone():
    text = "Tamsin's physio had already given her a loading plan."
    assert "occupation" not in kinds(text), found(text)
