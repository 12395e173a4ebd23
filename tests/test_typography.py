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
