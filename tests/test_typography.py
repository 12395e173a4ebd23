"""Smart typography must match Python-Markdown's smarty extension, which it replaces for speed."""

from __future__ import annotations

import html

import markdown
import pytest

from sitegen.typography import smarten
from tests.conftest import REPO

CASES = [
    'He said "hello" and left.',
    "It's the '80s -- really... \"quoted 'inner' text\"",
    '*"Emphasised"* and "*inside*" quotes',
    '"Hello," she said. \'Yes.\' -- no --- yes',
    'Code `"x" -- y` stays as typed',
    "rock 'n' roll, don't, the clients' hands",
    '("paren") ["brack"] {"brace"}',
    '"\'Double then single,\' she said"',
    "'Tis the season",
    '**"bold quote"** and [a \'link\'](http://x/) \'here\'',
    '```\n"fenced" -- code...\n```\n\nAfter "it".',
    '<span title="a \'b\' -- c">raw "html"</span>',
    "| a | \"b\" |\n|---|---|\n| 'c' | d -- e |",
    'Footnote "quoted"[^1].\n\n[^1]: The note\'s text -- here.',
]


def _pair(text: str) -> tuple[str, str]:
    with_smarty = markdown.Markdown(extensions=["footnotes", "tables", "fenced_code", "smarty", "toc"])
    plain = markdown.Markdown(extensions=["footnotes", "tables", "fenced_code", "toc"])
    return html.unescape(with_smarty.convert(text)), html.unescape(smarten(plain.convert(text)))


@pytest.mark.parametrize("text", CASES)
def test_matches_smarty(text):
    expected, got = _pair(text)
    assert got == expected


def test_matches_smarty_on_the_example_content():
    for md in sorted((REPO / "content").rglob("*.md")):
        body = md.read_text(encoding="utf-8").split("\n---", 1)[1]
        expected, got = _pair(body)
        assert got == expected, md


def test_code_and_attributes_untouched():
    out = smarten('<p title="it\'s -- x">a -- b</p><pre><code>"q" -- r...</code></pre>')
    assert 'title="it\'s -- x"' in out and "a &ndash; b" in out and '"q" -- r...' in out


def _by_every_rule(text: str, prev: str) -> str:
    """The quote rules applied one by one, with no shortcut (what _educate_quotes must give)."""
    from sitegen import typography

    lead = "" if not prev else (prev if prev in " \t\r\n([{-–—" else "x")
    s = lead + text
    for rx, repl, _needs in typography._RULES:
        if not (lead and rx.pattern.startswith("^")):
            s = rx.sub(repl, s)
    return s[len(lead):]


def test_the_apostrophe_shortcut_gives_what_the_rules_give():
    import random

    from sitegen import typography

    rng = random.Random(7)
    pieces = ["it", "'", "'", "s", " ", "9", "0s", "é", "_", "(", "-", "&mdash;", "\n", "don", "t", '"', "x"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(20_000)]
    texts += ["it's", "the clients' hands", "'80s", "rock 'n' roll", "a''b", "x'9", "é's"]
    for text in texts:
        for prev in ("", " ", "a", "(", "-"):
            assert typography._educate_quotes(text, prev) == _by_every_rule(text, prev), (text, prev)
