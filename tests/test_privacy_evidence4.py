"""The privacy scan, round twelve: rules drawn from sentence shapes that recur across many case
studies (a relative tied to the client by a possessive, a point in the client's time fixed by an
event of their life), with what must still be found and what must not.  Every example is written
for this file."""

from __future__ import annotations

import pytest

from sitegen.privacy.detect import ScanContext, scan_text

CASE = ScanContext(allow=("Odile Marchetti", "Harrowgate Soft Tissue"))


def found(text: str, kind: str, ctx: ScanContext = CASE) -> list[str]:
    return [f.text for f in scan_text(text, ctx) if f.kind == kind]


# --- family: a relative tied to the client by a possessive, placed or sharing the client's work ---

@pytest.mark.parametrize("sentence, relative", [
    ("Her stepson in Dunedin sends parcels every month.", "Her stepson in Dunedin"),
    ("She drove up to see her aunt from Pitlochry at the weekend.", "her aunt from Pitlochry"),
    ("His nephew is in Winnipeg now and phones on Sundays.", "His nephew is in Winnipeg"),
    ("He keeps goats on the croft with his cousin.", "his cousin"),
    ("She runs the florist's stall on the market with her daughter-in-law.", "her daughter-in-law"),
    ("Last year he hired his nephew to help with the lambing.", "his nephew"),
])
def test_a_relative_placed_or_sharing_the_clients_work_is_a_family_item(sentence, relative):
    items = found(sentence, "family")
    assert any(relative in item for item in items), items
    assert all(f.severity == "review" for f in scan_text(sentence, CASE) if f.kind == "family")


@pytest.mark.parametrize("sentence", [
    "Her stepson in September had started a new school.",        # a month is when, not where
    "Her nephew in Year 8 was off school with a cold.",           # a school year
    "His cousin came along to the second appointment.",           # a relative only mentioned
    "I run the clinic with my sister on Thursdays.",               # the writer's own family
    "He lives abroad now, and his uncle from the bowls club drove him in.",  # no named place
])
def test_no_family_item_for_a_relative_only_mentioned_or_timed(sentence):
    assert found(sentence, "family") == [], found(sentence, "family")


# --- timeline: a point in the client's time fixed by an event of their life ---------------------

@pytest.mark.parametrize("sentence, span", [
    ("Her calf went the week before the county sheepdog trials.", "the week before the county sheepdog"),
    ("He had first noticed the ache the day after their silver anniversary.", "the day after their silver anniversary"),
    ("She booked in the weekend before her nephew's christening.", "the weekend before her nephew's christening"),
    ("Everything flared up again the week after Diwali, she thought.", "the week after Diwali"),
])
def test_a_point_fixed_by_an_event_of_the_clients_life_is_a_timeline(sentence, span):
    items = found(sentence, "timeline")
    assert any(span in item or item in span for item in items), items


@pytest.mark.parametrize("sentence", [
    "She felt worse the day after the first session, as many people do.",    # the treatment's own course
    "The soreness peaked the morning after a long run.",                      # no event of her life
    "He was stiffer the week after the assessment than before it.",
    "I moved the clinic the year before the pandemic.",                       # the writer's own time
    "She rested for six weeks after surgery and then began to walk again.",   # a clinical course
])
def test_no_timeline_where_the_point_is_the_treatments_or_the_writers(sentence):
    assert found(sentence, "timeline") == []


# --- occupation: a role held at a named organisation ---------------------------------------------

@pytest.mark.parametrize("sentence, role", [
    ("She is the head cheesemaker at Brantwood Dairy and lifts curd all morning.", "the head cheesemaker"),
    ("He was a relief signaller for Network Rail until his back went.", None),   # a listed job: found anyway
    ("Kerensa is the assistant harbourmaster at Porthleven, which means ropes.", "the assistant harbourmaster"),
    ("He's a lifeboat crewman with Tenby RNLI and gets called out at night.", "a lifeboat crewman"),
])
def test_a_role_held_at_a_named_organisation_is_an_occupation(sentence, role):
    items = found(sentence, "occupation")
    assert items, scan_text(sentence, CASE)
    if role is not None:
        assert any(role in item for item in items), items
    assert all(f.severity == "review" for f in scan_text(sentence, CASE) if f.kind == "occupation")


@pytest.mark.parametrize("sentence", [
    "She is a regular at Bellhaven Library on Saturdays.",         # a visitor, not a role
    "He was a patient at Morriston for a fortnight last year.",
    "She has been a member with Clydesdale Harriers for years.",
    "I was the locum osteopath at Fernhill Clinic that summer.",    # the writer's own work
    "It was a long week at Aviemore for everyone.",                 # no person holds it
])
def test_no_role_for_a_visit_a_membership_or_the_writers_work(sentence):
    assert found(sentence, "occupation") == [], found(sentence, "occupation")


# --- errors need strong evidence: organisations speaking, cited pairs, a way to book -------------

@pytest.mark.parametrize("sentence, word", [
    ("The leaflet from Bracken Hill Carers Support says the same thing.", "Support"),   # an organisation's last word
    ("As the charity Coastline Advice says, nobody should wait that long.", "Advice"),
])
def test_an_organisation_that_speaks_is_no_name(sentence, word):
    assert not [f for f in scan_text(sentence, CASE) if f.kind == "name" and word in f.text], scan_text(sentence, CASE)


