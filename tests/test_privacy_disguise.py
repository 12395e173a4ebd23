"""The second privacy scan by category: two confidences, the disguise review, places and
organisations, people cited or named in things, essays read as essays, and the word tables.
Every example is written for this file; categories, not cases."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitegen.privacy.detect import ScanContext, scan_text
from sitegen.privacy.wordstats import stats

CASE = ScanContext(allow=("Harriet Quayle", "Quayle Soft Tissue Therapy", "Client A"))
ESSAY = ScanContext(allow=("Harriet Quayle", "Quayle Soft Tissue Therapy"), essay=True)


def found(text: str, ctx: ScanContext = CASE) -> list[tuple[str, str, str]]:
    return [(f.kind, f.severity, f.text) for f in scan_text(text, ctx)]


def kinds(text: str, ctx: ScanContext = CASE) -> set[str]:
    return {k for k, _, _ in found(text, ctx)}


def has(text: str, kind: str, needle: str, severity: str | None = None, ctx: ScanContext = CASE) -> bool:
    return any(k == kind and (severity is None or s == severity) and (needle in t or t in needle)
               for k, s, t in found(text, ctx))


# --- a case study in a real blog's voice: what lets a neighbour recognise her ---------------------

def test_occupation_and_timeline_of_a_real_style_case_study_are_surfaced():
    text = ("She's a teacher and she started seeing me about 3 months ago. She has been off work "
            "for 4 years on and off with her back, and her partner works nights.")
    assert has(text, "occupation", "a teacher", "review")
    assert has(text, "timeline", "about 3 months ago", "review")
    assert has(text, "timeline", "for 4 years", "review")
    assert all(s == "review" for _, s, _ in found(text))  # nothing here blocks by itself


@pytest.mark.parametrize("text, kind, needle", [
    ("Client A, a 41-year-old welder, came in limping.", "occupation", "welder"),
    ("Client A works as a night porter at the hospital.", "occupation", "night porter"),
    ("She taught piano for most of her life.", "occupation", "taught piano"),
    ("He packs boxes at a warehouse in the evenings.", "occupation", "at a warehouse"),
    ("Client A is recently widowed.", "family", "recently widowed"),
    ("She has three teenage sons.", "family", "three teenage sons"),
    ("Her 14-year-old daughter came to the first session.", "family", "14-year-old daughter"),
    ("She has cared for her husband since his stroke.", "family", "cared for her husband"),
    ("Client A is 52 and walks a lot.", "exact_age", "is 52"),
    ("A 67-year-old retired nurse, she loves her garden.", "exact_age", "67-year-old"),
    ("Her symptoms began in March 2023.", "timeline", "March 2023"),
    ("She moved house two years ago.", "timeline", "two years ago"),
    ("She has lived in Thirsk since 2009.", "timeline", "since 2009"),
])
def test_indirect_identifiers_are_review_items(text, kind, needle):
    assert has(text, kind, needle, "review"), found(text)


@pytest.mark.parametrize("text", [
    "I have been a massage therapist for 12 years.",          # the writer, not the client
    "I trained as a nurse before I retrained in 2015.",
    "We met for six sessions over eight weeks.",               # relative time is what we advise
    "By session 3 the pain was down to 4/10.",
    "She had had back pain for several years.",                # vague: nobody is singled out
    "Her GP referred her to a physiotherapist.",              # people in her care, not her job
])
def test_what_is_not_a_disguise_item(text):
    assert found(text) == [], found(text)


# --- places and organisations ---------------------------------------------------------------------

@pytest.mark.parametrize("text, needle", [
    ("She lives in Thirsk with her dog.", "Thirsk"),              # a small town from the gazetteer
    ("He farms just outside Sedbergh.", "Sedbergh"),
    ("She moved to Little Snoring last year.", "Little Snoring"),  # a village too small for it
    ("She grew up in Penrith.", "Penrith"),
    ("They spend summers in the Lake District.", "Lake District"),
    ("He surfs on the Surf Coast most mornings.", "Surf Coast"),
])
def test_towns_and_regions_are_review_items(text, needle):
    assert has(text, "place", needle, "review"), found(text)


@pytest.mark.parametrize("text", [
    "She had a holiday in France.",                  # a country
    "He moved to Texas for work.",                    # a state
    "We used the Beighton score to check.",           # a town's name as an eponym
    "Indian head massage helped her relax.",
    "Her Parkinson's is mild.",
])
def test_places_that_narrow_nobody_down(text):
    assert "place" not in kinds(text), found(text)


@pytest.mark.parametrize("text, needle", [
    ("She runs with Hambleton Harriers on Sundays.", "Hambleton Harriers"),     # a club
    ("He plays for Eden Valley Rovers.", "Eden Valley Rovers"),
    ("She lives at Larchfield House now.", "Larchfield House"),                # a care home
    ("He works at the Cascade Freight warehouse.", "Cascade Freight"),          # a small business
    ("She joined Brackenbury Swimming Club in the spring.", "Brackenbury Swimming Club"),
])
def test_named_organisations_are_review_items(text, needle):
    assert any(k in ("organisation", "workplace") and needle in t for k, _, t in found(text)), found(text)


# --- names: two confidences, cited people, named things --------------------------------------------

@pytest.mark.parametrize("text, needle", [
    ("I rang Mrs Day to move her appointment.", "Mrs Day"),     # a common word after a title
    ("Her husband Will drove her in.", "Will"),                  # ... after "her husband"
    ("Dr West had referred her.", "Dr West"),
    ("her son jamie waited outside.", "jamie"),                  # a name in lower case
    ("Her mother, Siobhán, signed the form.", "Siobhán"),
    ("Kwabena said it eased by the evening.", "Kwabena"),
])
def test_names_with_a_person_cue_are_errors(text, needle):
    assert has(text, "name", needle, "error"), found(text)


def test_names_in_other_scripts_are_found():
    assert has("Her grandmother 王秀英 lives with them.", "name", "王秀英")


def test_an_unknown_proper_noun_is_a_review_item():
    assert has("Then Okonkwo went quiet for a while.", "name", "Okonkwo")
    assert has("We talked and Okonkwo laughed.", "name", "Okonkwo")


@pytest.mark.parametrize("text", [
    "As Carl Rogers put it, the client knows best.",
    "I leaned on Winnicott and on Bowlby's work on attachment.",
    "Dr. Worden's framing helped her.",
    "We tried the Tyler twist for her elbow.",              # a method named after a person
    "The Braxton Hicks tightenings were brief.",
    "Murphy's law applied to my diary that week.",          # an idiom
    "She chose Earl Grey over builder's tea.",
    "She tracks her walks on Strava and Garmin.",           # products
])
def test_cited_people_methods_and_named_things_are_not_clients(text):
    assert "name" not in kinds(text), found(text)


# --- contact details that belong to no client -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "My clinic number is 01904 622187 and bookings go to hello@quaylesoft.co.uk.",   # the practice's own
    "Samaritans are on 116 123, and the NHS 111 line can help.",                    # public helplines
    "Childline is free on 0800 1111.",
    "The router gave her phone 192.168.1.40.",                                      # a private address
    "The logo is logo@2x.png.",                                                      # a file name
])
def test_contact_details_that_identify_no_client(text):
    assert [k for k in kinds(text) if k in ("phone", "email", "ip")] == [], found(text)


# --- essays read like essays --------------------------------------------------------------------------

def test_essays_skip_code_links_file_names_and_version_numbers():
    text = ("I moved the site in May; see [the notes](https://example.org/notes/2024-03-14) and "
            "<https://github.com/someone/site/issues/118>.\n\nVersion 2.10.4 fixed issue #118 "
            "(commit 3f9a2c1).\n\n```\ncurl -H 'X-Id: 4471 5520 1234' 10.0.0.1\nphone: 07412 556789\n```\n\n"
            "Run `sitegen build --since 2024-03-14` and look at icon@3x.png. Write to no-reply@example.com.\n")
    assert found(text, ESSAY) == []


def test_essay_names_need_a_person_cue():
    text = ("Thanks to Til Luchau for the course. I keep notes in Obsidian and sync with Dropbox. "
            "GitHub hosts it. A client once told me her husband Geoff had booked it.")
    names = [t for k, _, t in found(text, ESSAY) if k == "name"]
    assert "Geoff" in names
    assert not {"Obsidian", "Dropbox", "GitHub"} & set(names)


def test_an_essays_date_counts_only_about_a_client():
    assert found("On 14 June 2024 I moved my site to a new host.", ESSAY) == []
    assert kinds("My client's session on 14 June 2024 went badly.", ESSAY) == {"date"}


def test_essays_get_no_disguise_review():
    assert found("My friend is a teacher in Thirsk, married for 20 years.", ESSAY) == []


# --- the word tables: precomputed once, loaded fast ---------------------------------------------------

def test_word_tables_carry_commonness_of_words_names_and_places():
    st = stats()
    assert st.of("the").zipf > 7 and st.of("Winnicott").zipf < 3
    assert st.given("Priya") >= 1 and st.given("Teacher") < 0
    assert st.of("Okafor").surname >= 1
    assert st.place("Thirsk") >= 3 and st.place("Hebden Bridge") >= 3 and st.of("Hebden").place_head
    assert st.country("France") and st.country("Texas") and not st.country("Kendal")


def test_word_tables_are_built_once_and_then_loaded_from_the_cache(tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    code = "from sitegen.privacy.wordstats import stats; print(len(stats().table))"
    folder = tmp_path / "sitegen"
    folder.mkdir()
    stale, recent = folder / "wordstats-0000000000000000.marshal", folder / "wordstats-1111111111111111.marshal"
    for f in (stale, recent):
        f.write_bytes(b"left by other versions of the packages")
    two_days_ago = time.time() - 2 * 86400
    os.utime(stale, (two_days_ago, two_days_ago))
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert not stale.exists() and recent.exists()  # a table unread for days goes; one in use elsewhere stays
    recent.unlink()
    cached = list(folder.glob("wordstats-*.marshal"))
    assert first.returncode == 0 and len(cached) == 1
    mtime = cached[0].stat().st_mtime_ns
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert second.stdout == first.stdout and int(first.stdout) > 100_000
    assert cached[0].stat().st_mtime_ns == mtime  # read, not built again
    assert cached[0].with_suffix(".sqlite").is_file()  # and the indexed copy, read a word at a time
    few = "from sitegen.privacy.wordstats import stats; s = stats(); print(s.given('Priya') >= 1, s.table.full is None)"
    third = subprocess.run([sys.executable, "-c", few], env=env, capture_output=True, text=True, timeout=300)
    assert third.stdout.split() == ["True", "True"]  # answered without loading the whole table
