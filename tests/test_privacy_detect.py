"""The identifier scan: true positives and traps for every kind, allow and register, invariants."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.privacy.detect import FIXES, KINDS, REASONS, Finding, ScanContext, scan_text

SITE = ScanContext(allow=("Morven Tait", "Tait Bodywork", "Client A", "A."))


def found(text: str, ctx: ScanContext = SITE) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in scan_text(text, ctx)]


def kinds(text: str, ctx: ScanContext = SITE) -> set[str]:
    return {f.kind for f in scan_text(text, ctx)}


def assert_flags(text: str, kind: str, needle: str, ctx: ScanContext = SITE) -> None:
    hits = [f for f in scan_text(text, ctx) if f.kind == kind]
    assert any(needle in f.text or f.text in needle for f in hits), (text, found(text, ctx))


def assert_clean(text: str, ctx: ScanContext = SITE) -> None:
    assert found(text, ctx) == [], text


# --- names -------------------------------------------------------------------------

@pytest.mark.parametrize("text, needle", [
    ("Priya said her shoulder felt looser.", "Priya"),
    ("After the third session Priya lifted her arm overhead.", "Priya"),
    ("Mrs Adeyemi came on a Tuesday.", "Mrs Adeyemi"),
    ("The referral came from Dr. Lund at the practice.", "Dr. Lund"),
    ("Mr O'Neill was sceptical at first.", "Mr O'Neill"),
    ("Ms. Kowalczyk cancelled twice.", "Ms. Kowalczyk"),
    ("Gareth Pryce is a joiner with a bad knee.", "Gareth Pryce"),
    ("Her husband Dev drives her to sessions.", "Dev"),
    ("Kwame said the headaches had stopped.", "Kwame"),
    ("Grace told me she was sleeping better.", "Grace"),
    ("Her daughter, Will, booked the appointment.", "Will"),
    ("Gareth, 52, works with his hands.", "Gareth"),
    ("Amara's husband waited in the car.", "Amara"),
    ("The letter was signed by Dr Sarah Whitcombe.", "Dr Sarah Whitcombe"),
    ("Anna van der Berg booked three sessions.", "Anna van der Berg"),
    ("Zoë felt lighter afterwards.", "Zoë"),
    ("Then Priya's surgery went well.", "Priya"),
    ("Afterwards Priya's arthritis settled.", "Priya"),
    ("At the door I met Oluwadamilare and his mother.", "Oluwadamilare"),
])
def test_names_are_flagged(text, needle):
    assert_flags(text, "name", needle)


def test_a_confirmed_name_is_flagged_everywhere_in_the_text():
    text = "Mrs Adeyemi came in. Later Adeyemi laughed about it."
    assert [f.text for f in scan_text(text, SITE) if f.kind == "name"] == ["Mrs Adeyemi", "Adeyemi"]


@pytest.mark.parametrize("text", [
    # virtues, plants, months and common words that are also given names
    "Will she need more sessions? Possibly.",
    "Grace and patience were what the case needed most.",
    "Hope matters too. Joy is a big word for what she felt.",
    "Sage, rosemary and lavender oils went into the blend.",
    "In May she was gardening again; in June she had hay fever.",
    "Mark the date in your diary, I tell every client.",
    "Frank conversations about pain scores are essential.",
    # eponyms, however they are written
    "There was no sign of Bell's palsy, and Parkinson's had been ruled out.",
    "She has a Baker's cyst and Achilles tendinopathy; the Achilles tendon is thick.",
    "Her brother has Ehlers-Danlos syndrome; she had Osgood-Schlatter disease as a girl.",
    "Legg-Calvé-Perthes disease, Sever's disease and Graves' disease are all eponyms.",
    "Hashimoto's, Ménière's and de Quervain's tenosynovitis; Dupuytren's contracture.",
    "The Thomas test showed tight hip flexors and Tinel's sign was negative.",
    "Using Gibbs' reflective cycle and Kolb's cycle, I looked at my feelings.",
    "Gibbs (1988) asks why; see also Travell and Simons on trigger points.",
    # named methods and bodies
    "I used the Bowen technique and ideas from the Alexander technique.",
    "Pilates twice a week, Feldenkrais classes, Trager work and Rolfing.",
    "Thanks to the CNHC, the FHT, NICE and the NHS; her GP agreed.",
    # generic uses of places, holidays, headings
    "Indian head massage, Himalayan salt, a Turkish bath, Swedish massage and Epsom salts.",
    "Christmas Eve and Boxing Day are busy. She lives in Chester.",
    "## What Changed After Session Four",
    "I trained in Thai massage in Chiang Mai years ago.",
    "She had a slice of Victoria sponge and wore steel-toe Dr. Martens.",
    "Shin splints in a teenage cross-country runner",
    "She had Tommy John surgery, Ramsay Hunt syndrome and Scheuermann's kyphosis.",
    "I'll call her R. in this post; it's what she asked for.",
    "[^1]: Travell JG, Simons DG (1999) Myofascial Pain and Dysfunction.",
])
def test_name_traps_are_not_flagged(text):
    assert "name" not in kinds(text), found(text)


def test_a_sentence_initial_word_used_in_lower_case_elsewhere_is_not_a_name():
    assert "name" not in kinds("Sandy beaches help. The path was sandy and soft.")


# --- contact details -----------------------------------------------------------------

@pytest.mark.parametrize("text, kind, needle", [
    ("Email her at jo.bloggs@yahoo.co.uk.", "email", "jo.bloggs@yahoo.co.uk"),
    ("Write to jo [at] example [dot] com.", "email", "jo [at] example [dot] com"),
    ("See https://www.facebook.com/priya.shah for photos.", "url", "https://www.facebook.com/priya.shah"),
    ("Her site www.prycejoinery.co.uk is new.", "url", "www.prycejoinery.co.uk"),
    ("Her blog is jobloggs.wordpress.com these days.", "url", "jobloggs.wordpress.com"),
    ("Her shop is at gareths-joinery.co.uk.", "url", "gareths-joinery.co.uk"),
    ("Follow @priya_runs for race photos.", "handle", "@priya_runs"),
    ("The log showed 86.14.203.77.", "ip", "86.14.203.77"),
    ("The headers showed 2a02:c7c:5d41:9e00::21 as the sender.", "ip", "2a02:c7c:5d41:9e00::21"),
])
def test_contact_details_are_flagged(text, kind, needle):
    assert_flags(text, kind, needle)


def test_email_wins_over_url_and_handle():
    assert found("Mail priya.shah@gmail.com today.") == [("email", "priya.shah@gmail.com")]


@pytest.mark.parametrize("text", [
    "The NHS page https://www.nhs.uk/conditions/frozen-shoulder/ is clear.",
    "NICE guidance (nice.org.uk) and doi.org/10.1000/182 were useful.",
    "Use e.g. and i.e. carefully; the notes.md file is private.",
    "We met at 10:30:00 and again at 14:15.",
])
def test_contact_traps_are_not_flagged(text):
    assert_clean(text)


# --- phone numbers ---------------------------------------------------------------------

@pytest.mark.parametrize("text, needle", [
    ("Call me on 07412 556789 if it flares up.", "07412 556789"),
    ("Her landline is 01539 721234.", "01539 721234"),
    ("Abroad she uses +44 7412 556789.", "+44 7412 556789"),
    ("His US cell is +1 (212) 555-0147.", "+1 (212) 555-0147"),
    ("The office number is 212-736-5000.", "212-736-5000"),
    # libphonenumber calls these invalid; written as phone numbers they are flagged
    ("Text me on 07700 900461 any time.", "07700 900461"),
    ("Her mobile is 07700 900123.", "07700 900123"),
    ("Call 555-0134 after six.", "555-0134"),
])
def test_phone_numbers_are_flagged(text, needle):
    assert_flags(text, "phone", needle)


@pytest.mark.parametrize("text", [
    "BP 120/80, 3 x 10 reps, in 2019, 10,000 steps, 45 minutes, pain 7/10.",
    "Sessions were 60 minutes; we did 20 reps of 3 sets over 12 weeks in 2023-2024.",
    "She walked 12,500 steps and slept 7.5 hours; her weight fell by 3.2 kg.",
    "Between 1998-2004 she lived abroad; the £1,250,000 house sold.",
])
def test_phone_traps_are_not_flagged(text):
    assert "phone" not in kinds(text), found(text)


# --- places ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind, needle", [
    ("She lives at Flat 3, 22 Mill Lane, Kendal.", "address", "Flat 3, 22 Mill Lane"),
    ("She lives at 7B Kingsley Road.", "address", "7B Kingsley Road"),
    ("He lives on Canal Street now.", "address", "Canal Street"),
    ("Apartment 4C, 221 West 57th Street, New York.", "address", "221 West 57th Street"),
    ("Post it to LA9 4AB, please.", "postcode", "LA9 4AB"),
    ("The clinic is near SW1A 1AA.", "postcode", "SW1A 1AA"),
    ("She moved to Portland, OR 97205 last year.", "zip", "97205"),
    ("The family's ZIP, 97214, was on the form.", "zip", "97214"),
    ("Her ZIP code is 55416-1207.", "zip", "55416-1207"),
    ("He works at Hollins Bakery in Kendal.", "workplace", "Hollins Bakery in Kendal"),
    ("She teaches at St Brigid's Primary in Galway.", "workplace", "St Brigid's Primary in Galway"),
    ("She is a nurse at Royal Derby Hospital.", "workplace", "Royal Derby Hospital"),
    ("He packs boxes at the warehouse in Penrith.", "workplace", "warehouse in Penrith"),
    ("He is a welder at Tyne Fabrication in Wallsend.", "workplace", "Tyne Fabrication in Wallsend"),
    ("She's a receptionist at Hillside Surgery, Kendal.", "workplace", "Hillside Surgery, Kendal"),
    ("I see a client who works at Hollins Bakery in Kendal.", "workplace", "Hollins Bakery in Kendal"),
    ("He manages the Co-op in Ambleside.", "workplace", "Co-op in Ambleside"),
])
def test_places_are_flagged(text, kind, needle):
    assert_flags(text, kind, needle)


@pytest.mark.parametrize("text", [
    "She walked 5 miles along the canal and 3 more on the road.",
    "Her 10,000 steps and 12345 were nothing special.",
    "The primary school and the hospital were both mentioned.",
    "She had 3 sessions in March and 2 in April.",
    # the writer's own training and work are not about a client
    "I trained at the Northern Institute of Massage in Bury.",
    "I worked for years at the hospital in Carlisle before going freelance.",
])
def test_place_traps_are_not_flagged(text):
    assert not kinds(text) & {"address", "postcode", "zip", "workplace"}, found(text)


# --- dates and ages ------------------------------------------------------------------------

@pytest.mark.parametrize("text, needle", [
    ("She came on 14 March with a stiff neck.", "14 March"),
    ("She came on March 14th with a stiff neck.", "March 14th"),
    ("The race was on the 3rd of June 2024.", "3rd of June 2024"),
    ("The letter is dated 12/05/2023.", "12/05/2023"),
    ("The X-ray was on 2024-02-19.", "2024-02-19"),
    ("He was born 2 August 1961 in Leeds.", "2 August 1961"),
    ("We met on Wednesday 12th.", "Wednesday 12th"),
    ("Discharged on 5 Jan. after a week.", "5 Jan"),
])
def test_dates_are_flagged(text, needle):
    assert_flags(text, "date", needle)


@pytest.mark.parametrize("text", [
    "She came back in March 2025 for a top-up.",
    "In March she felt better; on Mondays she swims.",
    "She retired in 2019 and loves Christmas.",
    "Her pain was 7/10 in week 3; in 2023-2024 it was worse.",
    "In March 3 sessions helped; by May 2 more sessions had.",
])
def test_date_traps_are_not_flagged(text):
    assert "date" not in kinds(text), found(text)


@pytest.mark.parametrize("text, needle", [
    ("A 93-year-old came for reflexology.", "93-year-old"),
    ("She is 95 and still walks daily.", "She is 95"),
    ("Her mother, aged 91, lives with them.", "aged 91"),
    ("He is ninety-four years old.", "ninety-four years old"),
    ("She celebrated her 90th birthday in the spring.", "90th birthday"),
    ("At 97 she still does her own shopping.", "At 97 she"),
])
def test_ages_over_89_are_flagged(text, needle):
    assert_flags(text, "age", needle)


@pytest.mark.parametrize("text", [
    "Sessions were 90 minutes; flexion reached 90 degrees.",
    "A 45-year-old teacher, aged 45.",
    "She is 89 and fiercely independent.",
    "She is aged 90+ and her husband is 95 or older.",
    "We held the stretch for 95 seconds at 90% effort.",
])
def test_age_traps_are_not_flagged(text):
    assert "age" not in kinds(text), found(text)


# --- numbers -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind, needle", [
    ("Her NHS number is 943 476 5919.", "nhs", "943 476 5919"),
    ("A letter headed 9434765919 arrived.", "nhs", "9434765919"),
    ("Her NHS number was written as 403-818-4374.", "nhs", "403-818-4374"),
    ("His SSN, 223-58-1146, was on the form.", "ssn", "223-58-1146"),
    ("The MRN 4829301 was on the letter.", "record", "4829301"),
    ("Her patient ID AB-12345 was on the wristband.", "record", "AB-12345"),
    ("Policy number POL-77812 covered it.", "record", "POL-77812"),
    ("Her nursing license number RN281774 was on file.", "record", "RN281774"),
    ("Car reg KX19 ZTB was in the car park.", "record", "KX19 ZTB"),
    ("Her Medicare number 2953 81647 1 was on the claim.", "record", "2953 81647 1"),
    ("National Insurance number QQ 12 34 56 C.", "record", "QQ 12 34 56 C"),
])
def test_identifying_numbers_are_flagged(text, kind, needle):
    assert_flags(text, kind, needle)


def test_nhs_wins_over_phone_and_phone_wins_when_introduced_as_one():
    assert found("NHS number 943 476 5919") == [("nhs", "943 476 5919")]
    assert found("her cell, 404-771-2396, is on the form") == [("phone", "404-771-2396")]


@pytest.mark.parametrize("text", [
    "The code 123 456 7890 fails the NHS checksum.",
    "SSN-shaped 000-12-3456 and 666-12-3456 are never issued.",
    "Her record shows 12 sessions and a plan of 3 x 10.",
    "Her treatment plan has 4 phases over 2024.",
])
def test_number_traps_are_not_flagged(text):
    assert not kinds(text) & {"nhs", "ssn", "record"}, found(text)


# --- allow and register ----------------------------------------------------------------------

def test_allowed_phrases_and_their_capitalised_words_are_never_flagged():
    text = "Morven Tait wrote this. Tait Bodywork is the practice; Morven said so. Mrs Tait agreed."
    assert_clean(text)


def test_allow_is_case_insensitive_and_whole_word():
    ctx = ScanContext(allow=("07412 556789", "Priya"))
    assert found("PRIYA said to ring 07412 556789.", ctx) == []
    assert found("Priyanka said so.", ctx) == [("name", "Priyanka")]


def test_allowed_practice_contact_inside_a_longer_match_is_dropped():
    ctx = ScanContext(allow=("taitbodywork.co.uk",))
    assert found("Book at https://www.taitbodywork.co.uk/booking today.", ctx) == []


def test_register_entries_are_always_findings_and_win_over_everything():
    ctx = ScanContext(allow=("Morven Tait",), register=("Priya Shah", "07412 556789", "priya.s@example.com"))
    got = found("priya shah rang from 07412556789 and wrote from priya.s@example.com.", ctx)
    assert got == [("register", "priya shah"), ("register", "07412556789"), ("register", "priya.s@example.com")]


def test_a_register_phone_number_is_found_however_it_is_written():
    ctx = ScanContext(register=("07412 556789",))
    assert found("Ring +44 7412 556789 or 0161 496 0000.", ctx) == [
        ("register", "+44 7412 556789"), ("phone", "0161 496 0000")]


def test_register_ignores_accents():
    ctx = ScanContext(register=("Zoë", "Ciaran"))
    assert [k for k, _ in found("Zoe came; ZOË too; Ciarán and Ciaran.", ctx)] == ["register"] * 4


def test_register_matches_whole_words_only():
    ctx = ScanContext(register=("Jo",))
    assert [f.kind for f in scan_text("Jo came; Joanne did not; jogging helps.", ctx)].count("register") == 1


def test_register_offsets_survive_characters_that_lower_case_to_two():
    text = "İİ Priya Shah came"
    (f,) = scan_text(text, ScanContext(register=("priya shah",)))
    assert (f.kind, f.text) == ("register", "Priya Shah")


def test_region_decides_numbers_without_a_country_code():
    assert_flags("Call (212) 555-0147 today.", "phone", "(212) 555-0147", ScanContext(region="US"))


# --- the findings themselves ---------------------------------------------------------------------

def test_every_kind_has_a_reason_and_a_fix():
    for kind in KINDS + ("register",):
        # a review item's reason is the question the author is asked
        assert REASONS[kind].endswith((".", "?")) and FIXES[kind].endswith(".")


def test_findings_carry_offsets_text_reason_and_fix():
    text = "Line one.\nCall 07412 556789 now."
    (f,) = scan_text(text)
    assert isinstance(f, Finding)
    assert text[f.start:f.end] == f.text == "07412 556789"
    assert f.reason == REASONS["phone"] and "privacy.allow" in f.fix


def test_markdown_constructs_are_scanned():
    text = (
        "> Priya said it helped.\n\n"
        "| Client | Phone |\n|---|---|\n| x | 07412 556789 |\n\n"
        "<!-- mrs adeyemi: jo@example.com -->\n"
        "[her page](https://www.instagram.com/fellrunner_ruth)\n"
        "IP 86.14.203.77\n"
    )
    assert {k for k, _ in found(text)} >= {"name", "phone", "email", "url", "ip"}


def test_code_is_never_scanned():
    text = ("Run `git log --since=2024-03-14` first.\n\n```\ncall 07412 556789\njo@example.com\n```\n\n"
            "~~~text\nMrs Adeyemi 14 March 2024\n~~~\nAfter the code.\n")
    assert found(text) == []


def test_empty_and_blank_texts():
    assert scan_text("") == [] and scan_text("   \n ") == []


# --- invariants ----------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("abcdefghij ABCDEFGHIJ 0123456789 .,;:!?@#/-_()[]'’\"\n|*>+") +
    ["Priya", "Mrs ", "Dr. ", "07412 556789", "March", " 14th", "Street", "Bakery", " in ", "Kendal",
     "@x", "www.", ".co.uk", "NHS ", "943 476 5919", "ZIP ", "aged ", "93", "’s", "'s", "-"]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=60).map("".join),
       st.lists(st.sampled_from(["Priya", "Kendal", "07412 556789", "M.", "x"]), max_size=3))
def test_scan_never_raises_and_returns_sorted_disjoint_in_bounds_findings(text, extra):
    ctx = ScanContext(allow=tuple(extra), register=tuple(extra[:1]))
    findings = scan_text(text, ctx)
    last_end = 0
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert f.start >= last_end
        assert text[f.start:f.end] == f.text
        assert f.kind in KINDS or f.kind == "register"
        last_end = f.end


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_scan_handles_any_unicode(text):
    for f in scan_text(text, SITE):
        assert text[f.start:f.end] == f.text


def test_scanning_is_fast():
    paragraph = (
        "Client A is a joiner in his fifties who came to me in March 2025 with a stiff left shoulder. "
        "His GP had ruled out a fracture, and there was no history of Parkinson's or diabetes. Over six "
        "sessions of 60 minutes I used myofascial release and the Bowen technique; by session 6 he could "
        "reach the top shelf. Will he need more? Possibly. His pain score went from 7/10 to 2/10, and he "
        "walked 10,000 steps a day. Gibbs (1988) asks me to look at why it worked. "
    )
    text = paragraph * 14  # about 1,000 words
    scan_text(text, SITE)
    best = min(_timed(lambda: scan_text(text, SITE)) for _ in range(5))
    # The target is a few milliseconds; the bound is loose for busy CI machines.
    assert best < 0.05, f"{best * 1000:.1f} ms for ~1,000 words"


def _timed(fn) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


# --- held-out failure categories: general rules ------------------------------------------

@pytest.mark.parametrize("text, needle", [
    ("She works nights at the freight warehouse in Carlisle.", "warehouse in Carlisle"),
    ("Her job at the credit union in Kendal is mostly at a desk.", "credit union in Kendal"),
    ("He picks up extra shifts at the meat processing plant in Driffield.", "plant in Driffield"),
    ("She is employed by the call centre in Sunderland, on a headset all day.", "call centre in Sunderland"),
    ("He is manager of the garden centre shop near Hexham.", "shop near Hexham"),
    ("Her job at the small branch office in Whitby involves driving.", "branch office in Whitby"),
    ("She works at the care home in Ulverston.", "care home in Ulverston"),
])
def test_lower_case_workplaces_with_a_town_are_flagged(text, needle):
    assert_flags(text, "workplace", needle)


@pytest.mark.parametrize("text", [
    "She works in the town centre in Kendal, she said, but lives out of town.",
    "We met at a nursing home in Leeds for a training day.",
    "The warehouse in the story was a metaphor.",
    "I worked for years at the credit union in Carlisle before retraining.",
])
def test_lower_case_workplace_traps_are_not_flagged(text):
    assert "workplace" not in kinds(text), found(text)


@pytest.mark.parametrize("text", [
    "As Donald Winnicott describes, the holding environment matters.",
    "As Babette Rothschild wrote, the body remembers.",
    "As Carl Rogers suggested, unconditional regard comes first.",
    "Irvin Yalom taught that the relationship heals.",
    "I leaned on Elisabeth Kübler-Ross's five stages and on Bowlby's theory.",
    "Colin Murray Parkes's model of grief helped me frame it.",
    "Dr. Sarno's approach is controversial.",
    "The idea goes back to attachment research (Holmes and Rahe, 1967).",
    "The founder of osteopathy, Andrew Taylor Still, believed the body heals itself.",
    "The psychiatrist Bessel van der Kolk says the body keeps the score.",
    "Thomas Myers, *Anatomy Trains*, maps the fascial lines.",
    "Peter Levine's book \"Waking the Tiger\" changed how I work.",
    "I reread *Waking the Tiger* by Peter Levine over the holiday.",
])
def test_cited_authors_are_not_flagged(text):
    assert "name" not in kinds(text), found(text)


@pytest.mark.parametrize("text, needle", [
    ("As Priya described it, the pain was sharp.", "Priya"),
    ("Priya's approach to pacing was to do too much.", "Priya"),
    ("Gareth Pryce wrote to me after the last session.", "Gareth Pryce"),
])
def test_clients_in_citation_like_sentences_are_still_flagged(text, needle):
    assert_flags(text, "name", needle)


@pytest.mark.parametrize("text", [
    "De Quervain's tenosynovitis is common in new parents.",
    "## De Quervain's and the new parent",
    "Van Buchem disease is rare.",
    "Le Fort fractures follow facial trauma.",
    "Von Willebrand disease needs care with deep pressure.",
    "She was referred with a De Quervain's flare.",
])
def test_eponyms_starting_with_a_particle_are_not_flagged(text):
    assert "name" not in kinds(text), found(text)


@pytest.mark.parametrize("text, needle", [
    ("Then Rhys's hamstring tightened again.", "Rhys"),
    ("We eased Patrick's shoulder with slow work.", "Patrick"),
    ("Later Tom's knee swelled after football.", "Tom"),
    ("I worked on Will's neck for twenty minutes.", "Will"),
    ("Thomas's lower back locked on the Tuesday.", "Thomas"),
    ("By week two Ellis's left hip moved freely.", "Ellis"),
])
def test_a_possessive_name_before_a_body_part_is_a_person(text, needle):
    assert_flags(text, "name", needle)


@pytest.mark.parametrize("text", [
    "Her Achilles tendon was thick and Bell's palsy had left her face weak.",
    "Morton's toe and Morton's neuroma are different things.",
    "Parkinson's affects gait; Baker's cyst sits behind the knee.",
    "Runner's knee and Gamekeeper's thumb are named for activities.",
])
def test_eponyms_with_medical_heads_are_still_guarded(text):
    assert "name" not in kinds(text), found(text)


@pytest.mark.parametrize("text, needle", [
    ("Jo lifted her arm above her head.", "Jo"),
    ("Intro line.\n\nCallum limped in ten minutes late.", "Callum"),
    ("Notes.\nNneka winced as I found the spot.", "Nneka"),
    ("Rhiannon drove herself in that week.", "Rhiannon"),
    ("Yusuf sat down heavily.", "Yusuf"),
])
def test_a_given_name_opening_a_line_with_a_verb_is_flagged(text, needle):
    assert_flags(text, "name", needle)


@pytest.mark.parametrize("text", [
    "Hope arrived from an unexpected place.",
    "Spring arrived late; May came and went.",
    "Grace was what the case needed.",
    "Help arrived in the form of a referral.",
])
def test_virtue_and_time_words_opening_a_line_are_not_names(text):
    assert "name" not in kinds(text), found(text)


@pytest.mark.parametrize("text, needle", [
    ("Her membership number 4412873390 was on the form.", "4412873390"),
    ("The policy number 2079461834 was printed on the card.", "2079461834"),
    ("His account number: 2125550134.", "2125550134"),
    ("Member no. 7412556789 appeared on the letter.", "7412556789"),
    ("Patient ID 4155550134 was on the label.", "4155550134"),
])
def test_record_context_wins_over_phone_and_nhs_shape(text, needle):
    assert ("record", needle) in found(text), found(text)


def test_phone_and_nhs_contexts_still_win():
    assert ("phone", "07412 556789") in found("Her mobile number 07412 556789 is on file.")
    assert found("Her NHS number 943 476 5919 was on the letter.")[0][0] == "nhs"


@pytest.mark.parametrize("text, city", [
    ("She lives at 418 Oak Street, Austin, TX 78704.", "Austin"),
    ("Mail went to 22 Pine Avenue, Madison, WI 53703.", "Madison"),
    ("Her flat was at 12 Main St, Tyler, TX 75701.", "Tyler"),
    ("Send it to 5 Birch Lane, Jackson, Mississippi 39201.", "Jackson"),
    ("The form said 90 Cedar Road, Austin, TX.", "Austin"),
])
def test_a_us_city_in_an_address_is_not_a_name(text, city):
    assert ("name", city) not in found(text), found(text)
    assert "name" not in kinds(text), found(text)
