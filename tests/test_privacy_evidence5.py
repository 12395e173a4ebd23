"""The privacy scan, round thirteen: an error needs strong evidence that a word is the client's or a
relative's name (weaker evidence makes a review item), and rules drawn from sentence shapes that recur
across many case studies, with what must still be found and what must not.  Every example is written
for this file."""

from __future__ import annotations

import pytest

from sitegen.privacy.detect import ScanContext, scan_text

CASE = ScanContext(allow=("Odile Marchetti", "Harrowgate Soft Tissue"))


def found(text: str, kind: str, ctx: ScanContext = CASE) -> list[str]:
    return [f.text for f in scan_text(text, ctx) if f.kind == kind]


def severities(text: str, kind: str = "name", ctx: ScanContext = CASE) -> dict[str, str]:
    return {f.text: f.severity for f in scan_text(text, ctx) if f.kind == kind}


# --- names: an honour names a public figure --------------------------------------------------------

@pytest.mark.parametrize("sentence, name", [
    ("She said Dame Prudence Elwick had swum the Solent at sixty, so why not her.", "Dame Prudence Elwick"),
    ("He reckoned Sir Torquil Ambrose-Vane never stretched once in his whole career.", "Sir Torquil Ambrose-Vane"),
    ("She'd felt braver since Lady Marisol spoke on the radio about her own knees.", "Lady Marisol"),
    ("His hero was Lord Ebbrington, who rowed the Atlantic twice.", "Lord Ebbrington"),
])
def test_a_name_after_an_honour_is_a_public_figure_to_review_not_an_error(sentence, name):
    assert severities(sentence).get(name) == "review", severities(sentence)


@pytest.mark.parametrize("sentence, name", [
    ("Mrs Ellingham-Roe came in with her stick and sat down heavily.", "Mrs Ellingham-Roe"),
    ("Mr Quenby told me his shoulder had locked on the Tuesday.", "Mr Quenby"),
    ("Her husband, Sir Alwyn, drives her to every appointment.", "Sir Alwyn"),
])
def test_a_clients_own_title_or_a_relative_with_an_honour_is_still_an_error(sentence, name):
    assert severities(sentence).get(name) == "error", severities(sentence)


# --- names: a body the client talks about, and that figure again by the given name ----------------

@pytest.mark.parametrize("sentence, name", [
    ("He said that if the brace was good enough for Marisa Vantongeren's knee, it was good enough for his.",
     "Marisa Vantongeren"),
    ("She knew more about KJ Oduya's hamstrings than her own, which gave us somewhere to start.", "Oduya"),
    ("We talked about Tobias Lindqvarn's shoulder for most of the second session.", "Tobias Lindqvarn"),
])
def test_a_full_name_owning_a_body_the_client_talks_about_is_no_error(sentence, name):
    sev = {f.text: f.severity for f in scan_text(sentence, CASE) if f.kind in ("name", "organisation")}
    assert all(s == "review" for t, s in sev.items() if name in t or t in name), sev


def test_the_given_name_of_a_full_name_found_without_a_cue_is_no_error_either():
    text = ("He said that if the brace was good enough for Marisa Vantongeren's knee, it was good enough for his. "
            "I have no idea what Marisa does for her knees.")
    sev = severities(text)
    assert sev.get("Marisa") == "review", sev
    assert all(f.severity == "review" for f in scan_text(text, CASE)), scan_text(text, CASE)


@pytest.mark.parametrize("sentence, name", [
    ("Ysella Penwarden's knee was swollen again after the walk.", "Ysella Penwarden"),   # the body in the story
    ("Tomos's shoulder had stiffened over the winter.", "Tomos"),                          # a given name alone
    ("Her son Ifan said his mum's knee was better for the stretches.", "Ifan"),            # a relative acting
])
def test_a_body_in_the_story_or_a_relative_acting_is_still_an_error(sentence, name):
    assert severities(sentence).get(name) == "error", severities(sentence)


# --- names: the author of a method, a test or a term -------------------------------------------------

@pytest.mark.parametrize("sentence, name", [
    ("Harald Quistgaard described the test that bears his name in 1961, and it is still taught.", "Quistgaard"),
    ("Osric Farnaby coined the phrase, as far as I know.", "Farnaby"),
    ("Mireille Caudron proposed it in 1984 and the idea stuck.", "Caudron"),
    ("Bertil Anselm developed the technique after a back injury of his own.", "Anselm"),
])
def test_the_author_of_a_method_test_or_term_is_cited_not_flagged(sentence, name):
    assert not any(name in t for t in found(sentence, "name")), found(sentence, "name")


@pytest.mark.parametrize("sentence, name", [
    ("Ngaire described the pain as a hot wire down the back of her leg.", "Ngaire"),   # the client describes
    ("Her husband Deiniol founded a bakery in the village in 2009.", "Deiniol"),        # a relative's business
    ("By March Bethan developed the cramp after every long drive.", "Bethan"),          # a symptom, not a method
])
def test_a_client_describing_or_developing_a_symptom_is_still_found(sentence, name):
    assert name in found(sentence, "name"), found(sentence, "name")


# --- family: how long the client has been with a partner ------------------------------------------

@pytest.mark.parametrize("sentence, span", [
    ("She came in the spring after her husband of twenty-two years moved to Perth.", "her husband of twenty-two years"),
    ("He had just split from his partner of nine years.", "his partner of nine years"),
    ("Their wife of 40 years died last winter.", "Their wife of 40 years"),
])
def test_a_partner_of_so_many_years_is_a_family_item(sentence, span):
    assert any(span.lower() in item.lower() for item in found(sentence, "family")), found(sentence, "family")
    assert all(f.severity == "review" for f in scan_text(sentence, CASE))


