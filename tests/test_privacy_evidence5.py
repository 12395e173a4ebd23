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
