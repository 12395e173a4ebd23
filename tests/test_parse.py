"""parse_document: front matter split by hand, every line number the file's own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.discover import Kind, SourceFile
from sitegen.parse import MAX_FRONT_MATTER_DEPTH, parse_document

REL = "content/posts/a.md"


def parse(data: str | bytes):
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return parse_document(SourceFile(Path("/site") / REL, REL, Kind.ESSAY), raw)


def only_error(data: str | bytes):
    doc, diags = parse(data)
    assert doc is None and len(diags) == 1, diags
    return diags[0]


def test_a_good_file():
    doc, diags = parse("---\ntitle: A\ndate: 2024-01-01\ntags: [x, y]\n---\n\nBody *here*.\n")
    assert diags == ()
    assert doc.meta["title"] == "A" and doc.meta["date"] == "2024-01-01"  # dates stay text
    assert doc.key_lines["title"] == 2 and doc.key_lines["tags.1"] == 4
    assert doc.body_line == 6 and doc.body.startswith("\nBody")


def test_yes_and_no_are_words_not_booleans():
    doc, _ = parse("---\ntitle: No\ndraft: true\n---\n")
    assert doc.meta["title"] == "No" and doc.meta["draft"] is True


@pytest.mark.parametrize("prefix,shift", [("", 0), ("\ufeff", 0), ("\n\n", 2), ("  \n", 1)])
def test_yaml_error_lines_are_file_lines(prefix, shift):
    d = only_error(prefix + "---\ntitle: A\ndate: 2024-01-01\ntags: [a, b\nsummary: x\n---\nBody\n")
    assert d.line == 4 + shift and "[ is not closed" in d.message and "'tags: [a, b'" in d.message


def test_windows_and_old_mac_line_endings():
    for nl in ("\r\n", "\r"):
        doc, diags = parse(nl.join(["---", "title: A", "tags: [x]", "---", "", "Body"]))
        assert diags == () and doc.key_lines["tags"] == 3 and doc.body_line == 5


@pytest.mark.parametrize("text,line,phrase,hint", [
    ("---\ntitle: *Why* I stopped\n---\n", 2, "reserves", 'title: "*Why* I stopped"'),
    ("---\ntitle: [draft] My post\n---\n", 2, "unexpected text", 'title: "[draft] My post"'),
    ('---\ntitle: "Why" I said\n---\n', 2, "unexpected text", "quotes of the other kind"),
    ("---\ntitle:Foo\ndate: 2024-01-01\n---\n", 2, "no space after it", "put a space after the colon"),
    ("---\ntitle: Foo\n  date: 2024-01-01\n---\n", 3, "colon", "this line is indented"),
    ("---\ntitle: Foo\ntags:\n\t- a\n---\n", 4, "tab", "use spaces"),
    ('---\ntitle: "never closed\ndate: 2024-01-01\n---\n', 2, "quote is opened but never closed", 'title: "never closed"'),
    ("---\ntitle: A\n\nThis is my text, and it: has a colon\nmore text\n---\n", 5, "", "run on into your text"),
])
def test_yaml_mistakes_people_make(text, line, phrase, hint):
    d = only_error(text)
    assert d.line == line, d
    assert phrase in d.message and hint in d.hint, d


def test_unclosed_front_matter_says_where_the_closing_line_goes():
    d = only_error("---\ntitle: A\ndate: 2024-01-01\n\nMy text.\n")
    assert d.line == 1 and "never closed" in d.message and "after line 3" in d.hint


def test_missing_front_matter_quotes_the_first_line():
    d = only_error("title: A\n\nText\n")
    assert d.line == 1 and "'title: A'" in d.message


@pytest.mark.parametrize("data,line,phrase", [
    (b"", 1, "empty"),
    (b"  \n\n\t\n", 1, "blank"),
    (b"\xef\xbb\xbf", 1, "blank space"),
    (b"---\ntitle: A\x00\n---\n", 2, "zero byte (at byte offset 12)"),
    (b"---\ntitle: ok\ndate: 2024\ntitle2: caf\xe9\n---\n", 4, "byte 0xe9 at byte offset 36"),
    ("---\ntitle: x\n---\n".encode("utf-16"), 1, "UTF-16"),
])
def test_files_that_are_not_text(data, line, phrase):
    d = only_error(data)
    assert d.line == line and phrase in d.message, d


def test_front_matter_that_is_not_a_mapping():
    assert "a list" in only_error("---\n- a\n- b\n---\n").message
    assert "'just words'" in only_error("---\njust words\n---\n").message


def test_aliases_and_self_containing_values_are_refused():
    d = only_error("---\ntitle: A\nprivate: &a [*a]\n---\n")
    assert d.code == "front-matter.alias" and d.line == 3
    laughs = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n---\n"
    assert only_error(laughs).code == "front-matter.alias"


def test_keys_must_be_words():
    d = only_error("---\ntitle: A\n? [a, b]\n: 1\n---\n")
    assert d.line == 3 and "key must be a word" in d.message


def test_duplicate_keys_warn_with_the_second_line():
    doc, diags = parse("---\ntitle: A\ntitle: B\n---\n")
    assert doc.meta["title"] == "B"
    assert [(d.line, d.code) for d in diags] == [(3, "front-matter.duplicate-key")]


def test_deep_front_matter_is_refused_before_yaml_reads_it():
    d = only_error("---\ntitle: A\ntags: " + "[" * 60 + "]" * 60 + "\n---\n")
    assert d.line == 3 and f"more than the {MAX_FRONT_MATTER_DEPTH}" in d.message
    d = only_error("---\ntitle: A\ntags:\n" + "- " * 60 + "x\n---\n")
    assert d.line == 4 and d.code == "front-matter.too-deep"


def test_a_hundred_thousand_brackets_do_not_crash_the_interpreter():
    """libyaml's C composer recurses on the C stack: this used to be a segmentation fault."""
    code = (
        "from pathlib import Path\n"
        "from sitegen.discover import Kind, SourceFile\n"
        "from sitegen.parse import parse_document\n"
        "data = b'---\\ntags: ' + b'[' * 100000 + b']' * 100000 + b'\\n---\\n'\n"
        "doc, diags = parse_document(SourceFile(Path('/a.md'), 'a.md', Kind.ESSAY), data)\n"
        "print(diags[0].code)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "front-matter.too-deep"


def test_very_long_numbers_are_reported():
    d = only_error("---\ntitle: A\nsessions: " + "9" * 5000 + "\n---\n")
    assert d.code == "front-matter.yaml" and "cannot be read" in d.message