@pytest.mark.parametrize("sentence", [
    "Her physio of many years retired in March.",                # not a partner, no count
    "My husband of thirty years still can't cook.",              # the writer's own
    "She had been a nurse for twenty-two years.",                 # a career, no partner
])
def test_no_partner_item_without_a_partner_and_a_count(sentence):
    assert not any("of" in item for item in found(sentence, "family")), found(sentence, "family")


# --- timeline: a start fixed by something that happened, placed in a month or a season -------------

@pytest.mark.parametrize("sentence, span", [
    ("Her wrist has ached since the county bake-off in June.", "since the county bake-off in June"),
    ("He hasn't run since a fun run at Cardigan last September.", "since a fun run at Cardigan last September"),
    ("She has barely slept since her brother's accident in the winter.", "since her brother's accident in the winter"),
])
def test_a_start_fixed_by_an_event_in_a_month_or_season_is_a_timeline(sentence, span):
    assert any(span in item for item in found(sentence, "timeline")), found(sentence, "timeline")


@pytest.mark.parametrize("sentence", [
    "The clinic has been busier since the new receptionist started in March.",   # nobody treated in the sentence
    "Since the first session, things have eased.",                                # no month or season
    "I have used this test since the course I took in 2015.",                       # the writer's own
])
def test_no_timeline_for_a_start_without_a_client_or_a_time(sentence):
    assert not any(item.lower().startswith("since") for item in found(sentence, "timeline")), found(sentence, "timeline")


# --- names: someone in the client's life who is not family ---------------------------------------

@pytest.mark.parametrize("sentence, name", [
    ("The night carer, Bronagh, noticed she slept better on Thursdays.", "Bronagh"),
    ("Her neighbour Pat heard her calling from the garden.", "Pat"),
    ("His flatmate Tobiah said he had been limping for weeks.", "Tobiah"),
    ("Her friend Will drove her in and waited in the car.", "Will"),
])
def test_a_name_after_a_word_for_a_carer_friend_or_neighbour_is_found_for_review(sentence, name):
    assert severities(sentence).get(name) == "review", severities(sentence)


@pytest.mark.parametrize("sentence, name", [
    ("Her husband Will drove her in and waited in the car.", "Will"),
    ("Her sister Bronagh said she had been limping for weeks.", "Bronagh"),
    ("My client Tobiah came in limping.", "Tobiah"),
])
def test_a_name_after_a_relative_or_client_is_still_an_error(sentence, name):
    assert severities(sentence).get(name) == "error", severities(sentence)


# --- names: the name the body gives the client, in the title too ----------------------------------

def test_a_name_found_in_the_body_is_found_in_the_title_for_review():
    from sitegen.privacy.detect import name_words

    body = scan_text("Dean came in limping after a double shift. Dean is 41 and lifts all night.", CASE)
    assert name_words(body) == ("Dean",)
    title = [(f.kind, f.severity, f.text) for f in scan_text("Dean from the night shift",
                                                                 ScanContext(names=name_words(body)))]
    assert title == [("name", "review", "Dean")], title
    # alone, the title says too little to call the word a name
    assert found("Dean from the night shift", "name") == []


def test_only_the_same_word_written_the_same_way_and_only_names_the_body_is_sure_of():
    from sitegen.privacy.detect import name_words

    body = scan_text("Hope told me she had not slept since March. The Kathak school sent a card.", CASE)
    words = name_words(body)
    assert "Hope" in words and "Kathak" not in words, words
    ctx = ScanContext(names=words)
    assert [f.text for f in scan_text("Learning to hope again, slowly", ctx) if f.kind == "name"] == []
    assert [f.text for f in scan_text("Hope, and a long winter", ctx) if f.kind == "name"] == ["Hope"]


def test_check_reports_the_bodys_name_in_the_title_on_the_title_line(make_site, capsys):
    import json

    from sitegen.cli import main

    text = ("---\ntitle: Sessions with Rose\ndate: 2025-05-12\nclient: Client W\nsessions: 6\n"
            "presenting: Low back pain\nconsent:\n  obtained: 2025-04-10\n  form: written\n---\n\n"
            "Rose came in limping after a double shift at the depot.\n")
    site = make_site({"content/case-studies/w.md": text})
    main(["check", str(site), "--format", "json"])
    names = [(f["line"], f["severity"]) for f in json.loads(capsys.readouterr().out)["findings"]
             if f["kind"] == "privacy.name"]
    assert (2, "review") in names and any(line == 12 for line, _ in names), names


# --- names: notes written in lower case, opening with the client's name -------------------------

@pytest.mark.parametrize("text, name", [
    ("s2. priya came in limping, worse after the weekend.", "priya"),
    ("quick one. tomasz said the stretches were boring but he did them.", "tomasz"),
    ("- ngozi texted on the friday to move her slot.", "ngozi"),
])
def test_a_lower_case_given_name_opening_a_sentence_with_a_persons_act_is_a_name_to_review(text, name):
    assert severities(text).get(name) == "review", severities(text)


@pytest.mark.parametrize("text", [
    "the pain came back on the tuesday. sleep was poor.",       # a common word, not a name
    "rest said nothing to her, so we changed plan.",             # a common word that is also a name
    "she came in on the tuesday. it rained all day.",           # a pronoun
])
def test_no_lower_case_name_from_a_common_word_opening_a_sentence(text):
    assert found(text, "name") == [], found(text, "name")