def test_a_name_with_a_surname_that_speaks_is_still_an_error():
    findings = [f for f in scan_text("Then Ysolde Penhallow said she would rather stand.", CASE) if f.kind == "name"]
    assert findings and all(f.severity == "error" for f in findings), findings


def test_two_cited_authors_named_together_are_no_name():
    text = "Stroebe and Schut would have recognised the swing between the two."
    assert not [f for f in scan_text(text, CASE) if f.kind == "name"], scan_text(text, CASE)


def test_a_client_beside_an_author_is_still_found():
    text = "Her son Rafferty would not sit still while we talked about Rogers."
    assert any(f.kind == "name" and "Rafferty" in f.text for f in scan_text(text, CASE)), scan_text(text, CASE)


def test_a_booking_line_is_a_phone_number_not_a_record():
    findings = scan_text("Booking: 07700 900127 or the form on the website.", CASE)
    assert not [f for f in findings if f.kind == "record"], findings


def test_a_booking_reference_is_still_a_record():
    findings = scan_text("Her booking reference 55817320 was on the email.", CASE)
    assert any(f.kind == "record" for f in findings), findings


# --- exact age: an age said as a number of years, in notes and in compounds --------------------

@pytest.mark.parametrize("text, age", [
    ("Session one. 43, drives a forklift on earlies, sore low back since March.", "43"),
    ("- 66, keen gardener, left knee worse on stairs", "66"),
    ("saw morwenna again today. 58. still walking the coast path every morning.", "58"),
    ("He is a forty-four-year-old roofer with a bad shoulder.", "forty-four-year-old"),
])
def test_an_age_told_as_the_first_word_of_a_note_or_in_a_compound_is_found(text, age):
    items = found(text, "exact_age")
    assert any(age in item for item in items), items


@pytest.mark.parametrize("text", [
    "Hold each stretch for 30. Then rest and repeat.",        # a count, then a capital: a new sentence
    "- 20, 30 and 40 reps on alternate days",               # a list of counts
    "45, then 60 seconds on the second set.",
    "Pain was 7/10. 35. Degrees of rotation, that is.",      # a reading
    "I was 29, working in a call centre, when I trained.",    # the writer's own age is not the client's
])
def test_no_note_age_for_counts_readings_or_the_writer(text):
    assert found(text, "exact_age") == [], found(text, "exact_age")


# --- workplace: a saint's name is a church's, a school's or a hospital's -------------------------

@pytest.mark.parametrize("sentence, org", [
    ("She is back on the wards at St Wilfrid's now, on days.", "St Wilfrid's"),
    ("Both boys are at St Enodoc's, so the school run is short.", "St Enodoc's"),
    ("He still rings the bells at Saint Petroc's every Sunday.", "Saint Petroc's"),
])
def test_a_saints_name_is_an_organisation_to_review(sentence, org):
    findings = [f for f in scan_text(sentence, CASE) if f.kind in ("organisation", "workplace", "place")]
    assert any(org in f.text for f in findings), scan_text(sentence, CASE)
    assert all(f.severity == "review" for f in findings)


@pytest.mark.parametrize("sentence", [
    "She felt worse around St Swithin's Day, when it rained for a week.",   # a feast day
    "She had tried St John's wort before coming to see me.",              # a plant
])
def test_a_saints_day_or_a_plant_is_no_organisation(sentence):
    assert not [f for f in scan_text(sentence, CASE) if f.kind in ("organisation", "workplace", "place")], \
        scan_text(sentence, CASE)


# --- occupation: a trade told as the work done --------------------------------------------------

@pytest.mark.parametrize("sentence, work", [
    ("Gwilym farms sheep on the hill above Tregaron.", "farms sheep"),
    ("She has fished crab out of Cadgwith since she was sixteen.", "fished crab"),
    ("He runs about four hundred ewes with his cousin.", "runs about four hundred ewes"),
    ("Nights, she fillets haddock at the plant by the harbour.", "fillets haddock"),
])
def test_a_trade_told_as_the_work_done_is_an_occupation(sentence, work):
    items = found(sentence, "occupation")
    assert any(work in item for item in items), items


@pytest.mark.parametrize("sentence", [
    "She runs 10k on Sundays with the club.",          # a run, not a flock
    "She keeps hens and grows potatoes in the garden.",  # a garden's work, not a trade
    "I fished for trout as a boy, badly.",             # the writer's own
    "Salmon and cod are both fine on the diet sheet.",
])
def test_no_work_done_without_a_trade(sentence):
    assert found(sentence, "occupation") == [], found(sentence, "occupation")


# --- names: a cue on the surname names the whole name; a score's name is no person ----------------

def test_a_cue_on_the_surname_names_the_given_name_before_it_too():
    findings = [f for f in scan_text("A note on her: Nokuthula Dlamini, 44, coaches netball.", CASE) if f.kind == "name"]
    assert any(f.text == "Nokuthula Dlamini" and f.severity == "error" for f in findings), findings


def test_a_score_with_a_number_after_its_name_is_no_person():
    text = "At intake the Neck Disability Index, 38, was the worst of the three."
    assert not [f for f in scan_text(text, CASE) if f.kind == "name"], scan_text(text, CASE)
